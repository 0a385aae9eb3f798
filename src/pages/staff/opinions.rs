//! `/staff/opinions`: the moderation queue, newest or oldest first, filtered by solicitation,
//! article, status, channel, street, identity, station, dates and keyword, with phone numbers
//! masked and an action form for the ticked opinions; and `/staff/opinions/{id}`: one opinion with the full contact details (each
//! view is audited) and, for offline opinions, the slip to print for the resident.

use super::may;
use crate::api::moderation::{staff_queue, Moderate, QueueData};
use crate::api::opinions::{staff_get_opinion, StaffOpinion};
use crate::api::stories::StoryFromOpinion;
use crate::components::{
    feedback::{ErrorView, Notice},
    moderation::{ActionControls, ActionOutcome},
    opinion::{ArticleTrail, Timeline},
};
use crate::domain::moderation::{QueueFilter, Sort};
use crate::domain::opinion::{Channel, Identity, OpinionStatus};
use crate::domain::policy::Permission;
use crate::i18n::t;
use crate::pages::{id_param, loading, PageTitle};
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_params_map, use_query_map};

/// `(value, label)` pairs with a first "all" choice.
fn with_all(
    all: &'static str,
    items: impl Iterator<Item = (String, String)>,
) -> Vec<(String, String)> {
    std::iter::once((String::new(), all.to_string()))
        .chain(items)
        .collect()
}

/// A labelled drop-down of the GET filter form.
#[component]
fn FilterSelect(
    name: &'static str,
    label: &'static str,
    value: String,
    options: Vec<(String, String)>,
) -> impl IntoView {
    let id = format!("q-{name}");
    view! {
        <div class="filter">
            <label for=id.clone()>{label}</label>
            <select id=id name=name>
                {options.into_iter().map(|(v, l)| {
                    let selected = v == value;
                    view! { <option value=v selected=selected>{l}</option> }
                }).collect_view()}
            </select>
        </div>
    }
}

