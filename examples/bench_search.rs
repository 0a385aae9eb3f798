//! `make bench`: the public search at a million published opinions and 10,000 stories, on SQLite
//! and PostgreSQL.
//!
//! Fills the database at `DATABASE_URL` (default: a fresh SQLite file in the temp directory) with
//! `SEARCH_OPINIONS` opinions (default 1,000,000, every one published: accepted and allowed by its
//! author) and `SEARCH_STORIES` published stories (default 10,000) of about 600 characters, builds
//! the search index (timed), then answers each query `SEARCH_RUNS` times (default 41) through the
//! repository call the server function makes, and prints `name value unit` lines: the median
//! and 95th percentile of each query, and the 95th percentile over all of them.
//!
//! Run: `cargo run --release --features ssr --example bench_search`.

use minyi::domain::search::Params;
use minyi::server::db;
use std::time::Instant;

#[path = "common/fill.rs"]
mod fill;
use fill::fill;

fn percentile(sorted: &[f64], p: f64) -> f64 {
    let idx = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[idx]
}

fn env(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

const TOPICS: [&str; 10] = [
    "老旧小区加装电梯",
    "社区助餐点",
    "小区停车",
    "物业服务收费",
    "垃圾分类",
    "养老服务",
    "背街小巷整治",
    "河道保洁",
    "电动自行车充电",
    "学校周边交通",
];

const SENTENCES: [&str; 8] = [
    "基层立法联系点组织居民座谈，大家围绕草案逐条发表意见。",
    "街道和社区工作人员把收集到的意见整理成表，报送区人大常委会。",
    "常委会法工委对意见逐条研究，并向提出意见的居民反馈采纳情况。",
    "有的居民提出条文表述过于笼统，建议明确责任主体和办理时限。",
    "代表在接待日听取了居民对实施情况的评价，并带回了具体问题。",
    "座谈会上，律师和社区工作者对法律责任一章提出了修改建议。",
    "联系点把条例通过后的文本送到居民手中，并讲解了主要变化。",
    "年轻人通过手机扫码提交意见，老年人在联系点由工作人员代为录入。",
];

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let opinions = env("SEARCH_OPINIONS", 1_000_000);
    let stories = env("SEARCH_STORIES", 10_000);
    let runs = env("SEARCH_RUNS", 41);
    let url = std::env::var("DATABASE_URL").unwrap_or_else(|_| {
        let path = std::env::temp_dir().join("minyi-bench-search.db");
        format!("sqlite://{}?mode=rwc", path.display())
    });
    let backend = if url.starts_with("postgres") {
        "postgres"
    } else {
        "sqlite"
    };
    let db = db::connect(&url).await.expect("connect");
    db::migrate(&db).await.expect("migrate");
    let t = Instant::now();
    fill(&db, opinions).await;
    // Every opinion published, so that the search reads a million of them.
    sqlx::query(
        "UPDATE opinions SET publish_ok = 1, status = 'accepted' \
         WHERE publish_ok = 0 OR status IN ('pending', 'rejected', 'merged')",
    )
    .execute(&db.pool)
    .await
    .unwrap();
    let have: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM stories")
        .fetch_one(&db.pool)
        .await
        .unwrap();
    let mut i = have as usize;
    while i < stories {
        let mut tx = db.pool.begin().await.unwrap();
        for _ in 0..500.min(stories - i) {
            let topic = TOPICS[i % TOPICS.len()];
            let mut body = format!("{topic}是居民关心的事。第{i}期。");
            for k in 0..10 {
                body.push_str(SENTENCES[(i * 7 + k * 3) % SENTENCES.len()]);
            }
            sqlx::query(
                "INSERT INTO stories (slug, kind, title, summary, body_md, body_html, \
                 published_on, is_published, created_at, updated_at) \
                 VALUES ($1, 'case', $2, '', $3, '', '2026-11-01', 1, 0, 0)",
            )
            .bind(format!("bench-{i}"))
            .bind(format!("{topic}：第{i}号案例"))
            .bind(body)
            .execute(&mut *tx)
            .await
            .unwrap();
            i += 1;
        }
        tx.commit().await.unwrap();
    }
    if backend == "postgres" {
        sqlx::query("ANALYZE").execute(&db.pool).await.unwrap();
    }
    eprintln!("data ready in {:.0} s", t.elapsed().as_secs_f64());
    let t = Instant::now();
    db::search::flush(&db).await.unwrap();
    sqlx::query("ANALYZE").execute(&db.pool).await.unwrap();
    println!(
        "search_{backend}_index_build_{stories}_stories {:.1} s",
        t.elapsed().as_secs_f64()
    );
    let published: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM opinions WHERE publish_ok = 1 AND status IN ('accepted', \
         'reported', 'adopted', 'partially_adopted', 'not_adopted')",
    )
    .fetch_one(&db.pool)
    .await
    .unwrap();
    println!("search_{backend}_published_opinions {published} count");
    let cases: [(&str, &str, &str, &str); 10] = [
        ("two_chars_all", "养老", "", ""),
        ("two_chars_opinions", "养老", "opinion", ""),
        ("common_phrase_all", "加装电梯", "", ""),
        ("story_title_page_5", "小区停车", "story", "5"),
        ("rare_with_digits", "编号777777", "", ""),
        ("rare_opinions", "编号123456", "opinion", ""),
        ("two_words", "认知症 热线", "", ""),
        ("one_char", "梯", "", ""),
        ("nothing_found", "火星移民", "", ""),
        ("sentence", "工作人员代为录入", "", ""),
    ];
    let mut every = Vec::new();
    for (name, q, kind, page) in cases {
        let p = Params::parse(q, kind, page, "").unwrap();
        let mut times = Vec::with_capacity(runs);
        for r in 0..runs + 2 {
            let t = Instant::now();
            let found = db::search::search(&db, &p).await.unwrap();
            let ms = t.elapsed().as_secs_f64() * 1000.0;
            if r == 0 {
                eprintln!(
                    "{name}: {} hits, counts {:?}",
                    found.hits.len() + found.opinions.len(),
                    found.counts.iter().map(|c| c.count).collect::<Vec<_>>()
                );
            }
            if r >= 2 {
                times.push(ms);
            }
        }
        times.sort_by(|a, b| a.partial_cmp(b).unwrap());
        println!(
            "search_{backend}_{name}_p50 {:.2} ms",
            percentile(&times, 0.5)
        );
        println!(
            "search_{backend}_{name}_p95 {:.2} ms",
            percentile(&times, 0.95)
        );
        every.extend(times);
    }
    every.sort_by(|a, b| a.partial_cmp(b).unwrap());
    println!(
        "search_{backend}_all_queries_p95 {:.2} ms",
        percentile(&every, 0.95)
    );
}
