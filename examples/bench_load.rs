//! `make bench`: residents' submissions stay fast while the site is busy. The database at
//! `DATABASE_URL` is filled to `LOAD_OPINIONS` opinions (default 200,000); the release server
//! runs over it while, for `LOAD_SECONDS` (default 20), 40 clients loop over public pages
//! (`/stats`, the home page, a solicitation, the story list), 2 staff members loop over opinion
//! detail pages (which compare the opinion with thousands of others), and 5 residents submit
//! opinions one after another. Prints the submissions' median and 99th-percentile time, and how
//! many requests got a 5xx or no answer (a pool timeout shows as one of those).
//!
//! Run: `cargo build --release --features ssr --example bench_load`, then
//! `DATABASE_URL=… target/release/examples/bench_load`.

#[path = "common/child.rs"]
mod child;
#[path = "common/fill.rs"]
mod fill;

use minyi::server::{auth, db};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

const PUBLIC: usize = 40;
const STAFF: usize = 2;
const RESIDENTS: usize = 5;

/// What one client saw: request times of the kind measured, and the failures.
#[derive(Default)]
struct Seen {
    times_ms: Vec<f64>,
    requests: usize,
    errors: usize,
}

fn status_of(r: Result<ureq::Response, ureq::Error>) -> u16 {
    match r {
        Ok(r) => {
            let s = r.status();
            let _ = r.into_string();
            s
        }
        Err(ureq::Error::Status(s, r)) => {
            let _ = r.into_string();
            s
        }
        Err(_) => 0,
    }
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let url = std::env::var("DATABASE_URL").expect("DATABASE_URL");
    let want: usize = child::env_or("LOAD_OPINIONS", 200_000);
    let seconds: u64 = child::env_or("LOAD_SECONDS", 20);
    let port: u16 = child::env_or("LOAD_PORT", 3213);
    let (db, name) = child::open_db().await;
    let filled = fill::fill(&db, want).await;
    let sol = filled[1];
    let (min_id, max_id): (i64, i64) = sqlx::query_as("SELECT MIN(id), MAX(id) FROM opinions")
        .fetch_one(&db.pool)
        .await
        .unwrap();
    // A district clerk with a live session, for the staff pages.
    let clerk = match db::accounts::id_of(&db, "bench.clerk").await.unwrap() {
        Some(id) => id,
        None => {
            let hash = auth::hash_password("Bench-Clerk-Password-42");
            db::accounts::insert(
                &db,
                &db::accounts::NewAccount {
                    username: "bench.clerk",
                    display_name: "bench",
                    password_hash: &hash,
                    role: minyi::domain::account::Role::Staff,
                    station_id: None,
                },
                None,
            )
            .await
            .unwrap()
            .unwrap()
        }
    };
    let token = auth::new_token();
    db::sessions::insert(&db, &auth::token_hash(&token), clerk)
        .await
        .unwrap();
    let server = child::Server::start(
        &url,
        port,
        &[
            ("MINYI_OPINIONS_PER_HOUR", "100000"),
            ("MINYI_CLIENT_IP_HEADER", "X-Bench-Client"),
        ],
    );
    let stop = Arc::new(AtomicBool::new(false));
    let posted = Arc::new(AtomicUsize::new(0));
    let mut threads = Vec::new();
    for c in 0..PUBLIC {
        let (stop, base) = (stop.clone(), server.base.clone());
        threads.push((
            "public",
            std::thread::spawn(move || {
                let agent = ureq::AgentBuilder::new()
                    .timeout(Duration::from_secs(30))
                    .build();
                let pages = [
                    "/stats".to_string(),
                    "/".into(),
                    format!("/solicitations/{sol}"),
                    "/stories".into(),
                ];
                let mut seen = Seen::default();
                let mut i = c;
                while !stop.load(Ordering::Relaxed) {
                    let s = status_of(
                        agent
                            .get(&format!("{base}{}", pages[i % pages.len()]))
                            .set("Accept-Encoding", "gzip")
                            .call(),
                    );
                    seen.requests += 1;
                    if s == 0 || s >= 500 {
                        seen.errors += 1;
                    }
                    i += 1;
                }
                seen
            }),
        ));
    }
    for c in 0..STAFF {
        let (stop, base, token) = (stop.clone(), server.base.clone(), token.clone());
        threads.push((
            "staff",
            std::thread::spawn(move || {
                let agent = ureq::AgentBuilder::new()
                    .timeout(Duration::from_secs(30))
                    .build();
                let mut seen = Seen::default();
                let mut k = 1 + c as i64;
                while !stop.load(Ordering::Relaxed) {
                    k = (k * 48_271) % 2_147_483_647;
                    let id = min_id + k % (max_id - min_id + 1);
                    let t = Instant::now();
                    let s = status_of(
                        agent
                            .get(&format!("{base}/staff/opinions/{id}"))
                            .set("Cookie", &format!("minyi_session={token}"))
                            .call(),
                    );
                    seen.times_ms.push(t.elapsed().as_secs_f64() * 1000.0);
                    seen.requests += 1;
                    if s == 0 || s >= 500 {
                        seen.errors += 1;
                    }
                }
                seen
            }),
        ));
    }
    for c in 0..RESIDENTS {
        let (stop, base, posted) = (stop.clone(), server.base.clone(), posted.clone());
        threads.push(("resident", std::thread::spawn(move || {
            let agent = ureq::AgentBuilder::new()
                .redirects(0)
                .timeout(Duration::from_secs(30))
                .build();
            let mut seen = Seen::default();
            let mut n = 0;
            while !stop.load(Ordering::Relaxed) {
                let content = format!("负载测试：第 {c} 位居民的第 {n} 条意见，建议增加社区助餐点。");
                let body = format!(
                    "solicitation_id={sol}&submit_key=&target=&content={}&suggestion=&reason=&name=%E5%B1%85%E6%B0%91&phone=13800138001&street=%E4%B8%9C%E6%B9%96%E8%A1%97%E9%81%93&community=&identity=resident&consent=1",
                    urlencoding::encode(&content)
                );
                let t = Instant::now();
                let s = status_of(
                    agent
                        .post(&format!("{base}/api/opinions/submit"))
                        .set("Content-Type", "application/x-www-form-urlencoded")
                        .set("Accept", "text/html")
                        .set("Sec-Fetch-Site", "same-origin")
                        .set("X-Bench-Client", &format!("10.6.0.{c}"))
                        .send_string(&body),
                );
                seen.times_ms.push(t.elapsed().as_secs_f64() * 1000.0);
                seen.requests += 1;
                if s == 302 {
                    posted.fetch_add(1, Ordering::Relaxed);
                } else {
                    seen.errors += 1;
                }
                n += 1;
            }
            seen
        })));
    }
    std::thread::sleep(Duration::from_secs(seconds));
    stop.store(true, Ordering::Relaxed);
    let (mut submit, mut detail) = (Vec::new(), Vec::new());
    let (mut requests, mut errors) = (0, 0);
    for (kind, t) in threads {
        let seen = t.join().unwrap();
        requests += seen.requests;
        errors += seen.errors;
        match kind {
            "resident" => submit.extend(seen.times_ms),
            "staff" => detail.extend(seen.times_ms),
            _ => {}
        }
    }
    server.stop();
    submit.sort_by(|a, b| a.partial_cmp(b).unwrap());
    detail.sort_by(|a, b| a.partial_cmp(b).unwrap());
    println!("load_opinions_{name} {want} count");
    println!("load_requests_{name} {requests} count");
    println!(
        "load_submissions_{name} {} count",
        posted.load(Ordering::Relaxed)
    );
    println!(
        "load_submit_p50_ms_{name} {:.1} ms",
        child::quantile(&submit, 0.5)
    );
    println!(
        "load_submit_p99_ms_{name} {:.1} ms",
        child::quantile(&submit, 0.99)
    );
    println!(
        "load_staff_detail_p50_ms_{name} {:.1} ms",
        child::quantile(&detail, 0.5)
    );
    println!("load_5xx_{name} {errors} count");
}
