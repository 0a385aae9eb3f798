//! The command line: `serve` (the default), `migrate`, `create-admin`, `seed-demo` and `backup`.

use super::{auth, config::Config, db, router, seed, state::AppState};
use crate::domain::account::{check_password_shape, username_is_valid, Role};
use crate::domain::text::FieldErrors;
use axum::serve::ListenerExt;
use clap::{Parser, Subcommand};
use leptos::config::{Env, LeptosOptions};
use std::io::{IsTerminal, Read};
use std::process::ExitCode;

#[derive(Parser)]
#[command(name = "minyi", version, about = "民意直通车 (Minyi): opinion collection for a district People's Congress",
          after_help = super::config::ENV_HELP)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Apply pending migrations and serve the site (the default)
    #[command(after_help = super::config::ENV_HELP)]
    Serve,
    /// Apply pending database migrations and exit
    #[command(after_help = super::config::ENV_HELP)]
    Migrate,
    /// Create an admin account; the password is read from standard input
    #[command(
        after_help = "Example: printf '%s' \"$PASSWORD\" | minyi create-admin --username admin"
    )]
    CreateAdmin {
        /// Login name: 3–32 lower-case letters, digits, '.', '_' or '-', starting with a letter
        #[arg(long)]
        username: String,
        /// The name shown in the staff area (defaults to the username)
        #[arg(long)]
        display_name: Option<String>,
    },
    /// Load the demo content (organisation stations, stories, an admin) into an empty database
    SeedDemo,
    /// Write a consistent copy of the SQLite database to a new file, while the server runs
    #[command(after_help = "Example: minyi backup backups/minyi-$(date +%F).db\n\
                      Restore: stop the server, put the copy in place of the database file, start it.\n\
                      PostgreSQL: pg_dump --format=custom --file=minyi.dump \"$DATABASE_URL\"; \
                      restore with pg_restore --dbname=NEW_DATABASE minyi.dump")]
    Backup {
        /// The new file to write (it must not exist yet)
        path: std::path::PathBuf,
    },
}

/// Runs the command line; the exit code says whether it worked.
pub async fn main() -> ExitCode {
    let _ = dotenvy::dotenv();
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info,sqlx=warn")),
        )
        .with_writer(std::io::stderr)
        .init();
    let cli = Cli::parse();
    let config = match Config::from_env() {
        Ok(c) => c,
        Err(problems) => {
            eprintln!("minyi: 配置有误（configuration problems）:");
            for p in problems {
                eprintln!("  - {p}");
            }
            eprintln!("\n{}", super::config::ENV_HELP);
            return ExitCode::from(2);
        }
    };
    match run(cli.command.unwrap_or(Command::Serve), config).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("minyi: {message}");
            ExitCode::FAILURE
        }
    }
}

async fn open(config: &Config) -> Result<db::Db, String> {
    let pool = db::connect(&config.database_url)
        .await
        .map_err(|e| format!("无法打开数据库 {}：{e}", redact(&config.database_url)))?;
    db::migrate(&pool)
        .await
        .map_err(|e| format!("数据库迁移失败：{e}"))?;
    Ok(pool)
}

/// The database URL without a password, for messages.
fn redact(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(s), Some(at)) if at > s => match url[s + 3..at].split_once(':') {
            Some((user, _)) => format!("{}{user}:***{}", &url[..s + 3], &url[at..]),
            None => url.to_string(),
        },
        _ => url.to_string(),
    }
}

/// The Leptos options of the served site: where the built bundle lies and how it is named.
pub fn leptos_options(config: &Config) -> LeptosOptions {
    let env = match std::env::var("LEPTOS_ENV").as_deref() {
        Ok("DEV") | Ok("dev") | Ok("development") => Env::DEV,
        _ => Env::PROD,
    };
    LeptosOptions::builder()
        .output_name("minyi")
        .site_root(std::env::var("LEPTOS_SITE_ROOT").unwrap_or_else(|_| "target/site".into()))
        .site_pkg_dir(std::env::var("LEPTOS_SITE_PKG_DIR").unwrap_or_else(|_| "pkg".into()))
        .site_addr(config.site_addr)
        .env(env)
        .build()
}

