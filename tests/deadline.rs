//! A page whose render never finishes answers 503 within the request deadline instead of leaving
//! the request unanswered. This is its own test binary: it switches resource loading off for the
//! whole process (as leptos's route listing does while it runs), which would stall the page
//! renders of any other test sharing the process.

mod common;

use std::time::{Duration, Instant};

/// The switch is one flag for the whole process, so the tests that turn it on take turns.
static SWITCH: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_render_that_never_finishes_answers_503() {
    let _turn = SWITCH.lock().await;
    let db = common::sqlite().await;
    let app = common::start_with(
        db,
        common::config_with(&[("MINYI_REQUEST_TIMEOUT_SECS", "1")]),
    )
    .await;
    assert_eq!(app.get("/stories", None).await.status, 200);
    // Exactly what happened when another thread listed the routes during a render: every
    // resource created now waits forever.
    let suppressed = leptos::server::SuppressResourceLoad::new();
    let started = Instant::now();
    // A query string never asked for: rendered, not taken from the page cache.
    let r = app.get("/stories?render=1", None).await;
    let took = started.elapsed();
    drop(suppressed);
    assert_eq!(r.status, 503, "{r:?}");
    assert!(r.body.contains("刷新重试"), "{}", r.body);
    assert!(took < Duration::from_secs(5), "answered after {took:?}");
    // The server goes on serving.
    assert_eq!(app.get("/stories?render=2", None).await.status, 200);
    assert_eq!(app.get("/healthz", None).await.status, 200);
}

/// Page views take turns, and form posts never wait for one: with a single turn held by a page
/// whose render cannot finish, a resident's post and `/healthz` are answered at once, while a
/// second page view waits in line and is rendered (normally) only when the first gives the turn
/// back at its deadline.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn posts_do_not_wait_behind_page_views() {
    let _turn = SWITCH.lock().await;
    let db = common::sqlite().await;
    let app = std::sync::Arc::new(
        common::start_with(
            db,
            common::config_with(&[
                ("MINYI_REQUEST_TIMEOUT_SECS", "3"),
                ("MINYI_PAGES_AT_ONCE", "1"),
            ]),
        )
        .await,
    );
    assert_eq!(app.get("/stories", None).await.status, 200);
    let suppressed = leptos::server::SuppressResourceLoad::new();
    let started = Instant::now();
    let holder = {
        let app = app.clone();
        // Query strings never asked for: rendered, not taken from the page cache.
        tokio::spawn(async move { app.get("/stories?hold=1", None).await })
    };
    tokio::time::sleep(Duration::from_millis(300)).await;
    let waiting = {
        let app = app.clone();
        tokio::spawn(async move {
            let r = app.get("/?wait=1", None).await;
            (r, started.elapsed())
        })
    };
    tokio::time::sleep(Duration::from_millis(100)).await;
    let t = Instant::now();
    let posted = app
        .post(
            "/api/track/find",
            &[("code", "YJ-2026-000000"), ("phone", "13900139000")],
            common::BROWSER_FORM,
            None,
        )
        .await;
    assert!(
        posted
            .location
            .as_deref()
            .is_some_and(|l| l.starts_with("/track?draft=")),
        "{posted:?}"
    );
    assert_eq!(app.get("/healthz", None).await.status, 200);
    assert!(
        t.elapsed() < Duration::from_secs(1),
        "the post and /healthz waited {:?} behind a page view",
        t.elapsed()
    );
    // From now on a render can finish; the one holding the turn started too early to.
    drop(suppressed);
    assert_eq!(holder.await.unwrap().status, 503);
    let (second, took) = waiting.await.unwrap();
    assert_eq!(second.status, 200, "{second:?}");
    assert!(
        took >= Duration::from_millis(2_900),
        "the second view was answered after {took:?}, before the first gave its turn back"
    );
}
