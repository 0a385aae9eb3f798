//! The cache of rendered public pages. A page a visitor without a session asks for is rendered
//! once, compressed once per encoding asked for (brotli at level 4, gzip), and served from memory to everyone after
//! that, until anything it may show changes: triggers bump a version in the transaction of every
//! such change ([`crate::server::db::pages`]), and an entry is served only while the version it was
//! rendered at is still the current one.
//!
//! Exactness. The version is read before a page is rendered, so an entry holds what was committed
//! at that version or later, never less. On SQLite the server is the only process writing, and it
//! reads the version again after every request that may write, before that request's answer
//! leaves: the writer's next page, and everyone's, is rendered afresh. Writes made outside a request
//! (the command line, the worker) are seen within [`REFRESH`]. On PostgreSQL, where several
//! instances share the database, every request reads the version from the database, so a write
//! answered on one instance is never followed by an old page on another.
//!
//! A page is also rendered again after [`MAX_AGE`], since the clock alone changes some pages.
//!
//! What is never cached: search results (one page per query); a request carrying one of this site's cookies (a session, a sent-back
//! form) or credentials; the private pages of [`super::headers::is_private`] (receipts, the staff
//! area, server functions, sent-back forms); an answer that is not a 200 page, sets a cookie or
//! says `no-store`; and a page holding a form's one-time key (`submit_key`), which must differ for
//! every visitor.
//!
//! A cached page's Content-Security-Policy names the hashes of the render's own inline scripts
//! (those with its nonce) instead of the nonce, which everyone who fetched the page has seen. Every page, cached or not, gets an
//! `ETag` and is answered `304` when the browser's copy is the current one.

use super::state::AppState;
use axum::{
    body::{Body, Bytes},
    extract::{Request, State},
    http::{header, HeaderMap, HeaderValue, Method, StatusCode},
    middleware::Next,
    response::{IntoResponse, Response},
};
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// How often the version is read on SQLite besides after requests that may write.
pub const REFRESH: Duration = Duration::from_secs(1);
/// How long a page is shared at most: what a page shows can change with the clock alone (a
/// solicitation closing, "3 days left"), with no write to tell of it.
pub const MAX_AGE: Duration = Duration::from_secs(10);
/// The most pages kept, and their most bytes (all three encodings): a stranger asking for
/// thousands of different query strings fills the cache and no more.
const MAX_ENTRIES: usize = 2_000;
const MAX_BYTES: usize = 64 << 20;
/// The longest path and query cached.
const MAX_KEY: usize = 512;

/// One rendered page in each encoding.
struct Entry {
    version: i64,
    born: std::time::Instant,
    etag: HeaderValue,
    /// The render's own headers (its type, and whatever a page set), with the policy replaced.
    headers: HeaderMap,
    plain: Bytes,
    /// Compressed when first asked for, so that a miss costs one compression, as an uncached
    /// answer would.
    gzip: std::sync::OnceLock<Option<Bytes>>,
    br: std::sync::OnceLock<Option<Bytes>>,
}

impl Entry {
    /// What the entry may come to hold: the page, and both encodings at most its size each.
    fn bytes(&self) -> usize {
        self.plain.len() * 3
    }

    fn gzip(&self) -> Option<Bytes> {
        self.gzip
            .get_or_init(|| gzip(&self.plain).map(Bytes::from))
            .clone()
    }

    fn br(&self) -> Option<Bytes> {
        self.br
            .get_or_init(|| brotli4(&self.plain).map(Bytes::from))
            .clone()
    }
}

#[derive(Default)]
struct Store {
    entries: HashMap<String, Arc<Entry>>,
    bytes: usize,
}

/// The cache, shared by the handlers of one process.
#[derive(Clone, Default)]
pub struct Pages {
    /// The newest version this process has read (SQLite's fast path).
    known: Arc<AtomicI64>,
    store: Arc<Mutex<Store>>,
}

impl Pages {
    /// Reads the version from the database and remembers it.
    pub async fn refresh(&self, db: &super::db::Db) -> Result<i64, sqlx::Error> {
        let v = super::db::pages::version(db).await?;
        Ok(self.known.fetch_max(v, Ordering::SeqCst).max(v))
    }

    async fn current(&self, db: &super::db::Db) -> Result<i64, sqlx::Error> {
        match db.backend {
            super::db::Backend::Sqlite => Ok(self.known.load(Ordering::SeqCst)),
            super::db::Backend::Postgres => self.refresh(db).await,
        }
    }

