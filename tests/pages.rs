//! The page cache, over real HTTP on SQLite and PostgreSQL: an anonymous public page is rendered
//! once and shared, with an ETag and 304; a write made through a request is on every page the
//! moment its answer arrives, on the instance that took it and on another sharing the database;
//! pages for someone signed in, private pages and pages holding a form's one-time key are never
//! shared; and every table a public page may show bumps the page version.

mod common;

use common::{start, BROWSER_FORM, PASSWORD as PW};
use minyi::domain::account::Role;
use minyi::domain::story::StoryInput;
use minyi::server::db::{self, Db};

/// Tables whose rows no public page shows; every other table must bump the page version.
const UNWATCHED: &[&str] = &[
    "sessions",
    "login_throttle",
    "form_drafts",
    "audit_log",
    "rate_counters",
    "notifications",
    "messages",
    "server_secrets",
    "opinion_tallies",
    "target_tallies",
    "opinion_tally_deltas",
    "target_tally_deltas",
    "page_version",
    "page_changes",
    "opinion_grams",
    // The search index: derived from watched tables, and read only by /search, which is never
    // cached (one page per query).
    "search_docs",
    "search_dirty",
    "search_grams",
];

async fn every_table_a_page_may_show_bumps_the_version(db: Db) {
    let (tables, watched): (Vec<String>, Vec<String>) = match db.backend {
        db::Backend::Sqlite => (
            sqlx::query_scalar(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' \
                 AND name NOT LIKE '_sqlx%' AND name NOT LIKE 'opinion_grams_%' \
                 AND name NOT LIKE 'search_grams_%' ORDER BY name",
            )
            .fetch_all(&db.pool)
            .await
            .unwrap(),
            sqlx::query_scalar(
                "SELECT DISTINCT tbl_name FROM sqlite_master WHERE type = 'trigger' \
                 AND name LIKE 'page_version_%' ORDER BY tbl_name",
            )
            .fetch_all(&db.pool)
            .await
            .unwrap(),
        ),
        db::Backend::Postgres => (
            sqlx::query_scalar(
                "SELECT table_name::text FROM information_schema.tables \
                 WHERE table_schema = 'public' AND table_name NOT LIKE '_sqlx%' ORDER BY 1",
            )
            .fetch_all(&db.pool)
            .await
            .unwrap(),
            sqlx::query_scalar(
                "SELECT DISTINCT event_object_table::text FROM information_schema.triggers \
                 WHERE trigger_name = 'page_version' ORDER BY 1",
            )
            .fetch_all(&db.pool)
            .await
            .unwrap(),
        ),
    };
    let unwatched: Vec<&String> = tables
        .iter()
        .filter(|t| !watched.contains(t) && !UNWATCHED.contains(&t.as_str()))
        .collect();
    assert!(
        unwatched.is_empty(),
        "tables neither watched by the page version nor named as private: {unwatched:?}"
    );
    let before = db::pages::version(&db).await.unwrap();
    db::stations::insert(&db, "新联系点", "contact_point", "南山街道", "")
        .await
        .unwrap();
    db::pages::fold(&db).await.unwrap();
    let after = db::pages::version(&db).await.unwrap();
    assert!(
        after > before,
        "a write bumps the version ({before} → {after})"
    );
    db::pages::fold(&db).await.unwrap();
    assert_eq!(
        db::pages::version(&db).await.unwrap(),
        after,
        "folding leaves the version as it is"
    );
}
on_both!(
    every_table_watched,
    every_table_a_page_may_show_bumps_the_version
);

/// A published story by a new admin `boss`; returns its id.
async fn published_story(db: &Db, title: &str, slug: &str) -> i64 {
    let boss = db::accounts::id_of(db, "boss").await.unwrap().unwrap();
    let story = StoryInput {
        title: title.into(),
        summary: "摘要".into(),
        body: "居民的建议写进了条例。".into(),
        kind: "case".into(),
        slug: slug.into(),
        published_on: "2026-11-28".into(),
    }
    .validate()
    .unwrap();
    let id = db::stories::save(
        db,
        None,
        None,
        &story,
        "<p>居民的建议写进了条例。</p>",
        boss,
    )
    .await
    .unwrap();
    assert!(db::stories::set_published(db, id, true, boss)
        .await
        .unwrap());
    id
}

async fn publish(app: &common::App, session: &str, id: i64, on: bool) {
    let r = app
        .post(
            "/api/staff/stories/publish",
            &[
                ("id", &id.to_string()),
                ("publish", if on { "1" } else { "0" }),
            ],
            BROWSER_FORM,
            Some(session),
        )
        .await;
    assert_eq!(r.status, 302, "{r:?}");
}

