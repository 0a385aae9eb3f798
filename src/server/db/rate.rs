//! Fixed-window rate counters kept in the database, so that every app instance behind a load
//! balancer counts against the same limit.

use super::now_ms;
use sqlx::AnyConnection;

/// Counts one hit for `bucket` in the current window of `window_ms` and returns the hits so far
/// in that window, this one included. Call it inside the transaction of what it limits, so that a
/// refused or failed attempt counts nothing.
pub async fn hit(
    conn: &mut AnyConnection,
    bucket: &str,
    window_ms: i64,
) -> Result<i64, sqlx::Error> {
    let now = now_ms();
    let window = now - now.rem_euclid(window_ms);
    let hits = sqlx::query_scalar(
        "INSERT INTO rate_counters (bucket, window_start, hits) VALUES ($1, $2, 1) \
         ON CONFLICT (bucket, window_start) DO UPDATE SET hits = rate_counters.hits + 1 \
         RETURNING hits",
    )
    .bind(bucket)
    .bind(window)
    .fetch_one(&mut *conn)
    .await?;
    // The first hit of a window is the moment to drop this bucket's earlier windows; later hits
    // in the same window have nothing to drop.
    if hits == 1 {
        sqlx::query("DELETE FROM rate_counters WHERE bucket = $1 AND window_start < $2")
            .bind(bucket)
            .bind(window)
            .execute(&mut *conn)
            .await?;
    }
    Ok(hits)
}
