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
