//! Repository tests: what the database must hold after each operation, on SQLite and PostgreSQL,
//! each test on a fresh database.

mod common;

use minyi::domain::account::Role;
use minyi::domain::form::FormState;
use minyi::domain::story::{StoryInput, StoryKind};
use minyi::domain::text::Problem;
use minyi::server::db::{self, stories::SaveError, Db};

fn story(title: &str, slug: &str, date: &str) -> minyi::domain::story::NewStory {
    StoryInput {
        title: title.into(),
        summary: "摘要".into(),
        body: "正文".into(),
        kind: "case".into(),
        slug: slug.into(),
        published_on: date.into(),
    }
    .validate()
    .unwrap()
}

async fn admin(db: &Db) -> i64 {
    let new = db::accounts::NewAccount {
        username: "admin",
        display_name: "管理员",
        password_hash: "x",
        role: Role::Admin,
        station_id: None,
    };
    db::accounts::insert(db, &new, None).await.unwrap().unwrap()
}

async fn migrations_are_idempotent(db: Db) {
    db::migrate(&db)
        .await
        .expect("running the migrations again changes nothing");
    assert!(db::ping(&db).await);
}
on_both!(migrations_run_twice, migrations_are_idempotent);

async fn stories_list_newest_first_and_only_published(db: Db) {
    let a = admin(&db).await;
    let old = db::stories::save(
        &db,
        None,
        None,
        &story("旧的", "old", "2025-01-01"),
        "<p>x</p>",
        a,
    )
    .await
    .unwrap();
    let new = db::stories::save(
        &db,
        None,
        None,
        &story("新的", "new", "2026-05-01"),
        "<p>x</p>",
        a,
    )
    .await
    .unwrap();
    let hidden = db::stories::save(
        &db,
        None,
        None,
        &story("草稿", "draft", "2026-06-01"),
        "<p>x</p>",
        a,
    )
    .await
    .unwrap();
    for id in [old, new] {
        assert!(db::stories::set_published(&db, id, true, a).await.unwrap());
    }
    let page = db::stories::list_published(&db, None, 1, 10).await.unwrap();
    let titles: Vec<_> = page.items.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(titles, ["新的", "旧的"]);
    assert_eq!(page.total, 2);
    assert!(db::stories::get_published(&db, "draft")
        .await
        .unwrap()
        .is_none());
    assert!(db::stories::get(&db, hidden).await.unwrap().is_some());
    let only_news = db::stories::list_published(&db, Some(StoryKind::News), 1, 10)
        .await
        .unwrap();
    assert_eq!(only_news.total, 0);
    assert_eq!(
        db::audit::count_action(&db, "story.publish").await.unwrap(),
        2
    );
}
on_both!(published_list, stories_list_newest_first_and_only_published);

async fn pagination_clamps_and_counts(db: Db) {
    let a = admin(&db).await;
    for i in 0..23 {
        let id = db::stories::save(
            &db,
            None,
            None,
            &story(&format!("第{i}篇"), "", "2026-01-01"),
            "",
            a,
        )
        .await
        .unwrap();
        db::stories::set_published(&db, id, true, a).await.unwrap();
    }
    let p3 = db::stories::list_published(&db, None, 3, 10).await.unwrap();
    assert_eq!((p3.page, p3.pages, p3.items.len()), (3, 3, 3));
    let beyond = db::stories::list_published(&db, None, 99, 10)
        .await
        .unwrap();
    assert_eq!(beyond.page, 3);
}
on_both!(pagination, pagination_clamps_and_counts);

