//! Staff accounts, managed by admins: the list, creation, disabling and password resets.

use crate::domain::{
    account::{AccountSummary, StationOption},
    form::FormState,
};
use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// Everything the accounts page shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AccountsData {
    pub me: i64,
    pub accounts: Vec<AccountSummary>,
    pub stations: Vec<StationOption>,
    /// The new-account form (a sent-back draft, or empty).
    pub create: FormState,
    /// A sent-back password reset: its account id is in `values["id"]`.
    pub reset: Option<FormState>,
}

#[cfg(feature = "ssr")]
const PAGE: &str = "/staff/accounts";

/// Whether `password` is too common (zxcvbn), judged off the async workers: it takes a few
/// milliseconds of CPU for a long password.
#[cfg(feature = "ssr")]
async fn common(
    state: &crate::server::state::AppState,
    password: &str,
    known: &[&str],
) -> Result<bool, AppError> {
    let password = password.to_string();
    let known: Vec<String> = known.iter().map(|k| k.to_string()).collect();
    state
        .heavy(move || {
            let known: Vec<&str> = known.iter().map(String::as_str).collect();
            crate::server::auth::password_is_common(&password, &known)
        })
        .await
}

/// The accounts page. Admins only.
#[server(endpoint = "admin/accounts/list")]
pub async fn accounts_page(draft: Option<String>) -> Result<AccountsData, AppError> {
    use crate::domain::policy::Permission;
    use crate::server::{db, guard};
    let (state, me) = guard::staff(Permission::ManageAccounts).await?;
    let create = guard::draft(&state, draft.clone(), "account-create").await?;
    let reset = match create {
        Some(_) => None,
        None => guard::draft(&state, draft, "account-reset").await?,
    };
    Ok(AccountsData {
        me: me.id,
        accounts: db::accounts::list(&state.db).await?,
        stations: db::stations::list_options(&state.db).await?,
        create: create.unwrap_or_else(|| FormState::new("account-create").with("role", "staff")),
        reset,
    })
}

/// Creates a staff or admin account. Admins only; writes an audit entry.
#[server(endpoint = "admin/accounts/create")]
pub async fn create_account(
    username: String,
    display_name: String,
    role: String,
    station_id: String,
    password: String,
) -> Result<(), AppError> {
    use crate::domain::{
        account::{check_password_shape, username_is_valid, Role},
        policy::Permission,
        text::{self, Problem, TextRule},
    };
    use crate::server::{auth, db, guard};

    let mut form = FormState::new("account-create")
        .with("username", &username)
        .with("display_name", &display_name)
        .with("role", &role)
        .with("station_id", &station_id);
    let (state, me) = guard::staff_for_form(Permission::ManageAccounts, &form, PAGE).await?;
    let errors = &mut form.errors;
    let username = username.trim().to_string();
    if username.is_empty() {
        errors.add("username", Problem::Required);
    } else if !username_is_valid(&username) {
        errors.add("username", Problem::UsernameFormat);
    }
    let display_name = text::take(
        errors,
        "display_name",
        &display_name,
        TextRule::line(true, 40),
    );
    let role = Role::from_code(role.trim());
    if role.is_none() {
        errors.add("role", Problem::BadChoice);
    }
    let station_id = match station_id.trim() {
        "" => None,
        s => match s.parse::<i64>() {
            Ok(id) if db::stations::exists(&state.db, id).await? => Some(id),
            _ => {
                errors.add("station_id", Problem::BadChoice);
                None
            }
        },
    };
    check_password_shape("password", &password, errors);
    if errors.get("password").is_none()
        && common(&state, &password, &[&username, &display_name]).await?
    {
        errors.add("password", Problem::PasswordTooCommon);
    }
    let Some(role) = role.filter(|_| errors.is_empty()) else {
        return guard::bounce(&state, &form, PAGE).await;
    };
    let hash = state
        .password_work(move || auth::hash_password(&password))
        .await
        .map_err(|_| guard::fail(AppError::TooManyRequests))?;
    let new = db::accounts::NewAccount {
        username: &username,
        display_name: &display_name,
        password_hash: &hash,
        role,
        station_id,
    };
    match db::accounts::insert(&state.db, &new, Some(me.id)).await? {
        Some(_) => {
            leptos_axum::redirect(&format!("{PAGE}?done=created"));
            Ok(())
        }
        None => {
            form.errors.add("username", Problem::UsernameTaken);
            guard::bounce(&state, &form, PAGE).await
        }
    }
}

