//! Cross-site request protection: a state-changing request (anything but GET, HEAD or OPTIONS)
//! that a browser marks as coming from another site, or whose `Origin` is not this host, is
//! refused. Requests with neither header come from non-browser clients, which carry no
//! victim's cookies, and pass. The same rule as Go's `http.CrossOriginProtection`.

use axum::{
    body::Body,
    extract::Request,
    http::{header, Method, StatusCode},
    middleware::Next,
    response::{IntoResponse, Response},
};

/// Whether a request with these headers may change state.
pub fn allowed(method: &Method, headers: &http::HeaderMap) -> bool {
    if matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS) {
        return true;
    }
    if let Some(site) = headers.get("sec-fetch-site").and_then(|v| v.to_str().ok()) {
        return matches!(site, "same-origin" | "none");
    }
    match headers.get(header::ORIGIN).and_then(|v| v.to_str().ok()) {
        None => true,
        Some(origin) => {
            let host = headers
                .get(header::HOST)
                .and_then(|v| v.to_str().ok())
                .unwrap_or("");
            let authority = origin.split_once("://").map(|(_, rest)| rest).unwrap_or("");
            !host.is_empty() && authority.eq_ignore_ascii_case(host)
        }
    }
}

/// The middleware: refuses cross-site state changes with 403 and a sentence a person understands.
pub async fn protect(req: Request, next: Next) -> Response {
    if allowed(req.method(), req.headers()) {
        next.run(req).await
    } else {
        tracing::warn!(method = %req.method(), path = %req.uri().path(), "cross-site request refused");
        (
            StatusCode::FORBIDDEN,
            [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
            Body::from(crate::i18n::t().cross_site_refused),
        )
            .into_response()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use http::HeaderMap;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.insert(*k, v.parse().unwrap());
        }
        h
    }

    #[test]
    fn reads_are_always_allowed() {
        assert!(allowed(
            &Method::GET,
            &headers(&[("sec-fetch-site", "cross-site")])
        ));
    }

    #[test]
    fn cross_site_posts_are_refused() {
        assert!(!allowed(
            &Method::POST,
            &headers(&[("sec-fetch-site", "cross-site")])
        ));
        assert!(!allowed(
            &Method::POST,
            &headers(&[("sec-fetch-site", "same-site")])
        ));
        assert!(!allowed(
            &Method::POST,
            &headers(&[
                ("origin", "https://evil.example"),
                ("host", "minyi.example")
            ])
        ));
        assert!(!allowed(
            &Method::POST,
            &headers(&[("origin", "null"), ("host", "minyi.example")])
        ));
    }

    #[test]
    fn same_origin_posts_pass() {
        assert!(allowed(
            &Method::POST,
            &headers(&[("sec-fetch-site", "same-origin")])
        ));
        assert!(allowed(
            &Method::POST,
            &headers(&[
                ("origin", "http://127.0.0.1:3000"),
                ("host", "127.0.0.1:3000")
            ])
        ));
        assert!(allowed(&Method::POST, &headers(&[])));
    }
}
