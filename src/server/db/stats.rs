//! The public statistics, read from the tallies the database keeps beside the opinions, so a view
//! of `/stats` never counts the opinions themselves. Triggers append every change's +1/-1 to the
//! delta tables in the change's own transaction; [`fold`] moves them into the tallies now and
//! then, and readers add both, so the figures are exact at any moment. Opinions on draft
//! solicitations (not public) are left out.

use super::{Backend, Db};

/// The opinion tallies with the deltas not folded yet: `solicitation_id, status, channel,
/// street, n`.
pub const OPINION_TALLIES: &str = "(SELECT solicitation_id, status, channel, street, n \
     FROM opinion_tallies UNION ALL SELECT solicitation_id, status, channel, street, d \
     FROM opinion_tally_deltas)";

/// The per-article tallies with the deltas not folded yet: `solicitation_id, draft_version_id,
/// target, status, n` (version 0: given where the solicitation had no draft).
pub const TARGET_TALLIES: &str = "(SELECT solicitation_id, draft_version_id, target, status, n \
     FROM target_tallies UNION ALL SELECT solicitation_id, draft_version_id, target, status, d \
     FROM target_tally_deltas)";
use crate::domain::opinion::{Channel, OpinionStatus};
use crate::domain::stats::{adoption_rate, SolicitationStats, Stats};
use crate::domain::time::DAY_MS;

/// The statistics of every public solicitation, or of solicitation `id` alone.
pub async fn compute(db: &Db, id: Option<i64>) -> Result<Stats, sqlx::Error> {
    let rows: Vec<(String, String, String, i64)> = sqlx::query_as(&format!(
        "SELECT t.status, t.channel, t.street, CAST(SUM(t.n) AS BIGINT) FROM {OPINION_TALLIES} t \
         JOIN solicitations s ON s.id = t.solicitation_id \
         WHERE s.status <> 'draft' AND ($1 IS NULL OR t.solicitation_id = $1) \
         GROUP BY t.status, t.channel, t.street HAVING SUM(t.n) > 0"
    ))
    .bind(id)
    .fetch_all(&db.pool)
    .await?;
    let counts: Vec<(OpinionStatus, Channel, String, i64)> = rows
        .into_iter()
        .filter_map(|(s, c, street, n)| {
            Some((
                OpinionStatus::from_code(&s)?,
                Channel::from_code(&c)?,
                street,
                n,
            ))
        })
        .collect();
    // The wait of each answered opinion: from its submission to its first feedback event.
    let waits: Vec<(i64,)> = sqlx::query_as(
        "SELECT w.wait_ms FROM feedback_waits w JOIN solicitations s ON s.id = w.solicitation_id \
         WHERE s.status <> 'draft' AND ($1 IS NULL OR w.solicitation_id = $1)",
    )
    .bind(id)
    .fetch_all(&db.pool)
    .await?;
    let days = waits
        .into_iter()
        .map(|(ms,)| ms.max(0) as f64 / DAY_MS as f64)
        .collect();
    Ok(Stats::from_counts(&counts, days))
}

/// One line per public solicitation with opinions, newest first.
pub async fn per_solicitation(db: &Db) -> Result<Vec<SolicitationStats>, sqlx::Error> {
    let rows: Vec<(i64, String, String, i64)> = sqlx::query_as(&format!(
        "SELECT s.id, s.title, t.status, CAST(SUM(t.n) AS BIGINT) FROM solicitations s \
         JOIN {OPINION_TALLIES} t ON t.solicitation_id = s.id WHERE s.status <> 'draft' \
         GROUP BY s.id, s.title, t.status HAVING SUM(t.n) > 0 ORDER BY s.id DESC"
    ))
    .fetch_all(&db.pool)
    .await?;
    let mut out: Vec<SolicitationStats> = Vec::new();
    let mut answered: Vec<(i64, i64, i64)> = Vec::new();
    for (id, title, status, n) in rows {
        if out.last().map(|s| s.id) != Some(id) {
            out.push(SolicitationStats {
                id,
                title,
                received: 0,
                accepted: 0,
                adopted: 0,
                adoption_rate: None,
            });
            answered.push((0, 0, 0));
        }
        let (s, a) = (out.last_mut().unwrap(), answered.last_mut().unwrap());
        let status = OpinionStatus::from_code(&status).unwrap_or(OpinionStatus::Pending);
        s.received += n;
        if status.is_accepted() {
            s.accepted += n;
        }
        match status {
            OpinionStatus::Adopted => a.0 += n,
            OpinionStatus::PartiallyAdopted => a.1 += n,
            OpinionStatus::NotAdopted => a.2 += n,
            _ => {}
        }
    }
    for (s, (full, part, not)) in out.iter_mut().zip(answered) {
        s.adopted = full + part;
        s.adoption_rate = adoption_rate(full, part, not);
    }
    Ok(out)
}

