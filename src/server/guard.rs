//! What every server function does first and last: find the state, authorize the caller, send
//! a submission back to its form (keeping what was typed), and give errors their HTTP status.

use super::{auth, db, state::AppState};
use crate::domain::{
    account::StaffUser,
    form::{with_query, FormState},
    policy::{allows, Permission},
};
use crate::error::AppError;
use http::{request::Parts, Method, StatusCode};
use leptos::prelude::*;
use leptos_axum::ResponseOptions;

/// The application state, provided as context by the router.
pub fn state() -> Result<AppState, AppError> {
    use_context::<AppState>().ok_or_else(|| {
        tracing::error!("AppState missing from context");
        AppError::Internal
    })
}

fn parts() -> Option<Parts> {
    use_context::<Parts>()
}

/// Whether this request is a plain HTML form post (JavaScript off), which expects a redirect.
pub fn is_plain_form_post() -> bool {
    parts().is_some_and(|p| {
        p.method == Method::POST
            && p.headers
                .get(http::header::ACCEPT)
                .and_then(|v| v.to_str().ok())
                .is_some_and(|v| v.contains("text/html"))
    })
}

/// Gives `e` its HTTP status and returns it. A plain form post keeps the redirect that the
/// server-function layer makes back to the form, where the error is shown.
pub fn fail(e: AppError) -> AppError {
    if !is_plain_form_post() {
        if let Some(res) = use_context::<ResponseOptions>() {
            res.set_status(
                StatusCode::from_u16(e.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR),
            );
        }
    }
    e
}

/// The signed-in staff member, if the request carries a live session.
pub async fn current_user(state: &AppState) -> Result<Option<StaffUser>, AppError> {
    let Some(token) = parts().and_then(|p| auth::cookie_token(&p.headers)) else {
        return Ok(None);
    };
    Ok(db::sessions::resolve(&state.db, &auth::token_hash(&token)).await?)
}

/// Requires a signed-in staff member holding `permission` (for reads and simple actions).
pub async fn staff(permission: Permission) -> Result<(AppState, StaffUser), AppError> {
    let state = state()?;
    match current_user(&state).await? {
        None => Err(fail(AppError::Unauthenticated { login_url: None })),
        Some(user) if !allows(user.role, permission) => Err(fail(AppError::Forbidden)),
        Some(user) => Ok((state, user)),
    }
}

/// As [`staff`], for a form submission: when the person's session has ended, what was typed is
/// kept and they are sent to sign in and then back to the form with it. A post that carries no
/// session this server issued stores nothing.
pub async fn staff_for_form(
    permission: Permission,
    form: &FormState,
    return_to: &str,
) -> Result<(AppState, StaffUser), AppError> {
    let state = state()?;
    match current_user(&state).await? {
        None => {
            let had_session = match parts().and_then(|p| auth::cookie_token(&p.headers)) {
                Some(t) => db::sessions::known(&state.db, &auth::token_hash(&t)).await?,
                None => false,
            };
            let back = if had_session {
                with_query(return_to, "draft", &keep(&state, form).await?)
            } else {
                return_to.to_string()
            };
            let login_url = with_query("/staff/login", "next", &back);
            if is_plain_form_post() {
                leptos_axum::redirect(&login_url);
            }
            Err(fail(AppError::Unauthenticated {
                login_url: Some(login_url),
            }))
        }
        Some(user) if !allows(user.role, permission) => Err(fail(AppError::Forbidden)),
        Some(user) => Ok((state, user)),
    }
}

async fn keep(state: &AppState, form: &FormState) -> Result<String, AppError> {
    let token = auth::new_token();
    db::drafts::put(&state.db, &token, form).await?;
    Ok(token)
}

/// Sends a submission back to its form at `return_to`, with its values and problems kept under a
/// draft token in the URL. Works the same with JavaScript (client-side navigation) and without.
pub async fn bounce(state: &AppState, form: &FormState, return_to: &str) -> Result<(), AppError> {
    let token = keep(state, form).await?;
    leptos_axum::redirect(&with_query(return_to, "draft", &token));
    Ok(())
}

/// Prefix of a draft carried in the URL itself rather than stored.
const INLINE: &str = "i:";

/// Sends a small public form (sign-in) back with its values and problems in the URL itself, so
/// that a stranger's failed attempts write nothing to the database. Values are cut to 64
/// characters; such a form never carries a password.
pub fn bounce_inline(form: &FormState, return_to: &str) -> Result<(), AppError> {
    let mut small = form.clone();
    for v in small.values.values_mut() {
        *v = v.chars().take(64).collect();
    }
    let json = serde_json::to_string(&small).map_err(|_| AppError::Internal)?;
    leptos_axum::redirect(&with_query(return_to, "draft", &format!("{INLINE}{json}")));
    Ok(())
}

