//! Backups: `minyi backup` writes a consistent copy of a SQLite database while it is being
//! written to, and restoring it gives the same rows in every table; on PostgreSQL the same
//! round trip through `pg_dump` and `pg_restore`, as the README tells operators.

mod common;

use minyi::server::db::{self, backup, Db};
use sqlx::{Column, Row};

/// Every table of `db` (the migrations' own included), each with its rows written out and
/// sorted, so that two databases compare equal exactly when they hold the same data.
async fn contents(db: &Db) -> Vec<(String, Vec<String>)> {
    let tables: Vec<String> = match db.backend {
        // The migrations' table has a timestamp column the Any driver cannot read; its versions
        // are compared on their own ([`versions`]).
        db::Backend::Sqlite => sqlx::query_scalar(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' \
             AND name <> '_sqlx_migrations' ORDER BY name",
        ),
        db::Backend::Postgres => sqlx::query_scalar(
            "SELECT CAST(tablename AS TEXT) FROM pg_tables WHERE schemaname = 'public' \
             AND tablename <> '_sqlx_migrations' ORDER BY tablename",
        ),
    }
    .fetch_all(&db.pool)
    .await
    .unwrap();
    let mut out = Vec::new();
    for t in tables {
        // The keyword index's words are a type of PostgreSQL's own: compared as text.
        let sql = if db.backend == db::Backend::Postgres && t == "opinion_grams" {
            "SELECT opinion_id, CAST(grams AS TEXT) AS grams FROM opinion_grams".to_string()
        } else {
            format!("SELECT * FROM {t}")
        };
        let rows = sqlx::query(&sql).fetch_all(&db.pool).await.unwrap();
        let mut lines: Vec<String> = rows
            .iter()
            .map(|r| {
                (0..r.columns().len())
                    .map(|i| {
                        if let Ok(v) = r.try_get::<Option<i64>, _>(i) {
                            format!("{v:?}")
                        } else if let Ok(v) = r.try_get::<Option<String>, _>(i) {
                            format!("{v:?}")
                        } else if let Ok(v) = r.try_get::<Option<f64>, _>(i) {
                            format!("{v:?}")
                        } else if let Ok(v) = r.try_get::<Option<Vec<u8>>, _>(i) {
                            format!("{v:?}")
                        } else if let Ok(v) = r.try_get::<Option<bool>, _>(i) {
                            format!("{v:?}")
                        } else {
                            panic!(
                                "{t}.{}: a column type the comparison cannot read",
                                r.columns()[i].name()
                            )
                        }
                    })
                    .collect::<Vec<_>>()
                    .join("|")
            })
            .collect();
        lines.sort();
        out.push((t, lines));
    }
    out
}

/// The migrations applied to `db`, with their checksums.
async fn versions(db: &Db) -> Vec<(i64, Vec<u8>)> {
    sqlx::query_as("SELECT version, checksum FROM _sqlx_migrations ORDER BY version")
        .fetch_all(&db.pool)
        .await
        .unwrap()
}

