//! Discovery over real HTTP on SQLite and PostgreSQL: `/robots.txt` keeps staff pages and status
//! links out, `/sitemap.xml` lists every public page, and the RSS feeds of stories and open calls
//! parse with a feed parser. None of them shows a draft story or an unpublished call.

mod common;

use common::fixtures::setup;
use common::start;
use minyi::domain::solicitation::{NewSolicitation, Stage, Status};
use minyi::domain::story::StoryInput;
use minyi::domain::time::DAY_MS;
use minyi::server::db::{self, Db};

async fn story(db: &Db, author: i64, title: &str, slug: &str, published: bool) -> i64 {
    let s = StoryInput {
        title: title.into(),
        summary: format!("{title}的摘要"),
        body: "居民的建议写进了条例。".into(),
        kind: "case".into(),
        slug: slug.into(),
        published_on: "2026-11-28".into(),
    }
    .validate()
    .unwrap();
    let id = db::stories::save(db, None, None, &s, "<p>居民的建议写进了条例。</p>", author)
        .await
        .unwrap();
    if published {
        db::stories::set_published(db, id, true, author)
            .await
            .unwrap();
    }
    id
}

async fn feeds_show_only_what_is_public(db: Db) {
    let app = start(db.clone()).await;
    let s = setup(&db, true).await;
    story(&db, s.clerk, "旧楼加装电梯的意见写进了条例", "lift", true).await;
    story(&db, s.clerk, "尚未发布的草稿故事", "draft-story", false).await;
    let now = db::now_ms();
    let hidden = NewSolicitation {
        title: "尚未发布的征集".into(),
        stage: Stage::Drafting,
        issuer: "区人大常委会".into(),
        explanation_md: String::new(),
        questions: Vec::new(),
        opens_at: now - DAY_MS,
        closes_at: now + DAY_MS,
        status: Status::Draft,
        outcome_md: String::new(),
        station_ids: Vec::new(),
    };
    let hidden = db::solicitations::save(&db, None, None, &hidden, "", "", s.clerk)
        .await
        .unwrap();

    // Every page names the feeds.
    let home = app.get("/", None).await;
    assert!(home
        .body
        .contains(r#"<link rel="alternate" type="application/rss+xml" href="/feeds/stories.xml""#));

    let robots = app.get("/robots.txt", None).await;
    assert_eq!(robots.status, 200);
    for line in ["Disallow: /staff", "Disallow: /track", "Sitemap: "] {
        assert!(robots.body.contains(line), "{}", robots.body);
    }

    let map = app.get("/sitemap.xml", None).await;
    assert_eq!(map.status, 200);
    assert!(map.body.starts_with("<?xml"), "{}", map.body);
    assert!(map.body.contains("/stories/lift</loc>"), "{}", map.body);
    assert!(map
        .body
        .contains(&format!("/solicitations/{}</loc>", s.sol)));
    assert!(map.body.contains("/stats</loc>"));
    assert!(!map.body.contains("draft-story"));
    assert!(!map.body.contains(&format!("/solicitations/{hidden}<")));
    assert!(!map.body.contains("/staff"));

    let feed = app.get("/feeds/stories.xml", None).await;
    assert_eq!(feed.status, 200);
    assert!(feed
        .headers
        .iter()
        .any(|(k, v)| k == "content-type" && v.starts_with("application/rss+xml")));
    let channel = rss::Channel::read_from(feed.body.as_bytes()).expect("an RSS 2.0 feed");
    let titles: Vec<&str> = channel.items().iter().filter_map(|i| i.title()).collect();
    assert_eq!(titles, vec!["旧楼加装电梯的意见写进了条例"]);
    let item = &channel.items()[0];
    assert!(item.link().unwrap_or_default().ends_with("/stories/lift"));
    assert_eq!(item.pub_date(), Some("Sat, 28 Nov 2026 00:00:00 +0800"));
    assert!(!feed.body.contains("尚未发布"));

    let open = app.get("/feeds/solicitations.xml", None).await;
    let channel = rss::Channel::read_from(open.body.as_bytes()).expect("an RSS 2.0 feed");
    let titles: Vec<&str> = channel.items().iter().filter_map(|i| i.title()).collect();
    assert_eq!(titles, vec!["养老服务条例草案征求意见"]);
    assert!(channel.items()[0]
        .description()
        .unwrap_or_default()
        .contains("立法中"));
    assert!(!open.body.contains("尚未发布的征集"));

    // What became of one call: the versions of its draft so far; none for a hidden call.
    let trail = app
        .get(&format!("/feeds/solicitations/{}.xml", s.sol), None)
        .await;
    assert_eq!(trail.status, 200);
    let channel = rss::Channel::read_from(trail.body.as_bytes()).expect("an RSS 2.0 feed");
    assert_eq!(channel.title(), "养老服务条例草案征求意见 · 进展");
    let titles: Vec<&str> = channel.items().iter().filter_map(|i| i.title()).collect();
    assert_eq!(titles, vec!["养老服务条例草案征求意见：发布征求意见稿"]);
    assert!(channel.items()[0]
        .link()
        .unwrap_or_default()
        .contains(&format!("/solicitations/{}?version=", s.sol)));
    for path in [
        format!("/feeds/solicitations/{hidden}.xml"),
        "/feeds/solicitations/abc.xml".to_string(),
        "/feeds/solicitations/999999.xml".to_string(),
    ] {
        assert_eq!(app.get(&path, None).await.status, 404, "{path}");
    }
    let page = app.get(&format!("/solicitations/{}", s.sol), None).await;
    assert!(page
        .body
        .contains(&format!("href=\"/feeds/solicitations/{}.xml\"", s.sol)));
}
on_both!(feeds, feeds_show_only_what_is_public);

/// The `content` of the first `<meta>` whose `attr` is `value`.
fn meta<'a>(body: &'a str, attr: &str, value: &str) -> Option<&'a str> {
    let at = body.find(&format!("<meta {attr}=\"{value}\" content=\""))?;
    let rest = &body[at..];
    let start = rest.find("content=\"")? + 9;
    let end = rest[start..].find('"')?;
    Some(&rest[start..start + end])
}

