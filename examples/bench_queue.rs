//! `make bench`: the moderation queue's time at a million opinions, on SQLite and PostgreSQL.
//!
//! Fills the database at `DATABASE_URL` (default: a fresh SQLite file in the temp directory) up
//! to `QUEUE_OPINIONS` opinions (default 1,000,000) spread over three solicitations, four streets
//! and stations, all channels, identities and statuses and a year of dates, then times one queue
//! page (the repository call the server function makes) for each filter `QUEUE_RUNS` times
//! (default 41) and prints `name value unit` lines with the median and the 95th percentile.
//!
//! Run: `cargo run --release --features ssr --example bench_queue`.

use minyi::domain::moderation::{QueueFilter, Sort};
use minyi::domain::opinion::{Channel, Identity, OpinionStatus};
use minyi::server::db::{self, moderation::Scope};
use std::time::Instant;

#[path = "common/fill.rs"]
mod fill;
use fill::{code, fill, STREETS};

fn percentile(sorted: &[f64], p: f64) -> f64 {
    let idx = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[idx]
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let want: usize = std::env::var("QUEUE_OPINIONS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1_000_000);
    let runs: usize = std::env::var("QUEUE_RUNS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(41);
    let url = std::env::var("DATABASE_URL").unwrap_or_else(|_| {
        let path = std::env::temp_dir().join("minyi-bench-queue.db");
        format!("sqlite://{}?mode=rwc", path.display())
    });
    let backend = if url.starts_with("postgres") {
        "postgres"
    } else {
        "sqlite"
    };
    let db = db::connect(&url).await.expect("connect");
    db::migrate(&db).await.expect("migrate");
    let fill_start = Instant::now();
    let ids = fill(&db, want).await;
    let (station, sol) = (ids[0], ids[1]);
    eprintln!("data ready in {:.0} s", fill_start.elapsed().as_secs_f64());
    let max_id: i64 = sqlx::query_scalar("SELECT MAX(id) FROM opinions")
        .fetch_one(&db.pool)
        .await
        .unwrap();
    let station_scope = Scope {
        station: Some(station),
    };
    let cases: Vec<(&str, Scope, QueueFilter)> = vec![
        ("first_page", Scope::ALL, QueueFilter::default()),
        (
            "deep_page",
            Scope::ALL,
            QueueFilter {
                after: Some(max_id / 2),
                ..Default::default()
            },
        ),
        (
            "pending_oldest",
            Scope::ALL,
            QueueFilter {
                status: Some(OpinionStatus::Pending),
                sort: Some(Sort::Oldest),
                ..Default::default()
            },
        ),
        (
            "station_pending",
            station_scope,
            QueueFilter {
                status: Some(OpinionStatus::Pending),
                ..Default::default()
            },
        ),
        (
            "solicitation_article_pending",
            Scope::ALL,
            QueueFilter {
                solicitation: Some(sol),
                target: Some("art-3".into()),
                status: Some(OpinionStatus::Pending),
                ..Default::default()
            },
        ),
        (
            "street_identity_channel",
            Scope::ALL,
            QueueFilter {
                street: Some(STREETS[1].into()),
                identity: Some(Identity::Lawyer),
                channel: Some(Channel::Letter),
                ..Default::default()
            },
        ),
        (
            "date_range_month",
            Scope::ALL,
            QueueFilter {
                from: Some(minyi::domain::time::iso_date(
                    db::now_ms() - 200 * 86_400_000,
                )),
                to: Some(minyi::domain::time::iso_date(
                    db::now_ms() - 170 * 86_400_000,
                )),
                ..Default::default()
            },
        ),
        (
            "keyword_common",
            Scope::ALL,
            QueueFilter {
                keyword: Some("加装电梯".into()),
                ..Default::default()
            },
        ),
        (
            "keyword_rare",
            Scope::ALL,
            QueueFilter {
                keyword: Some("编号777777。".into()),
                ..Default::default()
            },
        ),
        (
            "keyword_two_chars",
            Scope::ALL,
            QueueFilter {
                keyword: Some("养老".into()),
                ..Default::default()
            },
        ),
        (
            "keyword_one_char_deep",
            Scope::ALL,
            QueueFilter {
                keyword: Some("梯".into()),
                after: Some(max_id / 2),
                ..Default::default()
            },
        ),
        (
            "keyword_station_pending",
            station_scope,
            QueueFilter {
                keyword: Some("加装电梯".into()),
                status: Some(OpinionStatus::Pending),
                ..Default::default()
            },
        ),
        (
            "keyword_rare_in_month",
            Scope::ALL,
            QueueFilter {
                keyword: Some("编号123。".into()),
                from: Some(minyi::domain::time::iso_date(
                    db::now_ms() - 400 * 86_400_000,
                )),
                to: Some(minyi::domain::time::iso_date(
                    db::now_ms() - 300 * 86_400_000,
                )),
                ..Default::default()
            },
        ),
        (
            "tracking_code",
            Scope::ALL,
            QueueFilter {
                keyword: Some(code(123_456.min(want - 1))),
                ..Default::default()
            },
        ),
    ];
    println!("queue_opinions_{backend} {want} count");
    for (name, scope, filter) in cases {
        let mut times = Vec::with_capacity(runs);
        let mut rows = 0;
        for r in 0..runs + 2 {
            let t = Instant::now();
            let page = db::moderation::queue(&db, scope, &filter).await.unwrap();
            let ms = t.elapsed().as_secs_f64() * 1000.0;
            rows = page.items.len();
            if r >= 2 {
                times.push(ms);
            }
        }
        times.sort_by(|a, b| a.partial_cmp(b).unwrap());
        println!(
            "queue_{backend}_{name}_p50 {:.2} ms",
            percentile(&times, 0.5)
        );
        println!(
            "queue_{backend}_{name}_p95 {:.2} ms",
            percentile(&times, 0.95)
        );
        eprintln!("  ({name}: {rows} rows on the page)");
    }
}