async fn slugs_are_unique_and_generated_from_the_date(db: Db) {
    let a = admin(&db).await;
    let first = db::stories::save(&db, None, None, &story("甲", "", "2026-11-28"), "", a)
        .await
        .unwrap();
    let second = db::stories::save(&db, None, None, &story("乙", "", "2026-11-28"), "", a)
        .await
        .unwrap();
    assert_eq!(
        db::stories::get(&db, first).await.unwrap().unwrap().slug,
        "2026-11-28"
    );
    assert_eq!(
        db::stories::get(&db, second).await.unwrap().unwrap().slug,
        "2026-11-28-2"
    );
    match db::stories::save(
        &db,
        None,
        None,
        &story("丙", "2026-11-28", "2026-11-28"),
        "",
        a,
    )
    .await
    {
        Err(SaveError::SlugTaken(by)) => assert_eq!(by, "甲"),
        other => panic!("expected the slug to be taken, got {other:?}"),
    }
    // Saving a story under its own slug is not a conflict.
    let s = db::stories::get(&db, first).await.unwrap().unwrap();
    db::stories::save(
        &db,
        Some(first),
        Some(s.updated_at),
        &story("甲改", "2026-11-28", "2026-11-28"),
        "",
        a,
    )
    .await
    .unwrap();
}
on_both!(slugs, slugs_are_unique_and_generated_from_the_date);

async fn a_stale_editor_cannot_overwrite(db: Db) {
    let a = admin(&db).await;
    let id = db::stories::save(&db, None, None, &story("原稿", "s", "2026-01-01"), "", a)
        .await
        .unwrap();
    let opened = db::stories::get(&db, id).await.unwrap().unwrap().updated_at;
    db::stories::save(
        &db,
        Some(id),
        Some(opened),
        &story("第一人改", "s", "2026-01-01"),
        "",
        a,
    )
    .await
    .unwrap();
    let second = db::stories::save(
        &db,
        Some(id),
        Some(opened),
        &story("第二人改", "s", "2026-01-01"),
        "",
        a,
    )
    .await;
    assert!(matches!(second, Err(SaveError::Stale)), "{second:?}");
    assert_eq!(
        db::stories::get(&db, id).await.unwrap().unwrap().title,
        "第一人改"
    );
    let missing = db::stories::save(
        &db,
        Some(id + 100),
        None,
        &story("无", "zz", "2026-01-01"),
        "",
        a,
    )
    .await;
    assert!(matches!(missing, Err(SaveError::NotFound)), "{missing:?}");
}
on_both!(stale_edit, a_stale_editor_cannot_overwrite);

