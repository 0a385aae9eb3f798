//! The open API (`/api/v1/…`): what the public pages show, as JSON, for anyone to reuse without
//! an account. Read-only; never a name or a way to reach anyone, never anything unpublished
//! (each handler reads through the same visibility rules as the pages).
//!
//! The OpenAPI 3.1 document at `/api/v1/openapi.json` is generated: each route is registered
//! with its `#[utoipa::path]` description through `utoipa_axum`'s router (a route cannot be
//! served without being documented), and the response schemas are derived from the very types
//! the handlers serialize ([`model`]).
//!
//! Every answer carries a weak `ETag` (a hash of its body; `If-None-Match` gets 304),
//! `Cache-Control: public, max-age=60` and CORS headers for GET from any site. Each client
//! address may make `MINYI_API_PER_MINUTE` requests a minute (a burst of as many, refilled
//! evenly); past that it gets 429 with a JSON body and `Retry-After`. Lists are paged by an
//! opaque cursor (`next`, passed back as `after`); ids are the site's own and never change.

pub mod model;
mod routes;

use super::state::AppState;
use crate::i18n::Locale;
use axum::{
    body::Body,
    extract::{FromRequestParts, Request, State},
    http::{header, request::Parts, HeaderValue, Method, StatusCode},
    middleware::{self, Next},
    response::{IntoResponse, Response},
    Json, Router,
};
use model::ApiError;
use std::sync::Arc;
use utoipa::{IntoParams, OpenApi};

/// The most items a page holds.
pub const MAX_LIMIT: usize = 100;
/// Items a page holds when `limit` is not given.
pub const DEFAULT_LIMIT: usize = 20;

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Minyi open API",
        version = "1",
        description = "Read-only access to what the public pages of Minyi show: calls for \
            opinions with their versions and article trees, published opinions (never names or \
            contact data), adoption figures, consultation sessions, deputies with their public \
            meeting summaries, and stories. No account is needed. Lists are paged: pass a \
            page's `next` as `after` for the next one. Errors are JSON with a message in Chinese, \
            or in English with `lang=en` or `Accept-Language: en`."
    ),
    tags(
        (name = "solicitations", description = "Calls for opinions (征求意见), their drafts and published opinions"),
        (name = "statistics", description = "Adoption figures (采纳情况)"),
        (name = "sessions", description = "Consultation sessions (协商活动)"),
        (name = "deputies", description = "Deputies (人大代表) and their public meeting summaries"),
        (name = "stories", description = "Case stories and news (案例报道)")
    )
)]
struct Doc;

/// The routes with their document.
fn parts() -> (Router<AppState>, utoipa::openapi::OpenApi) {
    use utoipa_axum::{router::OpenApiRouter, routes};
    OpenApiRouter::with_openapi(Doc::openapi())
        .routes(routes!(routes::solicitations))
        .routes(routes!(routes::solicitation))
        .routes(routes!(routes::version))
        .routes(routes!(routes::opinions))
        .routes(routes!(routes::statistics))
        .routes(routes!(routes::sessions))
        .routes(routes!(routes::session))
        .routes(routes!(routes::deputies))
        .routes(routes!(routes::deputy))
        .routes(routes!(routes::stories))
        .routes(routes!(routes::story))
        .split_for_parts()
}

/// The OpenAPI document, made once.
pub fn document() -> &'static utoipa::openapi::OpenApi {
    static DOC: std::sync::OnceLock<utoipa::openapi::OpenApi> = std::sync::OnceLock::new();
    DOC.get_or_init(|| parts().1)
}

async fn openapi_json() -> Response {
    static JSON: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    let body = JSON.get_or_init(|| document().to_pretty_json().unwrap_or_default());
    ([(header::CONTENT_TYPE, "application/json")], body.clone()).into_response()
}

/// Any other path under `/api/v1/`.
async fn no_such_path(ask: Ask) -> Failure {
    ask.not_found()
}