async fn every_public_page_has_a_share_card(db: Db) {
    let app = start(db.clone()).await;
    let s = setup(&db, true).await;
    story(&db, s.clerk, "旧楼加装电梯的意见写进了条例", "lift", true).await;
    let pages = [
        "/".to_string(),
        "/stories".into(),
        "/stories/lift".into(),
        "/solicitations".into(),
        format!("/solicitations/{}", s.sol),
        format!("/solicitations/{}/compare", s.sol),
        "/consultations".into(),
        "/deputies".into(),
        "/stats".into(),
        "/privacy".into(),
        "/search?q=%E7%94%B5%E6%A2%AF".into(),
    ];
    for path in &pages {
        let r = app.get(path, None).await;
        assert_eq!(r.status, 200, "{path}");
        for (attr, name) in [
            ("property", "og:title"),
            ("property", "og:description"),
            ("property", "og:site_name"),
            ("name", "description"),
            ("name", "twitter:card"),
        ] {
            let v = meta(&r.body, attr, name);
            assert!(v.is_some_and(|v| !v.is_empty()), "{path}: no {name}");
        }
        let image = meta(&r.body, "property", "og:image").unwrap_or_default();
        assert!(
            image.starts_with("http") && image.ends_with("/share.png"),
            "{path}: {image}"
        );
        let url = meta(&r.body, "property", "og:url").unwrap_or_default();
        assert!(url.starts_with("http"), "{path}: {url}");
        assert!(
            !url.contains('?'),
            "{path}: the address without its query: {url}"
        );
    }
    let r = app.get("/stories/lift", None).await;
    assert_eq!(
        meta(&r.body, "property", "og:title"),
        Some("旧楼加装电梯的意见写进了条例")
    );
    assert_eq!(
        meta(&r.body, "property", "og:description"),
        Some("旧楼加装电梯的意见写进了条例的摘要")
    );
    assert_eq!(meta(&r.body, "property", "og:type"), Some("article"));
    // A private page names no address of its own on its card.
    let r = app.get("/track", None).await;
    assert!(meta(&r.body, "property", "og:url").is_none());
    let image = app.get("/share.png", None).await;
    assert_eq!(image.status, 200);
}
on_both!(share, every_public_page_has_a_share_card);

