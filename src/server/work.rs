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
    tokio::task::spawn_blocking(move || {
        let before = lower_priority();
        let out = work();
        restore_priority(before);
        out
    })
    .await
}

/// How far heavy work's threads step back in the scheduler's order (a Unix nice value).
const NICE: i32 = 10;

/// Lowers the calling thread's CPU priority (on Linux the nice value is per thread), so that when
/// the cores are busy the threads answering requests run first and heavy work takes what is left.
/// Gives the value it replaced.
pub fn lower_priority() -> Option<i32> {
    #[cfg(target_os = "linux")]
    {
        use rustix::{process, thread};
        let me = Some(thread::gettid());
        let before = process::getpriority_process(me).ok()?;
        process::setpriority_process(me, before.max(NICE)).ok()?;
        Some(before)
    }
    #[cfg(not(target_os = "linux"))]
    None
}

/// Gives the calling thread back the priority [`lower_priority`] replaced. Raising priority again
/// needs the right to (root, or `RLIMIT_NICE`); without it the pool's thread stays lowered, which
/// only matters for other blocking work that might later run on it.
fn restore_priority(before: Option<i32>) {
    #[cfg(target_os = "linux")]
    if let Some(before) = before {
        let _ = rustix::process::setpriority_process(Some(rustix::thread::gettid()), before);
    }
    #[cfg(not(target_os = "linux"))]
    let _ = before;
}

/// [`heavy`] for repository code: a panic becomes a database-layer error.
pub async fn heavy_db<T: Send + 'static>(
    work: impl FnOnce() -> T + Send + 'static,
) -> Result<T, sqlx::Error> {
    heavy(work)
        .await
        .map_err(|e| sqlx::Error::Protocol(format!("heavy work failed: {e}")))
}
