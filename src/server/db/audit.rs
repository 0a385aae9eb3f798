//! The audit log: who did what to which record, when. Rows are only ever inserted.

use super::now_ms;
use sqlx::AnyConnection;

/// Appends one entry. Call it inside the transaction of the change it records.
pub async fn record(
    conn: &mut AnyConnection,
    actor_id: Option<i64>,
    action: &str,
    record_type: &str,
    record_id: Option<i64>,
    detail: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO audit_log (at, actor_id, action, record_type, record_id, detail) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(now_ms())
    .bind(actor_id)
    .bind(action)
    .bind(record_type)
    .bind(record_id)
    .bind(detail)
    .execute(conn)
    .await?;
    Ok(())
}

/// The number of entries with `action`, for tests and statistics.
pub async fn count_action(db: &super::Db, action: &str) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar("SELECT COUNT(*) FROM audit_log WHERE action = $1")
        .bind(action)
        .fetch_one(&db.pool)
        .await
}

/// One page of entries for `f`, newest first.
pub async fn list(
    db: &super::Db,
    f: &crate::domain::audit::AuditFilter,
) -> Result<crate::domain::audit::AuditPage, sqlx::Error> {
    use crate::domain::audit::{AuditEntry, AuditPage, AUDIT_PAGE};
    use crate::domain::time::{day_start_ms, DAY_MS};
    let ms = |d: &str| {
        chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d")
            .ok()
            .map(day_start_ms)
    };
    // Unset filters bind NULL; every condition is written so that NULL lets all rows through.
    type Row = (
        i64,
        i64,
        Option<String>,
        Option<String>,
        String,
        String,
        Option<i64>,
        String,
    );
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT l.id, l.at, a.display_name, a.username, l.action, l.record_type, l.record_id, l.detail \
         FROM audit_log l LEFT JOIN accounts a ON a.id = l.actor_id \
         WHERE ($1 IS NULL OR l.actor_id = $1) AND ($2 IS NULL OR l.action = $2) \
         AND ($3 IS NULL OR l.record_type = $3) AND ($4 IS NULL OR l.record_id = $4) \
         AND ($5 IS NULL OR l.at >= $5) AND ($6 IS NULL OR l.at < $6) \
         AND ($7 IS NULL OR l.id < $7) ORDER BY l.id DESC LIMIT $8",
    )
    .bind(f.actor)
    .bind(f.action.as_deref())
    .bind(f.record_type.as_deref())
    .bind(f.record_id)
    .bind(f.from.as_deref().and_then(ms))
    .bind(f.to.as_deref().and_then(ms).map(|t| t + DAY_MS))
    .bind(f.before)
    .bind(AUDIT_PAGE + 1)
    .fetch_all(&db.pool)
    .await?;
    let more = rows.len() as i64 > AUDIT_PAGE;
    let entries: Vec<AuditEntry> = rows
        .into_iter()
        .take(AUDIT_PAGE as usize)
        .map(
            |(id, at, name, username, action, record_type, record_id, detail)| AuditEntry {
                id,
                at,
                actor: name.zip(username),
                action,
                record_type,
                record_id,
                detail,
            },
        )
        .collect();
    let next_before = more.then(|| entries.last().map(|e| e.id)).flatten();
    Ok(AuditPage {
        entries,
        next_before,
    })
}

/// The actions that occur in the log, for the filter.
pub async fn actions(db: &super::Db) -> Result<Vec<String>, sqlx::Error> {
    sqlx::query_scalar("SELECT DISTINCT action FROM audit_log ORDER BY action")
        .fetch_all(&db.pool)
        .await
}
