//! Test harness: a fresh database per test, on SQLite (a temporary file) and on PostgreSQL (a
//! new database on the local server), and a real HTTP server on an ephemeral port.

#![allow(dead_code)]

pub mod fixtures;

use minyi::server::{config::Config, db, db::Db, state::AppState};

/// Where the PostgreSQL suite connects to create its databases.
fn pg_admin_url() -> String {
    std::env::var("MINYI_TEST_PG")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".into())
}

fn random_name(prefix: &str) -> String {
    use rand::Rng;
    let n: u64 = rand::thread_rng().gen();
    format!("{prefix}{n:016x}")
}

/// A fresh, migrated SQLite database in a temporary file.
pub async fn sqlite() -> Db {
    let dir = std::env::temp_dir().join("minyi-tests");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(format!("{}.db", random_name("t")));
    let db = db::connect(&format!("sqlite://{}", path.display()))
        .await
        .expect("open SQLite");
    db::migrate(&db).await.expect("migrate SQLite");
    db
}

/// A fresh, migrated PostgreSQL database, or `None` (with one line printed) when no server
/// answers outside CI. With `CI=true` an unreachable server fails the test.
pub async fn postgres() -> Option<Db> {
    postgres_with_url().await.map(|(db, _)| db)
}

/// A new, empty PostgreSQL database (not migrated) and its URL.
pub async fn empty_postgres() -> Option<(Db, String)> {
    fresh_postgres(false).await
}

/// [`postgres`] with the database's URL.
pub async fn postgres_with_url() -> Option<(Db, String)> {
    fresh_postgres(true).await
}

async fn fresh_postgres(migrated: bool) -> Option<(Db, String)> {
    let admin_url = pg_admin_url();
    let admin = match db::connect(&admin_url).await {
        Ok(a) => a,
        Err(e) => {
            if std::env::var("CI").as_deref() == Ok("true") {
                panic!("CI=true and PostgreSQL at {admin_url} is unreachable: {e}");
            }
            eprintln!("skipping PostgreSQL test: no server at {admin_url} ({e})");
            return None;
        }
    };
    let name = random_name("minyi_t_");
    sqlx::query(&format!("CREATE DATABASE {name}"))
        .execute(&admin.pool)
        .await
        .expect("create database");
    admin.pool.close().await;
    let base = admin_url
        .rsplit_once('/')
        .map(|(b, _)| b)
        .unwrap_or(&admin_url);
    let url = format!("{base}/{name}");
    let db = db::connect(&url).await.expect("connect to test database");
    if migrated {
        db::migrate(&db).await.expect("migrate PostgreSQL");
    }
    Some((db, url))
}

/// Runs the async test body `$body` (a fn taking a `Db`) once on each backend.
#[macro_export]
macro_rules! on_both {
    ($name:ident, $body:ident) => {
        mod $name {
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                super::$body($crate::common::sqlite().await).await;
            }
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() {
                if let Some(db) = $crate::common::postgres().await {
                    super::$body(db).await;
                }
            }
        }
    };
}

/// A configuration for tests, with `max_body_bytes` small enough to test the limit, and the
/// client address taken from `X-Test-Client` so that tests can act as several addresses.
pub fn config() -> Config {
    config_with(&[])
}

/// [`config`] with some variables set.
pub fn config_with(vars: &[(&str, &str)]) -> Config {
    Config::from_lookup(|k| {
        if let Some((_, v)) = vars.iter().find(|(n, _)| *n == k) {
            return Some(v.to_string());
        }
        match k {
            "MINYI_MAX_BODY_BYTES" => Some("65536".into()),
            "MINYI_ORG_NAME" => Some("测试区人大常委会".into()),
            "MINYI_CLIENT_IP_HEADER" => Some("X-Test-Client".into()),
            _ => None,
        }
    })
    .unwrap()
}

/// A running app on 127.0.0.1 and an HTTP client that does not follow redirects. The client
/// is one browser: it keeps the form cookie the app sets (which names the browser its sent-back
/// forms belong to); [`App::other_browser`] is another person's.
pub struct App {
    pub base: String,
    pub db: Db,
    /// The server's page cache, to read the version as its refresh task would.
    pages: minyi::server::pages::Pages,
    agent: ureq::Agent,
    jar: std::sync::Arc<std::sync::Mutex<Option<String>>>,
}

