//! Filling a database with many opinions for the benchmarks: spread over three solicitations,
//! four streets and stations, every channel, identity and status, and a year of dates, the same
//! data on every run.

use minyi::domain::opinion::{Channel, Identity, OpinionStatus, CODE_ALPHABET};
use minyi::server::db::{self, Db};
use std::time::Instant;

/// The streets opinions come from.
pub const STREETS: [&str; 4] = ["东湖街道", "西城街道", "南山街道", "北关街道"];

const PHRASES: [&str; 16] = [
    "建议增加社区助餐点的数量",
    "老旧小区加装电梯的补贴标准应当明确",
    "希望延长日间照料中心的开放时间",
    "第三条的表述过于笼统，建议细化",
    "养老服务补贴应当向失能老人倾斜",
    "建议明确街道和社区的职责分工",
    "居家养老上门服务的收费需要公示",
    "适老化改造应当包括卫生间扶手",
    "志愿服务时间可以兑换养老服务",
    "希望设立统一的养老服务热线",
    "农村地区的养老设施建设要同步推进",
    "护理人员的培训和待遇需要保障",
    "建议把认知症照护写进条例",
    "社区食堂的价格应当让老人负担得起",
    "信息化平台要方便不会用手机的老人",
    "法律责任一章的罚款标准偏低",
];

/// The tracking code of the `i`-th filled opinion.
pub fn code(i: usize) -> String {
    let mut n = i;
    let mut s = String::new();
    for _ in 0..5 {
        s.push(CODE_ALPHABET[n % CODE_ALPHABET.len()] as char);
        n /= CODE_ALPHABET.len();
    }
    format!("YJ-2025-{s}")
}

/// A small deterministic generator, so two runs fill the same data.
struct Lcg(u64);
impl Lcg {
    fn next(&mut self) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) as usize
    }
}

/// Fills `db` up to `want` opinions; returns the first station's id and the first
/// solicitation's.
pub async fn fill(db: &Db, want: usize) -> Vec<i64> {
    let have: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM opinions")
        .fetch_one(&db.pool)
        .await
        .unwrap();
    let mut stations: Vec<i64> = sqlx::query_scalar("SELECT id FROM stations ORDER BY id")
        .fetch_all(&db.pool)
        .await
        .unwrap();
    if stations.is_empty() {
        for (i, street) in STREETS.iter().enumerate() {
            let id = db::stations::insert(db, &format!("联系点{i}"), "contact_point", street, "")
                .await
                .unwrap();
            stations.push(id);
        }
    }
    let mut sols: Vec<i64> = sqlx::query_scalar("SELECT id FROM solicitations ORDER BY id")
        .fetch_all(&db.pool)
        .await
        .unwrap();
    while sols.len() < 3 {
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO solicitations (title, stage, issuer, opens_at, closes_at, status, \
             created_at, updated_at) VALUES ($1, 'drafting', '区人大常委会', 0, $2, 'open', 0, 0) \
             RETURNING id",
        )
        .bind(format!("示范条例草案 {}", sols.len() + 1))
        .bind(db::now_ms() + 86_400_000 * 30)
        .fetch_one(&db.pool)
        .await
        .unwrap();
        sols.push(id);
    }
    let mut rng = Lcg(42 + have as u64);
    let start = Instant::now();
    let batch = 400;
    let mut i = have as usize;
    let cols = 19;
    let year_ms: i64 = 365 * 86_400_000;
    let base = db::now_ms() - year_ms;
    while i < want {
        let n = batch.min(want - i);
        let mut sql = String::from(
            "INSERT INTO opinions (tracking_code, access_key, solicitation_id, target, target_label, \
             content, name, phone, street, community, identity, publish_ok, privacy_version, channel, \
             received_on, status, station_id, created_at, updated_at) VALUES ",
        );
        for r in 0..n {
            if r > 0 {
                sql.push_str(", ");
            }
            sql.push('(');
            for c in 0..cols {
                if c > 0 {
                    sql.push_str(", ");
                }
                sql.push_str(&format!("${}", r * cols + c + 1));
            }
            sql.push(')');
        }
        let mut q = sqlx::query(&sql);
        for r in 0..n {
            let k = i + r;
            let street = rng.next() % 4;
            let article = rng.next() % 36;
            let content = format!(
                "{}，{}。编号{k}。",
                PHRASES[rng.next() % PHRASES.len()],
                PHRASES[rng.next() % PHRASES.len()]
            );
            // Most opinions are handled; about one in eight is still pending.
            let status = match rng.next() % 16 {
                0 | 1 => OpinionStatus::Pending,
                2 => OpinionStatus::Rejected,
                3 => OpinionStatus::Merged,
                4..=6 => OpinionStatus::Accepted,
                7..=9 => OpinionStatus::Reported,
                10..=12 => OpinionStatus::Adopted,
                13 => OpinionStatus::PartiallyAdopted,
                _ => OpinionStatus::NotAdopted,
            };
            // Created in order over the past year, so ids and dates rise together.
            let at = base + (k as i64) * (year_ms / want.max(1) as i64);
            let day = minyi::domain::time::iso_date(at);
            q = q
                .bind(code(k))
                .bind("benchkey")
                .bind(sols[rng.next() % sols.len()])
                .bind(if article == 0 {
                    String::new()
                } else {
                    format!("art-{article}")
                })
                .bind(if article == 0 {
                    String::new()
                } else {
                    format!("第{article}条")
                })
                .bind(content)
                .bind("测试居民")
                .bind(format!("138{:08}", k % 100_000_000))
                .bind(STREETS[street])
                .bind("")
                .bind(Identity::ALL[rng.next() % Identity::ALL.len()].code())
                .bind((rng.next() % 2) as i64)
                .bind("2026-11")
                .bind(Channel::ALL[rng.next() % Channel::ALL.len()].code())
                .bind(day)
                .bind(status.code())
                .bind(stations[street % stations.len()])
                .bind(at)
                .bind(at);
        }
        q.execute(&db.pool).await.unwrap();
        i += n;
        if i % 100_000 < batch {
            eprintln!(
                "filled {i} opinions in {:.0} s",
                start.elapsed().as_secs_f64()
            );
        }
    }
    // The server folds the tallies' deltas every few seconds; fold the fill's at once, so that the
    // first figures measured are not of a server summing a fresh import's deltas.
    db::stats::fold(db).await.unwrap();
    if db.backend == db::Backend::Postgres {
        sqlx::query("ANALYZE opinions")
            .execute(&db.pool)
            .await
            .unwrap();
    } else {
        sqlx::query("ANALYZE").execute(&db.pool).await.unwrap();
    }
    vec![stations[0], sols[0]]
}