    fn get(&self, key: &str, version: i64) -> Option<Arc<Entry>> {
        let store = self.store.lock().unwrap_or_else(|e| e.into_inner());
        store
            .entries
            .get(key)
            .filter(|e| e.version == version && e.born.elapsed() < MAX_AGE)
            .cloned()
    }

    fn put(&self, key: String, entry: Arc<Entry>) {
        let mut store = self.store.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(old) = store.entries.remove(&key) {
            store.bytes -= old.bytes();
        }
        if entry.bytes() > MAX_BYTES {
            return;
        }
        if store.entries.len() >= MAX_ENTRIES || store.bytes + entry.bytes() > MAX_BYTES {
            // Full (a stranger asking for thousands of query strings): start again; the pages
            // people read are rendered once more, and memory stays bounded.
            store.entries.clear();
            store.bytes = 0;
        }
        store.bytes += entry.bytes();
        store.entries.insert(key, entry);
    }
}

/// Reads the version every [`REFRESH`], so that writes made outside a request (the command
/// line, the worker) reach the cache too; and on PostgreSQL folds the appended changes.
pub fn spawn_refresh(state: AppState) {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(REFRESH);
        let mut round = 0u64;
        loop {
            tick.tick().await;
            if let Err(e) = state.pages.refresh(&state.db).await {
                tracing::warn!(error = %e, "page version not read this round");
            }
            round += 1;
            if round % 10 == 0 {
                if let Err(e) = super::db::pages::fold(&state.db).await {
                    tracing::warn!(error = %e, "page changes not folded this round");
                }
            }
        }
    });
}

/// Whether a path is a page's (not a file's: the bundle, an icon, a calendar, a QR code, nor the
/// health check).
fn is_page(path: &str) -> bool {
    !path.contains('.')
        && !path.starts_with("/pkg/")
        && !path.starts_with("/api/")
        && path != "/healthz"
}

/// Whether a request may be answered from the cache (and its answer kept).
fn shareable(req: &Request) -> bool {
    let uri = req.uri();
    let key_len = uri.path().len() + uri.query().map_or(0, str::len);
    let ours = |c: &str| c.split(';').any(|p| p.trim_start().starts_with("minyi_"));
    req.method() == Method::GET
        && key_len <= MAX_KEY
        && is_page(uri.path())
        // Search results differ with every query: kept, a stranger's thousands of queries would
        // push out the pages everyone reads.
        && uri.path() != "/search"
        && !super::headers::is_private(uri.path(), uri.query().unwrap_or(""))
        && !req.headers().contains_key(header::AUTHORIZATION)
        && !req
            .headers()
            .get_all(header::COOKIE)
            .iter()
            .any(|v| v.to_str().map_or(true, ours))
}

/// Whether a request may have written: anything but a read, and the private pages (the staff
/// area reads and writes as it goes).
fn may_write(req: &Request) -> bool {
    let uri = req.uri();
    !matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS)
        || (is_page(uri.path())
            && super::headers::is_private(uri.path(), uri.query().unwrap_or("")))
}

/// The comma-separated items of every `name` header of a request, trimmed.
fn items(headers: &HeaderMap, name: header::HeaderName) -> impl Iterator<Item = &str> {
    headers
        .get_all(name)
        .into_iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .map(str::trim)
}

/// Whether a request takes `coding`, from its `Accept-Encoding` (a `q=0` refuses one).
fn accepts(headers: &HeaderMap, coding: &str) -> bool {
    items(headers, header::ACCEPT_ENCODING).any(|item| {
        let mut parts = item.split(';');
        let name = parts.next().unwrap_or("").trim();
        let refused = parts.any(|p| {
            p.trim()
                .strip_prefix("q=")
                .and_then(|q| q.trim().parse::<f32>().ok())
                .is_some_and(|q| q <= 0.0)
        });
        name.eq_ignore_ascii_case(coding) && !refused
    })
}

/// Whether the browser's copy (`If-None-Match`) is `etag`.
fn fresh(headers: &HeaderMap, etag: &HeaderValue) -> bool {
    let etag = etag.to_str().unwrap_or("");
    items(headers, header::IF_NONE_MATCH).any(|t| t == "*" || t.trim_start_matches("W/") == etag)
}

fn etag_of(body: &[u8]) -> HeaderValue {
    let digest = Sha256::digest(body);
    let hex: String = digest[..12].iter().map(|b| format!("{b:02x}")).collect();
    HeaderValue::from_str(&format!("\"{hex}\"")).expect("hex is a valid header value")
}