/// The draft of `form` under `token` (stored, or carried inline), if given and still valid.
pub async fn draft(
    state: &AppState,
    token: Option<String>,
    form: &str,
) -> Result<Option<FormState>, AppError> {
    let Some(token) = token else { return Ok(None) };
    if let Some(json) = token.strip_prefix(INLINE) {
        return Ok(serde_json::from_str::<FormState>(json)
            .ok()
            .filter(|f| f.form == form));
    }
    if token.len() == 64 && token.chars().all(|c| c.is_ascii_hexdigit()) {
        Ok(db::drafts::get(&state.db, &token, form).await?)
    } else {
        Ok(None)
    }
}

/// The request's headers (empty outside a request).
pub fn headers() -> http::HeaderMap {
    parts().map(|p| p.headers).unwrap_or_default()
}

/// Adds a `Set-Cookie` header to the response.
pub fn set_cookie(value: &str) {
    if let (Some(res), Ok(v)) = (
        use_context::<ResponseOptions>(),
        http::HeaderValue::from_str(value),
    ) {
        res.append_header(http::header::SET_COOKIE, v);
    }
}

/// The client's address: from the configured header of a trusted reverse proxy, else the
/// connection's own. Used only to limit how often one address may submit.
pub fn client_addr(state: &AppState) -> String {
    let Some(p) = parts() else {
        return "unknown".into();
    };
    if let Some(h) = &state.config.client_ip_header {
        if let Some(v) = p.headers.get(h).and_then(|v| v.to_str().ok()) {
            // X-Forwarded-For lists the hops; the proxy appends the client it saw last.
            if let Some(last) = v.rsplit(',').map(str::trim).find(|s| !s.is_empty()) {
                return last.to_string();
            }
        }
    }
    p.extensions
        .get::<axum::extract::ConnectInfo<std::net::SocketAddr>>()
        .map(|c| c.0.ip().to_string())
        .unwrap_or_else(|| "unknown".into())
}

/// A rate-limit bucket for `what` from the client's address; the address itself is not stored.
pub fn client_bucket(state: &AppState, what: &str) -> String {
    format!("{what}:{}", &auth::token_hash(&client_addr(state))[..32])
}

/// A number given to each HTTP request as it arrives (see the router), so that work that must
/// happen once per request can tell repeats apart.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RequestId(pub u64);

/// The next request number.
pub fn next_request_id() -> RequestId {
    static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
    RequestId(NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed))
}

/// True the first time `key` is named while serving this request; false outside a request.
/// Rendering a page may call a server function more than once (a suspense renders its children
/// again when an outer resource resolves), so a side effect that must happen once per request,
/// like the audit entry for viewing contact details, asks this first. Only the last few thousand
/// (request, key) pairs are remembered: enough for requests in flight.
pub fn once(key: &str) -> bool {
    // No request in context: a render that was abandoned (its owner disposed) while this call was
    // in flight; the render that is sent has its own call.
    let Some(id) = parts().and_then(|p| p.extensions.get::<RequestId>().copied()) else {
        return false;
    };
    static SEEN: std::sync::Mutex<std::collections::VecDeque<(u64, String)>> =
        std::sync::Mutex::new(std::collections::VecDeque::new());
    let Ok(mut seen) = SEEN.lock() else {
        return true;
    };
    if seen.iter().any(|(i, k)| *i == id.0 && k == key) {
        return false;
    }
    if seen.len() >= 4096 {
        seen.pop_front();
    }
    seen.push_back((id.0, key.to_string()));
    true
}

/// Whether `user` may act on what belongs to `station`: staff of a station act on their own
/// station's sessions, deputies and opinions; district staff and admins on all.
pub fn in_scope(user: &StaffUser, station: Option<i64>) -> bool {
    let scope = crate::server::db::moderation::Scope::of(user);
    scope.station.is_none() || scope.station == station
}

/// The stations `user` may choose in a form: their own only, if they belong to one.
pub async fn station_choices(
    state: &AppState,
    user: &StaffUser,
) -> Result<Vec<crate::domain::account::StationOption>, AppError> {
    Ok(db::stations::list_options(&state.db)
        .await?
        .into_iter()
        .filter(|s| in_scope(user, Some(s.id)))
        .collect())
}