/// A response reduced to what tests look at.
#[derive(Debug)]
pub struct Resp {
    pub status: u16,
    pub location: Option<String>,
    pub set_cookies: Vec<String>,
    pub body: String,
    /// Every header, names in lower case.
    pub headers: Vec<(String, String)>,
}

impl Resp {
    /// The value of header `name` (lower case), if the response has it.
    pub fn header(&self, name: &str) -> Option<String> {
        self.headers
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
    }

    /// The value of the session cookie this response sets, if any.
    pub fn session(&self) -> Option<String> {
        self.set_cookies.iter().find_map(|c| {
            c.strip_prefix("minyi_session=")
                .map(|rest| rest.split(';').next().unwrap_or("").to_string())
        })
    }
}

pub async fn start(db: Db) -> App {
    start_with(db, config()).await
}

/// Starts the app with a configuration of the test's own.
pub async fn start_with(db: Db, config: Config) -> App {
    let options = minyi::server::cli::leptos_options(&config);
    let state = AppState::new(db.clone(), config, options)
        .await
        .expect("state");
    let pages = state.pages.clone();
    let app = minyi::server::router::router(state);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    use axum::serve::ListenerExt;
    let listener = listener.tap_io(minyi::server::cli::no_delay);
    tokio::spawn(async move {
        axum::serve(
            listener,
            app.into_make_service_with_connect_info::<std::net::SocketAddr>(),
        )
        .await
        .unwrap()
    });
    App {
        base: format!("http://{addr}"),
        db,
        pages,
        // A request that gets no answer fails the test instead of hanging the suite.
        agent: ureq::AgentBuilder::new()
            .redirects(0)
            .timeout(std::time::Duration::from_secs(20))
            .build(),
        jar: Default::default(),
    }
}

/// Headers a browser sends with a plain (no-JavaScript) form post from this site.
pub const BROWSER_FORM: &[(&str, &str)] = &[
    ("Accept", "text/html,application/xhtml+xml"),
    ("Sec-Fetch-Site", "same-origin"),
];
/// Headers the hydrated app sends when it calls a server function.
pub const APP_CALL: &[(&str, &str)] = &[
    ("Accept", "application/json"),
    ("Sec-Fetch-Site", "same-origin"),
];

impl App {
    /// The same app seen from another browser (with no cookies of this one's).
    pub fn other_browser(&self) -> App {
        App {
            base: self.base.clone(),
            db: self.db.clone(),
            pages: self.pages.clone(),
            agent: self.agent.clone(),
            jar: Default::default(),
        }
    }

    fn finish(
        jar: &std::sync::Mutex<Option<String>>,
        r: Result<ureq::Response, ureq::Error>,
    ) -> Resp {
        let r = match r {
            Ok(r) => r,
            Err(ureq::Error::Status(_, r)) => r,
            Err(e) => panic!("request failed: {e}"),
        };
        let status = r.status();
        let location = r.header("location").map(str::to_string);
        let headers = r
            .headers_names()
            .into_iter()
            .map(|n| {
                let v = r.header(&n).unwrap_or_default().to_string();
                (n.to_lowercase(), v)
            })
            .collect();
        let set_cookies: Vec<String> = r
            .all("set-cookie")
            .into_iter()
            .map(str::to_string)
            .collect();
        for c in &set_cookies {
            if let Some(rest) = c.strip_prefix("minyi_form=") {
                *jar.lock().unwrap() = Some(rest.split(';').next().unwrap_or("").to_string());
            }
        }
        let body = r.into_string().unwrap_or_default();
        Resp {
            status,
            location,
            set_cookies,
            body,
            headers,
        }
    }

    /// The Cookie header this browser sends: its form cookie and the session, if any.
    fn cookies(&self, session: Option<&str>) -> Option<String> {
        let mut parts = Vec::new();
        if let Some(f) = self.jar.lock().unwrap().as_ref() {
            parts.push(format!("minyi_form={f}"));
        }
        if let Some(s) = session {
            parts.push(format!("minyi_session={s}"));
        }
        (!parts.is_empty()).then(|| parts.join("; "))
    }

    /// GET `path`, with the session cookie if given.
    pub async fn get(&self, path: &str, session: Option<&str>) -> Resp {
        self.get_with(path, &[], session).await
    }