/// The API's routes with their layers, for `state`'s limits.
pub fn router(state: &AppState) -> Router<AppState> {
    use tower_http::cors::{Any, CorsLayer};
    let per_minute = std::num::NonZeroU32::new(state.config.api_per_minute.max(1) as u32)
        .unwrap_or(std::num::NonZeroU32::MIN);
    let gate = Gate {
        limiter: Arc::new(governor::RateLimiter::keyed(governor::Quota::per_minute(
            per_minute,
        ))),
        config: state.config.clone(),
        seen: Arc::new(std::sync::atomic::AtomicU64::new(0)),
    };
    let cors = CorsLayer::new()
        .allow_origin(Any)
        .allow_methods([Method::GET, Method::HEAD])
        .allow_headers([header::IF_NONE_MATCH, header::ACCEPT_LANGUAGE])
        .expose_headers([header::ETAG, header::RETRY_AFTER])
        .max_age(std::time::Duration::from_secs(24 * 3600));
    parts()
        .0
        .route("/api/v1/openapi.json", axum::routing::get(openapi_json))
        .route("/api/v1", axum::routing::get(no_such_path))
        .route("/api/v1/", axum::routing::get(no_such_path))
        .route("/api/v1/{*rest}", axum::routing::get(no_such_path))
        .layer(middleware::from_fn(tag))
        .layer(middleware::from_fn_with_state(gate, limit))
        .layer(cors)
}

/// What a request asked: its query and the language of its messages.
pub struct Ask {
    pub lang: Locale,
    query: Result<Vec<(String, String)>, ()>,
}

impl<S: Send + Sync> FromRequestParts<S> for Ask {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        Ok(Ask::of(parts))
    }
}

/// `lang` of the query, else the language the site's pages would be in (the switch's cookie, then
/// `Accept-Language`), else Chinese.
fn locale_of(query: &[(String, String)], headers: &http::HeaderMap) -> Locale {
    query
        .iter()
        .find(|(k, _)| k == "lang")
        .and_then(|(_, v)| Locale::from_tag(v))
        .unwrap_or_else(|| super::locale::of_headers(headers))
}

/// The query parameters `P` documents.
fn names_of<P: IntoParams>() -> Vec<String> {
    P::into_params(|| Some(utoipa::openapi::path::ParameterIn::Query))
        .into_iter()
        .map(|p| p.name)
        .collect()
}

/// Only the language of messages: for endpoints that take nothing else.
#[derive(IntoParams)]
#[into_params(parameter_in = Query)]
#[allow(dead_code)]
pub struct LangOnly {
    /// `en` for messages in English (default Chinese; `Accept-Language` is read too).
    lang: Option<String>,
}

/// A page of a list.
#[derive(IntoParams)]
#[into_params(parameter_in = Query)]
#[allow(dead_code)]
pub struct Paging {
    /// Items per page, 1 to 100 (default 20).
    limit: Option<u32>,
    /// The `next` of the previous page; leave out for the first page.
    after: Option<String>,
    /// `en` for messages in English (default Chinese; `Accept-Language` is read too).
    lang: Option<String>,
}

impl Ask {
    fn of(parts: &Parts) -> Ask {
        let query = axum::extract::Query::<Vec<(String, String)>>::try_from_uri(&parts.uri)
            .map(|q| q.0)
            .map_err(|_| ());
        let lang = locale_of(query.as_deref().unwrap_or(&[]), &parts.headers);
        Ask { lang, query }
    }

    fn fail(
        &self,
        status: StatusCode,
        code: &str,
        message: String,
        parameter: Option<&str>,
    ) -> Failure {
        Failure {
            status,
            body: ApiError {
                code: code.into(),
                message,
                parameter: parameter.map(str::to_string),
                retry_after_seconds: None,
            },
        }
    }

    pub fn not_found(&self) -> Failure {
        self.fail(
            StatusCode::NOT_FOUND,
            "not_found",
            self.lang.api().not_found.into(),
            None,
        )
    }

    /// A database that did not answer: logged, and 503 for the caller.
    pub fn down(&self, e: sqlx::Error) -> Failure {
        tracing::error!("open API: {e}");
        self.fail(
            StatusCode::SERVICE_UNAVAILABLE,
            "unavailable",
            self.lang.api().unavailable.into(),
            None,
        )
    }

    /// The query, refused when it holds a parameter `P` does not document.
    pub fn only<P: IntoParams>(&self) -> Result<&[(String, String)], Failure> {
        let allowed = names_of::<P>();
        let q = self.query.as_deref().map_err(|_| {
            self.fail(
                StatusCode::BAD_REQUEST,
                "bad_parameter",
                (self.lang.api().unknown_parameter)("?", &allowed.join(", ")),
                None,
            )
        })?;
        if let Some((k, _)) = q.iter().find(|(k, _)| !allowed.iter().any(|a| a == k)) {
            return Err(self.fail(
                StatusCode::BAD_REQUEST,
                "unknown_parameter",
                (self.lang.api().unknown_parameter)(k, &allowed.join(", ")),
                Some(k),
            ));
        }
        Ok(q)
    }

