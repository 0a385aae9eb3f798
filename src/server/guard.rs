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

/// As [`staff`], for a form submission: when the session has ended, what was typed is kept and
/// the person is sent to sign in and then back to the form with it.
pub async fn staff_for_form(
    permission: Permission,
    form: &FormState,
    return_to: &str,
) -> Result<(AppState, StaffUser), AppError> {
    let state = state()?;
    match current_user(&state).await? {
        None => {
            let token = keep(&state, form).await?;
            let back = with_query(return_to, "draft", &token);
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

/// The draft of `form` under `token`, if the token is given and still valid.
pub async fn draft(
    state: &AppState,
    token: Option<String>,
    form: &str,
) -> Result<Option<FormState>, AppError> {
    match token.filter(|t| t.len() == 64 && t.chars().all(|c| c.is_ascii_hexdigit())) {
        Some(t) => Ok(db::drafts::get(&state.db, &t, form).await?),
        None => Ok(None),
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
