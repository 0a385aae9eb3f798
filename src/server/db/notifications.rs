//! The outbox of messages to residents about their own opinions. A change that residents should
//! hear of (accepted, referred elsewhere, reported, answered) queues a message due a little later;
//! while it waits, further changes only move it later, so one message tells where things stand.
//! Delivery writes the text at sending time from the opinion's state then.

use super::{now_ms, Db};
use crate::domain::opinion::OpinionStatus;

/// How long a queued message waits for further changes before it goes out.
pub const GROUP_MS: i64 = 10 * 60 * 1000;

/// Queues (or, if one waits already, postpones) a message for each of `ids`, inside the
/// transaction of the change.
pub async fn enqueue(
    tx: &mut sqlx::AnyConnection,
    ids: &[i64],
    now: i64,
) -> Result<(), sqlx::Error> {
    for chunk in ids.chunks(500) {
        let list = (3..3 + chunk.len())
            .map(|i| format!("${i}"))
            .collect::<Vec<_>>()
            .join(", ");
        let sql = format!(
            "INSERT INTO notifications (opinion_id, status, due_at, created_at, updated_at) \
             SELECT id, 'pending', $1, $2, $2 FROM opinions WHERE id IN ({list}) \
             ON CONFLICT (opinion_id) WHERE status = 'pending' \
             DO UPDATE SET due_at = excluded.due_at, updated_at = excluded.updated_at"
        );
        let mut q = sqlx::query(&sql).bind(now + GROUP_MS).bind(now);
        for id in chunk {
            q = q.bind(*id);
        }
        q.execute(&mut *tx).await?;
    }
    Ok(())
}

/// A message due to go out, with what its text is made of.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Due {
    pub id: i64,
    pub code: String,
    pub access_key: String,
    pub email: String,
    pub status: String,
    pub title: String,
    pub note: Option<String>,
    /// The language the resident used.
    pub lang: String,
}

/// Claims up to `limit` messages due at `now`: each is pushed `lease_ms` into the future first,
/// so that another instance's worker does not take it too.
pub async fn claim_due(
    db: &Db,
    now: i64,
    lease_ms: i64,
    limit: i64,
) -> Result<Vec<Due>, sqlx::Error> {
    let ids: Vec<i64> = sqlx::query_scalar(
        "SELECT id FROM notifications WHERE status = 'pending' AND due_at <= $1 ORDER BY due_at, id LIMIT $2",
    )
    .bind(now)
    .bind(limit)
    .fetch_all(&db.pool)
    .await?;
    let mut out = Vec::new();
    for id in ids {
        let claimed = sqlx::query(
            "UPDATE notifications SET due_at = $3 WHERE id = $1 AND status = 'pending' AND due_at <= $2",
        )
        .bind(id)
        .bind(now)
        .bind(now + lease_ms)
        .execute(&db.pool)
        .await?
        .rows_affected();
        if claimed == 0 {
            continue;
        }
        let due: Option<Due> = sqlx::query_as(
            "SELECT n.id, o.tracking_code AS code, o.access_key, o.email, o.status, s.title, o.lang, \
             (SELECT e.note FROM opinion_events e WHERE e.opinion_id = o.id AND e.visible = 1 \
              ORDER BY e.at DESC, e.id DESC LIMIT 1) AS note \
             FROM notifications n JOIN opinions o ON o.id = n.opinion_id \
             JOIN solicitations s ON s.id = o.solicitation_id WHERE n.id = $1",
        )
        .bind(id)
        .fetch_optional(&db.pool)
        .await?;
        out.extend(due);
    }
    Ok(out)
}

/// What became of a message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Sent,
    /// No address or no mail server: kept for staff to deliver.
    Kept,
    /// Sending failed; it is tried again later, and given up after five attempts.
    Failed,
}

/// Records the text and outcome of message `id`.
pub async fn finish(
    db: &Db,
    id: i64,
    outcome: Outcome,
    email: &str,
    subject: &str,
    body: &str,
    error: &str,
) -> Result<(), sqlx::Error> {
    let now = now_ms();
    let q = match outcome {
        Outcome::Sent => sqlx::query(
            "UPDATE notifications SET status = 'sent', email = $2, subject = $3, body = $4, \
             attempts = attempts + 1, last_error = '', updated_at = $5 WHERE id = $1",
        ),
        Outcome::Kept => sqlx::query(
            "UPDATE notifications SET status = 'kept', email = $2, subject = $3, body = $4, \
             updated_at = $5 WHERE id = $1",
        ),
        // Tried again after 5, 10, 15 … minutes; given up after the fifth attempt.
        Outcome::Failed => sqlx::query(
            "UPDATE notifications SET status = CASE WHEN attempts + 1 >= 5 THEN 'failed' ELSE 'pending' END, \
             email = $2, subject = $3, body = $4, updated_at = $5, attempts = attempts + 1, \
             due_at = $5 + 300000 * (attempts + 1), last_error = $6 WHERE id = $1",
        ),
    };
    let q = q.bind(id).bind(email).bind(subject).bind(body).bind(now);
    let q = if outcome == Outcome::Failed {
        q.bind(error)
    } else {
        q
    };
    let mut tx = db.begin_write().await?;
    q.execute(&mut *tx).await?;
    // A message about an opinion tells where it stands now: once a newer one is sent or kept,
    // the older ones still waiting to be delivered by hand need not be, and leave the work list.
    if outcome != Outcome::Failed {
        sqlx::query(
            "UPDATE notifications SET delivered_at = $2, delivered_note = 'superseded' \
             WHERE opinion_id = (SELECT opinion_id FROM notifications WHERE id = $1) \
             AND id < $1 AND status IN ('kept', 'failed') AND delivered_at IS NULL",
        )
        .bind(id)
        .bind(now)
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await
}

/// Whether a change to `to` is news for the resident.
pub fn is_news(to: OpinionStatus, referral: bool) -> bool {
    use OpinionStatus::*;
    match to {
        Accepted | Reported | Adopted | PartiallyAdopted | NotAdopted => true,
        Rejected => referral,
        Pending | Merged => false,
    }
}