    /// The value of query parameter `name` (the first, if given twice).
    pub fn get<'a>(q: &'a [(String, String)], name: &str) -> Option<&'a str> {
        q.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
    }

    /// `limit` and `after` of a list's query.
    pub fn paging(&self, q: &[(String, String)]) -> Result<(usize, Option<i64>), Failure> {
        let limit = match Ask::get(q, "limit") {
            None => DEFAULT_LIMIT,
            Some(v) => match v.trim().parse::<usize>() {
                Ok(n) if (1..=MAX_LIMIT).contains(&n) => n,
                _ => {
                    return Err(self.fail(
                        StatusCode::BAD_REQUEST,
                        "bad_parameter",
                        (self.lang.api().bad_limit)(&clip(v), MAX_LIMIT),
                        Some("limit"),
                    ))
                }
            },
        };
        let after = match Ask::get(q, "after") {
            None => None,
            Some(v) => Some(cursor_id(v).ok_or_else(|| {
                self.fail(
                    StatusCode::BAD_REQUEST,
                    "bad_parameter",
                    self.lang.api().bad_cursor.into(),
                    Some("after"),
                )
            })?),
        };
        Ok((limit, after))
    }

    /// A path segment that must be an id.
    pub fn id(&self, name: &str, given: &str) -> Result<i64, Failure> {
        match given.parse::<i64>() {
            Ok(n) if n > 0 => Ok(n),
            _ => Err(self.fail(
                StatusCode::BAD_REQUEST,
                "bad_parameter",
                (self.lang.api().bad_id)(name, &clip(given)),
                Some(name),
            )),
        }
    }

    /// A query parameter that must be one of `codes`.
    pub fn code<T: Copy>(
        &self,
        name: &str,
        given: &str,
        codes: &[T],
        code: impl Fn(T) -> &'static str,
    ) -> Result<T, Failure> {
        codes
            .iter()
            .copied()
            .find(|c| code(*c) == given)
            .ok_or_else(|| {
                let allowed: Vec<&str> = codes.iter().map(|c| code(*c)).collect();
                self.fail(
                    StatusCode::BAD_REQUEST,
                    "bad_parameter",
                    (self.lang.api().bad_code)(name, &clip(given), &allowed.join(", ")),
                    Some(name),
                )
            })
    }
}

/// What of a bad value a message repeats: at most 40 characters of it.
fn clip(v: &str) -> String {
    crate::domain::text::clip(v, 40)
}

/// The cursor of the page after the item with `id`.
pub fn cursor(id: i64) -> String {
    use base64::Engine;
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(format!("i{id}"))
}

fn cursor_id(c: &str) -> Option<i64> {
    use base64::Engine;
    let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(c.trim())
        .ok()?;
    let s = std::str::from_utf8(&bytes).ok()?;
    s.strip_prefix('i')?.parse::<i64>().ok().filter(|n| *n > 0)
}

/// The first `limit` of `rows` and the cursor after them when more follow (`rows` holds up to
/// `limit + 1`).
pub fn page<T>(mut rows: Vec<T>, limit: usize, id: impl Fn(&T) -> i64) -> (Vec<T>, Option<String>) {
    let next = if rows.len() > limit {
        rows.truncate(limit);
        rows.last().map(|r| cursor(id(r)))
    } else {
        None
    };
    (rows, next)
}

/// An error answer.
pub struct Failure {
    status: StatusCode,
    body: ApiError,
}

impl IntoResponse for Failure {
    fn into_response(self) -> Response {
        let wait = self.body.retry_after_seconds;
        let mut res = (self.status, Json(self.body)).into_response();
        if let Some(secs) = wait {
            res.headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(secs));
        }
        res.headers_mut()
            .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
        res
    }
}

/// The requests each client address may still make.
#[derive(Clone)]
struct Gate {
    limiter: Arc<governor::DefaultKeyedRateLimiter<String>>,
    config: Arc<super::config::Config>,
    /// Requests seen, to forget idle addresses now and then.
    seen: Arc<std::sync::atomic::AtomicU64>,
}

