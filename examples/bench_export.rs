//! `make bench`: how long a report of 100,000 opinions takes to load and to write as each
//! download format, and the peak memory of doing so.
//!
//! `bench_export fill` fills the database at `DATABASE_URL` (default: a SQLite file in the temp
//! directory) with one solicitation whose 35-article draft has `EXPORT_OPINIONS` (default
//! 100,000) accepted opinions, and compiles them into one report. `bench_export docx` (or
//! `xlsx`, `csv`, `annex.csv`) then loads that report and writes the file, in a fresh process,
//! and prints `name value unit` lines: the time to load, the time to write, the file's size and
//! the process's peak resident memory (VmHWM).
//!
//! Run: `cargo run --release --features ssr --example bench_export -- fill`, then one format per
//! process.

use minyi::domain::opinion::{Channel, Identity};
use minyi::server::db::{self, Db};
use minyi::server::export::{render, Format};
use std::time::Instant;

fn url() -> String {
    std::env::var("DATABASE_URL").unwrap_or_else(|_| {
        let path = std::env::temp_dir().join("minyi-bench-export.db");
        format!("sqlite://{}?mode=rwc", path.display())
    })
}

fn draft() -> String {
    let mut text = String::from("示范养老服务条例（草案）\n");
    for i in 1..=35 {
        text += &format!(
            "第{}条　街道办事处应当做好第{i}项养老服务工作：\n（一）设置社区助餐点；\n（二）组织志愿者上门探访。\n",
            minyi::domain::statute::chinese_numeral(i)
        );
    }
    text
}

async fn fill(db: &Db, want: usize) {
    let admin: i64 = match sqlx::query_scalar::<_, i64>("SELECT id FROM accounts LIMIT 1")
        .fetch_optional(&db.pool)
        .await
        .unwrap()
    {
        Some(id) => id,
        None => {
            let hash = minyi::server::auth::hash_password("Bench-Export-Passw0rd");
            db::accounts::insert(
                db,
                &db::accounts::NewAccount {
                    username: "bench",
                    display_name: "bench",
                    password_hash: &hash,
                    role: minyi::domain::account::Role::Admin,
                    station_id: None,
                },
                None,
            )
            .await
            .unwrap()
            .unwrap()
        }
    };
    let sol: i64 = sqlx::query_scalar(
        "INSERT INTO solicitations (title, stage, issuer, opens_at, closes_at, status, created_at, \
         updated_at) VALUES ('示范养老服务条例草案', 'drafting', '区人大常委会', 0, 1, 'closed', 0, 0) \
         RETURNING id",
    )
    .fetch_one(&db.pool)
    .await
    .unwrap();
    let text = draft();
    db::solicitations::add_version(
        db,
        sol,
        "征求意见稿",
        &text,
        &minyi::domain::statute::parse(&text),
        None,
        None,
        admin,
    )
    .await
    .unwrap();
    let cols = 14;
    let batch = 500;
    let mut i = 0;
    while i < want {
        let n = batch.min(want - i);
        let mut sql = String::from(
            "INSERT INTO opinions (tracking_code, access_key, solicitation_id, target, target_label, \
             content, suggestion, name, phone, street, identity, channel, received_on, status, \
             created_at, updated_at) VALUES ",
        );
        for r in 0..n {
            if r > 0 {
                sql.push_str(", ");
            }
            let p: Vec<String> = (1..=13).map(|c| format!("${}", r * cols + c)).collect();
            let at = r * cols + 14;
            sql.push_str(&format!("({}, 'accepted', ${at}, ${at})", p.join(", ")));
        }
        let mut q = sqlx::query(&sql);
        for r in 0..n {
            let k = i + r;
            let art = k % 36;
            q = q
                .bind(format!("YJ-2024-{k:07}"))
                .bind("benchkey")
                .bind(sol)
                .bind(if art == 0 { String::new() } else { format!("art-{art}") })
                .bind(if art == 0 { String::new() } else { format!("第{}条", minyi::domain::statute::chinese_numeral(art as u32)) })
                .bind(format!("建议第{art}条写明助餐点的覆盖范围和收费标准，编号{k}。希望兼顾行动不便的老人。"))
                .bind("增加一款：助餐点应当公示价格。")
                .bind(format!("居民{}", k % 50_000))
                .bind(format!("138{:08}", k % 50_000))
                .bind(["东湖街道", "西城街道", "南山街道", "北关街道"][k % 4])
                .bind(Identity::ALL[k % Identity::ALL.len()].code())
                .bind(Channel::ALL[k % Channel::ALL.len()].code())
                .bind("2026-11-01")
                .bind(1_700_000_000_000i64 + k as i64);
        }
        q.execute(&db.pool).await.unwrap();
        i += n;
    }
    let id = db::reports::create(db, sol, "示范养老服务条例草案意见汇总表", admin)
        .await
        .unwrap();
    println!("export_report_id {id} id");
}

fn peak_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        })
        .unwrap_or(0)
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let what = std::env::args().nth(1).unwrap_or_else(|| "fill".into());
    let db = db::connect(&url()).await.expect("connect");
    db::migrate(&db).await.expect("migrate");
    if what == "fill" {
        let want = std::env::var("EXPORT_OPINIONS")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(100_000);
        let t = Instant::now();
        fill(&db, want).await;
        eprintln!(
            "filled {want} opinions in {:.0} s",
            t.elapsed().as_secs_f64()
        );
        return;
    }
    let format = Format::from_name(&what).expect("a format: docx, xlsx, csv or annex.csv");
    let id: i64 = sqlx::query_scalar("SELECT MAX(id) FROM reports")
        .fetch_one(&db.pool)
        .await
        .unwrap();
    let before = peak_kib();
    let t = Instant::now();
    let report = db::reports::get(&db, id, true).await.unwrap().unwrap();
    let load = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let bytes = render(&report, format).unwrap();
    let write = t.elapsed().as_secs_f64();
    if let Ok(path) = std::env::var("EXPORT_SAVE") {
        std::fs::write(path, &bytes).unwrap();
    }
    let name = what.replace('.', "_");
    println!("export_{name}_opinions {} count", report.annex.len());
    println!("export_{name}_load_seconds {load:.2} s");
    println!("export_{name}_write_seconds {write:.2} s");
    println!("export_{name}_bytes {} B", bytes.len());
    println!("export_{name}_peak_rss {} KiB", peak_kib());
    println!("export_{name}_rss_before {before} KiB");
}