/// Disables (`disabled` = "1") or re-enables an account; disabling ends its sessions at once.
/// Admins only, and not on their own account; writes an audit entry.
#[server(endpoint = "admin/accounts/disable")]
pub async fn set_account_disabled(id: String, disabled: String) -> Result<(), AppError> {
    use crate::domain::policy::Permission;
    use crate::server::{db, guard};
    let (state, me) = guard::staff(Permission::ManageAccounts).await?;
    let id = id
        .trim()
        .parse::<i64>()
        .map_err(|_| guard::fail(AppError::BadRequest))?;
    if id == me.id {
        return Err(guard::fail(AppError::Forbidden));
    }
    if !db::accounts::set_disabled(&state.db, id, disabled == "1", me.id).await? {
        return Err(guard::fail(AppError::NotFound));
    }
    leptos_axum::redirect(&format!("{PAGE}?done=updated"));
    Ok(())
}

/// Grants (`on` = "1") or revokes the privilege of seeing residents' names and mobile numbers
/// in the detail view, the queue and report exports. Admins only (who hold it anyway); writes an
/// audit entry.
#[server(endpoint = "admin/accounts/personal-data")]
pub async fn set_personal_data(id: String, on: String) -> Result<(), AppError> {
    use crate::domain::policy::Permission;
    use crate::server::{db, db::accounts::Flag, guard};
    let (state, me) = guard::staff(Permission::ManageAccounts).await?;
    let id = id
        .trim()
        .parse::<i64>()
        .map_err(|_| guard::fail(AppError::BadRequest))?;
    if !db::accounts::set_flag(&state.db, id, Flag::PersonalData, on == "1", me.id).await? {
        return Err(guard::fail(AppError::NotFound));
    }
    leptos_axum::redirect(&format!("{PAGE}?done=updated"));
    Ok(())
}

/// Sets a new password on an account, ends its sessions and lifts any lockout. Admins only;
/// writes an audit entry.
#[server(endpoint = "admin/accounts/reset")]
pub async fn reset_account_password(id: String, password: String) -> Result<(), AppError> {
    use crate::domain::{account::check_password_shape, policy::Permission, text::Problem};
    use crate::server::{auth, db, guard};
    let mut form = FormState::new("account-reset").with("id", &id);
    let (state, me) = guard::staff_for_form(Permission::ManageAccounts, &form, PAGE).await?;
    let id = id
        .trim()
        .parse::<i64>()
        .map_err(|_| guard::fail(AppError::BadRequest))?;
    let Some(username) = db::accounts::username(&state.db, id).await? else {
        return Err(guard::fail(AppError::NotFound));
    };
    check_password_shape("password", &password, &mut form.errors);
    if form.errors.is_empty() && common(&state, &password, &[&username]).await? {
        form.errors.add("password", Problem::PasswordTooCommon);
    }
    if !form.errors.is_empty() {
        return guard::bounce(&state, &form, PAGE).await;
    }
    let hash = state
        .password_work(move || auth::hash_password(&password))
        .await
        .map_err(|_| guard::fail(AppError::TooManyRequests))?;
    db::accounts::set_password(&state.db, id, &hash, Some(me.id)).await?;
    leptos_axum::redirect(&format!("{PAGE}?done=reset"));
    Ok(())
}