async fn open_data_is_csv_of_what_the_pages_show(db: Db) {
    use common::fixtures::{opinion, submit_opinion};
    use minyi::domain::moderation::{Action, Selected};
    use minyi::domain::opinion::OpinionStatus;
    let app = start(db.clone()).await;
    let s = setup(&db, true).await;
    let accept = |id: i64| Selected {
        id,
        seen: OpinionStatus::Pending,
    };
    let mut shown = opinion(
        "建议助餐点周末也开放，方便上班的子女陪老人吃饭。",
        "东湖街道",
    );
    shown.publish_ok = true;
    let (shown, _) = submit_opinion(&db, s.sol, &shown).await;
    let (private, _) =
        submit_opinion(&db, s.sol, &opinion("这条意见不同意公开。", "东湖街道")).await;
    let (_pending, _) = submit_opinion(&db, s.sol, &{
        let mut o = opinion("这条意见还没有审核。", "东湖街道");
        o.publish_ok = true;
        o
    })
    .await;
    let all = db::moderation::Scope::ALL;
    let ok = Action::Accept {
        note: String::new(),
    };
    db::moderation::apply(&db, s.clerk, all, &[accept(shown), accept(private)], &ok)
        .await
        .unwrap();
    db::stats::fold(&db).await.unwrap();

    let r = app
        .get(&format!("/solicitations/{}/opinions.csv", s.sol), None)
        .await;
    assert_eq!(r.status, 200);
    assert!(
        r.body.starts_with('\u{feff}'),
        "a byte-order mark for spreadsheet programs"
    );
    let mut reader = csv::Reader::from_reader(r.body.trim_start_matches('\u{feff}').as_bytes());
    let head: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(
        head,
        ["收到日期", "草案版本", "针对", "身份", "意见", "建议"]
    );
    let rows: Vec<Vec<String>> = reader
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect();
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert_eq!(
        rows[0][4],
        "建议助餐点周末也开放，方便上班的子女陪老人吃饭。"
    );
    for hidden in ["不同意公开", "还没有审核", "王秀兰", "13800138001"] {
        assert!(!r.body.contains(hidden), "{hidden}");
    }
    let hidden = NewSolicitation {
        title: "尚未发布的征集".into(),
        stage: Stage::Drafting,
        issuer: "区人大常委会".into(),
        explanation_md: String::new(),
        questions: Vec::new(),
        opens_at: db::now_ms() - DAY_MS,
        closes_at: db::now_ms() + DAY_MS,
        status: Status::Draft,
        outcome_md: String::new(),
        station_ids: Vec::new(),
    };
    let hidden = db::solicitations::save(&db, None, None, &hidden, "", "", s.clerk)
        .await
        .unwrap();
    for path in [
        format!("/solicitations/{hidden}/opinions.csv"),
        "/solicitations/abc/opinions.csv".into(),
    ] {
        assert_eq!(app.get(&path, None).await.status, 404, "{path}");
    }

    let r = app.get("/open-data/stats.csv", None).await;
    assert_eq!(r.status, 200);
    let mut reader = csv::Reader::from_reader(r.body.trim_start_matches('\u{feff}').as_bytes());
    let rows: Vec<Vec<String>> = reader
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect();
    // One line for the call, and the total: 3 received, 2 accepted, matching /stats.
    assert_eq!(rows.len(), 2, "{rows:?}");
    assert_eq!(rows[0][1], "养老服务条例草案征求意见");
    assert_eq!(&rows[1][1..4], ["合计", "3", "2"]);
    assert!(!r.body.contains("尚未发布的征集"));
    let stats = app.get("/stats", None).await;
    assert!(stats.body.contains("href=\"/open-data/stats.csv\""));
    let page = app.get(&format!("/solicitations/{}", s.sol), None).await;
    assert!(page
        .body
        .contains(&format!("href=\"/solicitations/{}/opinions.csv\"", s.sol)));
}
on_both!(open_data, open_data_is_csv_of_what_the_pages_show);
