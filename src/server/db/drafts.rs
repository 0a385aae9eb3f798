//! Form drafts: a submission sent back for correction (or held across a sign-in) is kept here for
//! two hours, so that what a person typed survives a redirect. A draft belongs to the browser that
//! posted it (the hash of its form cookie) and is found by the hash of the token in the URL, so a
//! link alone never shows anyone a draft. Public forms pay for their drafts out of hourly byte
//! budgets, per client address and overall, before anything is written.

use super::{now_ms, rate, Db};
use crate::domain::form::FormState;

/// How long a draft is kept.
pub const TTL_MS: i64 = 2 * 60 * 60 * 1000;
const HOUR_MS: i64 = 60 * 60 * 1000;
/// The bucket every public draft is counted in, beside its address's.
const ALL: &str = "drafts:all";

/// What a draft is charged to: the client address's bucket and its hourly limit, and the limit
/// of all addresses together (none for staff posts on an ended session).
#[derive(Debug, Clone)]
pub struct Budget {
    pub address_bucket: String,
    pub per_address: i64,
    pub total: Option<i64>,
}

/// Stores `state` under `token_hash` for the browser `owner_hash`. With a budget, the draft's
/// size is counted first and nothing is written when either limit would be passed: then the
/// answer is `false`.
pub async fn put(
    db: &Db,
    token_hash: &str,
    owner_hash: &str,
    state: &FormState,
    budget: Option<&Budget>,
) -> Result<bool, sqlx::Error> {
    let payload = serde_json::to_string(state).unwrap_or_default();
    let bytes = payload.len() as i64;
    let mut tx = db.begin_write().await?;
    if let Some(b) = budget {
        // Counted first: on SQLite the write takes the database's write lock before any read.
        let mine = rate::add(&mut tx, &b.address_bucket, HOUR_MS, bytes).await?;
        let over_all = match b.total {
            Some(total) => rate::add(&mut tx, ALL, HOUR_MS, bytes).await? > total,
            None => false,
        };
        if mine > b.per_address || over_all {
            // Dropping the transaction rolls the counts back as well: a refused draft costs
            // nothing, so a resident is not held back by an attacker's refused floods.
            return Ok(false);
        }
    }
    sqlx::query(
        "INSERT INTO form_drafts (token_hash, owner_hash, form, payload, bytes, expires_at) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(token_hash)
    .bind(owner_hash)
    .bind(&state.form)
    .bind(payload)
    .bind(bytes)
    .bind(now_ms() + TTL_MS)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(true)
}

/// The draft under `token_hash` if it belongs to `form` and to the browser `owner_hash`, and has
/// not expired.
pub async fn get(
    db: &Db,
    token_hash: &str,
    owner_hash: &str,
    form: &str,
) -> Result<Option<FormState>, sqlx::Error> {
    let payload: Option<String> = sqlx::query_scalar(
        "SELECT payload FROM form_drafts WHERE token_hash = $1 AND owner_hash = $2 AND form = $3 \
         AND expires_at >= $4",
    )
    .bind(token_hash)
    .bind(owner_hash)
    .bind(form)
    .bind(now_ms())
    .fetch_optional(&db.pool)
    .await?;
    Ok(payload.and_then(|p| serde_json::from_str(&p).ok()))
}

/// Removes expired drafts; returns how many.
pub async fn purge(db: &Db, now: i64) -> Result<u64, sqlx::Error> {
    Ok(sqlx::query("DELETE FROM form_drafts WHERE expires_at < $1")
        .bind(now)
        .execute(&db.pool)
        .await?
        .rows_affected())
}

/// The bytes of drafts kept now (for tests and the operator).
pub async fn stored_bytes(db: &Db) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar("SELECT CAST(COALESCE(SUM(bytes), 0) AS BIGINT) FROM form_drafts")
        .fetch_one(&db.pool)
        .await
}
