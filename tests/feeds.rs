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
}
on_both!(feeds, feeds_show_only_what_is_public);
