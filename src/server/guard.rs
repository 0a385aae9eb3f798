//! What every server function does first and last: find the state, authorize the caller, send
//! a submission back to its form (keeping what was typed), and give errors their HTTP status.

use super::{auth, db, state::AppState};
use crate::domain::{
    account::StaffUser,
    form::{with_query, Editing, FormState},
    policy::{permits, Permission},
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
        Some(user) if !permits(&user, permission) => Err(fail(AppError::Forbidden)),
        Some(user) => Ok((state, user)),
    }
}

/// As [`staff`], for a form submission: when the person's session has ended, what was typed is
/// kept and they are sent to sign in and then back to the form with it. Only a session cookie
/// this deployment issued (its signature says so, even when the session's row is long purged)
/// gets its post kept; a stranger's post stores nothing.
pub async fn staff_for_form(
    permission: Permission,
    form: &FormState,
    return_to: &str,
) -> Result<(AppState, StaffUser), AppError> {
    let state = state()?;
    match current_user(&state).await? {
        None => {
            let had_session = match parts().and_then(|p| auth::cookie_token(&p.headers)) {
                Some(t) if auth::issued_here(&state.keys, &t) => true,
                Some(t) => db::sessions::known(&state.db, &auth::token_hash(&t)).await?,
                None => false,
            };
            let back = match had_session {
                // No live session: charged to a budget of its own, roomy enough for a whole
                // draft statute, so that even a stolen old cookie cannot store without bound.
                true => match keep(&state, form, true).await? {
                    Some(token) => with_query(return_to, "draft", &token),
                    None => return_to.to_string(),
                },
                false => return_to.to_string(),
            };
            let login_url = with_query("/staff/login", "next", &back);
            if is_plain_form_post() {
                leptos_axum::redirect(&login_url);
            }
            Err(fail(AppError::Unauthenticated {
                login_url: Some(login_url),
            }))
        }
        Some(user) if !permits(&user, permission) => Err(fail(AppError::Forbidden)),
        Some(user) => Ok((state, user)),
    }
}

/// This browser's form cookie, made and set on the response when it has none yet.
fn form_owner(state: &AppState) -> String {
    let headers = headers();
    if let Some(v) = auth::cookie_value(&headers, auth::FORM_COOKIE)
        .filter(|v| v.len() == 32 && v.bytes().all(|b| b.is_ascii_hexdigit()))
    {
        return v;
    }
    let v = auth::new_token()[..32].to_string();
    set_cookie(&auth::form_cookie(
        &v,
        state.config.secure_cookies,
        &headers,
    ));
    v
}

/// Keeps what may be kept of `form` for this browser and returns its token. A public form pays
/// out of the public hourly budgets first, and a staff post without a live session (`ended`) out
/// of a larger one of its own; `None` when the budget is spent and nothing was written.
async fn keep(state: &AppState, form: &FormState, ended: bool) -> Result<Option<String>, AppError> {
    /// What one address may keep per hour of staff forms posted on an ended session.
    const ENDED_SESSION_BYTES_PER_HOUR: i64 = 16 * 1024 * 1024;
    let kept = form.kept();
    let budget = if kept.is_public() {
        Some(db::drafts::Budget {
            address_bucket: client_bucket(state, "draft-bytes"),
            per_address: state.config.draft_bytes_per_hour,
            total: Some(state.config.draft_bytes_total_per_hour),
        })
    } else if ended {
        Some(db::drafts::Budget {
            address_bucket: client_bucket(state, "staff-draft-bytes"),
            per_address: ENDED_SESSION_BYTES_PER_HOUR,
            total: None,
        })
    } else {
        None
    };
    let owner = form_owner(state);
    let token = auth::new_token();
    let stored = db::drafts::put(
        &state.db,
        &auth::token_hash(&token),
        &auth::token_hash(&owner),
        &kept,
        budget.as_ref(),
    )
    .await?;
    if !stored {
        tracing::warn!(form = %kept.form, "draft budget spent; a sent-back form was not kept");
    }
    Ok(stored.then_some(token))
}

