//! Staff accounts: creation, lookup for sign-in, the admin's list, disabling and password resets.
//! Every change writes an audit entry in the same transaction.

use super::{audit, now_ms, Db};
use crate::domain::account::{AccountSummary, Role};

/// What sign-in needs to know about an account.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Credentials {
    pub id: i64,
    pub password_hash: String,
    pub disabled: i64,
}

/// A new account, with the password already hashed.
pub struct NewAccount<'a> {
    pub username: &'a str,
    pub display_name: &'a str,
    pub password_hash: &'a str,
    pub role: Role,
    pub station_id: Option<i64>,
}

/// Creates an account; `Ok(None)` when the username is taken.
pub async fn insert(
    db: &Db,
    new: &NewAccount<'_>,
    actor_id: Option<i64>,
) -> Result<Option<i64>, sqlx::Error> {
    let now = now_ms();
    let mut tx = db.begin_write().await?;
    let id: Result<i64, sqlx::Error> = sqlx::query_scalar(
        "INSERT INTO accounts (username, display_name, password_hash, role, station_id, disabled, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, 0, $6, $6) RETURNING id",
    )
    .bind(new.username)
    .bind(new.display_name)
    .bind(new.password_hash)
    .bind(new.role.code())
    .bind(new.station_id)
    .bind(now)
    .fetch_one(&mut *tx)
    .await;
    let id = match id {
        Ok(id) => id,
        Err(e) if super::is_unique_violation(&e) => return Ok(None),
        Err(e) => return Err(e),
    };
    audit::record(
        &mut tx,
        actor_id,
        "account.create",
        "account",
        Some(id),
        new.username,
    )
    .await?;
    tx.commit().await?;
    Ok(Some(id))
}

/// The credentials of `username`, if such an account exists.
pub async fn credentials(db: &Db, username: &str) -> Result<Option<Credentials>, sqlx::Error> {
    sqlx::query_as("SELECT id, password_hash, disabled FROM accounts WHERE username = $1")
        .bind(username)
        .fetch_optional(&db.pool)
        .await
}

#[derive(sqlx::FromRow)]
struct SummaryRow {
    id: i64,
    username: String,
    display_name: String,
    role: String,
    station_name: Option<String>,
    disabled: i64,
    personal_data: i64,
}

/// Every account, admins first, then by username.
pub async fn list(db: &Db) -> Result<Vec<AccountSummary>, sqlx::Error> {
    let rows: Vec<SummaryRow> = sqlx::query_as(
        "SELECT a.id, a.username, a.display_name, a.role, s.name AS station_name, a.disabled, a.personal_data \
         FROM accounts a LEFT JOIN stations s ON s.id = a.station_id \
         ORDER BY a.role, a.username",
    )
    .fetch_all(&db.pool)
    .await?;
    let failures: std::collections::HashMap<String, i64> = super::throttle::recent_failures(db)
        .await?
        .into_iter()
        .collect();
    Ok(rows
        .into_iter()
        .map(|r| AccountSummary {
            id: r.id,
            recent_failures: failures
                .get(&super::throttle::name_hash(&r.username))
                .copied()
                .unwrap_or(0),
            username: r.username,
            display_name: r.display_name,
            role: Role::from_code(&r.role).unwrap_or(Role::Staff),
            station_name: r.station_name,
            disabled: r.disabled != 0,
            personal_data: r.personal_data != 0,
        })
        .collect())
}

/// The username of account `id`.
pub async fn username(db: &Db, id: i64) -> Result<Option<String>, sqlx::Error> {
    sqlx::query_scalar("SELECT username FROM accounts WHERE id = $1")
        .bind(id)
        .fetch_optional(&db.pool)
        .await
}

/// A yes/no setting of an account that admins change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flag {
    /// Disabled accounts cannot sign in; disabling ends their sessions.
    Disabled,
    /// May see residents' names and mobile numbers.
    PersonalData,
}

/// Disables or re-enables an account; disabling also ends its sessions. False if no such account.
pub async fn set_disabled(
    db: &Db,
    id: i64,
    disabled: bool,
    actor_id: i64,
) -> Result<bool, sqlx::Error> {
    set_flag(db, id, Flag::Disabled, disabled, actor_id).await
}

/// Sets `flag` of account `id` to `on`, with an audit entry. False if no such account.
pub async fn set_flag(
    db: &Db,
    id: i64,
    flag: Flag,
    on: bool,
    actor_id: i64,
) -> Result<bool, sqlx::Error> {
    let (column, action) = match (flag, on) {
        (Flag::Disabled, true) => ("disabled", "account.disable"),
        (Flag::Disabled, false) => ("disabled", "account.enable"),
        (Flag::PersonalData, true) => ("personal_data", "account.grant_personal_data"),
        (Flag::PersonalData, false) => ("personal_data", "account.revoke_personal_data"),
    };
    let mut tx = db.begin_write().await?;
    let n = sqlx::query(&format!(
        "UPDATE accounts SET {column} = $2, updated_at = $3 WHERE id = $1"
    ))
    .bind(id)
    .bind(on as i64)
    .bind(now_ms())
    .execute(&mut *tx)
    .await?
    .rows_affected();
    if n == 0 {
        return Ok(false);
    }
    if flag == Flag::Disabled && on {
        sqlx::query("DELETE FROM sessions WHERE account_id = $1")
            .bind(id)
            .execute(&mut *tx)
            .await?;
    }
    audit::record(&mut tx, Some(actor_id), action, "account", Some(id), "").await?;
    tx.commit().await?;
    Ok(true)
}

/// Sets a new password hash, ends every session of the account and clears its lockout.
pub async fn set_password(
    db: &Db,
    id: i64,
    password_hash: &str,
    actor_id: Option<i64>,
) -> Result<bool, sqlx::Error> {
    let mut tx = db.begin_write().await?;
    let username: Option<String> = sqlx::query_scalar(
        "UPDATE accounts SET password_hash = $2, updated_at = $3 WHERE id = $1 RETURNING username",
    )
    .bind(id)
    .bind(password_hash)
    .bind(now_ms())
    .fetch_optional(&mut *tx)
    .await?;
    let Some(username) = username else {
        return Ok(false);
    };
    sqlx::query("DELETE FROM sessions WHERE account_id = $1")
        .bind(id)
        .execute(&mut *tx)
        .await?;
    // Whoever reset their password after failing to sign in is not kept waiting.
    sqlx::query("DELETE FROM login_throttle WHERE name_hash = $1")
        .bind(super::throttle::name_hash(&username))
        .execute(&mut *tx)
        .await?;
    audit::record(
        &mut tx,
        actor_id,
        "account.reset_password",
        "account",
        Some(id),
        "",
    )
    .await?;
    tx.commit().await?;
    Ok(true)
}

/// The id of the account named `username`.
pub async fn id_of(db: &Db, username: &str) -> Result<Option<i64>, sqlx::Error> {
    sqlx::query_scalar("SELECT id FROM accounts WHERE username = $1")
        .bind(username)
        .fetch_optional(&db.pool)
        .await
}
