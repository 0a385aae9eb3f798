//! `make bench`: nothing acknowledged is lost when the server is killed. For `CRASH_TRIALS`
//! trials (default 10), the release server runs over the database at `DATABASE_URL` while 8
//! clients submit opinions as the no-JavaScript form does; after a moment the server gets
//! `kill -9`; then it is started again and every opinion whose receipt a client received must
//! be in the database (and on SQLite, `PRAGMA integrity_check` must say ok). Prints
//! `crash_lost_acknowledged_{backend} 0 count` and the counts behind it.
//!
//! Run: `cargo build --release --features ssr --example bench_crash`, then
//! `DATABASE_URL=… target/release/examples/bench_crash`.

#[path = "common/child.rs"]
mod child;

use minyi::server::db;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

const CLIENTS: usize = 8;

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let url = std::env::var("DATABASE_URL").expect("DATABASE_URL");
    let trials: usize = child::env_or("CRASH_TRIALS", 10);
    let port: u16 = child::env_or("CRASH_PORT", 3211);
    let (db, name) = child::open_db().await;
    let now = db::now_ms();
    let sol: i64 = sqlx::query_scalar(
        "INSERT INTO solicitations (title, stage, issuer, opens_at, closes_at, status, created_at, \
         updated_at) VALUES ('断电测试条例草案', 'drafting', '区人大常委会', $1, $2, 'open', $1, $1) \
         RETURNING id",
    )
    .bind(now - 86_400_000)
    .bind(now + 30 * 86_400_000)
    .fetch_one(&db.pool)
    .await
    .unwrap();
    let env = [
        ("MINYI_OPINIONS_PER_HOUR", "100000"),
        ("MINYI_CLIENT_IP_HEADER", "X-Bench-Client"),
    ];
    let mut acknowledged_total = 0usize;
    let mut lost_total = 0usize;
    let mut integrity_ok = true;
    // Each trial kills at another moment, the same ones on every run.
    let mut seed = 7u64;
    for trial in 0..trials {
        let server = child::Server::start(&url, port, &env);
        let receipts = Arc::new(Mutex::new(Vec::<String>::new()));
        let stop = Arc::new(AtomicBool::new(false));
        let clients: Vec<_> = (0..CLIENTS)
            .map(|c| {
                let (receipts, stop, base) = (receipts.clone(), stop.clone(), server.base.clone());
                std::thread::spawn(move || {
                    let agent = ureq::AgentBuilder::new()
                        .redirects(0)
                        .timeout(Duration::from_secs(10))
                        .build();
                    let mut n = 0;
                    while !stop.load(Ordering::Relaxed) {
                        let content = format!("第 {trial} 轮第 {c} 位居民的第 {n} 条意见，断电也不能丢。");
                        let body = format!(
                            "solicitation_id={sol}&submit_key=&target=&content={}&suggestion=&reason=&name=%E5%B1%85%E6%B0%91&phone=13800138001&street=%E4%B8%9C%E6%B9%96%E8%A1%97%E9%81%93&community=&identity=resident&consent=1",
                            urlencoding::encode(&content)
                        );
                        let answer = agent
                            .post(&format!("{base}/api/opinions/submit"))
                            .set("Content-Type", "application/x-www-form-urlencoded")
                            .set("Accept", "text/html")
                            .set("Sec-Fetch-Site", "same-origin")
                            .set("X-Bench-Client", &format!("10.7.{trial}.{c}"))
                            .send_string(&body);
                        match answer {
                            Ok(r) if r.status() == 302 => {
                                let to = r.header("location").unwrap_or_default();
                                if let Some(code) = to
                                    .strip_prefix("/track/")
                                    .and_then(|rest| rest.split('?').next())
                                {
                                    receipts.lock().unwrap().push(code.to_string());
                                }
                            }
                            // The server is gone: nothing was acknowledged for this post.
                            Err(ureq::Error::Transport(_)) => break,
                            _ => {}
                        }
                        n += 1;
                    }
                })
            })
            .collect();
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let wait = 300 + (seed >> 33) % 1200;
        std::thread::sleep(Duration::from_millis(wait));
        server.kill_hard();
        stop.store(true, Ordering::Relaxed);
        for c in clients {
            let _ = c.join();
        }
        // After the restart (recovery, migrations), every receipt must be there.
        let server = child::Server::start(&url, port, &env);
        let codes = receipts.lock().unwrap().clone();
        let mut lost = 0;
        for code in &codes {
            let found: i64 =
                sqlx::query_scalar("SELECT COUNT(*) FROM opinions WHERE tracking_code = $1")
                    .bind(code)
                    .fetch_one(&db.pool)
                    .await
                    .unwrap();
            if found != 1 {
                lost += 1;
            }
        }
        if db.backend == db::Backend::Sqlite {
            let check: String = sqlx::query_scalar("PRAGMA integrity_check")
                .fetch_one(&db.pool)
                .await
                .unwrap();
            integrity_ok &= check == "ok";
        }
        eprintln!(
            "trial {trial}: killed after {wait} ms, {} acknowledged, {lost} lost",
            codes.len()
        );
        acknowledged_total += codes.len();
        lost_total += lost;
        server.stop();
    }
    println!("crash_trials_{name} {trials} count");
    println!("crash_acknowledged_{name} {acknowledged_total} count");
    println!("crash_lost_acknowledged_{name} {lost_total} count");
    if db.backend == db::Backend::Sqlite {
        println!(
            "crash_integrity_check_{name} {} ok",
            if integrity_ok { 1 } else { 0 }
        );
    }
}