/// Moves the deltas appended so far into the tallies, in one transaction: each delta row is
/// deleted and its value added exactly once, whichever instance folds (a concurrent fold finds
/// the rows gone). The tallies are upserted in key order, so two folds never deadlock. Returns
/// how many delta rows were folded.
pub async fn fold(db: &Db) -> Result<usize, sqlx::Error> {
    use std::collections::BTreeMap;
    let mut tx = db.begin_write().await?;
    let rows: Vec<(i64, String, String, String, i64)> = sqlx::query_as(
        "DELETE FROM opinion_tally_deltas RETURNING solicitation_id, status, channel, street, d",
    )
    .fetch_all(&mut *tx)
    .await?;
    let targets: Vec<(i64, i64, String, String, i64)> = sqlx::query_as(
        "DELETE FROM target_tally_deltas RETURNING solicitation_id, draft_version_id, target, \
         status, d",
    )
    .fetch_all(&mut *tx)
    .await?;
    let folded = rows.len() + targets.len();
    let mut sums: BTreeMap<(i64, String, String, String), i64> = BTreeMap::new();
    for (sol, status, channel, street, d) in rows {
        *sums.entry((sol, status, channel, street)).or_default() += d;
    }
    for ((sol, status, channel, street), d) in sums.into_iter().filter(|(_, d)| *d != 0) {
        sqlx::query(
            "INSERT INTO opinion_tallies (solicitation_id, status, channel, street, n) \
             VALUES ($1, $2, $3, $4, $5) ON CONFLICT (solicitation_id, status, channel, street) \
             DO UPDATE SET n = opinion_tallies.n + $5",
        )
        .bind(sol)
        .bind(status)
        .bind(channel)
        .bind(street)
        .bind(d)
        .execute(&mut *tx)
        .await?;
    }
    let mut sums: BTreeMap<(i64, i64, String, String), i64> = BTreeMap::new();
    for (sol, version, target, status, d) in targets {
        *sums.entry((sol, version, target, status)).or_default() += d;
    }
    for ((sol, version, target, status), d) in sums.into_iter().filter(|(_, d)| *d != 0) {
        sqlx::query(
            "INSERT INTO target_tallies (solicitation_id, draft_version_id, target, status, n) \
             VALUES ($1, $2, $3, $4, $5) \
             ON CONFLICT (solicitation_id, draft_version_id, target, status) \
             DO UPDATE SET n = target_tallies.n + $5",
        )
        .bind(sol)
        .bind(version)
        .bind(target)
        .bind(status)
        .bind(d)
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await?;
    if folded > BULK_FOLD && db.backend == Backend::Postgres {
        // Deleted rows stay in PostgreSQL's tables as dead tuples until a vacuum; after a bulk
        // change (an import) every count would read through them until autovacuum comes round.
        sqlx::query("VACUUM (ANALYZE) opinion_tally_deltas, target_tally_deltas")
            .execute(&db.pool)
            .await?;
    }
    Ok(folded)
}

/// Delta rows folded at once past which PostgreSQL's delta tables are vacuumed straight away.
const BULK_FOLD: usize = 10_000;
