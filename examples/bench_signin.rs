//! `make bench`: a flood of sign-ins leaves the server answering. The release server runs over
//! the database at `DATABASE_URL`; `SIGNIN_CLIENTS` (default 300) sign-in posts with wrong
//! passwords arrive at once, each from its own address (so none is turned away by the throttle
//! and every one asks for a password check), while `/healthz` is asked every 20 ms. Prints the
//! health check's median, 99th percentile and worst time during the flood, how long the flood
//! took, how many were asked to try again, and the server's memory before and at its peak.
//!
//! Run: `cargo build --release --features ssr --example bench_signin`, then
//! `DATABASE_URL=… target/release/examples/bench_signin`.

#[path = "common/child.rs"]
mod child;

use minyi::server::db;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Barrier};
use std::time::{Duration, Instant};

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let url = std::env::var("DATABASE_URL").expect("DATABASE_URL");
    let clients: usize = child::env_or("SIGNIN_CLIENTS", 300);
    let port: u16 = child::env_or("SIGNIN_PORT", 3212);
    let (db, name) = child::open_db().await;
    if db::accounts::id_of(&db, "bench.signin")
        .await
        .unwrap()
        .is_none()
    {
        let hash = minyi::server::auth::hash_password("Bench-Signin-Password-42");
        db::accounts::insert(
            &db,
            &db::accounts::NewAccount {
                username: "bench.signin",
                display_name: "bench",
                password_hash: &hash,
                role: minyi::domain::account::Role::Staff,
                station_id: None,
            },
            None,
        )
        .await
        .unwrap();
    }
    let server = child::Server::start(&url, port, &[("MINYI_CLIENT_IP_HEADER", "X-Bench-Client")]);
    let rss_before = server.memory_kib("VmRSS:");
    let peak_before = server.memory_kib("VmHWM:");
    let stop = Arc::new(AtomicBool::new(false));
    let health = {
        let (stop, base) = (stop.clone(), server.base.clone());
        std::thread::spawn(move || {
            let agent = ureq::AgentBuilder::new()
                .timeout(Duration::from_secs(30))
                .build();
            let mut times = Vec::new();
            let mut failed = 0;
            while !stop.load(Ordering::Relaxed) {
                let t = Instant::now();
                match agent.get(&format!("{base}/healthz")).call() {
                    Ok(_) => times.push(t.elapsed().as_secs_f64() * 1000.0),
                    Err(_) => failed += 1,
                }
                std::thread::sleep(Duration::from_millis(20));
            }
            (times, failed)
        })
    };
    let start = Arc::new(Barrier::new(clients));
    let started = Instant::now();
    let posts: Vec<_> = (0..clients)
        .map(|i| {
            let (start, base) = (start.clone(), server.base.clone());
            std::thread::spawn(move || {
                let agent = ureq::AgentBuilder::new()
                    .redirects(0)
                    .timeout(Duration::from_secs(60))
                    .build();
                start.wait();
                let r = agent
                    .post(&format!("{base}/api/auth/login"))
                    .set("Content-Type", "application/x-www-form-urlencoded")
                    .set("Accept", "text/html")
                    .set("Sec-Fetch-Site", "same-origin")
                    .set("X-Bench-Client", &format!("10.8.{}.{}", i / 250, i % 250))
                    .send_string("username=bench.signin&password=wrong-password-123&next=%2Fstaff");
                match r {
                    Ok(r) => r.header("location").unwrap_or_default().to_string(),
                    Err(e) => format!("error: {e}"),
                }
            })
        })
        .collect();
    let answers: Vec<String> = posts.into_iter().map(|p| p.join().unwrap()).collect();
    let flood = started.elapsed().as_secs_f64();
    stop.store(true, Ordering::Relaxed);
    let (mut times, failed) = health.join().unwrap();
    times.sort_by(|a, b| a.partial_cmp(b).unwrap());
    let peak = server.memory_kib("VmHWM:");
    let answered = answers
        .iter()
        .filter(|a| a.starts_with("/staff/login"))
        .count();
    let busy = answers
        .iter()
        .filter(|a| urlencoding::decode(a).is_ok_and(|d| d.contains("SignInBusy")))
        .count();
    server.stop();
    println!("signin_{clients}_{name}_seconds {flood:.2} s");
    println!("signin_{clients}_{name}_answered {answered} of {clients}");
    println!("signin_{clients}_{name}_asked_to_retry {busy} count");
    println!(
        "signin_{clients}_{name}_healthz_p50_ms {:.1} ms",
        child::quantile(&times, 0.5)
    );
    println!(
        "signin_{clients}_{name}_healthz_p99_ms {:.1} ms",
        child::quantile(&times, 0.99)
    );
    println!(
        "signin_{clients}_{name}_healthz_max_ms {:.1} ms",
        times.last().copied().unwrap_or(0.0)
    );
    println!("signin_{clients}_{name}_healthz_failed {failed} count");
    println!("signin_{clients}_{name}_rss_before {rss_before} KiB");
    println!("signin_{clients}_{name}_peak_rss_before {peak_before} KiB");
    println!("signin_{clients}_{name}_peak_rss {peak} KiB");
}
