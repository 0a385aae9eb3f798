//! The database: one code path through sqlx's `Any` driver for SQLite and PostgreSQL, chosen by
//! the URL. One module per aggregate; none of them imports Leptos.

pub mod accounts;
pub mod audit;
pub mod backup;
pub mod by_hand;
pub mod consultations;
pub mod deputies;
pub mod drafts;
pub mod messages;
pub mod moderation;
pub mod notifications;
pub mod opinions;
pub mod pages;
pub mod rate;
pub mod reports;
pub mod search;
pub mod secrets;
pub mod sessions;
pub mod solicitations;
pub mod stations;
pub mod stats;
pub mod stories;
pub mod throttle;
pub mod trail;

use sqlx::any::{AnyConnectOptions, AnyPoolOptions};
use sqlx::{AnyPool, ConnectOptions, Executor};
use std::str::FromStr;
use std::time::Duration;

/// Which server the pool talks to; the SQL is the same, the migrations are per backend.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// A connection pool and the backend behind it.
///
/// On SQLite, transactions that write take their connection from `writer`, a pool of one: SQLite
/// lets one writer in at a time anyway, and writers queued on the file lock would each hold one of
/// the readers' connections while they wait, so a burst of writes (a sign-in flood counting its
/// attempts) would leave page views and `/healthz` waiting for a connection. Writers queue for the
/// one writer connection instead, in order. On PostgreSQL `writer` is the same pool as `pool`.
#[derive(Clone, Debug)]
pub struct Db {
    pub pool: AnyPool,
    writer: AnyPool,
    pub backend: Backend,
}

impl Db {
    /// Begins a transaction that will write. On SQLite it takes the write lock at once
    /// (`BEGIN IMMEDIATE`), waiting its turn behind another writer (the busy timeout) instead of
    /// failing halfway when a read inside it meets a newer commit; a turn not given within the
    /// timeout is asked for again, twice. On PostgreSQL it is a plain `BEGIN`, rows being locked
    /// as they are written.
    pub async fn begin_write(&self) -> Result<sqlx::Transaction<'static, sqlx::Any>, sqlx::Error> {
        if self.backend == Backend::Postgres {
            return self.writer.begin().await;
        }
        let mut tries = 0;
        loop {
            match self.writer.begin_with("BEGIN IMMEDIATE").await {
                Err(e) if is_busy(&e) && tries < 2 => {
                    tries += 1;
                    tracing::warn!(tries, "database busy; asking for the write lock again");
                }
                other => return other,
            }
        }
    }
}

/// Whether an error is SQLite's "database is locked" (another writer held the lock longer than
/// the busy timeout).
pub fn is_busy(e: &sqlx::Error) -> bool {
    matches!(e, sqlx::Error::Database(d)
        if d.code().is_some_and(|c| c == "5" || c == "517" || c == "261"))
}

/// Milliseconds since the Unix epoch, UTC: how every instant is stored.
pub fn now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or_default()
}

/// The file of a `sqlite://PATH` URL; `None` for PostgreSQL.
pub fn sqlite_path(url: &str) -> Option<std::path::PathBuf> {
    let rest = url
        .strip_prefix("sqlite://")
        .or_else(|| url.strip_prefix("sqlite:"))?;
    Some(rest.split('?').next().unwrap_or_default().into())
}

/// Connects to `url`. For SQLite the file (and its folder) is created when absent (unless the
/// URL says `mode=` itself), and every
/// connection runs in WAL mode with foreign keys on and a busy timeout.
pub async fn connect(url: &str) -> Result<Db, sqlx::Error> {
    sqlx::any::install_default_drivers();
    let backend = if url.starts_with("sqlite:") {
        Backend::Sqlite
    } else {
        Backend::Postgres
    };
    let mut url = url.to_string();
    if let Some(path) = sqlite_path(&url) {
        if let Some(dir) = path.parent() {
            if !dir.as_os_str().is_empty() {
                std::fs::create_dir_all(dir).map_err(sqlx::Error::Io)?;
            }
        }
        if !url.contains('?') {
            url.push_str("?mode=rwc");
        }
    }
    let options = AnyConnectOptions::from_str(&url)?.disable_statement_logging();
    let pool = pool_options(backend, if backend == Backend::Sqlite { 8 } else { 16 })
        .connect_with(options.clone())
        .await?;
    let writer = match backend {
        Backend::Sqlite => pool_options(backend, 1).connect_with(options).await?,
        Backend::Postgres => pool.clone(),
    };
    Ok(Db {
        pool,
        writer,
        backend,
    })
}

fn pool_options(backend: Backend, size: u32) -> AnyPoolOptions {
    AnyPoolOptions::new()
        .max_connections(size)
        .acquire_timeout(Duration::from_secs(10))
        // A ping before every use costs a round trip per query; a broken connection shows as an
        // error on use instead, and the pool replaces it.
        .test_before_acquire(false)
        .after_connect(move |conn, _| {
            Box::pin(async move {
                if backend == Backend::Sqlite {
                    conn.execute("PRAGMA journal_mode = WAL").await?;
                    conn.execute("PRAGMA foreign_keys = ON").await?;
                    conn.execute("PRAGMA busy_timeout = 5000").await?;
                    // A commit is on disk before it is confirmed: a resident's opinion must survive a
                    // power cut, not only a crash of this program.
                    conn.execute("PRAGMA synchronous = FULL").await?;
                }
                Ok(())
            })
        })
}

/// Applies the migrations of the pool's backend that have not run yet.
pub async fn migrate(db: &Db) -> Result<(), sqlx::migrate::MigrateError> {
    match db.backend {
        Backend::Sqlite => sqlx::migrate!("migrations/sqlite").run(&db.pool).await,
        Backend::Postgres => sqlx::migrate!("migrations/postgres").run(&db.pool).await,
    }
}

/// What a submission is remembered by, to know the same form posted again (a double click, a
/// reload): the form's random key bound to the record it is for and to everything the submission
/// stores. Only the same form with the same content from the same person finds the first
/// receipt; anything else, even under a key copied from someone else's form, is a submission of
/// its own. `None` when the form sent no well-formed key.
pub fn submission_key(
    form_key: &str,
    parent: i64,
    stored: &impl serde::Serialize,
) -> Option<String> {
    use sha2::{Digest, Sha256};
    let key = form_key.trim();
    if key.len() != 64 || !key.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    let json = serde_json::to_string(stored).ok()?;
    let digest = Sha256::digest(format!("{key}\0{parent}\0{json}").as_bytes());
    Some(digest.iter().map(|b| format!("{b:02x}")).collect())
}

/// Whether an error is a unique-constraint violation (two writers raced for the same key).
pub fn is_unique_violation(e: &sqlx::Error) -> bool {
    matches!(e, sqlx::Error::Database(d) if d.is_unique_violation())
}

/// Removes what has expired: form drafts, rate-limit windows older than the hour they count,
/// and sign-in failures past forgetting. Every instance's worker runs it every half minute, so
/// the tables that strangers can write to stay small.
pub async fn purge_expired(db: &Db, now: i64) -> Result<(), sqlx::Error> {
    drafts::purge(db, now).await?;
    rate::purge(db, now - 2 * 60 * 60 * 1000).await?;
    throttle::purge(db, now).await?;
    Ok(())
}

/// Whether the database answers (for `/healthz`).
pub async fn ping(db: &Db) -> bool {
    sqlx::query("SELECT 1").execute(&db.pool).await.is_ok()
}