#[component]
fn QueueView(d: QueueData, action: ServerAction<Moderate>) -> impl IntoView {
    let t = t();
    let f = d.filter.clone();
    let code = |o: Option<&'static str>| o.unwrap_or("").to_string();
    let solicitations = with_all(
        t.op_all_solicitations,
        d.solicitations
            .iter()
            .map(|s| (s.id.to_string(), s.title.clone())),
    );
    let targets = (!d.targets.is_empty()).then(|| {
        with_all(
            t.mod_all_targets,
            std::iter::once(("whole".to_string(), t.mod_whole.to_string())).chain(
                d.targets
                    .iter()
                    .map(|tg| (tg.key.clone(), tg.label.chars().take(30).collect())),
            ),
        )
    });
    let statuses = with_all(
        t.op_all_statuses,
        OpinionStatus::ALL
            .iter()
            .map(|s| (s.code().to_string(), (t.opinion_status)(*s).to_string())),
    );
    let channels = with_all(
        t.mod_all_channels,
        Channel::ALL
            .iter()
            .map(|c| (c.code().to_string(), (t.channel)(*c).to_string())),
    );
    let streets = with_all(
        t.mod_all_streets,
        d.streets.iter().map(|s| (s.clone(), s.clone())),
    );
    let identities = with_all(
        t.mod_all_identities,
        Identity::ALL
            .iter()
            .map(|i| (i.code().to_string(), (t.identity)(*i).to_string())),
    );
    let stations = (!d.stations.is_empty()).then(|| {
        with_all(
            t.mod_all_stations,
            d.stations
                .iter()
                .map(|s| (s.id.to_string(), s.name.clone())),
        )
    });
    let sorts: Vec<(String, String)> = Sort::ALL
        .iter()
        .map(|s| (s.code().to_string(), (t.sort)(*s).to_string()))
        .collect();
    // Ticked boxes stay ticked when the form comes back with a problem.
    let ticked: Vec<String> = d
        .form
        .as_ref()
        .filter(|f| !f.errors.is_empty())
        .map(|f| f.value("selected").split(',').map(str::to_string).collect())
        .unwrap_or_default();
    let rows = d.page.items.iter().map(|o| {
        let value = format!("{}:{}", o.id, o.status.code());
        let checked = ticked.contains(&value);
        let id = format!("sel-{}", o.id);
        view! {
            <tr>
                <td class="pick">
                    <input type="checkbox" name="selected[]" id=id.clone() value=value checked=checked/>
                    <label for=id class="visually-hidden">{(t.mod_select_one)(&o.code)}</label>
                </td>
                <td><a href=format!("/staff/opinions/{}", o.id)>{o.code.clone()}</a></td>
                <td data-label=t.op_about>{o.solicitation_title.clone()}
                    {(!o.target_label.is_empty()).then(|| format!(" · {}", o.target_label))}
                    {o.target_now.clone().map(|n| view! { " "<span class="hint">{(crate::i18n::t().paren)(&n)}</span> })}</td>
                <td data-label=t.op_content>{o.excerpt.clone()}</td>
                <td data-label=t.op_name>{o.name.clone()}" "<span class="phone">{o.phone_masked.clone()}</span></td>
                <td data-label=t.op_channel>{(t.channel)(o.channel)}" · "{crate::i18n::date(&o.received_on)}</td>
                <td data-label=t.op_status>{(t.opinion_status)(o.status)}</td>
            </tr>
        }
    }).collect_view();
    let here = f.href();
    let next = d.page.next_after.map(|a| {
        QueueFilter {
            after: Some(a),
            ..f.clone()
        }
        .href()
    });
    let first = f.after.map(|_| f.first_page().href());
    let clusters = f
        .solicitation
        .map(|s| format!("/staff/solicitations/{s}/clusters"));
    let empty = d.page.items.is_empty();
    view! {
        {d.own_station.clone().map(|s| view! { <p class="hint">{(t.mod_scope)(&s)}</p> })}
        <ActionOutcome form=d.form.clone()/>
        <form method="get" action="/staff/opinions" class="filters">
            <FilterSelect name="solicitation" label=t.op_about value=f.solicitation.map(|s| s.to_string()).unwrap_or_default() options=solicitations/>
            {targets.map(|o| view! { <FilterSelect name="target" label=t.mod_target value=f.target.clone().unwrap_or_default() options=o/> })}
            <FilterSelect name="status" label=t.op_status value=code(f.status.map(OpinionStatus::code)) options=statuses/>
            <FilterSelect name="channel" label=t.op_channel value=code(f.channel.map(Channel::code)) options=channels/>
            <FilterSelect name="street" label=t.op_street value=f.street.clone().unwrap_or_default() options=streets/>
            <FilterSelect name="identity" label=t.op_identity value=code(f.identity.map(Identity::code)) options=identities/>
            {stations.map(|o| view! { <FilterSelect name="station" label=t.mod_station value=f.station.map(|s| s.to_string()).unwrap_or_default() options=o/> })}
            <div class="filter">
                <label for="q-from">{t.mod_from}</label>
                <input type="date" id="q-from" name="from" value=f.from.clone().unwrap_or_default()/>
            </div>
            <div class="filter">
                <label for="q-to">{t.mod_to}</label>
                <input type="date" id="q-to" name="to" value=f.to.clone().unwrap_or_default()/>
            </div>
            <div class="filter">
                <label for="q-q">{t.mod_keyword}</label>
                <input type="search" id="q-q" name="q" value=f.keyword.clone().unwrap_or_default()/>
            </div>
            <FilterSelect name="sort" label=t.mod_sort value=code(f.sort.map(Sort::code)) options=sorts/>
            <div class="buttons">
                <button type="submit" class="secondary">{t.filter_apply}</button>
                <a href="/staff/opinions">{t.mod_clear}</a>
                {clusters.map(|h| view! { <a href=h>{t.mod_clusters}</a> })}
            </div>
        </form>
        {if empty {
            view! { <p>{t.mod_empty}</p> }.into_any()
        } else {
            view! {
                <ActionForm action=action attr:class="form moderate">
                    <div class="table-wrap">
                        <table class="stack">
                            <thead><tr>
                                <th scope="col">
                                    <input type="checkbox" id="sel-all" aria-label=t.mod_select_all
                                        onclick=crate::components::scripts::SELECT_ALL/>
                                </th>
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
                    <nav class="pager" aria-label=t.pager_label>
                        {first.map(|h| view! { <a href=h>{t.mod_first}</a> })}
                        {next.map(|h| view! { <a href=h rel="next">{t.mod_next}</a> })}
                    </nav>
                    <section class="panel" aria-labelledby="actions-title">
                        <h2 id="actions-title">{t.mod_actions}</h2>
                        <ActionControls form=d.form.clone() return_to=here/>
                    </section>
                </ActionForm>
            }.into_any()
        }}
    }
}

