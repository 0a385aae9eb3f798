//! Password work (Argon2id: 19 MiB of memory and tens of milliseconds of CPU each) runs on a few
//! threads of its own, started once. A queue in front of them holds what waits; when it is full,
//! or a request has waited too long, the answer is "busy, try again" at once. So a flood of
//! sign-ins costs a fixed amount of memory (the threads' working memory, reused check after
//! check) and never takes the async workers that answer every other request.

use std::sync::{mpsc, Arc, Mutex};
use std::time::Duration;

type Job = Box<dyn FnOnce() + Send>;

/// Why password work did not run.
#[derive(Debug, PartialEq, Eq)]
pub enum Busy {
    /// The queue was full, or the work waited longer than its patience.
    TooMany,
}

/// The password threads and their queue.
#[derive(Clone)]
pub struct Passwords {
    queue: mpsc::SyncSender<Job>,
}

impl Passwords {
    /// Starts `threads` password threads with room for `waiting` jobs in the queue.
    pub fn start(threads: usize, waiting: usize) -> Passwords {
        let (queue, jobs) = mpsc::sync_channel::<Job>(waiting);
        let jobs = Arc::new(Mutex::new(jobs));
        for i in 0..threads.max(1) {
            let jobs = jobs.clone();
            std::thread::Builder::new()
                .name(format!("passwords-{i}"))
                .spawn(move || {
                    // Sign-in floods must not slow the pages: these threads yield to the ones
                    // answering requests.
                    crate::server::work::lower_priority();
                    loop {
                        let job = match jobs.lock() {
                            Ok(rx) => rx.recv(),
                            Err(_) => return,
                        };
                        match job {
                            Ok(job) => job(),
                            // Every sender is gone: the server is shutting down.
                            Err(_) => return,
                        }
                    }
                })
                .expect("a password thread starts");
        }
        Passwords { queue }
    }

    /// Runs `work` on a password thread and gives its result, unless the queue is full or the
    /// work has not started within `patience`; work that was given up on is skipped when its
    /// turn comes.
    pub async fn run<T: Send + 'static>(
        &self,
        patience: Duration,
        work: impl FnOnce() -> T + Send + 'static,
    ) -> Result<T, Busy> {
        let (done, result) = tokio::sync::oneshot::channel();
        let job: Job = Box::new(move || {
            if !done.is_closed() {
                let _ = done.send(work());
            }
        });
        self.queue.try_send(job).map_err(|_| Busy::TooMany)?;
        match tokio::time::timeout(patience, result).await {
            Ok(Ok(value)) => Ok(value),
            _ => Err(Busy::TooMany),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_full_queue_says_busy_at_once() {
        let p = Passwords::start(1, 1);
        let (hold, release) = std::sync::mpsc::channel::<()>();
        let blocker = {
            let p = p.clone();
            tokio::spawn(async move {
                p.run(Duration::from_secs(5), move || {
                    let _ = release.recv();
                    1
                })
                .await
            })
        };
        tokio::time::sleep(Duration::from_millis(50)).await;
        // The thread is busy; one more fits in the queue, the next does not.
        let queued = {
            let p = p.clone();
            tokio::spawn(async move { p.run(Duration::from_secs(5), || 2).await })
        };
        tokio::time::sleep(Duration::from_millis(50)).await;
        assert_eq!(
            p.run(Duration::from_secs(5), || 3).await,
            Err(Busy::TooMany)
        );
        hold.send(()).unwrap();
        assert_eq!(blocker.await.unwrap(), Ok(1));
        assert_eq!(queued.await.unwrap(), Ok(2));
        // Work that waits past its patience is given up on.
        assert_eq!(
            p.run(Duration::from_millis(1), || std::thread::sleep(
                Duration::from_millis(50)
            ))
            .await,
            Err(Busy::TooMany)
        );
    }
}
