//! `/staff/audit`: the audit log for admins, newest first, filtered by actor, action, record and
//! date, a page of 100 at a time.

use crate::api::audit::{audit_log, AuditData};
use crate::components::feedback::ErrorView;
use crate::domain::audit::AuditFilter;
use crate::i18n::{audit_action, t};
use crate::pages::{loading, PageTitle};
use leptos::prelude::*;
use leptos_router::hooks::use_location;

/// Where an entry's record can be opened, if it has a page.
fn record_href(kind: &str, id: i64) -> Option<String> {
    match kind {
        "opinion" => Some(format!("/staff/opinions/{id}")),
        "report" => Some(format!("/staff/reports/{id}")),
        "solicitation" => Some(format!("/staff/solicitations/{id}")),
        "story" => Some(format!("/staff/stories/{id}")),
        _ => None,
    }
}

#[component]
fn AuditView(d: AuditData) -> impl IntoView {
    let t = t();
    let f = d.filter.clone();
    let actor = f.actor.map(|a| a.to_string()).unwrap_or_default();
    let action = f.action.clone().unwrap_or_default();
    let next = d.page.next_before.map(|b| {
        AuditFilter {
            before: Some(b),
            ..f.clone()
        }
        .href()
    });
    let first = f.before.map(|_| {
        AuditFilter {
            before: None,
            ..f.clone()
        }
        .href()
    });
    let rows = d
        .page
        .entries
        .iter()
        .map(|e| {
            let record = match e.record_id {
                Some(id) => {
                    let label = format!("{} #{id}", e.record_type);
                    match record_href(&e.record_type, id) {
                        Some(h) => view! { <a href=h>{label}</a> }.into_any(),
                        None => view! { <span>{label}</span> }.into_any(),
                    }
                }
                None => view! { <span>{e.record_type.clone()}</span> }.into_any(),
            };
            view! {
                <tr>
                    <td>{crate::i18n::datetime(e.at)}</td>
                    <td data-label=t.audit_actor>{match &e.actor {
                        Some((name, user)) => format!("{name}{}", (crate::i18n::t().paren)(user)),
                        None => t.audit_system.to_string(),
                    }}</td>
                    <td data-label=t.audit_action>{audit_action(&e.action)}</td>
                    <td data-label=t.audit_record>{record}</td>
                    <td data-label=t.audit_detail>{e.detail.clone()}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <p class="hint">{t.audit_lead}</p>
        <form method="get" action="/staff/audit" class="filters">
            <div class="filter">
                <label for="q-actor">{t.audit_actor}</label>
                <select id="q-actor" name="actor">
                    <option value="">{t.audit_all}</option>
                    {d.actors.iter().map(|(id, name, user)| {
                        let v = id.to_string();
                        let selected = v == actor;
                        view! { <option value=v selected=selected>{format!("{name}{}", (crate::i18n::t().paren)(user))}</option> }
                    }).collect_view()}
                </select>
            </div>
            <div class="filter">
                <label for="q-action">{t.audit_action}</label>
                <select id="q-action" name="action">
                    <option value="">{t.audit_all}</option>
                    {d.actions.iter().map(|a| {
                        let selected = *a == action;
                        view! { <option value=a.clone() selected=selected>{audit_action(a)}</option> }
                    }).collect_view()}
                </select>
            </div>
            <div class="filter">
                <label for="q-record">{t.audit_record_type}</label>
                <select id="q-record" name="record">
                    <option value="">{t.audit_all}</option>
                    {["opinion", "report", "solicitation", "story", "account", "draft", "session"].into_iter().map(|k| {
                        let selected = f.record_type.as_deref() == Some(k);
                        view! { <option value=k selected=selected>{k}</option> }
                    }).collect_view()}
                </select>
            </div>
            <div class="filter">
                <label for="q-record-id">{t.audit_record_id}</label>
                <input type="number" min="1" id="q-record-id" name="record_id" value=f.record_id.map(|v| v.to_string()).unwrap_or_default()/>
            </div>
            <div class="filter">
                <label for="q-from">{t.mod_from}</label>
                <input type="date" id="q-from" name="from" value=f.from.clone().unwrap_or_default()/>
            </div>
            <div class="filter">
                <label for="q-to">{t.mod_to}</label>
                <input type="date" id="q-to" name="to" value=f.to.clone().unwrap_or_default()/>
            </div>
            <div class="buttons">
                <button type="submit" class="secondary">{t.filter_apply}</button>
                <a href="/staff/audit">{t.mod_clear}</a>
            </div>
        </form>
        {if d.page.entries.is_empty() {
            view! { <p>{t.audit_empty}</p> }.into_any()
        } else {
            view! {
                <div class="table-wrap">
                    <table class="stack">
                        <thead><tr>
                            <th scope="col">{t.audit_at}</th>
                            <th scope="col">{t.audit_actor}</th>
                            <th scope="col">{t.audit_action}</th>
                            <th scope="col">{t.audit_record}</th>
                            <th scope="col">{t.audit_detail}</th>
                        </tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            }.into_any()
        }}
        <nav class="pager" aria-label=t.pager_label>
            {first.map(|h| view! { <a href=h>{t.mod_first}</a> })}
            {next.map(|h| view! { <a href=h rel="next">{t.mod_next}</a> })}
        </nav>
    }
}

#[component]
pub fn AuditPageView() -> impl IntoView {
    let t = t();
    let location = use_location();
    let data = Resource::new(
        // The server reads the filters from the query string itself.
        move || location.search.get(),
        audit_log,
    );
    view! {
        <PageTitle text=t.audit_title/>
        <h1>{t.audit_title}</h1>
        <Suspense fallback=loading>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(d) => view! { <AuditView d/> }.into_any(),
                    Err(e) => view! { <ErrorView error=e/> }.into_any(),
                }
            })}
        </Suspense>
    }
}
