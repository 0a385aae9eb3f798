//! The public statistics, read from the tallies the database keeps beside the opinions
//! (`opinion_tallies`, `feedback_waits`, maintained by triggers in the same transaction as each
//! change), so a view of `/stats` never counts the opinions themselves. Opinions on draft
//! solicitations (not public) are left out.

use super::Db;
use crate::domain::opinion::{Channel, OpinionStatus};
use crate::domain::stats::{adoption_rate, SolicitationStats, Stats};
use crate::domain::time::DAY_MS;

/// The statistics of every public solicitation, or of solicitation `id` alone.
pub async fn compute(db: &Db, id: Option<i64>) -> Result<Stats, sqlx::Error> {
    let rows: Vec<(String, String, String, i64)> = sqlx::query_as(
        "SELECT t.status, t.channel, t.street, CAST(SUM(t.n) AS BIGINT) FROM opinion_tallies t \
         JOIN solicitations s ON s.id = t.solicitation_id \
         WHERE s.status <> 'draft' AND t.n > 0 AND ($1 IS NULL OR t.solicitation_id = $1) \
         GROUP BY t.status, t.channel, t.street",
    )
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
    let rows: Vec<(i64, String, String, i64)> = sqlx::query_as(
        "SELECT s.id, s.title, t.status, CAST(SUM(t.n) AS BIGINT) FROM solicitations s \
         JOIN opinion_tallies t ON t.solicitation_id = s.id WHERE s.status <> 'draft' AND t.n > 0 \
         GROUP BY s.id, s.title, t.status ORDER BY s.id DESC",
    )
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