/// Opinions submitted one after another, each in its own transaction, until `stop`.
fn writer(
    db: Db,
    stop: std::sync::Arc<std::sync::atomic::AtomicBool>,
) -> tokio::task::JoinHandle<usize> {
    tokio::spawn(async move {
        let sol: i64 = sqlx::query_scalar(
            "SELECT id FROM solicitations WHERE status = 'open' ORDER BY id LIMIT 1",
        )
        .fetch_one(&db.pool)
        .await
        .unwrap();
        let mut n = 0;
        while !stop.load(std::sync::atomic::Ordering::Relaxed) {
            let o =
                common::fixtures::opinion(&format!("备份期间写入的第 {n} 条意见。"), "东湖街道");
            common::fixtures::submit_opinion(&db, sol, &o).await;
            n += 1;
        }
        n
    })
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite_backup_while_writing_restores_every_row() {
    let db = common::sqlite().await;
    minyi::server::seed::demo(&db)
        .await
        .unwrap()
        .expect("demo content");
    let dir = std::env::temp_dir().join(format!("minyi-backup-{}", db::now_ms()));
    // Taken while a writer adds opinions: the copy opens, passes the integrity check, and is
    // consistent across tables (every opinion has its first timeline event).
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let w = writer(db.clone(), stop.clone());
    tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    let during = dir.join("during.db");
    backup::write(&db, &during).await.unwrap();
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    let written = w.await.unwrap();
    assert!(written > 0, "the writer wrote while the backup ran");
    let copy = db::connect(&format!("sqlite://{}", during.display()))
        .await
        .unwrap();
    let ok: String = sqlx::query_scalar("PRAGMA integrity_check")
        .fetch_one(&copy.pool)
        .await
        .unwrap();
    assert_eq!(ok, "ok");
    let orphans: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM opinions o WHERE NOT EXISTS (SELECT 1 FROM opinion_events e WHERE e.opinion_id = o.id)",
    )
    .fetch_one(&copy.pool)
    .await
    .unwrap();
    assert_eq!(orphans, 0);
    // Only its owner may read the copy: it holds everyone's personal data.
    use std::os::unix::fs::PermissionsExt;
    assert_eq!(
        std::fs::metadata(&during).unwrap().permissions().mode() & 0o777,
        0o600
    );
    // A backup never overwrites a file.
    assert!(matches!(
        backup::write(&db, &during).await,
        Err(backup::BackupError::Exists)
    ));

    // Quiet now: a backup, restored where a database file goes, holds exactly what the
    // original holds, table by table and row by row.
    let quiet = dir.join("quiet.db");
    backup::write(&db, &quiet).await.unwrap();
    let restored_path = dir.join("restored").join("minyi.db");
    std::fs::create_dir_all(restored_path.parent().unwrap()).unwrap();
    std::fs::copy(&quiet, &restored_path).unwrap();
    let restored = db::connect(&format!("sqlite://{}", restored_path.display()))
        .await
        .unwrap();
    db::migrate(&restored)
        .await
        .expect("the copy is at the latest migration");
    let (a, b) = (contents(&db).await, contents(&restored).await);
    assert!(a.iter().any(|(t, rows)| t == "opinions" && rows.len() > 20));
    assert_eq!(versions(&db).await, versions(&restored).await);
    assert_eq!(a.len(), b.len());
    for ((ta, ra), (tb, rb)) in a.iter().zip(&b) {
        assert_eq!(ta, tb);
        assert_eq!(ra.len(), rb.len(), "rows of {ta}");
        assert_eq!(ra, rb, "content of {ta}");
    }
    eprintln!(
        "backup: {} tables, {} rows, {} bytes",
        a.len(),
        a.iter().map(|(_, r)| r.len()).sum::<usize>(),
        std::fs::metadata(&quiet).unwrap().len()
    );
    let _ = std::fs::remove_dir_all(dir);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres_round_trip_through_pg_dump() {
    let Some((db, url)) = common::postgres_with_url().await else {
        return;
    };
    minyi::server::seed::demo(&db)
        .await
        .unwrap()
        .expect("demo content");
    let file = std::env::temp_dir().join(format!("minyi-{}.dump", db::now_ms()));
    let status = std::process::Command::new("pg_dump")
        .args(["--format=custom", "--file"])
        .arg(&file)
        .arg(&url)
        .status()
        .expect("pg_dump runs");
    assert!(status.success());
    let Some((restored, restored_url)) = common::empty_postgres().await else {
        return;
    };
    let status = std::process::Command::new("pg_restore")
        .args(["--no-owner", "--dbname", &restored_url])
        .arg(&file)
        .status()
        .expect("pg_restore runs");
    assert!(status.success());
    let (a, b) = (contents(&db).await, contents(&restored).await);
    assert!(a
        .iter()
        .any(|(t, rows)| t == "opinions" && !rows.is_empty()));
    assert!(a
        .iter()
        .any(|(t, rows)| t == "audit_log" && !rows.is_empty()));
    assert_eq!(a, b);
    assert_eq!(versions(&db).await, versions(&restored).await);
    let _ = std::fs::remove_file(file);
}
