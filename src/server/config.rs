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
    /// The committee's name on English pages.
    pub org_name_en: String,
    pub max_body_bytes: usize,
    pub secure_cookies: SecureCookies,
    pub site_addr: SocketAddr,
    /// The streets (街镇) a resident chooses from on the opinion form.
    pub streets: Vec<String>,
    /// Opinions one address may submit per hour.
    pub opinions_per_hour: i64,
    /// Registrations and bookings one address may make per hour.
    pub registrations_per_hour: i64,
    /// Requests to the open API one client address may make per minute.
    pub api_per_minute: i64,
    /// The header a trusted reverse proxy puts the client's address in (e.g. `X-Real-IP`); when
    /// unset, the connection's own address counts.
    pub client_ip_header: Option<http::HeaderName>,
    /// Where notification e-mail goes out: `smtp://host:25`, `smtp://user:pass@host:587?tls=required`
    /// or `smtps://user:pass@host:465`. Unset: every message is kept for staff to print.
    pub smtp_url: Option<String>,
    /// The sender of notification e-mail, `民意直通车 <noreply@example.gov.cn>`.
    pub mail_from: String,
    /// The site's public address, for the links in e-mail: `https://minyi.example.gov.cn`.
    pub site_url: String,
    /// Bytes of sent-back public forms (drafts) one address may have kept per hour.
    pub draft_bytes_per_hour: i64,
    /// Bytes of sent-back public forms kept per hour from all addresses together.
    pub draft_bytes_total_per_hour: i64,
    /// How long a request may take before it is answered 503 (a page that cannot be rendered in
    /// time, a database that does not answer).
    pub request_timeout: std::time::Duration,
    /// Password checks (Argon2, 19 MiB and tens of milliseconds each) run at once; more wait.
    pub password_checks: usize,
    /// Page views rendered at once; more wait their turn, so that submissions (which never wait
    /// for a turn) find the cores free however many people are reading.
    pub pages_at_once: usize,
}

pub const DEFAULT_DATABASE_URL: &str = "sqlite://data/minyi.db";
pub const DEFAULT_ORG_NAME: &str = "示范区人大常委会";
pub const DEFAULT_ORG_NAME_EN: &str = "Demonstration District People's Congress Standing Committee";
pub const DEFAULT_MAX_BODY: usize = 2 * 1024 * 1024;
pub const DEFAULT_STREETS: &str = "东湖街道,西城街道,南山街道,北关街道";
pub const DEFAULT_OPINIONS_PER_HOUR: i64 = 20;
pub const DEFAULT_MAIL_FROM: &str = "民意直通车 <noreply@localhost>";
pub const DEFAULT_DRAFT_BYTES_PER_HOUR: i64 = 512 * 1024;
pub const DEFAULT_DRAFT_BYTES_TOTAL_PER_HOUR: i64 = 32 * 1024 * 1024;
pub const DEFAULT_REQUEST_TIMEOUT_SECS: i64 = 30;
pub const DEFAULT_PASSWORD_CHECKS: i64 = 2;

/// Two page renders per core: enough to keep the cores busy while one waits for the database.
pub fn default_pages_at_once() -> i64 {
    2 * std::thread::available_parallelism().map_or(2, |n| n.get() as i64)
}

