//! Login sessions, stored in the database so that any app instance can serve any signed-in user.
//! Only a SHA-256 of the session token is stored.

use super::{now_ms, Db};
use crate::domain::account::{Role, StaffUser};

/// A session ends after this long without a request.
pub const IDLE_MS: i64 = 30 * 60 * 1000;
/// A session ends this long after sign-in, however active.
pub const ABSOLUTE_MS: i64 = 12 * 60 * 60 * 1000;
/// `last_seen_at` is written at most this often, to spare the database a write per request.
const TOUCH_EVERY_MS: i64 = 60 * 1000;

/// An ended session's row is kept this long after sign-in, so that a form posted on an expired
/// session can be told from a stranger's post (see `known`), then purged.
const KEEP_MS: i64 = 24 * 60 * 60 * 1000;

/// Starts a session for `account_id` under `token_hash`, purging rows past keeping.
pub async fn insert(db: &Db, token_hash: &str, account_id: i64) -> Result<(), sqlx::Error> {
    let now = now_ms();
    let mut tx = db.begin_write().await?;
    sqlx::query("DELETE FROM sessions WHERE created_at < $1")
        .bind(now - KEEP_MS)
        .execute(&mut *tx)
        .await?;
    sqlx::query(
        "INSERT INTO sessions (token_hash, account_id, created_at, last_seen_at) VALUES ($1, $2, $3, $3)",
    )
    .bind(token_hash)
    .bind(account_id)
    .bind(now)
    .execute(&mut *tx)
    .await?;
    super::audit::record(
        &mut tx,
        Some(account_id),
        "session.sign_in",
        "account",
        Some(account_id),
        "",
    )
    .await?;
    tx.commit().await
}

/// Whether `token_hash` names a session this server issued (live or recently ended).
pub async fn known(db: &Db, token_hash: &str) -> Result<bool, sqlx::Error> {
    let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM sessions WHERE token_hash = $1")
        .bind(token_hash)
        .fetch_one(&db.pool)
        .await?;
    Ok(n > 0)
}

#[derive(sqlx::FromRow)]
struct SessionRow {
    created_at: i64,
    last_seen_at: i64,
    id: i64,
    username: String,
    display_name: String,
    role: String,
    station_id: Option<i64>,
    disabled: i64,
    personal_data: i64,
}

/// The staff member of a live session, refreshing its idle timer; `None` when it has expired or
/// the account is disabled. An expired row stays until `insert` purges it.
pub async fn resolve(db: &Db, token_hash: &str) -> Result<Option<StaffUser>, sqlx::Error> {
    let row: Option<SessionRow> = sqlx::query_as(
        "SELECT s.created_at, s.last_seen_at, a.id, a.username, a.display_name, a.role, a.station_id, a.disabled, a.personal_data \
         FROM sessions s JOIN accounts a ON a.id = s.account_id WHERE s.token_hash = $1",
    )
    .bind(token_hash)
    .fetch_optional(&db.pool)
    .await?;
    let Some(row) = row else { return Ok(None) };
    let now = now_ms();
    let role = Role::from_code(&row.role);
    if row.disabled != 0
        || now - row.last_seen_at > IDLE_MS
        || now - row.created_at > ABSOLUTE_MS
        || role.is_none()
    {
        return Ok(None);
    }
    if now - row.last_seen_at > TOUCH_EVERY_MS {
        // Keeping the idle timer fresh is worth no failed request: when another writer holds
        // SQLite's lock past the busy timeout, the touch waits for the next request.
        let touched = sqlx::query("UPDATE sessions SET last_seen_at = $2 WHERE token_hash = $1")
            .bind(token_hash)
            .bind(now)
            .execute(&db.pool)
            .await;
        match touched {
            Err(e) if super::is_busy(&e) => tracing::warn!("session not touched: database busy"),
            other => {
                other?;
            }
        }
    }
    Ok(Some(StaffUser {
        id: row.id,
        username: row.username,
        display_name: row.display_name,
        role: role.unwrap_or(Role::Staff),
        station_id: row.station_id,
        personal_data: row.personal_data != 0,
    }))
}

/// Ends a session.
pub async fn delete(db: &Db, token_hash: &str) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM sessions WHERE token_hash = $1")
        .bind(token_hash)
        .execute(&db.pool)
        .await?;
    Ok(())
}

/// Moves a session's clock back by `ms` (tests use it to expire sessions without waiting).
pub async fn age(db: &Db, token_hash: &str, ms: i64) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE sessions SET created_at = created_at - $2, last_seen_at = last_seen_at - $2 WHERE token_hash = $1",
    )
    .bind(token_hash)
    .bind(ms)
    .execute(&db.pool)
    .await?;
    Ok(())
}