/// Sends a submission back to its form at `return_to`, with its values and problems kept under a
/// draft token in the URL. Works the same with JavaScript (client-side navigation) and without.
/// When a public form's budget is spent, the problems still come back (signed, in the URL), with
/// a word that what was typed could not be kept.
pub async fn bounce(state: &AppState, form: &FormState, return_to: &str) -> Result<(), AppError> {
    let draft = match keep(state, form, false).await? {
        Some(token) => token,
        None => {
            let mut problems = FormState::new(&form.form);
            problems.errors = form.errors.clone();
            problems.errors.add(
                crate::domain::text::FORM,
                crate::domain::text::Problem::DraftNotKept,
            );
            signed(state, &problems)?
        }
    };
    leptos_axum::redirect(&with_query(return_to, "draft", &draft));
    Ok(())
}

/// Prefix of a draft carried, signed, in the URL itself rather than stored.
const SIGNED: &str = "s:";
/// How long a signed draft in a URL is honoured.
const SIGNED_TTL_MS: i64 = 10 * 60 * 1000;

/// `form` as a signed draft for a URL: `s:{expiry}:{tag}:{json}`, for this browser only (the tag
/// covers the hash of its form cookie). Only this server can make one, and it shows only in the
/// browser that posted the form, so a link cannot put values or problems of anyone else's choosing
/// into someone's form.
fn signed(state: &AppState, form: &FormState) -> Result<String, AppError> {
    let json = serde_json::to_string(form).map_err(|_| AppError::Internal)?;
    let exp = db::now_ms() + SIGNED_TTL_MS;
    let owner = auth::token_hash(&form_owner(state));
    let tag = state.keys.sign("draft", &format!("{exp}:{owner}:{json}"));
    Ok(format!("{SIGNED}{exp}:{tag}:{json}"))
}

/// The form in a signed draft, if its tag is this server's for this browser and it has not
/// expired.
fn unsigned(state: &AppState, draft: &str) -> Option<FormState> {
    let rest = draft.strip_prefix(SIGNED)?;
    let mut parts = rest.splitn(3, ':');
    let (exp, tag, json) = (parts.next()?, parts.next()?, parts.next()?);
    let owner = auth::token_hash(&auth::cookie_value(&headers(), auth::FORM_COOKIE)?);
    let ok = state
        .keys
        .verify("draft", &format!("{exp}:{owner}:{json}"), tag)
        && exp.parse::<i64>().ok()? >= db::now_ms();
    ok.then(|| serde_json::from_str(json).ok()).flatten()
}

/// Sends a small public form (sign-in) back with its values and problems in the URL itself,
/// signed for this browser, so that a stranger's failed attempts write nothing to the database.
/// Only the visible fields are kept, within their limits; such a form never carries a password.
pub fn bounce_inline(state: &AppState, form: &FormState, return_to: &str) -> Result<(), AppError> {
    let draft = signed(state, &form.kept())?;
    leptos_axum::redirect(&with_query(return_to, "draft", &draft));
    Ok(())
}

/// The draft of `form` under `token` (stored for this browser, or signed in the URL), if given
/// and still valid.
pub async fn draft(
    state: &AppState,
    token: Option<String>,
    form: &str,
) -> Result<Option<FormState>, AppError> {
    let Some(token) = token else { return Ok(None) };
    if token.starts_with(SIGNED) {
        return Ok(unsigned(state, &token).filter(|f| f.form == form));
    }
    let owner = auth::cookie_value(&headers(), auth::FORM_COOKIE);
    match owner {
        Some(owner) if token.len() == 64 && token.bytes().all(|b| b.is_ascii_hexdigit()) => {
            Ok(db::drafts::get(
                &state.db,
                &auth::token_hash(&token),
                &auth::token_hash(&owner),
                form,
            )
            .await?)
        }
        _ => Ok(None),
    }
}

