//! The release server as a child process, for benchmarks that must measure or kill it from
//! outside: started with an environment of the benchmark's choosing, waited for until `/healthz`
//! answers, read for its memory, and stopped gently or with `kill -9`.

// Each benchmark uses its own part of this module.
#![allow(dead_code)]

use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// A running `target/release/minyi serve`.
pub struct Server {
    pub child: Child,
    pub base: String,
}

impl Server {
    /// Starts the server on `port` over `database_url` with the extra `env`, and waits (up to
    /// 60 s) until it answers.
    pub fn start(database_url: &str, port: u16, env: &[(&str, &str)]) -> Server {
        let mut cmd = Command::new("target/release/minyi");
        cmd.arg("serve")
            .env("DATABASE_URL", database_url)
            .env("LEPTOS_SITE_ADDR", format!("127.0.0.1:{port}"))
            .env("LEPTOS_SITE_ROOT", "target/site")
            .env("RUST_LOG", "warn")
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        for (k, v) in env {
            cmd.env(k, v);
        }
        let mut child = cmd
            .spawn()
            .expect("start target/release/minyi (build it first)");
        let base = format!("http://127.0.0.1:{port}");
        let started = Instant::now();
        let agent = ureq::AgentBuilder::new()
            .timeout(Duration::from_secs(2))
            .build();
        while started.elapsed() < Duration::from_secs(60) {
            if let Ok(Some(status)) = child.try_wait() {
                panic!("the server exited at start ({status}); run it by hand to see why");
            }
            if agent.get(&format!("{base}/healthz")).call().is_ok() {
                return Server { child, base };
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = child.kill();
        let _ = child.wait();
        panic!("the server did not answer /healthz within 60 s");
    }

    /// A line of `/proc/PID/status` in KiB (`VmRSS`, `VmHWM`).
    pub fn memory_kib(&self, field: &str) -> u64 {
        std::fs::read_to_string(format!("/proc/{}/status", self.child.id()))
            .unwrap_or_default()
            .lines()
            .find(|l| l.starts_with(field))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|v| v.parse().ok())
            .unwrap_or(0)
    }

    /// `kill -9`: the process ends at once, in the middle of whatever it was doing.
    pub fn kill_hard(mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }

    /// SIGTERM, and waits for the graceful shutdown.
    pub fn stop(mut self) {
        let _ = Command::new("kill")
            .arg(self.child.id().to_string())
            .status();
        let _ = self.child.wait();
    }
}

/// The `p`-th quantile (0.0 to 1.0) of `sorted`.
pub fn quantile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize]
}

/// The variable `name` read as a `T`, or `default` when it is unset or unreadable.
pub fn env_or<T: std::str::FromStr>(name: &str, default: T) -> T {
    std::env::var(name)
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(default)
}

/// The database at `DATABASE_URL`, migrated, and the backend's name for the figures.
pub async fn open_db() -> (minyi::server::db::Db, &'static str) {
    use minyi::server::db;
    let url = std::env::var("DATABASE_URL").expect("DATABASE_URL");
    let db = db::connect(&url).await.expect("open the database");
    db::migrate(&db).await.expect("migrate");
    let name = match db.backend {
        db::Backend::Sqlite => "sqlite",
        db::Backend::Postgres => "postgres",
    };
    (db, name)
}
