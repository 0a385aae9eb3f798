//! Staff sign-in and sign-out, and who is signed in.

use crate::domain::{account::StaffUser, form::FormState};
use crate::error::AppError;
use leptos::prelude::*;

/// The signed-in staff member, or `None` for a visitor. Anyone may call it.
#[server(endpoint = "auth/me")]
pub async fn current_staff() -> Result<Option<StaffUser>, AppError> {
    use crate::server::guard;
    let state = guard::state()?;
    guard::current_user(&state).await
}

/// The sign-in form, with the username and problem of a previous attempt when `draft` names one.
/// Anyone may call it; a draft of this form never holds a password.
#[server(endpoint = "auth/login_form")]
pub async fn login_form(draft: Option<String>) -> Result<FormState, AppError> {
    use crate::server::guard;
    let state = guard::state()?;
    Ok(guard::draft(&state, draft, "login")
        .await?
        .unwrap_or_else(|| FormState::new("login")))
}

/// Signs a staff member in: checks the lockout, verifies the password, starts a new session (a
/// fresh id, whatever cookie came in) and goes on to `next`. Failures go back to the form with
/// one message that does not reveal whether the username exists.
#[server(endpoint = "auth/login")]
pub async fn login(username: String, password: String, next: String) -> Result<(), AppError> {
    use crate::domain::form::{safe_return_path, with_query};
    use crate::domain::text::{Problem, FORM};
    use crate::server::{auth, db, db::now_ms, guard};

    let state = guard::state()?;
    let name = username.trim().to_lowercase();
    let next = safe_return_path(next.trim())
        .filter(|p| p.starts_with("/staff"))
        .unwrap_or("/staff")
        .to_string();
    let back = with_query("/staff/login", "next", &next);
    let mut form = FormState::new("login").with("username", username.trim());
    let refuse = |mut form: FormState, field: &str, problem: Problem| {
        form.errors.add(field, problem);
        form
    };
    if name.is_empty() {
        return guard::bounce_inline(&refuse(form, "username", Problem::Required), &back);
    }
    if password.is_empty() {
        return guard::bounce_inline(&refuse(form, "password", Problem::Required), &back);
    }
    if let Some(until) = db::throttle::locked_until(&state.db, &name).await? {
        let minutes = ((until - now_ms()) + 59_999) / 60_000;
        return guard::bounce_inline(&refuse(form, FORM, Problem::LockedOut { minutes }), &back);
    }
    let creds = db::accounts::credentials(&state.db, &name).await?;
    let hash = creds
        .as_ref()
        .map(|c| c.password_hash.clone())
        .unwrap_or_else(|| auth::dummy_hash().to_string());
    let matches = tokio::task::spawn_blocking(move || auth::verify_password(&hash, &password))
        .await
        .map_err(|_| AppError::Internal)?;
    match creds {
        Some(c) if matches && c.disabled == 0 => {
            db::throttle::clear(&state.db, &name).await?;
            let headers = guard::headers();
            if let Some(old) = auth::cookie_token(&headers) {
                db::sessions::delete(&state.db, &auth::token_hash(&old)).await?;
            }
            let token = auth::new_token();
            db::sessions::insert(&state.db, &auth::token_hash(&token), c.id).await?;
            guard::set_cookie(&auth::session_cookie(
                &token,
                state.config.secure_cookies,
                &headers,
            ));
            tracing::info!(account_id = c.id, "signed in");
            leptos_axum::redirect(&next);
            Ok(())
        }
        // The password was right, so telling that the account is disabled reveals nothing to a stranger.
        Some(_) if matches => {
            guard::bounce_inline(&refuse(form, FORM, Problem::AccountDisabled), &back)
        }
        _ => {
            let problem = match db::throttle::record_failure(&state.db, &name).await? {
                Some(_) => Problem::LockedOut {
                    minutes: db::throttle::LOCK_MS / 60_000,
                },
                None => Problem::BadCredentials,
            };
            form.errors.add(FORM, problem);
            guard::bounce_inline(&form, &back)
        }
    }
}

/// Signs out: ends the session on the server and removes the cookie. Anyone may call it.
#[server(endpoint = "auth/logout")]
pub async fn logout() -> Result<(), AppError> {
    use crate::server::{auth, db, guard};
    let state = guard::state()?;
    let headers = guard::headers();
    if let Some(token) = auth::cookie_token(&headers) {
        db::sessions::delete(&state.db, &auth::token_hash(&token)).await?;
    }
    guard::set_cookie(&auth::clear_cookie(state.config.secure_cookies, &headers));
    leptos_axum::redirect("/staff/login");
    Ok(())
}