async fn a_public_page_is_shared_until_a_write_changes_it(db: Db) {
    let app = start(db.clone()).await;
    app.account("boss", PW, Role::Admin).await;
    let id = published_story(&db, "议事会的一条建议", "yishihui").await;
    let staff = app.sign_in("boss", PW).await;

    let first = app.get("/stories/yishihui", None).await;
    assert_eq!(first.status, 200);
    assert!(first.body.contains("议事会的一条建议"));
    assert_eq!(first.header("x-page-cache").as_deref(), Some("miss"));
    let etag = first.header("etag").expect("a page has an ETag");
    let second = app.get_as_served("/stories/yishihui", &[], None).await;
    assert_eq!(second.header("x-page-cache").as_deref(), Some("hit"));
    assert_eq!(second.body, first.body, "everyone gets the same page");
    assert_eq!(second.header("etag").as_deref(), Some(etag.as_str()));
    // The shared page's policy names its inline scripts' hashes, not a nonce.
    let policy = second.header("content-security-policy").unwrap();
    assert!(!policy.contains("'nonce-"), "{policy}");
    assert!(policy.contains("'sha256-"), "{policy}");
    let again = app
        .get_as_served("/stories/yishihui", &[("If-None-Match", &etag)], None)
        .await;
    assert_eq!(again.status, 304, "the browser's copy is current");
    assert!(again.body.is_empty());

    // Someone signed in gets a page of their own, never the shared one.
    let own = app
        .get_as_served("/stories/yishihui", &[], Some(&staff))
        .await;
    assert_eq!(own.status, 200);
    assert_eq!(own.header("x-page-cache"), None);
    assert!(own
        .header("content-security-policy")
        .unwrap()
        .contains("'nonce-"));

    // Unpublished: gone from the story's page and from the list the moment the answer arrives.
    let list = app.get_as_served("/stories", &[], None).await;
    assert!(list.body.contains("议事会的一条建议"));
    publish(&app, &staff, id, false).await;
    let gone = app.get_as_served("/stories/yishihui", &[], None).await;
    assert_eq!(gone.status, 404);
    let list = app.get_as_served("/stories", &[], None).await;
    assert!(!list.body.contains("议事会的一条建议"));
    assert_eq!(list.header("x-page-cache").as_deref(), Some("miss"));
    // And back, as quickly.
    publish(&app, &staff, id, true).await;
    let back = app.get_as_served("/stories/yishihui", &[], None).await;
    assert_eq!(back.status, 200);
    assert!(back.body.contains("议事会的一条建议"));
    let etag_now = back.header("etag").unwrap();
    let current = app
        .get_as_served("/stories/yishihui", &[("If-None-Match", &etag_now)], None)
        .await;
    assert_eq!(current.status, 304);
}
on_both!(
    shared_until_changed,
    a_public_page_is_shared_until_a_write_changes_it
);

async fn private_pages_and_one_time_keys_are_never_shared(db: Db) {
    let s = common::fixtures::setup(&db, true).await;
    let app = start(db.clone()).await;
    let form = format!("/solicitations/{}/opinions/new", s.sol);
    let a = app.get(&form, None).await;
    let b = app.get_as_served(&form, &[], None).await;
    assert_eq!((a.status, b.status), (200, 200));
    let key = |body: &str| {
        body.split("name=\"submit_key\" value=\"")
            .nth(1)
            .map(|rest| rest.split('"').next().unwrap_or("").to_string())
    };
    assert!(
        key(&a.body).is_some(),
        "the opinion form holds a one-time key"
    );
    assert_ne!(
        key(&a.body),
        key(&b.body),
        "each visitor gets a key of their own"
    );
    assert_eq!(b.header("x-page-cache"), None);

    for path in ["/track", "/staff/login"] {
        app.get(path, None).await;
        let r = app.get_as_served(path, &[], None).await;
        assert_eq!(r.header("x-page-cache"), None, "{path} is not shared");
    }
    // The draft page is shared, and a stranger's cookie of ours turns sharing off.
    let page = format!("/solicitations/{}", s.sol);
    app.get(&page, None).await;
    let shared = app.get_as_served(&page, &[], None).await;
    assert_eq!(shared.header("x-page-cache").as_deref(), Some("hit"));
    let with_cookie = app
        .get_as_served(&page, &[("Cookie", "minyi_form=abc")], None)
        .await;
    assert_eq!(with_cookie.header("x-page-cache"), None);
}
on_both!(
    never_shared,
    private_pages_and_one_time_keys_are_never_shared
);

/// Two instances of the server on one PostgreSQL database: a write answered by one is on the
/// other's pages at once, even though the other had the old page in its cache.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_write_on_one_instance_is_on_the_other_at_once() {
    let Some(db) = common::postgres().await else {
        return;
    };
    let a = start(db.clone()).await;
    let b = start(db.clone()).await;
    a.account("boss", PW, Role::Admin).await;
    let id = published_story(&db, "两台服务器上的故事", "two").await;
    let staff = a.sign_in("boss", PW).await;
    for _ in 0..2 {
        let page = b.get("/stories", None).await;
        assert!(page.body.contains("两台服务器上的故事"));
    }
    assert_eq!(
        b.get_as_served("/stories", &[], None)
            .await
            .header("x-page-cache")
            .as_deref(),
        Some("hit")
    );
    for round in 0..5 {
        let on = round % 2 == 1;
        publish(&a, &staff, id, on).await;
        let page = b.get_as_served("/stories", &[], None).await;
        assert_eq!(
            page.body.contains("两台服务器上的故事"),
            on,
            "round {round}: instance B shows what instance A just answered"
        );
        let again = b.get_as_served("/stories", &[], None).await;
        assert_eq!(again.header("x-page-cache").as_deref(), Some("hit"));
    }
}