async fn accounts_sessions_and_lockout(db: Db) {
    let a = admin(&db).await;
    let dup = db::accounts::NewAccount {
        username: "admin",
        display_name: "x",
        password_hash: "x",
        role: Role::Staff,
        station_id: None,
    };
    assert_eq!(
        db::accounts::insert(&db, &dup, None).await.unwrap(),
        None,
        "usernames are unique"
    );

    db::sessions::insert(&db, "h1", a).await.unwrap();
    let user = db::sessions::resolve(&db, "h1")
        .await
        .unwrap()
        .expect("live session");
    assert_eq!((user.username.as_str(), user.role), ("admin", Role::Admin));
    // 31 minutes idle ends it.
    db::sessions::age(&db, "h1", 31 * 60 * 1000).await.unwrap();
    assert!(db::sessions::resolve(&db, "h1").await.unwrap().is_none());
    // 12 hours after sign-in ends it however active.
    db::sessions::insert(&db, "h2", a).await.unwrap();
    sqlx::query("UPDATE sessions SET created_at = created_at - $1 WHERE token_hash = 'h2'")
        .bind(12 * 3600 * 1000 + 1000_i64)
        .execute(&db.pool)
        .await
        .unwrap();
    assert!(db::sessions::resolve(&db, "h2").await.unwrap().is_none());

    // Disabling ends sessions.
    let staff = db::accounts::insert(
        &db,
        &db::accounts::NewAccount {
            username: "staff1",
            display_name: "张",
            password_hash: "x",
            role: Role::Staff,
            station_id: None,
        },
        Some(a),
    )
    .await
    .unwrap()
    .unwrap();
    db::sessions::insert(&db, "h3", staff).await.unwrap();
    assert!(db::accounts::set_disabled(&db, staff, true, a)
        .await
        .unwrap());
    assert!(db::sessions::resolve(&db, "h3").await.unwrap().is_none());

    // Attempts slow down one (name, address) pair, never the name from elsewhere, the same for a
    // name that exists and one that does not; a password reset forgets the name's failures.
    use db::throttle::{attempt, buckets, Attempt};
    for name in ["staff1", "no.such.user"] {
        let here = buckets(name, "address-a");
        for _ in 1..=db::throttle::FREE_PER_NAME {
            assert_eq!(
                attempt(&db, &here).await.unwrap(),
                Attempt::Counted { wait_until: None }
            );
        }
        let Attempt::Counted {
            wait_until: Some(until),
        } = attempt(&db, &here).await.unwrap()
        else {
            panic!("past the free attempts the pair waits");
        };
        assert_eq!(
            attempt(&db, &here).await.unwrap(),
            Attempt::Refused { until },
            "and the next attempt is not heard, nor counted"
        );
        assert_eq!(
            attempt(&db, &buckets(name, "address-b")).await.unwrap(),
            Attempt::Counted { wait_until: None },
            "the same name from another address is not held back"
        );
    }
    let failures = db::accounts::list(&db).await.unwrap();
    assert_eq!(
        failures
            .iter()
            .find(|x| x.username == "staff1")
            .unwrap()
            .recent_failures,
        7,
        "six from one address and one from another"
    );
    assert!(db::accounts::set_password(&db, staff, "newhash", Some(a))
        .await
        .unwrap());
    assert_eq!(
        attempt(&db, &buckets("staff1", "address-a")).await.unwrap(),
        Attempt::Counted { wait_until: None },
        "after a reset the name is heard again"
    );
    let listed = db::accounts::list(&db).await.unwrap();
    assert_eq!(listed.len(), 2);
    assert!(listed.iter().any(|x| x.username == "staff1" && x.disabled));
    assert_eq!(
        db::audit::count_action(&db, "account.disable")
            .await
            .unwrap(),
        1
    );
    assert_eq!(
        db::audit::count_action(&db, "account.reset_password")
            .await
            .unwrap(),
        1
    );
}
on_both!(accounts, accounts_sessions_and_lockout);

// The attempt that reaches the address's limit is counted before its password is checked; when
// the password was right, the address is given back that attempt and the wait it started.
async fn right_password_at_the_limit_leaves_no_wait(db: Db) {
    use db::throttle::{attempt, buckets, succeeded, Attempt, FREE_PER_ADDRESS};
    for i in 0..FREE_PER_ADDRESS {
        let b = buckets(&format!("typo{i}"), "office");
        assert!(matches!(
            attempt(&db, &b).await.unwrap(),
            Attempt::Counted { .. }
        ));
    }
    let last = buckets("clerk", "office");
    let Attempt::Counted {
        wait_until: Some(_),
    } = attempt(&db, &last).await.unwrap()
    else {
        panic!("this attempt reaches the address's limit");
    };
    succeeded(&db, &last).await.unwrap();
    assert!(
        matches!(
            attempt(&db, &buckets("colleague", "office")).await.unwrap(),
            Attempt::Counted { .. }
        ),
        "after a right password the office is not kept waiting"
    );
}
on_both!(throttle_success, right_password_at_the_limit_leaves_no_wait);

