//! A page whose render never finishes answers 503 within the request deadline instead of leaving
//! the request unanswered. This is its own test binary: it switches resource loading off for the
//! whole process (as leptos's route listing does while it runs), which would stall the page
//! renders of any other test sharing the process.

mod common;

use std::time::{Duration, Instant};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_render_that_never_finishes_answers_503() {
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
    let r = app.get("/stories", None).await;
    let took = started.elapsed();
    drop(suppressed);
    assert_eq!(r.status, 503, "{r:?}");
    assert!(r.body.contains("刷新重试"), "{}", r.body);
    assert!(took < Duration::from_secs(5), "answered after {took:?}");
    // The server goes on serving.
    assert_eq!(app.get("/stories", None).await.status, 200);
    assert_eq!(app.get("/healthz", None).await.status, 200);
}
