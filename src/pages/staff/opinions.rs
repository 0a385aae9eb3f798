//! `/staff/opinions`: opinions, newest first, filterable by solicitation and status, with phone
//! numbers masked; and `/staff/opinions/{id}`: one opinion with the full contact details (each
//! view is audited) and, for offline opinions, the slip to print for the resident.

use crate::api::opinions::{staff_get_opinion, staff_list_opinions};
use crate::components::{
    feedback::{ErrorView, Notice},
    opinion::Timeline,
    pager::Pager,
};
use crate::domain::opinion::{Channel, OpinionStatus};
use crate::domain::time::format_date_zh;
use crate::i18n::t;
use crate::pages::{loading, PageTitle};
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

fn list_href(solicitation: Option<i64>, status: Option<&str>, page: i64) -> String {
    let mut q = vec![format!("page={page}")];
    if let Some(s) = solicitation {
        q.push(format!("solicitation={s}"));
    }
    if let Some(s) = status {
        q.push(format!("status={s}"));
    }
    format!("/staff/opinions?{}", q.join("&"))
}

#[component]
pub fn StaffOpinionsPage() -> impl IntoView {
    let t = t();
    let query = use_query_map();
    let filters = move || {
        let q = query.read();
        (
            q.get("page")
                .and_then(|p| p.parse::<i64>().ok())
                .unwrap_or(1)
                .max(1),
            q.get("solicitation").and_then(|s| s.parse::<i64>().ok()),
            q.get("status")
                .filter(|s| OpinionStatus::from_code(s).is_some()),
        )
    };
    let data = Resource::new(filters, |(page, sol, status)| {
        staff_list_opinions(page, sol, status)
    });
    view! {
        <PageTitle text=t.staff_opinions/>
        <h1>{t.staff_opinions}</h1>
        <Suspense fallback=loading>
            {move || Suspend::new(async move {
                let (_, sol, status) = filters();
                match data.await {
                    Ok(d) => {
                        let sol_options = d.solicitations.iter().map(|s| {
                            let selected = Some(s.id) == sol;
                            view! { <option value=s.id.to_string() selected=selected>{s.title.clone()}</option> }
                        }).collect_view();
                        let status_options = OpinionStatus::ALL.iter().map(|st| {
                            let selected = status.as_deref() == Some(st.code());
                            view! { <option value=st.code() selected=selected>{(t.opinion_status)(*st)}</option> }
                        }).collect_view();
                        let rows = d.page.items.iter().map(|o| view! {
                            <tr>
                                <td><a href=format!("/staff/opinions/{}", o.id)>{o.code.clone()}</a></td>
                                <td data-label=t.op_about>{o.solicitation_title.clone()}
                                    {(!o.target_label.is_empty()).then(|| format!(" · {}", o.target_label))}</td>
                                <td data-label=t.op_content>{o.excerpt.clone()}</td>
                                <td data-label=t.op_name>{o.name.clone()}" "<span class="phone">{o.phone_masked.clone()}</span></td>
                                <td data-label=t.op_channel>{(t.channel)(o.channel)}" · "{format_date_zh(&o.received_on)}</td>
                                <td data-label=t.op_status>{(t.opinion_status)(o.status)}</td>
                            </tr>
                        }).collect_view();
                        let status_for_pager = status.clone();
                        view! {
                            <form method="get" action="/staff/opinions" class="toolbar">
                                <label for="f-solicitation">{t.op_about}</label>
                                <select id="f-solicitation" name="solicitation">
                                    <option value="">{t.op_all_solicitations}</option>
                                    {sol_options}
                                </select>
                                <label for="f-status">{t.op_status}</label>
                                <select id="f-status" name="status">
                                    <option value="">{t.op_all_statuses}</option>
                                    {status_options}
                                </select>
                                <button type="submit" class="secondary">{t.filter_apply}</button>
                            </form>
                            {if d.page.items.is_empty() {
                                view! { <p>{t.op_list_empty}</p> }.into_any()
                            } else {
                                view! {
                                    <div class="table-wrap">
                                        <table class="stack">
                                            <thead><tr>
                                                <th scope="col">{t.op_code}</th>
                                                <th scope="col">{t.op_about}</th>
                                                <th scope="col">{t.op_content}</th>
                                                <th scope="col">{t.op_about_you}</th>
                                                <th scope="col">{t.op_channel}</th>
                                                <th scope="col">{t.op_status}</th>
                                            </tr></thead>
                                            <tbody>{rows}</tbody>
                                        </table>
                                    </div>
                                }.into_any()
                            }}
                            <Pager page=d.page.page pages=d.page.pages href=move |n| list_href(sol, status_for_pager.as_deref(), n)/>
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
pub fn StaffOpinionPage() -> impl IntoView {
    let t = t();
    let params = use_params_map();
    let query = use_query_map();
    let data = Resource::new(
        move || {
            params
                .read()
                .get("id")
                .and_then(|s| s.parse::<i64>().ok())
                .unwrap_or(0)
        },
        staff_get_opinion,
    );
    let entered = move || query.read().get("done").as_deref() == Some("entered");
    view! {
        {move || entered().then(|| view! { <Notice text=t.op_entered/> })}
        <Suspense fallback=loading>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(d) => {
                        let v = d.track.clone();
                        let link = format!("/track/{}?k={}", v.code, d.access_key);
                        let offline = v.channel != Channel::Online;
                        view! {
                            <PageTitle text=format!("{} {}", t.op_detail, v.code)/>
                            <h1>{t.op_detail}" "{v.code.clone()}</h1>
                            {offline.then(|| view! {
                                <section class="slip" aria-labelledby="slip-title">
                                    <h2 id="slip-title">{t.op_slip_title}</h2>
                                    <p>{t.op_code}"："<strong class="code">{v.code.clone()}</strong></p>
                                    <p>{t.op_private_link}"："<span class="private-link" data-path=link.clone()>{link.clone()}</span></p>
                                    <p class="hint">{t.op_slip_lead}</p>
                                    <p class="no-print"><button type="button" class="secondary" onclick="window.print()">{t.op_print}</button></p>
                                </section>
                            })}
                            <dl class="facts">
                                <dt>{t.op_status}</dt><dd>{(t.opinion_status)(v.status)}</dd>
                                <dt>{t.op_about}</dt><dd><a href=format!("/staff/solicitations/{}", v.solicitation_id)>{v.solicitation_title.clone()}</a></dd>
                                {(!v.target_label.is_empty()).then(|| view! { <dt>{t.op_target}</dt><dd>{v.target_label.clone()}</dd> })}
                                <dt>{t.op_channel}</dt><dd>{(t.channel)(v.channel)}</dd>
                                <dt>{t.op_received_on}</dt><dd>{format_date_zh(&v.received_on)}</dd>
                                {d.entered_by.clone().map(|n| view! { <dt>{t.op_entered_by}</dt><dd>{n}</dd> })}
                                <dt>{t.op_publish}</dt><dd>{if d.publish_ok { t.op_publish_yes } else { t.op_publish_no }}</dd>
                            </dl>
                            <h2>{t.op_content}</h2>
                            <p class="pre">{v.content.clone()}</p>
                            {(!v.suggestion.is_empty()).then(|| view! { <h3>{t.op_suggestion}</h3><p class="pre">{v.suggestion.clone()}</p> })}
                            {(!v.reason.is_empty()).then(|| view! { <h3>{t.op_reason}</h3><p class="pre">{v.reason.clone()}</p> })}
                            <h2>{t.op_contact}</h2>
                            <p class="hint">{t.op_contact_audit}</p>
                            <dl class="facts">
                                <dt>{t.op_name}</dt><dd>{d.name.clone()}</dd>
                                <dt>{t.op_phone}</dt><dd class="phone-full">{d.phone.clone()}</dd>
                                <dt>{t.op_street}</dt><dd>{d.street.clone()}" "{d.community.clone()}</dd>
                                <dt>{t.op_identity}</dt><dd>{(t.identity)(d.identity)}</dd>
                                {(!d.privacy_version.is_empty()).then(|| view! { <dt>{t.op_privacy_version}</dt><dd>{d.privacy_version.clone()}</dd> })}
                            </dl>
                            <h2>{t.op_timeline}</h2>
                            <Timeline entries=v.timeline.clone()/>
                            <h2>{t.op_similar}</h2>
                            {if d.similar.is_empty() {
                                view! { <p>{t.op_similar_none}</p> }.into_any()
                            } else {
                                view! {
                                    <ul class="similar">
                                        {d.similar.iter().map(|o| view! {
                                            <li>
                                                <a href=format!("/staff/opinions/{}", o.id)>{o.code.clone()}</a>
                                                " · "{(t.similar_percent)(o.percent)}" · "{(t.opinion_status)(o.status)}
                                                <p>{o.excerpt.clone()}</p>
                                            </li>
                                        }).collect_view()}
                                    </ul>
                                }.into_any()
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