/// The variables this program reads, with their meaning, for `--help`.
pub const ENV_HELP: &str = "\
Environment (also read from a .env file in the working directory):
  DATABASE_URL          sqlite://PATH (default sqlite://data/minyi.db) or postgres://USER@HOST/DB
  LEPTOS_SITE_ADDR      address to listen on (default 127.0.0.1:3000)
  MINYI_ORG_NAME        the committee's name shown in the header (default 示范区人大常委会)
  MINYI_ORG_NAME_EN     the committee's name on English pages (default: the Chinese name, or
                        Demonstration District People's Congress Standing Committee for the default)
  MINYI_MAX_BODY_BYTES  largest request body accepted, in bytes (default 2097152); larger gets 413
  MINYI_SECURE_COOKIES  auto (default: Secure when served over https), always or never
  MINYI_STREETS         the streets (街镇) on the opinion form, comma-separated
                        (default 东湖街道,西城街道,南山街道,北关街道)
  MINYI_OPINIONS_PER_HOUR  opinions one client address may submit per hour (default 20)
  MINYI_REGISTRATIONS_PER_HOUR
                           registrations and bookings one client address may make per hour
                           (default 20)
  MINYI_API_PER_MINUTE  requests to the open API (/api/v1) one client address may make per
                        minute (default 120); more get 429
  MINYI_CLIENT_IP_HEADER   header carrying the client address when behind a trusted reverse
                        proxy, e.g. X-Real-IP (default: unset, the connection's address counts)
  MINYI_SMTP_URL        mail server for notifications: smtp://HOST:PORT, smtp://USER:PASS@HOST:587?tls=required
                        or smtps://USER:PASS@HOST:465 (default: unset, messages are kept for staff to print)
  MINYI_MAIL_FROM       sender of notification e-mail (default 民意直通车 <noreply@localhost>)
  MINYI_SITE_URL        the site's public address for links in e-mail (default http://LEPTOS_SITE_ADDR)
  MINYI_DRAFT_BYTES_PER_HOUR
                        bytes of sent-back public forms kept per client address per hour
                        (default 524288); past it a form comes back without what was typed
  MINYI_DRAFT_BYTES_TOTAL_PER_HOUR
                        the same for all addresses together (default 33554432)
  MINYI_REQUEST_TIMEOUT_SECS
                        a request not answered within this many seconds gets 503 (default 30)
  MINYI_PASSWORD_CHECKS password checks run at once, each 19 MiB of memory (default 2)
  MINYI_PAGES_AT_ONCE   page views rendered at once; more wait their turn, while form posts
                        never wait (default: twice the number of cores)
  RUST_LOG              log filter, e.g. info or minyi=debug";

impl Config {
    /// The committee's name in `locale`.
    pub fn org_name_in(&self, locale: crate::i18n::Locale) -> &str {
        match locale {
            crate::i18n::Locale::ZhCn => &self.org_name,
            crate::i18n::Locale::En => &self.org_name_en,
        }
    }

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
        let org_name_en = match get("MINYI_ORG_NAME_EN") {
            Some(v) if !v.trim().is_empty() => v.trim().to_string(),
            _ if org_name == DEFAULT_ORG_NAME => DEFAULT_ORG_NAME_EN.into(),
            _ => org_name.clone(),
        };
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
        let streets_raw = get("MINYI_STREETS").unwrap_or_else(|| DEFAULT_STREETS.into());
        let streets: Vec<String> = streets_raw
            .split([',', '，'])
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect();
        if streets.is_empty() || streets.iter().any(|s| s.chars().count() > 20) {
            problems.push(format!(
                "MINYI_STREETS={streets_raw:?} 须为用逗号分隔的街镇名称，至少一个，每个不超过 20 个字"
            ));
        }
        let mut int = |name: &str, default: i64, min: i64, max: i64| match get(name) {
            None => default,
            Some(v) => match v.trim().parse::<i64>() {
                Ok(n) if (min..=max).contains(&n) => n,
                _ => {
                    problems.push(format!("{name}={v:?} 须为 {min} 到 {max} 之间的整数"));
                    default
                }
            },
        };
        let opinions_per_hour = int(
            "MINYI_OPINIONS_PER_HOUR",
            DEFAULT_OPINIONS_PER_HOUR,
            1,
            100_000,
        );
        let registrations_per_hour = int(
            "MINYI_REGISTRATIONS_PER_HOUR",
            DEFAULT_OPINIONS_PER_HOUR,
            1,
            100_000,
        );
        let api_per_minute = int("MINYI_API_PER_MINUTE", 120, 1, 1_000_000);
        let draft_bytes_per_hour = int(
            "MINYI_DRAFT_BYTES_PER_HOUR",
            DEFAULT_DRAFT_BYTES_PER_HOUR,
            0,
            1 << 30,
        );
        let draft_bytes_total_per_hour = int(
            "MINYI_DRAFT_BYTES_TOTAL_PER_HOUR",
            DEFAULT_DRAFT_BYTES_TOTAL_PER_HOUR,
            0,
            1 << 34,
        );
        let request_timeout = std::time::Duration::from_secs(int(
            "MINYI_REQUEST_TIMEOUT_SECS",
            DEFAULT_REQUEST_TIMEOUT_SECS,
            1,
            3600,
        ) as u64);
        let password_checks = int("MINYI_PASSWORD_CHECKS", DEFAULT_PASSWORD_CHECKS, 1, 64) as usize;
        let pages_at_once = int("MINYI_PAGES_AT_ONCE", default_pages_at_once(), 1, 4096) as usize;
        let client_ip_header = match get("MINYI_CLIENT_IP_HEADER") {
            None => None,
            Some(v) if v.trim().is_empty() => None,
            Some(v) => match http::HeaderName::from_bytes(v.trim().as_bytes()) {
                Ok(h) => Some(h),
                Err(_) => {
                    problems.push(format!(
                        "MINYI_CLIENT_IP_HEADER={v:?} 不是有效的 HTTP 头名称，例如 X-Real-IP"
                    ));
                    None
                }
            },
        };
        let addr = get("LEPTOS_SITE_ADDR").unwrap_or_else(|| "127.0.0.1:3000".into());
        let site_addr = addr.parse().unwrap_or_else(|_| {
            problems.push(format!(
                "LEPTOS_SITE_ADDR={addr:?} 不是可监听的地址，请写成 IP:端口，例如 127.0.0.1:3000"
            ));
            SocketAddr::from(([127, 0, 0, 1], 3000))
        });
        let smtp_url = get("MINYI_SMTP_URL").filter(|v| !v.trim().is_empty());
        if let Some(u) = &smtp_url {
            if !(u.starts_with("smtp://") || u.starts_with("smtps://")) {
                problems.push(
                    "MINYI_SMTP_URL 须以 smtp:// 或 smtps:// 开头，例如 smtp://127.0.0.1:25".into(),
                );
            }
        }
        let mail_from = get("MINYI_MAIL_FROM").unwrap_or_else(|| DEFAULT_MAIL_FROM.into());
        if !mail_from.contains('@') {
            problems.push(format!("MINYI_MAIL_FROM={mail_from:?} 须含电子邮箱地址，例如 民意直通车 <noreply@example.gov.cn>"));
        }
        let site_url = get("MINYI_SITE_URL")
            .map(|v| v.trim().trim_end_matches('/').to_string())
            .unwrap_or_else(|| format!("http://{site_addr}"));
        if !(site_url.starts_with("http://") || site_url.starts_with("https://")) {
            problems.push(format!(
                "MINYI_SITE_URL={site_url:?} 须以 http:// 或 https:// 开头"
            ));
        }
        if problems.is_empty() {
            Ok(Config {
                database_url,
                org_name: org_name.trim().to_string(),
                org_name_en,
                max_body_bytes,
                secure_cookies,
                site_addr,
                streets,
                opinions_per_hour,
                registrations_per_hour,
                api_per_minute,
                client_ip_header,
                smtp_url,
                mail_from,
                site_url,
                draft_bytes_per_hour,
                draft_bytes_total_per_hour,
                request_timeout,
                password_checks,
                pages_at_once,
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
        assert_eq!(c.streets.len(), 4);
        assert_eq!(c.opinions_per_hour, 20);
    }

    #[test]
    fn every_bad_value_is_named() {
        let e = with(&[
            ("DATABASE_URL", "mysql://x"),
            ("MINYI_MAX_BODY_BYTES", "lots"),
            ("MINYI_SECURE_COOKIES", "yes"),
            ("LEPTOS_SITE_ADDR", "localhost"),
            ("MINYI_OPINIONS_PER_HOUR", "0"),
        ])
        .unwrap_err();
        assert_eq!(e.len(), 5);
        assert!(e[0].contains("DATABASE_URL"));
        assert!(e[1].contains("MINYI_MAX_BODY_BYTES"));
        assert!(e[2].contains("MINYI_SECURE_COOKIES"));
        assert!(e[3].contains("MINYI_OPINIONS_PER_HOUR"));
        assert!(e[4].contains("LEPTOS_SITE_ADDR"));
    }
}
