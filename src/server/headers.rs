//! Security headers every response gets: a Content-Security-Policy (with the render's nonce on
//! pages, so the hydration scripts run and nothing injected does), `Cache-Control: no-store` and
//! `Referrer-Policy: no-referrer` on private pages (a receipt's private link, the staff area,
//! a form holding what someone typed, server-function answers, anything setting a cookie), and
//! HSTS when the site is reached over https.

use axum::{
    extract::Request,
    http::{header, HeaderValue},
    middleware::Next,
    response::Response,
};
use sha2::{Digest, Sha256};

/// The policy for a page rendered with `nonce` (or, without one, for anything else): scripts only
/// from this site, the render's own inline scripts and the few inline handlers
/// ([`crate::components::scripts`]), wasm compiled from them; styles and everything else from
/// this site; images also from https (pictures in stories); no plugins, no framing, forms only
/// to this site.
pub fn policy(nonce: Option<&str>) -> String {
    with_scripts(&nonce.map(|n| format!(" 'nonce-{n}'")).unwrap_or_default())
}

/// [`policy`] for a page served to many (the page cache), which names the hashes of the page's
/// inline scripts instead of a nonce everyone who fetched the page has seen.
pub fn policy_with_scripts(scripts: &[&str]) -> String {
    let sources: String = scripts.iter().map(|s| hash_source(s)).collect();
    with_scripts(&sources)
}

fn hash_source(script: &str) -> String {
    use base64::Engine;
    let digest = Sha256::digest(script.as_bytes());
    format!(
        " 'sha256-{}'",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}

fn with_scripts(sources: &str) -> String {
    static HANDLERS: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    let handlers = HANDLERS.get_or_init(|| {
        crate::components::scripts::ALL
            .iter()
            .map(|s| hash_source(s))
            .collect()
    });
    format!(
        "default-src 'self'; script-src 'self'{sources} 'wasm-unsafe-eval' 'unsafe-hashes'{handlers}; \
         style-src 'self'; img-src 'self' data: https:; connect-src 'self'; font-src 'self'; \
         object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
    )
}

/// Whether what `path` (with `query`) shows belongs to one person: a receipt or status page, the
/// staff area, a form brought back with what someone typed, or a server function's answer.
pub fn is_private(path: &str, query: &str) -> bool {
    path.starts_with("/track")
        || path == "/staff"
        || path.starts_with("/staff/")
        // Server functions; the open API under /api/v1 is public and may be cached.
        || (path.starts_with("/api/") && !path.starts_with("/api/v1/"))
        || query.split('&').any(|p| p.starts_with("draft="))
}

/// The middleware: adds what is missing of the headers above.
///
/// A file of the browser bundle gets only what applies to it: the policy, framing and referrer
/// rules are read from documents, and a first view fetches a hundred chunks or more, each of
/// which would carry half a kilobyte of them for nothing.
pub async fn secure(req: Request, next: Next) -> Response {
    let private = is_private(req.uri().path(), req.uri().query().unwrap_or(""));
    let https = super::auth::is_https(req.headers());
    let bundle_file = req.uri().path().starts_with("/pkg/");
    let mut res = next.run(req).await;
    let h = res.headers_mut();
    if bundle_file {
        h.entry(header::X_CONTENT_TYPE_OPTIONS)
            .or_insert(HeaderValue::from_static("nosniff"));
        return res;
    }
    let private = private || h.contains_key(header::SET_COOKIE);
    if private {
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
        h.insert(
            header::REFERRER_POLICY,
            HeaderValue::from_static("no-referrer"),
        );
    } else if !h.contains_key(header::REFERRER_POLICY) {
        h.insert(
            header::REFERRER_POLICY,
            HeaderValue::from_static("strict-origin-when-cross-origin"),
        );
    }
    if !h.contains_key(header::CONTENT_SECURITY_POLICY) {
        if let Ok(v) = HeaderValue::from_str(&policy(None)) {
            h.insert(header::CONTENT_SECURITY_POLICY, v);
        }
    }
    if https {
        h.insert(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=31536000"),
        );
    }
    h.entry(header::X_CONTENT_TYPE_OPTIONS)
        .or_insert(HeaderValue::from_static("nosniff"));
    h.entry(header::X_FRAME_OPTIONS)
        .or_insert(HeaderValue::from_static("DENY"));
    res
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn private_pages_are_told_apart() {
        assert!(is_private("/track/YJ-2026-ABCDE", "k=x"));
        assert!(is_private("/track", ""));
        assert!(is_private("/staff", ""));
        assert!(is_private("/staff/opinions/3", ""));
        assert!(is_private("/solicitations/3/opinions/new", "draft=ab"));
        assert!(is_private("/api/opinions/submit", ""));
        assert!(!is_private("/stories", "page=2"));
        assert!(!is_private("/staffing", ""));
        assert!(!is_private("/api/v1/stories", ""));
    }

    #[test]
    fn the_policy_names_the_nonce_and_the_handlers() {
        let p = policy(Some("abc"));
        assert!(p.contains("'nonce-abc'"));
        assert!(p.contains("'wasm-unsafe-eval'"));
        assert_eq!(p.matches("'sha256-").count(), 2);
        assert!(!policy(None).contains("nonce"));
        assert!(!p.contains("unsafe-inline"));
    }
}
