//! `make bench`: session registrations per second with 100 concurrent clients, and the confirmed
//! count of each race (it must equal the capacity).
//!
//! Serves the real router on an ephemeral port over the database at `DATABASE_URL` (migrated
//! first), then for each of `REGISTER_ROUNDS` rounds (default 5) creates a published session with
//! 10 places and sends 100 registrations at once, each from its own client address and with its
//! own phone number, over real HTTP as the no-JavaScript form posts them. Prints the median rate
//! and the confirmed count of every round as `name value unit` lines.
//!
//! Run: `cargo run --release --features ssr --example bench_register`.

use minyi::domain::consultation::{Kind, NewConsultation, Status};
use minyi::server::{config::Config, db, state::AppState};
use std::time::Instant;

const CLIENTS: usize = 100;
const CAPACITY: i64 = 10;

#[tokio::main]
async fn main() {
    let url = std::env::var("DATABASE_URL").unwrap_or_else(|_| {
        format!(
            "sqlite://{}/minyi-bench-register.db?mode=rwc",
            std::env::temp_dir().display()
        )
    });
    let rounds: usize = std::env::var("REGISTER_ROUNDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(5);
    let db = db::connect(&url).await.expect("open the database");
    db::migrate(&db).await.expect("migrate");
    let name = if db.backend == db::Backend::Sqlite {
        "sqlite"
    } else {
        "postgres"
    };
    let config = Config::from_lookup(|k| match k {
        "MINYI_REGISTRATIONS_PER_HOUR" => Some("100000".into()),
        "MINYI_CLIENT_IP_HEADER" => Some("X-Bench-Client".into()),
        _ => None,
    })
    .expect("configuration");
    let options = minyi::server::cli::leptos_options(&config);
    let state = AppState::new(db.clone(), config, options)
        .await
        .expect("state");
    let app = minyi::server::router::router(state);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move {
        axum::serve(
            listener,
            app.into_make_service_with_connect_info::<std::net::SocketAddr>(),
        )
        .await
        .unwrap()
    });
    let agent = ureq::AgentBuilder::new()
        .redirects(0)
        .max_idle_connections_per_host(CLIENTS)
        .build();
    let admin: i64 = match sqlx::query_scalar("SELECT id FROM accounts WHERE username = 'bench'")
        .fetch_optional(&db.pool)
        .await
        .unwrap()
    {
        Some(id) => id,
        None => {
            let hash = minyi::server::auth::hash_password("Bench-Password-Not-Used-9");
            let account = db::accounts::NewAccount {
                username: "bench",
                display_name: "bench",
                password_hash: &hash,
                role: minyi::domain::account::Role::Admin,
                station_id: None,
            };
            db::accounts::insert(&db, &account, None)
                .await
                .unwrap()
                .unwrap()
        }
    };
    let mut rates = Vec::new();
    for round in 0..rounds {
        let now = db::now_ms();
        let session = NewConsultation {
            kind: Kind::Forum,
            title: format!("压力测试座谈会 {round}"),
            topic: String::new(),
            description_md: String::new(),
            station_id: None,
            address: "测试地点".into(),
            online_url: String::new(),
            starts_at: now + 10 * 86_400_000,
            ends_at: now + 10 * 86_400_000 + 7_200_000,
            capacity: CAPACITY,
            reg_opens_at: now - 86_400_000,
            reg_closes_at: now + 9 * 86_400_000,
            solicitation_id: None,
            status: Status::Published,
        };
        let id = db::consultations::create(&db, &session, "", admin)
            .await
            .expect("create the session");
        let started = Instant::now();
        let posts: Vec<_> = (0..CLIENTS)
            .map(|i| {
                let (agent, base) = (agent.clone(), base.clone());
                tokio::task::spawn_blocking(move || {
                    let body = format!(
                        "consultation_id={id}&submit_key=&name=%E5%B1%85%E6%B0%91{i}&phone=139{:04}{:04}&organisation=&questions=&email=&consent=1",
                        round, i
                    );
                    agent
                        .post(&format!("{base}/api/consultations/register"))
                        .set("Content-Type", "application/x-www-form-urlencoded")
                        .set("Accept", "text/html")
                        .set("Sec-Fetch-Site", "same-origin")
                        .set("X-Bench-Client", &format!("10.9.{round}.{i}"))
                        .send_string(&body)
                        .map(|r| r.status())
                        .unwrap_or_else(|e| match e {
                            ureq::Error::Status(s, _) => s,
                            _ => 0,
                        })
                })
            })
            .collect();
        let mut answered = 0;
        for p in posts {
            if p.await.unwrap() == 302 {
                answered += 1;
            }
        }
        let secs = started.elapsed().as_secs_f64();
        let confirmed: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM registrations WHERE consultation_id = $1 AND status = 'confirmed'",
        )
        .bind(id)
        .fetch_one(&db.pool)
        .await
        .unwrap();
        let stored: i64 =
            sqlx::query_scalar("SELECT COUNT(*) FROM registrations WHERE consultation_id = $1")
                .bind(id)
                .fetch_one(&db.pool)
                .await
                .unwrap();
        println!("register_race_{name}_round{round}_confirmed {confirmed} of {CAPACITY}");
        println!("register_race_{name}_round{round}_stored {stored} of {answered} answered");
        rates.push(CLIENTS as f64 / secs);
    }
    rates.sort_by(|a, b| a.partial_cmp(b).unwrap());
    println!(
        "register_rps_{name}_100_clients {:.0} req/s",
        rates[rates.len() / 2]
    );
}
