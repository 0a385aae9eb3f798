//! Sign-in throttling. Attempts are counted per (username, client address) and per client address,
//! never per username alone: a stranger who guesses at someone's password slows down only their own
//! attempts, and the owner signing in from anywhere else is never held back. Past a few free
//! failures, each further one makes the bucket wait twice as long before its next attempt is
//! heard, up to 15 minutes. Buckets are hashes, the same whether or not the username exists.

use super::{now_ms, Db};

/// Failures a (username, address) pair may make before it has to wait.
pub const FREE_PER_NAME: i64 = 5;
/// Failures one address may make within an hour, over all usernames, before it has to wait
/// (an office behind one address makes a few typos every day; they are forgotten sooner).
pub const FREE_PER_ADDRESS: i64 = 20;
const ADDRESS_FORGET_MS: i64 = 60 * 60 * 1000;
/// The longest wait.
pub const MAX_WAIT_MS: i64 = 15 * 60 * 1000;
/// Failures older than this are forgotten.
const FORGET_MS: i64 = 24 * 60 * 60 * 1000;

/// A bucket and how many failures it may make before waiting.
#[derive(Debug, Clone)]
pub struct Bucket {
    pub key: String,
    pub free: i64,
    /// Failures older than this (ms) are forgotten.
    pub forget: i64,
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
            forget: FORGET_MS,
            name_hash: Some(name),
        },
        Bucket {
            key: format!("addr:{address}"),
            free: FREE_PER_ADDRESS,
            forget: ADDRESS_FORGET_MS,
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

/// What counting a sign-in attempt found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Attempt {
    /// A bucket waits until then (UTC ms): the attempt is not heard, and nothing was counted.
    Refused { until: i64 },
    /// Counted; should the password be wrong, the next attempt waits until `wait_until`.
    Counted { wait_until: Option<i64> },
}

/// Counts one sign-in attempt in each bucket before the password is checked, as if it will fail
/// (a right password gives it back, [`succeeded`]). Counting first, in one write transaction,
/// makes every attempt of a burst sent in parallel pay: past the free ones, the rest of the burst
/// finds its bucket waiting and is refused without a password check.
pub async fn attempt(db: &Db, buckets: &[Bucket]) -> Result<Attempt, sqlx::Error> {
    let now = now_ms();
    let mut tx = db.begin_write().await?;
    let mut until = None;
    for b in buckets {
        // A waiting bucket is left as it is; one whose last failure is older than its forgetting
        // time starts again from one.
        let (failures, blocked_until): (i64, i64) = sqlx::query_as(
            "INSERT INTO login_throttle (bucket, name_hash, failures, blocked_until, updated_at) \
             VALUES ($1, $4, 1, 0, $2) ON CONFLICT (bucket) DO UPDATE SET \
             failures = CASE WHEN login_throttle.blocked_until > $2 THEN login_throttle.failures \
                 WHEN login_throttle.updated_at < $3 THEN 1 ELSE login_throttle.failures + 1 END, \
             updated_at = CASE WHEN login_throttle.blocked_until > $2 THEN login_throttle.updated_at \
                 ELSE $2 END \
             RETURNING failures, blocked_until",
        )
        .bind(&b.key)
        .bind(now)
        .bind(now - b.forget)
        .bind(&b.name_hash)
        .fetch_one(&mut *tx)
        .await?;
        if blocked_until > now {
            // Dropping the transaction counts nothing in the other buckets either.
            return Ok(Attempt::Refused {
                until: blocked_until,
            });
        }
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
    Ok(Attempt::Counted { wait_until: until })
}

/// A counted attempt turned out right: the (username, address) bucket is forgotten and the
/// address gets its attempt back (the first bucket is the pair, the others addresses), with the
/// wait that counting it may have started: the right password of the attempt that reached the
/// limit must not leave the whole address waiting.
pub async fn succeeded(db: &Db, buckets: &[Bucket]) -> Result<(), sqlx::Error> {
    let mut tx = db.begin_write().await?;
    if let Some(pair) = buckets.first() {
        sqlx::query("DELETE FROM login_throttle WHERE bucket = $1")
            .bind(&pair.key)
            .execute(&mut *tx)
            .await?;
    }
    for b in buckets.iter().skip(1) {
        sqlx::query(
            "UPDATE login_throttle SET failures = CASE WHEN failures > 0 THEN failures - 1 ELSE 0 END, \
             blocked_until = CASE WHEN failures - 1 <= $2 THEN 0 ELSE blocked_until END \
             WHERE bucket = $1",
        )
        .bind(&b.key)
        .bind(b.free)
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await
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
