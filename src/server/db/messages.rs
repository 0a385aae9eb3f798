//! The outbox of prewritten messages to residents about their sessions and appointments: a
//! session cancelled, a place freed from the waitlist, a reminder the day before. Unlike opinion
//! notifications, the text is written when the message is queued. Delivery claims a message
//! before sending it, so that two instances never send it twice.

use super::notifications::Outcome;
use super::{now_ms, Db};
use sqlx::AnyConnection;

/// A message due to go out.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct DueMessage {
    pub id: i64,
    pub email: String,
    pub subject: String,
    pub body: String,
    pub link: String,
}

/// Claims up to `limit` messages due at `now`, each pushed `lease_ms` into the future first.
pub async fn claim_due(
    db: &Db,
    now: i64,
    lease_ms: i64,
    limit: i64,
) -> Result<Vec<DueMessage>, sqlx::Error> {
    let due: Vec<DueMessage> = sqlx::query_as(
        "SELECT id, email, subject, body, link FROM messages WHERE status = 'pending' AND due_at <= $1 \
         ORDER BY due_at, id LIMIT $2",
    )
    .bind(now)
    .bind(limit)
    .fetch_all(&db.pool)
    .await?;
    let mut out = Vec::with_capacity(due.len());
    for m in due {
        let claimed = sqlx::query(
            "UPDATE messages SET due_at = $3 WHERE id = $1 AND status = 'pending' AND due_at <= $2",
        )
        .bind(m.id)
        .bind(now)
        .bind(now + lease_ms)
        .execute(&db.pool)
        .await?
        .rows_affected();
        if claimed > 0 {
            out.push(m);
        }
    }
    Ok(out)
}

/// Records the outcome of message `id`; a sent or kept one keeps `body`, the text as it went out
/// (with its link). A failed one is tried again later, up to five times.
pub async fn finish(
    db: &Db,
    id: i64,
    outcome: Outcome,
    body: &str,
    error: &str,
) -> Result<(), sqlx::Error> {
    let now = now_ms();
    let q = match outcome {
        Outcome::Sent => sqlx::query(
            "UPDATE messages SET status = 'sent', attempts = attempts + 1, last_error = '', \
             body = $3, updated_at = $2 WHERE id = $1",
        ),
        Outcome::Kept => sqlx::query(
            "UPDATE messages SET status = 'kept', body = $3, updated_at = $2 WHERE id = $1",
        ),
        Outcome::Failed => sqlx::query(
            "UPDATE messages SET status = CASE WHEN attempts + 1 >= 5 THEN 'failed' ELSE 'pending' END, \
             attempts = attempts + 1, due_at = $2 + 300000 * (attempts + 1), last_error = $3, \
             updated_at = $2 WHERE id = $1",
        ),
    };
    let text = if outcome == Outcome::Failed {
        error
    } else {
        body
    };
    q.bind(id).bind(now).bind(text).execute(&db.pool).await?;
    Ok(())
}

/// What a message is about: its code, private link, recipient and station come from there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum About {
    Registration(i64),
    Appointment(i64),
}

/// Queues a message of `kind` to the holder of `about`, inside the transaction of the change that
/// calls for it. A second reminder for the same registration or appointment is dropped.
pub async fn queue(
    tx: &mut AnyConnection,
    about: About,
    kind: &str,
    subject: &str,
    body: &str,
    now: i64,
) -> Result<(), sqlx::Error> {
    let (column, from, id) = match about {
        About::Registration(id) => (
            "registration_id",
            "registrations x JOIN consultations o ON o.id = x.consultation_id",
            id,
        ),
        About::Appointment(id) => (
            "appointment_id",
            "appointments x JOIN deputies o ON o.id = x.deputy_id",
            id,
        ),
    };
    sqlx::query(&format!(
        "INSERT INTO messages (kind, {column}, station_id, code, link, name, phone, email, subject, \
         body, status, due_at, created_at, updated_at) \
         SELECT $1, x.id, o.station_id, x.code, '/track/' || x.code || '?k=' || x.access_key, x.name, \
         x.phone, x.email, $3, $4, 'pending', $5, $5, $5 FROM {from} WHERE x.id = $2 \
         ON CONFLICT DO NOTHING"
    ))
    .bind(kind)
    .bind(id)
    .bind(subject)
    .bind(body)
    .bind(now)
    .execute(&mut *tx)
    .await?;
    Ok(())
}
