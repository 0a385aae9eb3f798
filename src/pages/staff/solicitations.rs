//! `/staff/solicitations`: every solicitation, drafts included, with its phase and opinion count;
//! and `/staff/solicitations/{id}`: one solicitation's facts, draft versions and the actions on it.

use super::may;
use crate::api::solicitations::{staff_get_solicitation, staff_list_solicitations};
use crate::components::{
    feedback::{ErrorView, Notice},
    solicitation::phase_text,
};
use crate::domain::policy::Permission;
use crate::i18n::t;
use crate::pages::{id_param, loading, PageTitle};
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_params_map, use_query_map};

#[component]
pub fn StaffSolicitationsPage() -> impl IntoView {
    let t = t();
    let list = Resource::new(|| (), |_| staff_list_solicitations());
    view! {
        <PageTitle text=t.staff_solicitations/>
        <h1>{t.staff_solicitations}</h1>
        {may(Permission::ManageSolicitations).then(|| view! { <p><a class="button" href="/staff/solicitations/new">{t.sol_new}</a></p> })}
        <Suspense fallback=loading>
            {move || Suspend::new(async move {
                match list.await {
                    Ok((list, _)) if list.is_empty() => view! { <p>{t.sol_staff_empty}</p> }.into_any(),
                    Ok((list, now)) => {
                        view! {
                            <div class="table-wrap">
                                <table class="stack">
                                    <thead><tr>
                                        <th scope="col">{t.sol_field_title}</th>
                                        <th scope="col">{t.sol_field_stage}</th>
                                        <th scope="col">{t.sol_field_status}</th>
                                        <th scope="col">{t.sol_opinions_received}</th>
                                    </tr></thead>
                                    <tbody>
                                        {list.into_iter().map(|s| view! {
                                            <tr>
                                                <td><a href=format!("/staff/solicitations/{}", s.id)>{s.title.clone()}</a></td>
                                                <td data-label=t.sol_field_stage>{(t.stage)(s.stage)}</td>
                                                <td data-label=t.sol_field_status>{(t.sol_status)(s.status)}" · "{phase_text(&s, now)}</td>
                                                <td data-label=t.sol_opinions_received>
                                                    <a href=format!("/staff/opinions?solicitation={}", s.id)>{s.opinion_count}</a>
                                                </td>
                                            </tr>
                                        }).collect_view()}
                                    </tbody>
                                </table>
                            </div>
                        }
                        .into_any()
                    }
                    Err(e) => view! { <ErrorView error=e/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
pub fn StaffSolicitationPage() -> impl IntoView {
    let t = t();
    let params = use_params_map();
    let query = use_query_map();
    let location = use_location();
    let id = move || id_param(params);
    let data = Resource::new(
        move || (id(), location.search.get()),
        |(id, _)| staff_get_solicitation(id),
    );
    let notice = move || {
        query.read().get("done").and_then(|d| match d.as_str() {
            "saved" => Some(t.saved),
            "version" => Some(t.sol_version_saved),
            _ => None,
        })
    };
    view! {
        {move || notice().map(|n| view! { <Notice text=n/> })}
        <Suspense fallback=loading>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(s) => {
                        let id = s.summary.id;
                        let versions = s.versions.iter().map(|v| view! {
                            <li>{v.label.clone()}" · "{v.article_count}{t.draft_articles}" · "{crate::i18n::datetime(v.created_at)}</li>
                        }).collect_view();
                        view! {
                            <PageTitle text=s.summary.title.clone()/>
                            <p class="kind">{(t.stage)(s.summary.stage)}</p>
                            <h1>{s.summary.title.clone()}</h1>
                            <dl class="facts">
                                <dt>{t.sol_field_status}</dt><dd>{(t.sol_status)(s.summary.status)}</dd>
                                <dt>{t.sol_issuer}</dt><dd>{s.summary.issuer.clone()}</dd>
                                <dt>{t.sol_window}</dt><dd>{(t.window)(&s.summary.opens_on(), &s.summary.closes_on())}</dd>
                                <dt>{t.sol_opinions_received}</dt><dd>{s.summary.opinion_count}</dd>
                            </dl>
                            <div class="toolbar">
                                {may(Permission::ManageSolicitations).then(|| view! {
                                    <a class="button secondary" href=format!("/staff/solicitations/{id}/edit")>{t.edit}</a>
                                    <a class="button secondary" href=format!("/staff/solicitations/{id}/draft")>{t.sol_add_version}</a>
                                })}
                                <a class="button secondary" href=format!("/staff/solicitations/{id}/opinions/new")>{t.sol_enter_offline}</a>
                                <a href=format!("/staff/opinions?solicitation={id}")>{t.sol_view_opinions}</a>
                                <a href=format!("/staff/solicitations/{id}/clusters")>{t.mod_clusters}</a>
                                {may(Permission::ReportUpward).then(|| view! { <a href=format!("/staff/solicitations/{id}/reports")>{t.rep_list}</a> })}
                                <a href=format!("/solicitations/{id}")>{t.sol_view_public}</a>
                            </div>
                            <h2>{t.sol_versions}</h2>
                            {if s.versions.is_empty() {
                                view! { <p>{t.sol_no_versions}</p> }.into_any()
                            } else {
                                view! { <ol>{versions}</ol> }.into_any()
                            }}
                        }
                        .into_any()
                    }
                    Err(e) => view! { <ErrorView error=e/> }.into_any(),
                }
            })}
        </Suspense>
    }
}
