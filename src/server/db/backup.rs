//! Backups while the server runs. On SQLite, `VACUUM INTO` writes a consistent copy of the
//! whole database (one read transaction: every table as of one moment) into a new file, without
//! stopping writers for longer than a read takes. PostgreSQL is backed up with its own tool,
//! `pg_dump`, as the README describes.

use super::{Backend, Db};
use std::path::Path;

/// Why no backup was written.
#[derive(Debug)]
pub enum BackupError {
    /// The target exists already; a backup never overwrites a file.
    Exists,
    /// The database is PostgreSQL: use `pg_dump`.
    Postgres,
    Db(sqlx::Error),
}

impl From<sqlx::Error> for BackupError {
    fn from(e: sqlx::Error) -> Self {
        BackupError::Db(e)
    }
}

/// Writes a consistent copy of the SQLite database `db` to the new file `to`.
pub async fn write(db: &Db, to: &Path) -> Result<(), BackupError> {
    if db.backend == Backend::Postgres {
        return Err(BackupError::Postgres);
    }
    if to.exists() {
        return Err(BackupError::Exists);
    }
    if let Some(dir) = to.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(sqlx::Error::Io)?;
    }
    // The copy holds everyone's personal data: readable by the owner alone. VACUUM INTO fills an
    // empty file made first with that mode.
    {
        use std::os::unix::fs::OpenOptionsExt;
        std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(0o600)
            .open(to)
            .map_err(sqlx::Error::Io)?;
    }
    let written = sqlx::query("VACUUM INTO $1")
        .bind(to.to_string_lossy().to_string())
        .execute(&db.pool)
        .await;
    if let Err(e) = written {
        let _ = std::fs::remove_file(to);
        return Err(e.into());
    }
    Ok(())
}
