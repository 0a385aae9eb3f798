//! The work list of messages staff deliver by hand: opinion news (`notifications`) and session
//! and appointment messages (`messages`) kept because there was no e-mail address or mail
//! server, or that failed to send. Each stays on the list until someone records it delivered.

use super::{audit, now_ms, Db};
use crate::domain::notification::Notice;

/// Both tables' messages as one list; `$1` is the station (or NULL for all), `$2` 1 for those
/// delivered, 0 for those to do.
const UNION: &str = "SELECT 'opinion' AS source, n.id, n.opinion_id, o.tracking_code AS code, \
     n.status, n.email, n.subject, n.body, n.last_error, n.updated_at, o.name, o.phone, \
     n.delivered_at, COALESCE(a.display_name, '') AS delivered_by, n.delivered_note \
     FROM notifications n JOIN opinions o ON o.id = n.opinion_id \
     LEFT JOIN accounts a ON a.id = n.delivered_by \
     WHERE n.status IN ('kept', 'failed') AND ($1 IS NULL OR o.station_id = $1) \
     AND (CASE WHEN n.delivered_at IS NULL THEN 0 ELSE 1 END) = $2 \
     UNION ALL \
     SELECT 'message' AS source, m.id, CAST(0 AS BIGINT) AS opinion_id, m.code, m.status, m.email, m.subject, \
     m.body, m.last_error, m.updated_at, m.name, m.phone, m.delivered_at, \
     COALESCE(a.display_name, '') AS delivered_by, m.delivered_note \
     FROM messages m LEFT JOIN accounts a ON a.id = m.delivered_by \
     WHERE m.status IN ('kept', 'failed') AND ($1 IS NULL OR m.station_id = $1) \
     AND (CASE WHEN m.delivered_at IS NULL THEN 0 ELSE 1 END) = $2";

/// One page of the list within `station` (all for `None`): those to do, oldest first, or those
/// delivered, latest first.
pub async fn page(
    db: &Db,
    station: Option<i64>,
    delivered: bool,
    offset: i64,
    limit: i64,
) -> Result<Vec<Notice>, sqlx::Error> {
    let order = if delivered {
        "delivered_at DESC, source, id DESC"
    } else {
        "updated_at, source, id"
    };
    sqlx::query_as(&format!(
        "SELECT * FROM ({UNION}) l ORDER BY {order} LIMIT $3 OFFSET $4"
    ))
    .bind(station)
    .bind(delivered as i64)
    .bind(limit)
    .bind(offset)
    .fetch_all(&db.pool)
    .await
}

/// How many messages are to do and how many delivered, within `station`.
pub async fn counts(db: &Db, station: Option<i64>) -> Result<(i64, i64), sqlx::Error> {
    let mut out = (0, 0);
    for (delivered, slot) in [(false, &mut out.0), (true, &mut out.1)] {
        *slot = sqlx::query_scalar(&format!("SELECT COUNT(*) FROM ({UNION}) l"))
            .bind(station)
            .bind(delivered as i64)
            .fetch_one(&db.pool)
            .await?;
    }
    Ok(out)
}

/// Records message `id` of `source` (`opinion` or `message`) as delivered by staff member
/// `staff_id`, how (`note`), if it lies within `station` and is still to do; writes an audit
/// entry. `false` when there was nothing to record.
pub async fn mark_delivered(
    db: &Db,
    source: &str,
    id: i64,
    station: Option<i64>,
    staff_id: i64,
    note: &str,
) -> Result<bool, sqlx::Error> {
    let scope = match source {
        "opinion" => "notifications SET delivered_at = $3, delivered_by = $4, delivered_note = $5 \
             WHERE id = $1 AND ($2 IS NULL OR opinion_id IN (SELECT id FROM opinions WHERE station_id = $2))",
        _ => "messages SET delivered_at = $3, delivered_by = $4, delivered_note = $5 \
             WHERE id = $1 AND ($2 IS NULL OR station_id = $2)",
    };
    let mut tx = db.begin_write().await?;
    let n = sqlx::query(&format!(
        "UPDATE {scope} AND delivered_at IS NULL AND status IN ('kept', 'failed')"
    ))
    .bind(id)
    .bind(station)
    .bind(now_ms())
    .bind(staff_id)
    .bind(note)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    if n == 0 {
        return Ok(false);
    }
    audit::record(
        &mut tx,
        Some(staff_id),
        "notice.delivered",
        source,
        Some(id),
        note,
    )
    .await?;
    tx.commit().await?;
    Ok(true)
}
