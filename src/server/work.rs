//! CPU-heavy work (comparing texts, grouping campaigns, writing exports, judging passwords) runs
//! on blocking threads, a few at a time, so that the async workers stay free to answer every
//! other request, `/healthz` and the residents' forms among them.

use std::sync::LazyLock;
use tokio::sync::Semaphore;

/// As many pieces of heavy work at once as there are cores but one (at least one, at most four),
/// so that a core is always left for the async workers.
static PERMITS: LazyLock<Semaphore> = LazyLock::new(|| {
    let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
    Semaphore::new(cores.saturating_sub(1).clamp(1, 4))
});

/// Runs `work` on a blocking thread once a place is free, and gives its result. An error only if
/// the work panicked.
pub async fn heavy<T: Send + 'static>(
    work: impl FnOnce() -> T + Send + 'static,
) -> Result<T, tokio::task::JoinError> {
    let _permit = PERMITS
        .acquire()
        .await
        .expect("the semaphore is never closed");
    tokio::task::spawn_blocking(work).await
}

/// [`heavy`] for repository code: a panic becomes a database-layer error.
pub async fn heavy_db<T: Send + 'static>(
    work: impl FnOnce() -> T + Send + 'static,
) -> Result<T, sqlx::Error> {
    heavy(work)
        .await
        .map_err(|e| sqlx::Error::Protocol(format!("heavy work failed: {e}")))
}
