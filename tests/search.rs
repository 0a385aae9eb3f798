//! The public search over real HTTP on SQLite and PostgreSQL: two-character words, words mixed
//! with digits, every kind of result, nothing unpublished, private or personal (each hidden
//! thing searched for by its exact words), paging, and bad parameters answered with 400.

mod common;

use common::fixtures::{deputy, moderate, opinion, setup, story, submit_opinion, unpublished_call};
use common::start;
use minyi::domain::moderation::{Action, QueueFilter, RejectReason};
use minyi::domain::search::{Kind, Params};

use minyi::server::db::{self, moderation::Scope, Db};

/// How many results the page lists.
fn listed(body: &str) -> usize {
    body.matches("<li><p class=\"kind\">").count()
}

async fn search_finds_what_is_public_and_nothing_else(db: Db) {
    let app = start(db.clone()).await;
    let s = setup(&db, true).await;
    story(
        &db,
        s.clerk,
        "小区停车难题有了新办法",
        "东湖街道为3号楼增设了二十个停车位。",
        "parking",
        true,
    )
    .await;
    let draft = story(
        &db,
        s.clerk,
        "草稿里的甲乙故事",
        "甲乙只在草稿里。",
        "draft",
        false,
    )
    .await;
    unpublished_call(&db, s.clerk).await;
    deputy(&db, "李红梅", "长期关注养老服务和社区助餐。", true).await;
    deputy(&db, "午未代表", "没有公开的代表。", false).await;

    let mut shown = opinion("建议在老旧小区增设停车位，方便居民。", "东湖街道");
    shown.publish_ok = true;
    let (shown, _) = submit_opinion(&db, s.sol, &shown).await;
    moderate(
        &db,
        s.clerk,
        shown,
        Action::Accept {
            note: String::new(),
        },
    )
    .await;
    let mut rejected = opinion("壬癸这条意见被退回了。", "东湖街道");
    rejected.publish_ok = true;
    let (rejected, _) = submit_opinion(&db, s.sol, &rejected).await;
    let reject = Action::Reject {
        reason: RejectReason::OffTopic,
        note: String::new(),
    };
    moderate(&db, s.clerk, rejected, reject).await;
    let private = opinion("子丑这条意见作者不同意公开。", "东湖街道");
    let (private, _) = submit_opinion(&db, s.sol, &private).await;
    moderate(
        &db,
        s.clerk,
        private,
        Action::Accept {
            note: String::new(),
        },
    )
    .await;
    let mut pending = opinion("辰巳这条意见还没有审核。", "东湖街道");
    pending.publish_ok = true;
    submit_opinion(&db, s.sol, &pending).await;

    // A two-character word: the story, with the word marked, and the opinion, without the
    // name or telephone number of its author.
    let r = app.get("/search?q=%E5%81%9C%E8%BD%A6", None).await;
    assert_eq!(r.status, 200);
    assert!(
        r.body.contains("小区<mark>停车</mark>难题有了新办法"),
        "{}",
        r.body
    );
    assert!(r.body.contains("href=\"/stories/parking\""));
    assert!(r.body.contains("增设<mark>停车</mark>位"), "{}", r.body);
    for personal in ["王秀兰", "13800138001", "1380"] {
        assert!(!r.body.contains(personal), "{personal} shown");
    }
    // The search box is in the header of every page, and on this one it keeps the words.
    assert!(r.body.contains("value=\"停车\""));
    let home = app.get("/", None).await;
    assert!(home.body.contains("action=\"/search\""));

    // An article of the draft links to its place in the right version.
    let versions = db::solicitations::versions(&db, s.sol).await.unwrap();
    let r = app
        .get("/search?q=%E5%8A%A9%E9%A4%90&kind=article", None)
        .await;
    assert_eq!(listed(&r.body), 1, "{}", r.body);
    assert!(r.body.contains(&format!(
        "href=\"/solicitations/{}?version={}#art-3\"",
        s.sol, versions[0].id
    )));
    assert!(r.body.contains("设置<mark>助餐</mark>点"), "{}", r.body);

    // Words and digits together; several words, all required.
    let p = |q: &str, kind: &str| Params::parse(q, kind, "", "").unwrap();
    let found = db::search::search(&db, &p("3号楼", "")).await.unwrap();
    assert_eq!(found.count(Kind::Story), 1);
    assert_eq!(found.hits[0].title, "小区停车难题有了新办法");
    let found = db::search::search(&db, &p("养老 助餐", "")).await.unwrap();
    assert_eq!(found.count(Kind::Deputy), 1, "{found:?}");
    assert_eq!(
        found.count(Kind::Solicitation),
        0,
        "the call says nothing of 助餐"
    );
    let found = db::search::search(&db, &p("养老", "")).await.unwrap();
    assert_eq!(found.count(Kind::Solicitation), 1);
    assert_eq!(found.count(Kind::Deputy), 1);
    // The title ranks first: the call named 养老 before the deputy who mentions it.
    assert_eq!(found.hits[0].kind, Kind::Solicitation, "{:?}", found.hits);
    let found = db::search::search(&db, &p("停车场", "")).await.unwrap();
    assert!(found.counts.iter().all(|c| c.count == 0), "{found:?}");

    // Nothing unpublished, rejected, pending or private, searched for by its exact words.
    for word in ["甲乙", "戊己", "壬癸", "子丑", "辰巳", "午未"] {
        let found = db::search::search(&db, &p(word, "")).await.unwrap();
        assert!(
            found.counts.iter().all(|c| c.count == 0),
            "{word}: {found:?}"
        );
        let r = app
            .get(&format!("/search?q={}", urlencoding::encode(word)), None)
            .await;
        assert_eq!(r.status, 200);
        assert_eq!(listed(&r.body), 0, "{word}");
        assert!(r.body.contains(&format!("没有找到包含“{word}”的内容")));
    }
    // The staff queue finds the private one with the same engine.
    let f = QueueFilter {
        keyword: Some("子丑 公开".into()),
        ..QueueFilter::default()
    };
    let queue = db::moderation::queue(&db, Scope::ALL, &f).await.unwrap();
    assert_eq!(
        queue.items.iter().map(|o| o.id).collect::<Vec<_>>(),
        [private]
    );

    // A story published is found at once, and gone at once when taken down.
    db::stories::set_published(&db, draft, true, s.clerk)
        .await
        .unwrap();
    let found = db::search::search(&db, &p("甲乙", "story")).await.unwrap();
    assert_eq!(found.hits.len(), 1);
    db::stories::set_published(&db, draft, false, s.clerk)
        .await
        .unwrap();
    let found = db::search::search(&db, &p("甲乙", "story")).await.unwrap();
    assert!(found.hits.is_empty());

    // One kind at a time.
    let r = app
        .get("/search?q=%E5%81%9C%E8%BD%A6&kind=opinion", None)
        .await;
    assert_eq!(listed(&r.body), 1);
    assert!(r
        .body
        .contains(&format!("href=\"/solicitations/{}\"", s.sol)));
    let r = app
        .get("/search?q=%E5%81%9C%E8%BD%A6&kind=story", None)
        .await;
    assert_eq!(listed(&r.body), 1);
    assert!(!r.body.contains("增设<mark>停车</mark>位"));

    // Bad parameters: 400, the problem named, the words kept in the box.
    let long = "停".repeat(101);
    let cases = [
        ("/search?q=%E5%81%9C%E8%BD%A6&kind=nope".to_string(), "类别"),
        ("/search?q=%E5%81%9C%E8%BD%A6&page=0".to_string(), "页码"),
        ("/search?q=%E5%81%9C%E8%BD%A6&page=abc".to_string(), "页码"),
        (
            "/search?q=%E5%81%9C%E8%BD%A6&kind=opinion&after=x".to_string(),
            "after",
        ),
        (
            format!("/search?q={}", urlencoding::encode(&long)),
            "您输入了 101 个字",
        ),
        (
            "/search?q=%EF%BC%8C%EF%BC%9F".to_string(),
            "至少一个汉字、字母或数字",
        ),
    ];
    for (url, says) in cases {
        let r = app.get(&url, None).await;
        assert_eq!(r.status, 400, "{url}");
        assert!(r.body.contains(says), "{url}: {}", r.body);
    }
    let r = app
        .get(&format!("/search?q={}", urlencoding::encode(&long)), None)
        .await;
    assert!(
        r.body.contains(&format!("value=\"{long}\"")),
        "what was typed is kept"
    );
    let r = app.get("/search", None).await;
    assert_eq!(r.status, 200);
    assert_eq!(listed(&r.body), 0);
}
on_both!(
    finds_only_public,
    search_finds_what_is_public_and_nothing_else
);