#[component]
pub fn StaffOpinionsPage() -> impl IntoView {
    let t = t();
    let location = use_location();
    let query = use_query_map();
    let data = Resource::new(
        move || {
            let draft = query.read().get("draft");
            // The server reads the filters from the query string itself.
            (location.search.get(), draft)
        },
        |(q, draft)| staff_queue(q, draft),
    );
    let action = ServerAction::<Moderate>::new();
    view! {
        <PageTitle text=t.mod_title/>
        <h1>{t.mod_title}</h1>
        <Suspense fallback=loading>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(d) => view! { <QueueView d action/> }.into_any(),
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
        move || (id_param(params), query.read().get("draft")),
        |(id, draft)| staff_get_opinion(id, draft),
    );
    let action = ServerAction::<Moderate>::new();
    let story = ServerAction::<StoryFromOpinion>::new();
    let entered = move || query.read().get("done").as_deref() == Some("entered");
    view! {
        {move || entered().then(|| view! { <Notice text=t.op_entered/> })}
        <Suspense fallback=loading>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(StaffOpinion { detail: d, form }) => {
                        let v = d.track.clone();
                        let pending = v.status == OpinionStatus::Pending;
                        let reported = v.status == OpinionStatus::Reported;
                        let here = format!("/staff/opinions/{}", d.id);
                        let selected = format!("{}:{}", d.id, v.status.code());
                        let link = format!("/track/{}?k={}", v.code, d.access_key);
                        let offline = v.channel != Channel::Online;
                        view! {
                            <PageTitle text=format!("{} {}", t.op_detail, v.code)/>
                            <h1>{t.op_detail}" "{v.code.clone()}</h1>
                            <ActionOutcome form=form.clone()/>
                            {offline.then(|| view! {
                                <section class="slip" aria-labelledby="slip-title">
                                    <h2 id="slip-title">{t.op_slip_title}</h2>
                                    <p>{t.op_code}{crate::i18n::t().colon}<strong class="code">{v.code.clone()}</strong></p>
                                    <p>{t.op_private_link}{crate::i18n::t().colon}<span class="private-link" data-path=link.clone()>{link.clone()}</span></p>
                                    <p class="hint">{t.op_slip_lead}</p>
                                    <p class="no-print"><button type="button" class="secondary" onclick=crate::components::scripts::PRINT>{t.op_print}</button></p>
                                </section>
                            })}
                            <dl class="facts">
                                <dt>{t.op_status}</dt><dd>{(t.opinion_status)(v.status)}</dd>
                                {v.reject_reason.map(|r| view! { <dt>{t.op_reject_reason}</dt><dd>{(t.reject_reason)(r)}</dd> })}
                                {v.merged_into.clone().map(|c| view! { <dt>{t.mod_merge_into}</dt><dd>{c}</dd> })}
                                <dt>{t.op_about}</dt><dd><a href=format!("/staff/solicitations/{}", v.solicitation_id)>{v.solicitation_title.clone()}</a></dd>
                                {(!v.target_label.is_empty()).then(|| view! { <dt>{t.op_target}</dt><dd>{v.target_label.clone()}</dd> })}
                                <dt>{t.op_channel}</dt><dd>{(t.channel)(v.channel)}</dd>
                                <dt>{t.op_received_on}</dt><dd>{crate::i18n::date(&v.received_on)}</dd>
                                {d.entered_by.clone().map(|n| view! { <dt>{t.op_entered_by}</dt><dd>{n}</dd> })}
                                <dt>{t.op_publish}</dt><dd>{if d.publish_ok { t.op_publish_yes } else { t.op_publish_no }}</dd>
                            </dl>
                            <h2>{t.op_content}</h2>
                            <p class="pre">{v.content.clone()}</p>
                            {(!v.suggestion.is_empty()).then(|| view! { <h3>{t.op_suggestion}</h3><p class="pre">{v.suggestion.clone()}</p> })}
                            {(!v.reason.is_empty()).then(|| view! { <h3>{t.op_reason}</h3><p class="pre">{v.reason.clone()}</p> })}
                            <h2>{t.op_contact}</h2>
                            <p class="hint">{if d.personal_hidden { t.op_personal_hidden } else { t.op_contact_audit }}</p>
                            <dl class="facts">
                                <dt>{t.op_name}</dt><dd>{d.name.clone()}</dd>
                                <dt>{t.op_phone}</dt><dd class="phone-full">{d.phone.clone()}</dd>
                                <dt>{t.op_street}</dt><dd>{d.street.clone()}" "{d.community.clone()}</dd>
                                <dt>{t.op_identity}</dt><dd>{(t.identity)(d.identity)}</dd>
                                {(!d.privacy_version.is_empty()).then(|| view! { <dt>{t.op_privacy_version}</dt><dd>{d.privacy_version.clone()}</dd> })}
                            </dl>
                            <section class="panel" aria-labelledby="moderate-title">
                                <h2 id="moderate-title">{t.mod_moderate}</h2>
                                {if pending || (reported && may(Permission::RecordOutcomes)) {
                                    view! {
                                        <ActionForm action=action attr:class="form moderate">
                                            <input type="hidden" name="selected[]" value=selected/>
                                            <ActionControls form=form.clone() return_to=here feedback=reported/>
                                        </ActionForm>
                                    }.into_any()
                                } else if reported {
                                    view! { <p>{t.mod_outcome_by_district}</p> }.into_any()
                                } else {
                                    view! { <p>{t.mod_not_pending}</p> }.into_any()
                                }}
                            </section>
                            <h2>{t.op_timeline}</h2>
                            <Timeline entries=v.timeline.clone()/>
                            <ArticleTrail solicitation_id=v.solicitation_id target_label=v.target_label.clone()
                                version_label=v.version_label.clone() hops=v.trail.clone() staff=true/>
                            {may(Permission::ManageStories).then(|| view! {
                                <ActionForm action=story attr:class="form inline">
                                    <input type="hidden" name="id" value=d.id.to_string()/>
                                    <button type="submit" class="secondary" aria-describedby="story-from-hint">{t.tr.story_from}</button>
                                    <p class="hint" id="story-from-hint">{t.tr.story_from_hint}</p>
                                </ActionForm>
                            })}
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