    /// GET `path` with extra `headers`, and the session cookie if given. Tests write through the
    /// repository too, out of any request: the server's cache learns of such writes within a
    /// second (its refresh task), so the page cache's version is read first, as that task would.
    pub async fn get_with(
        &self,
        path: &str,
        headers: &[(&str, &str)],
        session: Option<&str>,
    ) -> Resp {
        // A test that closed the pool still gets its answer.
        let _ = self.pages.refresh(&self.db).await;
        self.get_as_served(path, headers, session).await
    }

    /// GET `path` as the server answers it at this instant, without reading the page version
    /// first: what a visitor gets right after a write made through a request.
    pub async fn get_as_served(
        &self,
        path: &str,
        headers: &[(&str, &str)],
        session: Option<&str>,
    ) -> Resp {
        let mut req = self
            .agent
            .get(&format!("{}{path}", self.base))
            .set("Accept", "text/html");
        for (k, v) in headers {
            req = req.set(k, v);
        }
        if let Some(c) = self.cookies(session) {
            req = req.set("Cookie", &c);
        }
        let jar = self.jar.clone();
        tokio::task::spawn_blocking(move || Self::finish(&jar, req.call()))
            .await
            .unwrap()
    }

    /// POST a url-encoded form to `path` with `headers` and the session cookie if given.
    pub async fn post(
        &self,
        path: &str,
        form: &[(&str, &str)],
        headers: &[(&str, &str)],
        session: Option<&str>,
    ) -> Resp {
        let mut req = self.agent.post(&format!("{}{path}", self.base));
        for (k, v) in headers {
            req = req.set(k, v);
        }
        if let Some(c) = self.cookies(session) {
            req = req.set("Cookie", &c);
        }
        let body: String = form
            .iter()
            .map(|(k, v)| format!("{}={}", urlencoding::encode(k), urlencoding::encode(v)))
            .collect::<Vec<_>>()
            .join("&");
        let req = req.set("Content-Type", "application/x-www-form-urlencoded");
        let jar = self.jar.clone();
        tokio::task::spawn_blocking(move || Self::finish(&jar, req.send_string(&body)))
            .await
            .unwrap()
    }

    /// Sends `request` as raw bytes and returns the first part of the answer.
    pub async fn raw(&self, request: &str) -> String {
        use std::io::{Read, Write};
        let addr = self.base.trim_start_matches("http://").to_string();
        let request = request.to_string();
        tokio::task::spawn_blocking(move || {
            let mut stream = std::net::TcpStream::connect(addr).unwrap();
            stream
                .set_read_timeout(Some(std::time::Duration::from_secs(5)))
                .unwrap();
            stream.write_all(request.as_bytes()).unwrap();
            let mut buf = [0u8; 1024];
            let n = stream.read(&mut buf).unwrap();
            String::from_utf8_lossy(&buf[..n]).to_string()
        })
        .await
        .unwrap()
    }

    /// Creates an account directly in the database and returns its id.
    pub async fn account(
        &self,
        username: &str,
        password: &str,
        role: minyi::domain::account::Role,
    ) -> i64 {
        let hash = minyi::server::auth::hash_password(password);
        let new = db::accounts::NewAccount {
            username,
            display_name: username,
            password_hash: &hash,
            role,
            station_id: None,
        };
        db::accounts::insert(&self.db, &new, None)
            .await
            .unwrap()
            .unwrap()
    }

    /// Signs in through the login endpoint as a no-JS form would, returning the session token.
    pub async fn sign_in(&self, username: &str, password: &str) -> String {
        let r = self
            .post(
                "/api/auth/login",
                &[
                    ("username", username),
                    ("password", password),
                    ("next", "/staff"),
                ],
                BROWSER_FORM,
                None,
            )
            .await;
        assert_eq!(r.status, 302, "sign-in should redirect: {r:?}");
        assert_eq!(r.location.as_deref(), Some("/staff"));
        r.session().expect("sign-in sets the session cookie")
    }
}

/// The password of accounts made by [`staff_account`].
pub const PASSWORD: &str = "Riverbank-Willow-9-Boats";

/// Creates an account with [`PASSWORD`], attached to `station` if given, and returns its id.
pub async fn staff_account(
    db: &Db,
    username: &str,
    role: minyi::domain::account::Role,
    station: Option<i64>,
) -> i64 {
    let hash = minyi::server::auth::hash_password(PASSWORD);
    db::accounts::insert(
        db,
        &db::accounts::NewAccount {
            username,
            display_name: username,
            password_hash: &hash,
            role,
            station_id: station,
        },
        None,
    )
    .await
    .unwrap()
    .unwrap()
}