async fn search_pages_through_many_results(db: Db) {
    let app = start(db.clone()).await;
    let s = setup(&db, false).await;
    // Stories written straight into the table: the index hears of them all the same.
    for i in 1..=45 {
        sqlx::query(
            "INSERT INTO stories (slug, kind, title, summary, body_md, body_html, published_on, \
             is_published, created_at, updated_at) VALUES ($1, 'news', $2, '', $3, '', \
             '2026-11-01', 1, 0, 0)",
        )
        .bind(format!("s{i}"))
        .bind(format!("第{i}期物业简报"))
        .bind("本期讲物业费的公示。")
        .execute(&db.pool)
        .await
        .unwrap();
    }
    let mut ids = Vec::new();
    for i in 1..=25 {
        let mut o = opinion(&format!("第{i}条：物业应当公开账目。"), "东湖街道");
        o.publish_ok = true;
        let (id, _) = submit_opinion(&db, s.sol, &o).await;
        moderate(
            &db,
            s.clerk,
            id,
            Action::Accept {
                note: String::new(),
            },
        )
        .await;
        ids.push(id);
    }
    let r = app.get("/search?q=%E7%89%A9%E4%B8%9A", None).await;
    assert_eq!(listed(&r.body), 20 + 3, "twenty stories and three opinions");
    assert!(r.body.contains("共找到 45 条结果"), "{}", r.body);
    assert!(r.body.contains("查看全部 25 条意见"));
    assert!(r.body.contains("第 1 页，共 3 页"), "{}", r.body);
    let r = app
        .get("/search?q=%E7%89%A9%E4%B8%9A&kind=story&page=3", None)
        .await;
    assert_eq!(listed(&r.body), 5);
    let mut seen = std::collections::HashSet::new();
    for page in 1..=3 {
        let found = db::search::search(
            &db,
            &Params::parse("物业", "story", &page.to_string(), "").unwrap(),
        )
        .await
        .unwrap();
        assert_eq!(found.pages, 3);
        for h in found.hits {
            assert!(seen.insert(h.href), "a story on two pages");
        }
    }
    assert_eq!(seen.len(), 45);

    // Opinions page newest first by the id of the last one shown.
    let first = db::search::search(&db, &Params::parse("物业", "opinion", "", "").unwrap())
        .await
        .unwrap();
    assert_eq!(first.hits.len(), 20);
    assert_eq!(first.hits[0].id, *ids.last().unwrap());
    let after = first.next_after.expect("a next page");
    let r = app
        .get(
            &format!("/search?q=%E7%89%A9%E4%B8%9A&kind=opinion&after={after}"),
            None,
        )
        .await;
    assert_eq!(r.status, 200);
    assert_eq!(listed(&r.body), 5);
    assert!(
        r.body.contains("第1条：<mark>物业</mark>应当公开账目"),
        "{}",
        r.body
    );
}
on_both!(pages, search_pages_through_many_results);