async fn drafts_keep_what_was_typed(db: Db) {
    let mut form = FormState::new("story").with("body", "很长的正文\n第二行");
    form.errors.add("title", Problem::BlankOnly);
    assert!(db::drafts::put(&db, "tok", "me", &form, None)
        .await
        .unwrap());
    assert_eq!(
        db::drafts::get(&db, "tok", "me", "story").await.unwrap(),
        Some(form.clone())
    );
    assert_eq!(
        db::drafts::get(&db, "tok", "someone-else", "story")
            .await
            .unwrap(),
        None,
        "a draft serves only the browser that made it"
    );
    assert_eq!(
        db::drafts::get(&db, "tok", "me", "login").await.unwrap(),
        None,
        "a draft serves only its own form"
    );
    // A budget is charged before anything is written, and a refused draft costs nothing.
    let budget = db::drafts::Budget {
        address_bucket: "draft-bytes:a".into(),
        per_address: 200,
        total: Some(10_000),
    };
    let small = FormState::new("track").with("code", "YJ-2026-ABCDE");
    assert!(db::drafts::put(&db, "t1", "me", &small, Some(&budget))
        .await
        .unwrap());
    let big = FormState::new("track").with("code", "Y".repeat(300));
    assert!(!db::drafts::put(&db, "t2", "me", &big, Some(&budget))
        .await
        .unwrap());
    assert!(
        db::drafts::put(&db, "t3", "me", &small, Some(&budget))
            .await
            .unwrap(),
        "the refused draft was not counted"
    );
    sqlx::query("UPDATE form_drafts SET expires_at = 0")
        .execute(&db.pool)
        .await
        .unwrap();
    assert_eq!(
        db::drafts::get(&db, "tok", "me", "story").await.unwrap(),
        None,
        "expired drafts are gone"
    );
    db::purge_expired(&db, db::now_ms()).await.unwrap();
    assert_eq!(db::drafts::stored_bytes(&db).await.unwrap(), 0);
}
on_both!(drafts, drafts_keep_what_was_typed);

async fn demo_content_loads_once(db: Db) {
    let password = minyi::server::seed::demo(&db)
        .await
        .unwrap()
        .expect("first run loads the demo");
    assert!(password.len() >= 16);
    assert!(
        minyi::server::seed::demo(&db).await.unwrap().is_none(),
        "second run changes nothing"
    );
    let page = db::stories::list_published(&db, None, 1, 10).await.unwrap();
    assert_eq!(page.total, 3);
    assert_eq!(db::stations::list_options(&db).await.unwrap().len(), 2);

    // One open solicitation per stage, and a concluded one with its outcome.
    use minyi::domain::solicitation::{Phase, Stage};
    let now = db::now_ms();
    let all = db::solicitations::list_public(&db).await.unwrap();
    assert_eq!(all.len(), 5);
    for stage in Stage::ALL {
        assert!(
            all.iter()
                .any(|s| s.stage == *stage && s.phase(now) == Phase::Accepting),
            "an open {stage:?} solicitation"
        );
    }
    assert!(all
        .iter()
        .any(|s| s.phase(now) == Phase::Ended && !s.outcome_html.is_empty()));
    // A concluded draft whose enacted text (通过稿) closes its opinions' trail.
    let enacted = all
        .iter()
        .find(|s| s.stage == Stage::Drafting && s.phase(now) == Phase::Ended)
        .expect("a concluded draft");
    let versions = db::solicitations::get(&db, enacted.id)
        .await
        .unwrap()
        .unwrap()
        .versions;
    assert_eq!(versions.len(), 2);
    assert!(versions[0].enacted.is_some(), "the newest is the 通过稿");
    // The 立法中 one carries a draft of at least 30 articles in chapters, parsed cleanly.
    let drafting = all
        .iter()
        .find(|s| s.stage == Stage::Drafting && s.phase(now) == Phase::Accepting)
        .unwrap();
    let draft = db::solicitations::draft(&db, drafting.id, None)
        .await
        .unwrap()
        .unwrap();
    assert!(
        draft.parsed.articles().len() >= 30,
        "{} articles",
        draft.parsed.articles().len()
    );
    assert!(draft.parsed.body.len() >= 5, "chapters at the top level");
    assert_eq!(
        draft.parsed.warnings,
        vec![],
        "the demo text parses without warnings"
    );
    // Opinions in every status.
    let statuses: Vec<String> = sqlx::query_scalar("SELECT DISTINCT status FROM opinions")
        .fetch_all(&db.pool)
        .await
        .unwrap();
    for st in minyi::domain::opinion::OpinionStatus::ALL {
        assert!(
            statuses.iter().any(|s| s == st.code()),
            "an opinion in {st:?}"
        );
    }
}
on_both!(demo, demo_content_loads_once);
