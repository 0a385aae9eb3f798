//! Sign-in throttling. Failures are counted per (username, client address) and per client address,
//! never per username alone: a stranger who guesses at someone's password slows down only their own
//! attempts, and the owner signing in from anywhere else is never held back. Past a few free
//! failures, each further one makes the bucket wait twice as long before its next attempt is
//! heard, up to 15 minutes. Buckets are hashes, the same whether or not the username exists.

use super::{now_ms, Db};

/// Failures a (username, address) pair may make before it has to wait.
pub const FREE_PER_NAME: i64 = 5;
/// Failures one address may make, over all usernames, before it has to wait.
pub const FREE_PER_ADDRESS: i64 = 20;
/// The longest wait.
pub const MAX_WAIT_MS: i64 = 15 * 60 * 1000;
/// Failures older than this are forgotten.
const FORGET_MS: i64 = 24 * 60 * 60 * 1000;

/// A bucket and how many failures it may make before waiting.
#[derive(Debug, Clone)]
pub struct Bucket {
    pub key: String,
    pub free: i64,
    /// For a (username, address) bucket, the username's [`name_hash`].
    pub name_hash: Option<String>,
}

/// What a username is known by here: the start of its SHA-256, the same whether or not an
/// account has that name.
pub fn name_hash(username: &str) -> String {
    use sha2::{Digest, Sha256};
    Sha256::digest(username.trim().to_lowercase().as_bytes())[..16]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The buckets one sign-in attempt counts in: the (username, address) pair and the address.
/// `address` is already a hash of the client's address.
pub fn buckets(username: &str, address: &str) -> [Bucket; 2] {
    let name = name_hash(username);
    [
        Bucket {
            key: format!("name:{name}:{address}"),
            free: FREE_PER_NAME,
            name_hash: Some(name),
        },
        Bucket {
            key: format!("addr:{address}"),
            free: FREE_PER_ADDRESS,
            name_hash: None,
        },
    ]
}

/// How long a bucket waits after its `failures`-th failure: nothing within the free ones, then
/// 2 s, 4 s, 8 s … up to [`MAX_WAIT_MS`].
pub fn wait_after(failures: i64, free: i64) -> i64 {
    let over = failures - free;
    if over <= 0 {
        0
    } else {
        (1000i64 << over.min(20)).min(MAX_WAIT_MS)
    }
}

/// Until when (UTC ms) the next attempt from any of `buckets` must wait, if later than now.
pub async fn wait_until(db: &Db, buckets: &[Bucket]) -> Result<Option<i64>, sqlx::Error> {
    let now = now_ms();
    let mut until = None;
    for b in buckets {
        let t: Option<i64> =
            sqlx::query_scalar("SELECT blocked_until FROM login_throttle WHERE bucket = $1")
                .bind(&b.key)
                .fetch_optional(&db.pool)
                .await?;
        if let Some(t) = t.filter(|t| *t > now) {
            until = until.max(Some(t));
        }
    }
    Ok(until)
}

/// Counts one failed sign-in in each bucket; returns until when the next attempt must wait, if
/// this failure makes any bucket wait.
pub async fn record_failure(db: &Db, buckets: &[Bucket]) -> Result<Option<i64>, sqlx::Error> {
    let now = now_ms();
    let mut tx = db.begin_write().await?;
    let mut until = None;
    for b in buckets {
        // A bucket whose last failure is older than a day starts again from one.
        let failures: i64 = sqlx::query_scalar(
            "INSERT INTO login_throttle (bucket, name_hash, failures, blocked_until, updated_at) \
             VALUES ($1, $4, 1, 0, $2) ON CONFLICT (bucket) DO UPDATE SET \
             failures = CASE WHEN login_throttle.updated_at < $3 THEN 1 ELSE login_throttle.failures + 1 END, \
             updated_at = $2 RETURNING failures",
        )
        .bind(&b.key)
        .bind(now)
        .bind(now - FORGET_MS)
        .bind(&b.name_hash)
        .fetch_one(&mut *tx)
        .await?;
        let wait = wait_after(failures, b.free);
        if wait > 0 {
            sqlx::query("UPDATE login_throttle SET blocked_until = $2 WHERE bucket = $1")
                .bind(&b.key)
                .bind(now + wait)
                .execute(&mut *tx)
                .await?;
            until = until.max(Some(now + wait));
        }
    }
    tx.commit().await?;
    Ok(until)
}

/// Forgets the failures of `bucket` (after a successful sign-in).
pub async fn clear(db: &Db, bucket: &str) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM login_throttle WHERE bucket = $1")
        .bind(bucket)
        .execute(&db.pool)
        .await?;
    Ok(())
}

/// Failed sign-ins within the last day against each username hash (for the admins' list).
pub async fn recent_failures(db: &Db) -> Result<Vec<(String, i64)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT name_hash, CAST(SUM(failures) AS BIGINT) FROM login_throttle \
         WHERE name_hash IS NOT NULL AND updated_at >= $1 GROUP BY name_hash",
    )
    .bind(now_ms() - FORGET_MS)
    .fetch_all(&db.pool)
    .await
}

/// Forgets every bucket whose failures are older than a day and which waits no longer.
pub async fn purge(db: &Db, now: i64) -> Result<u64, sqlx::Error> {
    Ok(
        sqlx::query("DELETE FROM login_throttle WHERE updated_at < $1 AND blocked_until < $2")
            .bind(now - FORGET_MS)
            .bind(now)
            .execute(&db.pool)
            .await?
            .rows_affected(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn waits_double_after_the_free_failures() {
        assert_eq!(wait_after(5, 5), 0);
        assert_eq!(wait_after(6, 5), 2000);
        assert_eq!(wait_after(7, 5), 4000);
        assert_eq!(wait_after(14, 5), 512_000);
        assert_eq!(wait_after(15, 5), MAX_WAIT_MS);
        assert_eq!(wait_after(10_000, 5), MAX_WAIT_MS);
    }
}
