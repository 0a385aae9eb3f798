//! Which language a request is answered in: the `lang` cookie a person set with the language
//! switch, else the first language of their browser's `Accept-Language` the site has, else
//! Chinese. The middleware puts the choice on the request (renders and server functions read it
//! there) and runs the rest of the request with it as [`crate::i18n::REQUEST`] (for the
//! handlers outside the app: feeds, downloads, error answers).

use crate::i18n::Locale;
use axum::{
    extract::{Path, Query, Request},
    http::{header, HeaderValue, StatusCode},
    middleware::Next,
    response::{IntoResponse, Response},
};
use std::collections::HashMap;

/// The cookie that remembers the choice.
pub const COOKIE: &str = "lang";

/// The locale `headers` ask for.
pub fn of_headers(headers: &http::HeaderMap) -> Locale {
    chosen(headers)
        .or_else(|| {
            headers
                .get(header::ACCEPT_LANGUAGE)
                .and_then(|v| v.to_str().ok())
                .and_then(Locale::from_accept_language)
        })
        .unwrap_or_default()
}

/// The locale of the `lang` cookie, when there is one the site has.
fn chosen(headers: &http::HeaderMap) -> Option<Locale> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|c| c.trim().split_once('='))
        .find(|(k, _)| *k == COOKIE)
        .and_then(|(_, v)| Locale::from_tag(v))
}

/// The middleware.
pub async fn choose(mut req: Request, next: Next) -> Response {
    let locale = of_headers(req.headers());
    req.extensions_mut().insert(locale);
    let mut res = crate::i18n::REQUEST.scope(locale, next.run(req)).await;
    let h = res.headers_mut();
    let html = h
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    if html {
        h.insert(
            header::CONTENT_LANGUAGE,
            HeaderValue::from_static(locale.tag()),
        );
        // A shared cache must keep each language's page apart.
        h.append(
            header::VARY,
            HeaderValue::from_static("Cookie, Accept-Language"),
        );
    }
    res
}

/// Where the switch sends a person back to: a path on this site, else the home page.
fn back_to(back: Option<&String>) -> String {
    match back {
        Some(b) if b.starts_with('/') && !b.starts_with("//") && !b.contains('\\') => {
            // Not back to the switch itself, and never a header's worth of text.
            if b.starts_with("/lang/") || b.len() > 2000 {
                "/".into()
            } else {
                b.clone()
            }
        }
        _ => "/".into(),
    }
}

/// `/lang/{tag}?back=/path`: remembers the language for a year and returns to the page. A plain
/// link, so it works without JavaScript.
pub async fn switch(
    Path(tag): Path<String>,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    let Some(locale) = Locale::from_tag(&tag) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let cookie = format!(
        "{COOKIE}={}; Path=/; Max-Age=31536000; SameSite=Lax",
        locale.tag()
    );
    let to = back_to(query.get("back"));
    (
        StatusCode::SEE_OTHER,
        [
            (header::LOCATION, to),
            (header::SET_COOKIE, cookie),
            (header::CACHE_CONTROL, "no-store".to_string()),
        ],
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cookie_wins_over_the_browser() {
        let mut h = http::HeaderMap::new();
        assert_eq!(of_headers(&h), Locale::ZhCn);
        h.insert(header::ACCEPT_LANGUAGE, "en-US,en;q=0.9".parse().unwrap());
        assert_eq!(of_headers(&h), Locale::En);
        h.insert(header::COOKIE, "a=b; lang=zh-CN".parse().unwrap());
        assert_eq!(of_headers(&h), Locale::ZhCn);
        h.insert(header::COOKIE, "lang=xx".parse().unwrap());
        assert_eq!(of_headers(&h), Locale::En);
    }

    #[test]
    fn the_switch_only_goes_back_to_this_site() {
        let b = |s: &str| back_to(Some(&s.to_string()));
        assert_eq!(b("/stories?page=2"), "/stories?page=2");
        assert_eq!(b("//evil.example"), "/");
        assert_eq!(b("https://evil.example"), "/");
        assert_eq!(b("/\\evil.example"), "/");
        assert_eq!(back_to(None), "/");
    }
}
