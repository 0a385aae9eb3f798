//! The version of what public pages show (migration 0014): bumped by triggers in the transaction
//! of every change to a table a public page may show, read by the page cache
//! ([`crate::server::pages`]) to know whether a rendered page is still what a render would give.

use super::{Backend, Db};

/// The current version. On PostgreSQL, the folded count plus the changes not folded yet, read in
/// one statement (one snapshot), so that a fold running at the same moment changes nothing.
pub async fn version(db: &Db) -> Result<i64, sqlx::Error> {
    let sql = match db.backend {
        Backend::Sqlite => "SELECT n FROM page_version",
        Backend::Postgres => "SELECT n + (SELECT COUNT(*) FROM page_changes) FROM page_version",
    };
    sqlx::query_scalar(sql).fetch_one(&db.pool).await
}

/// On PostgreSQL, moves the appended changes into the folded count, in one transaction that
/// leaves the version as it was; two instances folding at once each move the rows they deleted.
/// Nothing to do on SQLite, whose triggers count in place.
pub async fn fold(db: &Db) -> Result<(), sqlx::Error> {
    if db.backend == Backend::Sqlite {
        return Ok(());
    }
    sqlx::query(
        "WITH moved AS (DELETE FROM page_changes RETURNING 1) \
         UPDATE page_version SET n = n + (SELECT COUNT(*) FROM moved)",
    )
    .execute(&db.pool)
    .await?;
    Ok(())
}