async fn limit(State(gate): State<Gate>, req: Request, next: Next) -> Response {
    use governor::clock::{Clock, DefaultClock};
    use std::sync::atomic::Ordering;
    if req.method() == Method::OPTIONS {
        return next.run(req).await;
    }
    if gate.seen.fetch_add(1, Ordering::Relaxed) % 10_000 == 9_999 {
        gate.limiter.retain_recent();
        gate.limiter.shrink_to_fit();
    }
    let key = super::guard::client_addr_of(&gate.config, req.headers(), req.extensions());
    match gate.limiter.check_key(&key) {
        Ok(()) => next.run(req).await,
        Err(until) => {
            let (parts, _) = req.into_parts();
            let ask = Ask::of(&parts);
            let wait = until.wait_time_from(DefaultClock::default().now());
            let secs = wait.as_secs() + u64::from(wait.subsec_nanos() > 0);
            let mut f = ask.fail(
                StatusCode::TOO_MANY_REQUESTS,
                "rate_limited",
                (ask.lang.api().rate_limited)(secs.max(1)),
                None,
            );
            f.body.retry_after_seconds = Some(secs.max(1));
            f.into_response()
        }
    }
}

/// Adds the `ETag` of a successful answer (and answers 304 to a matching `If-None-Match`), and
/// lets caches keep it for a minute.
async fn tag(req: Request, next: Next) -> Response {
    use base64::Engine;
    use sha2::{Digest, Sha256};
    let known = req.headers().get(header::IF_NONE_MATCH).cloned();
    let res = next.run(req).await;
    if res.status() != StatusCode::OK {
        return res;
    }
    let (mut parts, body) = res.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, 64 << 20).await else {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    let digest = Sha256::digest(&bytes);
    let etag = format!(
        "W/\"{}\"",
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(&digest[..16])
    );
    let h = &mut parts.headers;
    h.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("public, max-age=60"),
    );
    h.insert(header::VARY, HeaderValue::from_static("Accept-Language"));
    if let Ok(v) = HeaderValue::from_str(&etag) {
        h.insert(header::ETAG, v);
    }
    let matches = known
        .as_ref()
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| {
            v.split(',')
                .map(str::trim)
                .any(|t| t == "*" || t.trim_start_matches("W/") == etag.trim_start_matches("W/"))
        });
    if matches {
        h.remove(header::CONTENT_LENGTH);
        parts.status = StatusCode::NOT_MODIFIED;
        return Response::from_parts(parts, Body::empty());
    }
    Response::from_parts(parts, Body::from(bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursors_go_both_ways_and_strangers_are_refused() {
        assert_eq!(cursor_id(&cursor(42)), Some(42));
        assert_eq!(cursor_id("42"), None);
        assert_eq!(cursor_id(""), None);
        assert_eq!(cursor_id(&cursor(-1)), None);
        assert_eq!(cursor_id("%%%"), None);
    }

    #[test]
    fn every_route_is_documented_with_its_parameters() {
        let doc = document();
        let paths: Vec<&String> = doc.paths.paths.keys().collect();
        for p in [
            "/api/v1/solicitations",
            "/api/v1/solicitations/{id}",
            "/api/v1/solicitations/{id}/versions/{version}",
            "/api/v1/solicitations/{id}/opinions",
            "/api/v1/statistics",
            "/api/v1/sessions",
            "/api/v1/sessions/{id}",
            "/api/v1/deputies",
            "/api/v1/deputies/{id}",
            "/api/v1/stories",
            "/api/v1/stories/{id}",
        ] {
            assert!(paths.iter().any(|x| *x == p), "{p} missing from {paths:?}");
        }
        assert_eq!(names_of::<Paging>(), ["limit", "after", "lang"]);
    }

    #[test]
    fn languages_are_read_from_the_query_then_the_header() {
        let mut h = http::HeaderMap::new();
        assert_eq!(locale_of(&[], &h), Locale::ZhCn);
        h.insert(
            header::ACCEPT_LANGUAGE,
            "fr;q=1, en-GB;q=0.8, zh;q=0.5".parse().unwrap(),
        );
        assert_eq!(locale_of(&[], &h), Locale::En);
        let q = vec![("lang".to_string(), "zh-CN".to_string())];
        assert_eq!(locale_of(&q, &h), Locale::ZhCn);
    }
}