/// The `<span class="figure">` shown before the label `label`.
fn figure<'a>(body: &'a str, label: &str) -> Option<&'a str> {
    let end = body.find(&format!("</span><span class=\"label\">{label}</span>"))?;
    let start = body[..end].rfind('>')? + 1;
    Some(&body[start..end])
}

async fn home_figures_add_up_with_the_statistics(db: Db) {
    let app = start(db.clone()).await;
    let s = setup(&db, false).await;
    for i in 0..3 {
        let (id, _) =
            submit_opinion(&db, s.sol, &opinion(&format!("第{i}条意见"), "东湖街道")).await;
        if i < 2 {
            moderate(
                &db,
                s.clerk,
                id,
                Action::Accept {
                    note: String::new(),
                },
            )
            .await;
        }
    }
    sqlx::query(
        "UPDATE solicitations SET outcome_md = '常委会采纳了居民关于助餐点的意见。', \
         outcome_html = '<p>常委会采纳了居民关于助餐点的意见。</p>' WHERE id = $1",
    )
    .bind(s.sol)
    .execute(&db.pool)
    .await
    .unwrap();
    db::stats::fold(&db).await.unwrap();
    let home = app.get("/", None).await;
    let stats = app.get("/stats", None).await;
    for label in [
        "收到意见",
        "采纳（含部分采纳）",
        "采纳率",
        "收到反馈的中位天数",
    ] {
        let on_home = figure(&home.body, label);
        assert!(on_home.is_some(), "{label} on the home page: {}", home.body);
        assert_eq!(on_home, figure(&stats.body, label), "{label}");
    }
    assert_eq!(figure(&home.body, "收到意见"), Some("3"));
    assert!(home.body.contains("常委会采纳了居民关于助餐点的意见。"));
    assert!(home
        .body
        .contains(&format!("href=\"/solicitations/{}#outcome\"", s.sol)));
}
on_both!(home, home_figures_add_up_with_the_statistics);