async fn run(command: Command, config: Config) -> Result<(), String> {
    match command {
        Command::Migrate => {
            open(&config).await?;
            println!("数据库迁移已完成。");
            Ok(())
        }
        Command::SeedDemo => {
            let db = open(&config).await?;
            match seed::demo(&db)
                .await
                .map_err(|e| format!("载入演示内容失败：{e}"))?
            {
                None => {
                    println!("未载入演示内容：数据库里已经有账号或案例故事，原有数据保持不变。")
                }
                Some(password) => {
                    let [stations, calls, versions, opinions, sessions, registrations, deputies, appointments, stories] =
                        seed::loaded(&db)
                            .await
                            .map_err(|e| format!("演示内容已载入，但清点失败：{e}"))?
                            .counts;
                    println!(
                        "演示内容已载入：{stations} 个联系点，{calls} 次征求意见（草案 {versions} 个版本，\
                         意见 {opinions} 条），{sessions} 场协商活动（报名 {registrations} 人），\
                         {deputies} 位人大代表（预约 {appointments} 次），{stories} 篇案例报道，\
                         以及一个管理员账号。"
                    );
                    println!("管理员账号  用户名 admin  密码 {password}");
                    println!("（密码只显示这一次，请妥善保存。登录地址 /staff/login）");
                }
            }
            Ok(())
        }
        Command::Backup { path } => {
            use super::db::backup::{self, BackupError};
            // The database must exist already, and is neither created nor migrated: a mistyped
            // DATABASE_URL must not back up a new empty file, nor a newer binary migrate the
            // database under a running server.
            let url = match db::sqlite_path(&config.database_url) {
                Some(file) if !file.exists() => {
                    return Err(format!(
                        "数据库文件 {} 不存在：请检查 DATABASE_URL（相对路径以当前目录为准，可改用绝对路径）。",
                        file.display()
                    ))
                }
                Some(_) if !config.database_url.contains('?') => {
                    format!("{}?mode=rw", config.database_url)
                }
                _ => config.database_url.clone(),
            };
            let db = db::connect(&url)
                .await
                .map_err(|e| format!("无法打开数据库 {}：{e}", redact(&url)))?;
            match backup::write(&db, &path).await {
                Ok(()) => {
                    println!("备份已写入 {}。", path.display());
                    Ok(())
                }
                Err(BackupError::Exists) => Err(format!(
                    "{} 已存在：备份不会覆盖已有文件，请换一个文件名。",
                    path.display()
                )),
                Err(BackupError::Postgres) => Err(
                    "PostgreSQL 数据库请用 pg_dump 备份：pg_dump --format=custom --file=minyi.dump \"$DATABASE_URL\"（恢复用 pg_restore）。"
                        .into(),
                ),
                Err(BackupError::Db(e)) => Err(format!("备份失败：{e}")),
            }
        }
        Command::CreateAdmin {
            username,
            display_name,
        } => {
            let db = open(&config).await?;
            let mut password = String::new();
            if std::io::stdin().is_terminal() {
                eprintln!("请输入新管理员的密码（至少 10 个字符），然后按回车，再按 Ctrl-D：");
            }
            std::io::stdin()
                .read_to_string(&mut password)
                .map_err(|e| format!("无法从标准输入读取密码：{e}"))?;
            let password = password.trim_end_matches(['\n', '\r']);
            if !username_is_valid(&username) {
                return Err(
                    "用户名须为 3–32 个字符，以小写英文字母开头，只能含小写字母、数字和 . _ -"
                        .into(),
                );
            }
            let mut errors = FieldErrors::default();
            check_password_shape("password", password, &mut errors);
            if !errors.is_empty() {
                return Err(format!(
                    "密码须为 {} 到 {} 个字符",
                    crate::domain::account::PASSWORD_MIN,
                    crate::domain::account::PASSWORD_MAX
                ));
            }
            if auth::password_is_common(password, &[&username]) {
                return Err("这个密码太常见或太容易猜到，请换一个更长、更独特的密码".into());
            }
            let hash = auth::hash_password(password);
            let name = display_name.unwrap_or_else(|| username.clone());
            let new = db::accounts::NewAccount {
                username: &username,
                display_name: &name,
                password_hash: &hash,
                role: Role::Admin,
                station_id: None,
            };
            match db::accounts::insert(&db, &new, None)
                .await
                .map_err(|e| e.to_string())?
            {
                Some(_) => {
                    println!("管理员账号 {username} 已创建。");
                    Ok(())
                }
                None => Err(format!("用户名 {username} 已被使用")),
            }
        }
        Command::Serve => {
            let db = open(&config).await?;
            let addr = config.site_addr;
            let options = leptos_options(&config);
            let state = AppState::new(db, config, options)
                .await
                .map_err(|e| format!("无法读取签名密钥：{e}"))?;
            let mailer = super::notify::Mailer::from_config(&state.config)?;
            super::notify::spawn(state.clone(), mailer);
            super::pages::spawn_refresh(state.clone());
            let app = router::router(state);
            let listener = tokio::net::TcpListener::bind(addr).await.map_err(|e| {
                format!("无法在 {addr} 上监听：{e}（可用 LEPTOS_SITE_ADDR 换一个地址）")
            })?;
            tracing::info!(%addr, "serving http://{addr}");
            axum::serve(
                listener.tap_io(no_delay),
                app.into_make_service_with_connect_info::<std::net::SocketAddr>(),
            )
            .with_graceful_shutdown(shutdown())
            .await
            .map_err(|e| format!("服务已停止：{e}"))
        }
    }
}

/// Sends each write at once: a response written as headers and then body would otherwise wait
/// for the client's delayed ACK (about 40 ms) on a kept-alive connection.
pub fn no_delay(stream: &mut tokio::net::TcpStream) {
    if let Err(e) = stream.set_nodelay(true) {
        tracing::debug!(error = %e, "TCP_NODELAY not set");
    }
}

async fn shutdown() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    let term = async {
        if let Ok(mut s) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        {
            s.recv().await;
        }
    };
    tokio::select! { _ = ctrl_c => {}, _ = term => {} }
}

#[cfg(test)]
mod tests {
    use super::redact;

    #[test]
    fn passwords_are_not_printed() {
        assert_eq!(redact("postgres://u:secret@h/db"), "postgres://u:***@h/db");
        assert_eq!(redact("sqlite://data/minyi.db"), "sqlite://data/minyi.db");
    }
}