/// The texts of the inline scripts that carry the render's `nonce`, as the browser hashes them
/// for the Content-Security-Policy. Only those: a script that got into the page any other way
/// (text someone managed to inject) has no nonce, stays unlisted and is blocked, as it would be
/// on a page rendered for one person.
fn nonced_scripts<'a>(html: &'a str, nonce: &str) -> Vec<&'a str> {
    let attribute = format!(" nonce=\"{nonce}\"");
    let mut found = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find("<script") {
        let after = &rest[start..];
        let Some(open_end) = after.find('>') else {
            break;
        };
        let tag = &after[..open_end];
        let body = &after[open_end + 1..];
        let Some(close) = body.find("</script>") else {
            break;
        };
        if tag.contains(&attribute) && !tag.contains(" src=") {
            found.push(&body[..close]);
        }
        rest = &body[close..];
    }
    found
}

/// The nonce a render's policy names, if any.
fn nonce_of(headers: &HeaderMap) -> Option<&str> {
    let policy = headers
        .get(header::CONTENT_SECURITY_POLICY)?
        .to_str()
        .ok()?;
    let start = policy.find("'nonce-")? + "'nonce-".len();
    let len = policy[start..].find('\'')?;
    Some(&policy[start..start + len])
}

/// The answer for a page, in the encoding the request takes, or `304`.
fn answer(entry: &Entry, req: &HeaderMap, cached: bool) -> Response {
    let mut res = if fresh(req, &entry.etag) {
        StatusCode::NOT_MODIFIED.into_response()
    } else {
        let coded = if accepts(req, "br") {
            entry.br().map(|b| (b, "br"))
        } else if accepts(req, "gzip") {
            entry.gzip().map(|b| (b, "gzip"))
        } else {
            None
        };
        let (body, coding) = match coded {
            Some((b, c)) => (b, Some(c)),
            None => (entry.plain.clone(), None),
        };
        let mut res = Response::new(Body::from(body));
        *res.headers_mut() = entry.headers.clone();
        if let Some(c) = coding {
            res.headers_mut()
                .insert(header::CONTENT_ENCODING, HeaderValue::from_static(c));
        }
        res
    };
    let h = res.headers_mut();
    h.insert(header::ETAG, entry.etag.clone());
    // The browser asks again each time (with the ETag), so a change is seen at once.
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    h.insert(
        header::VARY,
        HeaderValue::from_static("accept-encoding, cookie"),
    );
    h.insert(
        "x-page-cache",
        HeaderValue::from_static(if cached { "hit" } else { "miss" }),
    );
    res
}

/// Compresses a rendered page into an entry. `None` when it must not be shared.
fn entry_of(parts: &http::response::Parts, plain: Bytes, version: i64) -> Option<Entry> {
    let html = std::str::from_utf8(&plain).ok()?;
    if html.contains("name=\"submit_key\"") {
        return None;
    }
    let scripts = nonce_of(&parts.headers).map_or_else(Vec::new, |n| nonced_scripts(html, n));
    let policy = super::headers::policy_with_scripts(&scripts);
    let mut headers = parts.headers.clone();
    headers.remove(header::CONTENT_LENGTH);
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_str(&policy).ok()?,
    );
    Some(Entry {
        version,
        born: std::time::Instant::now(),
        etag: etag_of(&plain),
        headers,
        plain,
        gzip: Default::default(),
        br: Default::default(),
    })
}

/// Whether a rendered answer may be kept for everyone.
fn keepable(res: &Response) -> bool {
    let h = res.headers();
    res.status() == StatusCode::OK
        && !h.contains_key(header::SET_COOKIE)
        && !h.contains_key(header::CONTENT_ENCODING)
        && h.get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.starts_with("text/html"))
        && !h
            .get_all(header::CACHE_CONTROL)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .any(|v| v.contains("no-store") || v.contains("private"))
}