/// What the editor of record `id` (none for a new one) opens with: the sent-back draft `token`
/// names, with the version of the record that person began from; else `fresh()` (the record as
/// stored, or a new one) with `version`, the stored record's `updated_at`.
pub async fn editing(
    state: &AppState,
    token: Option<String>,
    form: &str,
    id: Option<i64>,
    version: Option<i64>,
    fresh: impl FnOnce() -> FormState,
) -> Result<Editing, AppError> {
    let (state, version) = match draft(state, token, form).await? {
        Some(d) => {
            let began = d.values.get("version").and_then(|v| v.parse().ok());
            (d, began.or(version))
        }
        None => (fresh(), version),
    };
    Ok(Editing { id, version, state })
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
/// connection's own; an IPv6 address counts as its /64 network (one subscriber's). Used only to
/// limit how often one client may do something.
pub fn client_addr(state: &AppState) -> String {
    match parts() {
        Some(p) => client_addr_of(&state.config, &p.headers, &p.extensions),
        None => "unknown".into(),
    }
}

/// [`client_addr`] of a request's headers and extensions, for handlers outside the app.
pub fn client_addr_of(
    config: &super::config::Config,
    headers: &http::HeaderMap,
    extensions: &http::Extensions,
) -> String {
    if let Some(h) = &config.client_ip_header {
        if let Some(v) = headers.get(h).and_then(|v| v.to_str().ok()) {
            // X-Forwarded-For lists the hops; the proxy appends the client it saw last.
            if let Some(last) = v.rsplit(',').map(str::trim).find(|s| !s.is_empty()) {
                return network_of(last);
            }
        }
    }
    extensions
        .get::<axum::extract::ConnectInfo<std::net::SocketAddr>>()
        .map(|c| network_of(&c.0.ip().to_string()))
        .unwrap_or_else(|| "unknown".into())
}

/// What one client is counted as: an IPv4 address itself, an IPv6 address its /64 (a subscriber
/// is given a whole /64 and can pick any address in it), anything else as it is.
pub fn network_of(addr: &str) -> String {
    use std::net::IpAddr;
    match addr.parse::<IpAddr>() {
        Ok(IpAddr::V6(v6)) => match v6.to_ipv4_mapped() {
            Some(v4) => v4.to_string(),
            None => {
                let s = v6.segments();
                format!("{:x}:{:x}:{:x}:{:x}::/64", s[0], s[1], s[2], s[3])
            }
        },
        Ok(ip) => ip.to_string(),
        Err(_) => addr.to_string(),
    }
}

/// A rate-limit bucket for `what` from the client: keyed by the deployment's keyed hash of the
/// address (a plain hash of an IPv4 address could be reversed by trying them all), which is
/// never stored itself.
pub fn client_bucket(state: &AppState, what: &str) -> String {
    format!("{what}:{}", state.keys.sign("addr", &client_addr(state)))
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

/// The station a new record of `user`'s starts with, as a form value: their own, or none for
/// staff of the whole district.
pub fn own_station(user: &StaffUser) -> String {
    db::moderation::Scope::of(user)
        .station
        .map(|s| s.to_string())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::network_of;

    #[test]
    fn ipv6_clients_count_by_their_64() {
        assert_eq!(network_of("203.0.113.9"), "203.0.113.9");
        assert_eq!(network_of("2001:db8:1:2:aaaa::1"), "2001:db8:1:2::/64");
        assert_eq!(
            network_of("2001:db8:1:2:ffff:ffff:ffff:ffff"),
            network_of("2001:db8:1:2::9")
        );
        assert_ne!(network_of("2001:db8:1:3::1"), network_of("2001:db8:1:2::1"));
        assert_eq!(network_of("::ffff:198.51.100.7"), "198.51.100.7");
        assert_eq!(network_of("unknown"), "unknown");
    }
}
