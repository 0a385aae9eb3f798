//! Fixed-window rate counters kept in the database, so that every app instance behind a load
//! balancer counts against the same limit.

use super::{now_ms, Db};
use sqlx::AnyConnection;

/// Counts one hit for `bucket` in the current window of `window_ms` and returns the hits so far
/// in that window, this one included. Call it inside the transaction of what it limits, so that a
/// refused or failed attempt counts nothing.
pub async fn hit(
    conn: &mut AnyConnection,
    bucket: &str,
    window_ms: i64,
) -> Result<i64, sqlx::Error> {
    add(conn, bucket, window_ms, 1).await
}

/// Adds `amount` to `bucket` in the current window of `window_ms` and returns the window's total.
pub async fn add(
    conn: &mut AnyConnection,
    bucket: &str,
    window_ms: i64,
    amount: i64,
) -> Result<i64, sqlx::Error> {
    let now = now_ms();
    let window = now - now.rem_euclid(window_ms);
    sqlx::query_scalar(
        "INSERT INTO rate_counters (bucket, window_start, hits) VALUES ($1, $2, $3) \
         ON CONFLICT (bucket, window_start) DO UPDATE SET hits = rate_counters.hits + $3 \
         RETURNING hits",
    )
    .bind(bucket)
    .bind(window)
    .bind(amount)
    .fetch_one(&mut *conn)
    .await
}

/// Removes the windows that started before `before` (every limit counts within the hour, so
/// anything older than that no longer counts); returns how many.
pub async fn purge(db: &Db, before: i64) -> Result<u64, sqlx::Error> {
    Ok(
        sqlx::query("DELETE FROM rate_counters WHERE window_start < $1")
            .bind(before)
            .execute(&db.pool)
            .await?
            .rows_affected(),
    )
}
