//! Form drafts: a submission sent back for correction (or held across a sign-in) is kept here
//! under an unguessable token for two hours, so what a person typed survives a redirect.

use super::{now_ms, Db};
use crate::domain::form::FormState;

const TTL_MS: i64 = 2 * 60 * 60 * 1000;

/// Stores `state` and returns its token. Expired drafts are removed on the way.
pub async fn put(db: &Db, token: &str, state: &FormState) -> Result<(), sqlx::Error> {
    let now = now_ms();
    let payload = serde_json::to_string(state).unwrap_or_default();
    let mut tx = db.pool.begin().await?;
    sqlx::query("DELETE FROM form_drafts WHERE expires_at < $1")
        .bind(now)
        .execute(&mut *tx)
        .await?;
    sqlx::query(
        "INSERT INTO form_drafts (token, form, payload, expires_at) VALUES ($1, $2, $3, $4)",
    )
    .bind(token)
    .bind(&state.form)
    .bind(payload)
    .bind(now + TTL_MS)
    .execute(&mut *tx)
    .await?;
    tx.commit().await
}

/// The draft under `token` if it belongs to `form` and has not expired.
pub async fn get(db: &Db, token: &str, form: &str) -> Result<Option<FormState>, sqlx::Error> {
    let payload: Option<String> = sqlx::query_scalar(
        "SELECT payload FROM form_drafts WHERE token = $1 AND form = $2 AND expires_at >= $3",
    )
    .bind(token)
    .bind(form)
    .bind(now_ms())
    .fetch_optional(&db.pool)
    .await?;
    Ok(payload.and_then(|p| serde_json::from_str(&p).ok()))
}