/// The middleware, around everything (outermost): a page served from the cache passes through
/// no other layer. The answer it keeps is the one the whole stack gave, security headers
/// included, asked for without `Accept-Encoding` so that it is compressed here, once.
pub async fn cached(State(state): State<AppState>, mut req: Request, next: Next) -> Response {
    if may_write(&req) {
        let res = next.run(req).await;
        // Read the version before this answer leaves, so that the page its writer (or anyone)
        // asks for next is rendered afresh.
        if let Err(e) = state.pages.refresh(&state.db).await {
            tracing::warn!(error = %e, "page version not read after a request");
        }
        return res;
    }
    if !shareable(&req) {
        return next.run(req).await;
    }
    let Ok(version) = state.pages.current(&state.db).await else {
        return next.run(req).await;
    };
    let https = super::auth::is_https(req.headers());
    // Each language's page is its own (the locale middleware, outside this one, chose it).
    let locale = req
        .extensions()
        .get::<crate::i18n::Locale>()
        .copied()
        .unwrap_or_default();
    let key = format!(
        "{}{} {}",
        if https { "s" } else { "h" },
        locale.tag(),
        req.uri().path_and_query().map_or("", |p| p.as_str())
    );
    if let Some(entry) = state.pages.get(&key, version) {
        return answer(&entry, req.headers(), true);
    }
    let headers = req.headers().clone();
    req.headers_mut().remove(header::ACCEPT_ENCODING);
    let res = next.run(req).await;
    if !keepable(&res) {
        return res;
    }
    let (parts, body) = res.into_parts();
    let plain = match axum::body::to_bytes(body, usize::MAX).await {
        Ok(b) => b,
        Err(e) => {
            tracing::error!(error = %e, "rendering a page failed");
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
    };
    match entry_of(&parts, plain.clone(), version) {
        Some(entry) => {
            let entry = Arc::new(entry);
            state.pages.put(key, entry.clone());
            answer(&entry, &headers, false)
        }
        // Not shared (a form's one-time key): as rendered, compressed if the browser takes it.
        None => {
            let coded = if accepts(&headers, "br") {
                brotli4(&plain).map(|b| (b, "br"))
            } else if accepts(&headers, "gzip") {
                gzip(&plain).map(|b| (b, "gzip"))
            } else {
                None
            };
            let mut res = Response::from_parts(parts, Body::from(plain));
            if let Some((body, coding)) = coded {
                *res.body_mut() = Body::from(body);
                let h = res.headers_mut();
                h.remove(header::CONTENT_LENGTH);
                h.insert(header::CONTENT_ENCODING, HeaderValue::from_static(coding));
                h.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
            }
            res
        }
    }
}

/// Brotli at level 4: a third of gzip's time for a smaller page than gzip's.
fn brotli4(plain: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(plain.len() / 4);
    // A window no larger than the page: the default (4 MB) makes every call allocate and clear
    // tables sized for it, which costs more than compressing a page does.
    let window = plain
        .len()
        .max(1 << 10)
        .next_power_of_two()
        .trailing_zeros() as i32;
    let params = brotli::enc::BrotliEncoderParams {
        quality: 4,
        lgwin: window.clamp(10, 22),
        size_hint: plain.len(),
        ..Default::default()
    };
    brotli::BrotliCompress(&mut &plain[..], &mut out, &params).ok()?;
    Some(out)
}

fn gzip(plain: &[u8]) -> Option<Vec<u8>> {
    use std::io::Write;
    let mut out = Vec::with_capacity(plain.len() / 3);
    let mut enc = flate2::write::GzEncoder::new(&mut out, flate2::Compression::new(6));
    enc.write_all(plain).ok()?;
    enc.finish().ok()?;
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_accept_encoding_with_weights() {
        let h = |v: &str| {
            let mut m = HeaderMap::new();
            m.insert(header::ACCEPT_ENCODING, HeaderValue::from_str(v).unwrap());
            m
        };
        assert!(accepts(&h("gzip, deflate, br"), "br"));
        assert!(accepts(&h("br;q=0.5, gzip"), "br"));
        assert!(!accepts(&h("br;q=0, gzip"), "br"));
        assert!(accepts(&h("br;q=0, gzip"), "gzip"));
        assert!(!accepts(&h("identity"), "gzip"));
        assert!(!accepts(&HeaderMap::new(), "br"));
    }

    #[test]
    fn lists_only_the_scripts_of_the_render() {
        let html = r#"<head><script type="module" nonce="n1">import('/pkg/a.js')</script>
            <script src="/x.js" nonce="n1"></script></head><body><p>x</p><script>alert(1)</script>
            <script nonce="other">alert(2)</script><script nonce="n1">window.a=1</script></body>"#;
        assert_eq!(
            nonced_scripts(html, "n1"),
            vec!["import('/pkg/a.js')", "window.a=1"]
        );
        let mut h = HeaderMap::new();
        h.insert(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static("script-src 'self' 'nonce-n1' 'wasm-unsafe-eval'"),
        );
        assert_eq!(nonce_of(&h), Some("n1"));
        assert_eq!(nonce_of(&HeaderMap::new()), None);
    }

    #[test]
    fn a_matching_etag_is_fresh() {
        let tag = etag_of(b"page");
        let mut h = HeaderMap::new();
        h.insert(header::IF_NONE_MATCH, tag.clone());
        assert!(fresh(&h, &tag));
        h.insert(header::IF_NONE_MATCH, HeaderValue::from_static("\"other\""));
        assert!(!fresh(&h, &tag));
    }
}
