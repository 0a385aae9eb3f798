//! `/staff/accounts`: admins create accounts, disable and re-enable them, and reset passwords.

use crate::api::accounts::{
    accounts_page, AccountsData, CreateAccount, ResetAccountPassword, SetAccountDisabled,
    SetPersonalData,
};
use crate::components::{
    feedback::{ErrorSummary, ErrorView, Notice},
    field::{Control, Field, Select},
};
use crate::domain::account::{AccountSummary, Role, USERNAME_MAX};
use crate::domain::form::FormState;
use crate::i18n::t;
use crate::pages::{loading, PageTitle};
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_query_map};

fn role_label(role: Role) -> &'static str {
    match role {
        Role::Admin => t().role_admin,
        Role::Staff => t().role_staff,
    }
}

#[component]
fn AccountRow(
    account: AccountSummary,
    me: i64,
    reset_draft: Option<FormState>,
    toggle: ServerAction<SetAccountDisabled>,
    grant: ServerAction<SetPersonalData>,
    reset: ServerAction<ResetAccountPassword>,
) -> impl IntoView {
    let t = t();
    let id = account.id.to_string();
    let input_id = format!("reset-{id}");
    let err_id = format!("reset-{id}-error");
    let problem = reset_draft.and_then(|d| d.problem("password"));
    let message = problem.map(|p| (t.problem)(t.new_password, &p));
    let state = if account.disabled {
        t.account_disabled.to_string()
    } else if account.recent_failures > 0 {
        (t.account_failures)(account.recent_failures)
    } else {
        t.account_active.to_string()
    };
    let (toggle_label, flag) = if account.disabled {
        (t.enable, "0")
    } else {
        (t.disable, "1")
    };
    let toggle_id = id.clone();
    let grant_id = id.clone();
    let (grant_label, grant_flag) = if account.personal_data {
        (t.personal_revoke, "0")
    } else {
        (t.personal_grant, "1")
    };
    let personal = if account.role == Role::Admin || account.personal_data {
        t.personal_yes
    } else {
        t.personal_no
    };
    view! {
        <tr>
            <td data-label=t.username>{account.username.clone()}</td>
            <td data-label=t.display_name>{account.display_name.clone()}</td>
            <td data-label=t.role>{role_label(account.role)}</td>
            <td data-label=t.station>
                {account.station_name.clone().unwrap_or_else(|| t.no_station.to_string())}
            </td>
            <td data-label=t.account_state>{state}</td>
            <td data-label=t.personal_data>{personal}</td>
            <td class="row-actions">
                {(account.id != me).then(|| view! {
                    <ActionForm action=toggle attr:class="inline">
                        <input type="hidden" name="id" value=toggle_id/>
                        <input type="hidden" name="disabled" value=flag/>
                        <button type="submit" class="secondary">{toggle_label}</button>
                    </ActionForm>
                })}
                {(account.role == Role::Staff).then(|| view! {
                    <ActionForm action=grant attr:class="inline">
                        <input type="hidden" name="id" value=grant_id/>
                        <input type="hidden" name="on" value=grant_flag/>
                        <button type="submit" class="secondary">{grant_label}</button>
                    </ActionForm>
                })}
                <ActionForm action=reset attr:class="inline reset">
                    <input type="hidden" name="id" value=id.clone()/>
                    <label for=input_id.clone()>{format!("{}{}", t.new_password, (t.paren)(&account.username))}</label>
                    {message.clone().map(|m| view! { <p class="error" id=err_id.clone()>{m}</p> })}
                    <input id=input_id.clone() type="password" name="password" autocomplete="new-password"
                        aria-invalid=message.as_ref().map(|_| "true")
                        aria-describedby=message.as_ref().map(|_| err_id.clone())/>
                    <button type="submit" class="secondary">{t.reset_password}</button>
                </ActionForm>
            </td>
        </tr>
    }
}

#[component]
fn CreateForm(page: AccountsData, action: ServerAction<CreateAccount>) -> impl IntoView {
    let t = t();
    let s = page.create;
    let roles = vec![
        ("staff".to_string(), t.role_staff.to_string()),
        ("admin".to_string(), t.role_admin.to_string()),
    ];
    let stations = std::iter::once((String::new(), t.no_station.to_string()))
        .chain(
            page.stations
                .into_iter()
                .map(|st| (st.id.to_string(), st.name)),
        )
        .collect();
    let labels = vec![
        ("username", t.username),
        ("display_name", t.display_name),
        ("role", t.role),
        ("station_id", t.station),
        ("password", t.initial_password),
    ];
    view! {
        <h2 id="new-account">{t.account_new}</h2>
        <ErrorSummary errors=s.errors.clone() labels/>
        <ActionForm action=action attr:class="form">
            <Field name="username" label=t.username value=s.value("username") problem=s.problem("username")
                max=USERNAME_MAX required=true autocomplete="off"/>
            <Field name="display_name" label=t.display_name value=s.value("display_name")
                problem=s.problem("display_name") max=40 required=true/>
            <Select name="role" label=t.role value=s.value("role") options=roles problem=s.problem("role")/>
            <Select name="station_id" label=t.station value=s.value("station_id") options=stations
                problem=s.problem("station_id")/>
            <Field name="password" label=t.initial_password value="" problem=s.problem("password")
                hint=t.password_hint required=true control=Control::Input("password") autocomplete="new-password"/>
            <button type="submit">{t.create}</button>
        </ActionForm>
    }
}

#[component]
pub fn AccountsPageView() -> impl IntoView {
    let t = t();
    let query = use_query_map();
    let location = use_location();
    let data = Resource::new(
        move || (query.read().get("draft"), location.search.get()),
        |(draft, _)| accounts_page(draft),
    );
    let create = ServerAction::<CreateAccount>::new();
    let toggle = ServerAction::<SetAccountDisabled>::new();
    let grant = ServerAction::<SetPersonalData>::new();
    let reset = ServerAction::<ResetAccountPassword>::new();
    let notice = move || {
        query.read().get("done").and_then(|d| match d.as_str() {
            "created" => Some(t.account_created),
            "updated" => Some(t.account_updated),
            "reset" => Some(t.password_was_reset),
            _ => None,
        })
    };
    view! {
        <PageTitle text=t.staff_accounts/>
        <h1>{t.staff_accounts}</h1>
        <p>{t.accounts_lead}</p>
        {move || notice().map(|n| view! { <Notice text=n/> })}
        <Suspense fallback=loading>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(page) => {
                        let me = page.me;
                        let reset_for = page.reset.clone();
                        let rows = page.accounts.clone().into_iter().map(|a| {
                            let draft = reset_for.clone().filter(|d| d.value("id") == a.id.to_string());
                            view! { <AccountRow account=a me reset_draft=draft toggle grant reset/> }
                        }).collect_view();
                        view! {
                            <div class="table-wrap">
                                <table class="stack">
                                    <thead><tr>
                                        <th scope="col">{t.username}</th>
                                        <th scope="col">{t.display_name}</th>
                                        <th scope="col">{t.role}</th>
                                        <th scope="col">{t.station}</th>
                                        <th scope="col">{t.account_state}</th>
                                        <th scope="col">{t.personal_data}</th>
                                        <th scope="col">{t.actions}</th>
                                    </tr></thead>
                                    <tbody>{rows}</tbody>
                                </table>
                            </div>
                            <CreateForm page action=create/>
                        }
                        .into_any()
                    }
                    Err(e) => view! { <ErrorView error=e/> }.into_any(),
                }
            })}
        </Suspense>
    }
}
