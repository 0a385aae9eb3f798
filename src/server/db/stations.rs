//! Stations (联系点 / 实践站): the sites that collect opinions and host sessions.

use super::{now_ms, Db};
use crate::domain::account::StationOption;

/// Adds a station and returns its id.
pub async fn insert(
    db: &Db,
    name: &str,
    kind: &str,
    street: &str,
    address: &str,
) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "INSERT INTO stations (name, kind, street, address, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id",
    )
    .bind(name)
    .bind(kind)
    .bind(street)
    .bind(address)
    .bind(now_ms())
    .fetch_one(&db.pool)
    .await
}

/// All stations by name, for choosing one in a form.
pub async fn list_options(db: &Db) -> Result<Vec<StationOption>, sqlx::Error> {
    let rows: Vec<(i64, String)> = sqlx::query_as("SELECT id, name FROM stations ORDER BY name")
        .fetch_all(&db.pool)
        .await?;
    Ok(rows
        .into_iter()
        .map(|(id, name)| StationOption { id, name })
        .collect())
}

/// Whether a station with `id` exists.
pub async fn exists(db: &Db, id: i64) -> Result<bool, sqlx::Error> {
    let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM stations WHERE id = $1")
        .bind(id)
        .fetch_one(&db.pool)
        .await?;
    Ok(n > 0)
}
