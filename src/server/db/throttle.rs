//! Sign-in throttling per username, whether or not an account has that name, so that the lockout
//! message tells a stranger nothing about which usernames exist.

use super::{now_ms, Db};

pub const MAX_FAILURES: i64 = 5;
pub const LOCK_MS: i64 = 15 * 60 * 1000;
const FORGET_MS: i64 = 24 * 60 * 60 * 1000;

/// When `username` is locked until (UTC ms), if it is locked now.
pub async fn locked_until(db: &Db, username: &str) -> Result<Option<i64>, sqlx::Error> {
    let until: Option<Option<i64>> =
        sqlx::query_scalar("SELECT locked_until FROM login_throttle WHERE username = $1")
            .bind(username)
            .fetch_optional(&db.pool)
            .await?;
    Ok(until.flatten().filter(|t| *t > now_ms()))
}

/// Counts one failed sign-in; returns the lock's end when this failure locks the name.
pub async fn record_failure(db: &Db, username: &str) -> Result<Option<i64>, sqlx::Error> {
    let now = now_ms();
    let mut tx = db.pool.begin().await?;
    // Failures older than a day no longer count, and their rows do not pile up.
    sqlx::query("DELETE FROM login_throttle WHERE updated_at < $1 AND (locked_until IS NULL OR locked_until < $2)")
        .bind(now - FORGET_MS)
        .bind(now)
        .execute(&mut *tx)
        .await?;
    let failures: i64 = sqlx::query_scalar(
        "INSERT INTO login_throttle (username, failures, locked_until, updated_at) VALUES ($1, 1, NULL, $2) \
         ON CONFLICT (username) DO UPDATE SET failures = login_throttle.failures + 1, updated_at = $2 \
         RETURNING failures",
    )
    .bind(username)
    .bind(now)
    .fetch_one(&mut *tx)
    .await?;
    let locked = if failures >= MAX_FAILURES {
        let until = now + LOCK_MS;
        sqlx::query(
            "UPDATE login_throttle SET failures = 0, locked_until = $2 WHERE username = $1",
        )
        .bind(username)
        .bind(until)
        .execute(&mut *tx)
        .await?;
        Some(until)
    } else {
        None
    };
    tx.commit().await?;
    Ok(locked)
}

/// Forgets the failures of `username` (after a successful sign-in or an admin's reset).
pub async fn clear(db: &Db, username: &str) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM login_throttle WHERE username = $1")
        .bind(username)
        .execute(&db.pool)
        .await?;
    Ok(())
}
