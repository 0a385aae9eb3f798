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

/// Signs a staff member in: checks the throttle, verifies the password, starts a new session (a
/// fresh id, whatever cookie came in) and goes on to `next`. Failures go back to the form with
/// one message that does not reveal whether the username exists. Failures are counted per
/// (username, address) and per address, so a stranger cannot keep the owner out; password
/// checks run a few at a time, so a flood of sign-ins cannot exhaust memory or the workers.
#[server(endpoint = "auth/login")]
pub async fn login(username: String, password: String, next: String) -> Result<(), AppError> {
    use crate::domain::account::{PASSWORD_MAX, USERNAME_MAX};
    use crate::domain::form::{safe_return_path, with_query};
    use crate::domain::text::{Problem, FORM};
    use crate::server::{auth, db, db::now_ms, db::throttle, guard};

    let state = guard::state()?;
    let name: String = username.trim().to_lowercase();
    let next = safe_return_path(next.trim())
        .filter(|p| p.starts_with("/staff"))
        .unwrap_or("/staff")
        .to_string();
    let back = with_query("/staff/login", "next", &next);
    let form = FormState::new("login").with("username", username.trim());
    let refuse = |field: &str, problem: Problem| {
        let mut form = form.clone();
        form.errors.add(field, problem);
        guard::bounce_inline(&state, &form, &back)
    };
    if name.is_empty() {
        return refuse("username", Problem::Required);
    }
    if password.is_empty() {
        return refuse("password", Problem::Required);
    }
    // No account has a longer name or password: such a post is a failure without any work.
    let impossible = name.chars().count() > USERNAME_MAX || password.chars().count() > PASSWORD_MAX;
    let address = guard::client_bucket(&state, "login");
    let buckets = throttle::buckets(&name, &address);
    let wait_until = match throttle::attempt(&state.db, &buckets).await? {
        throttle::Attempt::Refused { until } => {
            let seconds = ((until - now_ms()) + 999) / 1000;
            return refuse(FORM, Problem::SignInWait { seconds });
        }
        throttle::Attempt::Counted { wait_until } => wait_until,
    };
    let creds = match impossible {
        true => None,
        false => db::accounts::credentials(&state.db, &name).await?,
    };
    let hash = creds
        .as_ref()
        .map(|c| c.password_hash.clone())
        .unwrap_or_else(|| auth::dummy_hash().to_string());
    // An overlong password is checked (for equal timing) as a short stand-in, so a queued
    // check never holds megabytes.
    let password = if impossible {
        "x".to_string()
    } else {
        password
    };
    // A few checks at a time; whoever waits too long is told to try again in a moment.
    let Ok(matches) = state
        .password_work(move || auth::verify_password(&hash, &password))
        .await
    else {
        return refuse(FORM, Problem::SignInBusy);
    };
    match creds {
        Some(c) if matches && c.disabled == 0 => {
            throttle::succeeded(&state.db, &buckets).await?;
            let headers = guard::headers();
            if let Some(old) = auth::cookie_token(&headers) {
                db::sessions::delete(&state.db, &auth::token_hash(&old)).await?;
            }
            let token = auth::new_session_token(&state.keys);
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
            throttle::succeeded(&state.db, &buckets).await?;
            refuse(FORM, Problem::AccountDisabled)
        }
        _ => {
            let problem = match wait_until {
                Some(until) => Problem::SignInWait {
                    seconds: ((until - now_ms()) + 999) / 1000,
                },
                None => Problem::BadCredentials,
            };
            refuse(FORM, problem)
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
