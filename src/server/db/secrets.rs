//! Keys this deployment signs with, made at random the first time they are asked for and then
//! shared by every instance through the database.

use super::{now_ms, Db};

/// The value of secret `name`, creating it with `fresh` when there is none yet. Of two instances
/// starting at once, both get the one that was stored first.
pub async fn get_or_create(db: &Db, name: &str, fresh: &str) -> Result<String, sqlx::Error> {
    sqlx::query(
        "INSERT INTO server_secrets (name, value, created_at) VALUES ($1, $2, $3) \
         ON CONFLICT (name) DO NOTHING",
    )
    .bind(name)
    .bind(fresh)
    .bind(now_ms())
    .execute(&db.pool)
    .await?;
    sqlx::query_scalar("SELECT value FROM server_secrets WHERE name = $1")
        .bind(name)
        .fetch_one(&db.pool)
        .await
}
