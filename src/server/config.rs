//! Configuration from environment variables (and a `.env` file), checked once at start so that a
//! bad value stops the program with a message naming the variable, the value and what is allowed.

use std::net::SocketAddr;

/// When login cookies carry the `Secure` flag.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SecureCookies {
    /// When the request arrived over https (directly or as told by `X-Forwarded-Proto`).
    Auto,
    Always,
    Never,
}

#[derive(Debug, Clone)]
pub struct Config {
    pub database_url: String,
    pub org_name: String,
    pub max_body_bytes: usize,
    pub secure_cookies: SecureCookies,
    pub site_addr: SocketAddr,
}

pub const DEFAULT_DATABASE_URL: &str = "sqlite://data/minyi.db";
pub const DEFAULT_ORG_NAME: &str = "示范区人大常委会";
pub const DEFAULT_MAX_BODY: usize = 2 * 1024 * 1024;

/// The variables this program reads, with their meaning, for `--help`.
pub const ENV_HELP: &str = "\
Environment (also read from a .env file in the working directory):
  DATABASE_URL          sqlite://PATH (default sqlite://data/minyi.db) or postgres://USER@HOST/DB
  LEPTOS_SITE_ADDR      address to listen on (default 127.0.0.1:3000)
  MINYI_ORG_NAME        the committee's name shown in the header (default 示范区人大常委会)
  MINYI_MAX_BODY_BYTES  largest request body accepted, in bytes (default 2097152); larger gets 413
  MINYI_SECURE_COOKIES  auto (default: Secure when served over https), always or never
  RUST_LOG              log filter, e.g. info or minyi=debug";

impl Config {
    /// Reads and checks every variable; returns all problems at once.
    pub fn from_env() -> Result<Config, Vec<String>> {
        Self::from_lookup(|k| std::env::var(k).ok())
    }

    /// As [`Config::from_env`], reading variables through `get` (for tests).
    pub fn from_lookup(get: impl Fn(&str) -> Option<String>) -> Result<Config, Vec<String>> {
        let mut problems = Vec::new();
        let database_url = get("DATABASE_URL").unwrap_or_else(|| DEFAULT_DATABASE_URL.into());
        if !(database_url.starts_with("sqlite:")
            || database_url.starts_with("postgres://")
            || database_url.starts_with("postgresql://"))
        {
            problems.push(format!(
                "DATABASE_URL={database_url:?} 不受支持：请用 sqlite://路径 或 postgres://用户@主机/数据库"
            ));
        }
        let org_name = get("MINYI_ORG_NAME").unwrap_or_else(|| DEFAULT_ORG_NAME.into());
        let n = org_name.trim().chars().count();
        if n == 0 || n > 40 {
            problems.push(format!("MINYI_ORG_NAME 须为 1 到 40 个字，现在是 {n} 个字"));
        }
        let max_body_bytes = match get("MINYI_MAX_BODY_BYTES") {
            None => DEFAULT_MAX_BODY,
            Some(v) => match v.trim().parse::<usize>() {
                Ok(n) if (1024..=100 * 1024 * 1024).contains(&n) => n,
                _ => {
                    problems.push(format!(
                        "MINYI_MAX_BODY_BYTES={v:?} 须为 1024 到 104857600 之间的整数（字节）"
                    ));
                    DEFAULT_MAX_BODY
                }
            },
        };
        let secure_cookies = match get("MINYI_SECURE_COOKIES").as_deref().map(str::trim) {
            None | Some("auto") => SecureCookies::Auto,
            Some("always") => SecureCookies::Always,
            Some("never") => SecureCookies::Never,
            Some(v) => {
                problems.push(format!(
                    "MINYI_SECURE_COOKIES={v:?} 只能是 auto、always 或 never"
                ));
                SecureCookies::Auto
            }
        };
        let addr = get("LEPTOS_SITE_ADDR").unwrap_or_else(|| "127.0.0.1:3000".into());
        let site_addr = addr.parse().unwrap_or_else(|_| {
            problems.push(format!(
                "LEPTOS_SITE_ADDR={addr:?} 不是可监听的地址，请写成 IP:端口，例如 127.0.0.1:3000"
            ));
            SocketAddr::from(([127, 0, 0, 1], 3000))
        });
        if problems.is_empty() {
            Ok(Config {
                database_url,
                org_name: org_name.trim().to_string(),
                max_body_bytes,
                secure_cookies,
                site_addr,
            })
        } else {
            Err(problems)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn with(vars: &[(&str, &str)]) -> Result<Config, Vec<String>> {
        let map: HashMap<String, String> = vars
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        Config::from_lookup(|k| map.get(k).cloned())
    }

    #[test]
    fn defaults_are_valid() {
        let c = with(&[]).unwrap();
        assert_eq!(c.database_url, DEFAULT_DATABASE_URL);
        assert_eq!(c.max_body_bytes, DEFAULT_MAX_BODY);
    }

    #[test]
    fn every_bad_value_is_named() {
        let e = with(&[
            ("DATABASE_URL", "mysql://x"),
            ("MINYI_MAX_BODY_BYTES", "lots"),
            ("MINYI_SECURE_COOKIES", "yes"),
            ("LEPTOS_SITE_ADDR", "localhost"),
        ])
        .unwrap_err();
        assert_eq!(e.len(), 4);
        assert!(e[0].contains("DATABASE_URL"));
        assert!(e[1].contains("MINYI_MAX_BODY_BYTES"));
        assert!(e[2].contains("MINYI_SECURE_COOKIES"));
        assert!(e[3].contains("LEPTOS_SITE_ADDR"));
    }
}
