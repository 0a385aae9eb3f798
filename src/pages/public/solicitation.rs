//! `/solicitations/{id}`: one call for opinions: its stage, window and explanation, the draft with
//! a table of contents and a link per article (`#art-{n}`), earlier versions, guiding questions,
//! the outcome, and the published opinions grouped by article.

use crate::api::solicitations::{get_solicitation, SolicitationPage};
use crate::components::{
    draft::{AmendmentPoints, CommentLinks, DraftBody, DraftContents},
    feedback::ErrorView,
    solicitation::phase_text,
};
use crate::domain::opinion::PublishedOpinion;
use crate::domain::solicitation::{Phase, Stage};
use crate::error::AppError;
use crate::i18n::t;
use crate::pages::{id_param, loading, public::not_found::NotFound, PageTitle};
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

/// Published opinions grouped by what they are about, in the order of the text.
#[component]
fn Published(opinions: Vec<PublishedOpinion>, order: Vec<String>) -> impl IntoView {
    let t = t();
    if opinions.is_empty() {
        return view! { <p>{t.sol_no_published}</p> }.into_any();
    }
    let mut groups: Vec<(String, String, Vec<PublishedOpinion>)> = Vec::new();
    for o in opinions {
        match groups.iter_mut().find(|(k, _, _)| *k == o.target) {
            Some(g) => g.2.push(o),
            None => groups.push((o.target.clone(), o.target_label.clone(), vec![o])),
        }
    }
    let rank = |k: &str| {
        if k.is_empty() {
            0
        } else {
            order
                .iter()
                .position(|o| o == k)
                .map(|p| p + 1)
                .unwrap_or(usize::MAX)
        }
    };
    groups.sort_by_key(|(k, _, _)| rank(k));
    let groups = groups
        .into_iter()
        .map(|(_, label, list)| {
            let heading = if label.is_empty() { t.sol_whole_draft.to_string() } else { label };
            let items = list
                .into_iter()
                .map(|o| {
                    view! {
                        <li class="card">
                            <p class="date">{(t.identity)(o.identity)}" · "{crate::i18n::date(&o.received_on)}</p>
                            <p class="pre">{o.content}</p>
                            {(!o.suggestion.is_empty()).then(|| view! {
                                <p class="pre"><strong>{t.op_suggestion}{crate::i18n::t().colon}</strong>{o.suggestion}</p>
                            })}
                        </li>
                    }
                })
                .collect_view();
            view! { <h3>{heading}</h3><ul class="cards single">{items}</ul> }
        })
        .collect_view();
    view! { <div class="published">{groups}</div> }.into_any()
}

#[component]
fn SolicitationView(p: SolicitationPage) -> impl IntoView {
    let t = t();
    let s = p.solicitation;
    let sum = s.summary.clone();
    let id = sum.id;
    let open = sum.phase(p.now) == Phase::Accepting;
    let form_href = format!("/solicitations/{id}/opinions/new");
    let stations = s
        .stations
        .iter()
        .map(|st| st.name.clone())
        .collect::<Vec<_>>()
        .join(crate::i18n::t().list_sep);
    let order: Vec<String> = p
        .draft
        .as_ref()
        .map(|d| {
            d.parsed
                .articles()
                .iter()
                .map(|a| a.anchor.clone())
                .collect()
        })
        .unwrap_or_else(|| (1..=s.questions.len()).map(|i| format!("q-{i}")).collect());
    let questions = (!s.questions.is_empty() && sum.stage != Stage::Drafting).then(|| {
        let items = s
            .questions
            .iter()
            .enumerate()
            .map(|(i, q)| {
                let href = format!("/solicitations/{id}/opinions/new?article=q-{}", i + 1);
                view! {
                    <li>{q.clone()}" "{open.then(|| view! { <a href=href>{t.sol_give_opinion}</a> })}</li>
                }
            })
            .collect_view();
        view! { <section><h2>{t.sol_questions}</h2><ol class="questions">{items}</ol></section> }
    });
    let versions = (s.versions.len() > 1).then(|| {
        let shown = p.draft.as_ref().map(|d| d.info.id);
        let items = s
            .versions
            .iter()
            .enumerate()
            .map(|(i, v)| {
                let href = if i == 0 { format!("/solicitations/{id}") } else { format!("/solicitations/{id}?version={}", v.id) };
                let current = Some(v.id) == shown;
                view! { <li><a href=href aria-current=current.then_some("page")>{v.label.clone()}</a></li> }
            })
            .collect_view();
        view! {
            <nav class="filters" aria-label=t.sol_versions><ul>{items}</ul></nav>
            <p><a href=format!("/solicitations/{id}/compare")>{t.tr.compare_link}</a></p>
        }
    });
    let footprint = p.footprint.clone().map(|f| {
        let first = f.versions.first().cloned().unwrap_or_default();
        let changed = (f.versions.len() > 1).then(|| {
            view! {
                <dt>{t.tr.fp_versions}</dt>
                <dd>{f.versions.join(" → ")}" · "
                    <a href=format!("/solicitations/{id}/compare?from={}", f.first_id)>{(t.tr.fp_changed)(f.changed, &first)}</a>
                </dd>
            }
        });
        let top = (!f.top.is_empty()).then(|| {
            let items = f
                .top
                .iter()
                .map(|(anchor, label, n, carried)| {
                    view! {
                        <li><a href=format!("#{anchor}")>{label.clone()}</a>" "{(t.heat)(*n)}
                            {(*carried > 0).then(|| view! { {(t.paren)(&(t.tr.carried)(*carried))} })}
                        </li>
                    }
                })
                .collect_view();
            view! { <h3>{t.tr.fp_top}</h3><ol>{items}</ol> }
        });
        view! {
            <section class="story footprint" aria-labelledby="footprint-title">
                <h2 id="footprint-title">{t.tr.footprint_title}</h2>
                <dl class="facts">
                    {changed}
                    <dt>{t.tr.fp_received}</dt><dd>{f.received}</dd>
                    <dt>{t.tr.fp_accepted_label}</dt><dd>{(t.tr.fp_accepted)(f.accepted, f.on_articles, f.on_whole, f.on_deleted)}</dd>
                    <dt>{t.tr.fp_feedback_label}</dt><dd>{(t.tr.fp_feedback)(f.adopted, f.partially_adopted, f.not_adopted)}</dd>
                    <dt>{t.tr.fp_rate}</dt><dd>{crate::pages::public::stats::rate(f.adoption_rate)}</dd>
                </dl>
                {top}
                <p><a href="/stats">{t.tr.fp_stats_link}</a></p>
            </section>
        }
    });
    let draft = p.draft.map(|d| {
        let enacted = d.info.enacted.clone().map(|e| view! {
            <p class="notice">
                {(t.tr.enacted_notice)(&crate::i18n::date(&e.adopted_on), &crate::i18n::date(&e.promulgated_on))}" "
                <a href=e.official_url.clone() rel="external noopener">{t.tr.official_link}</a>
            </p>
        });
        let old = (!p.is_current).then(|| view! {
            <p class="notice">{t.sol_old_version_notice}" "<a href=format!("/solicitations/{id}")>{t.sol_read_current}</a></p>
        });
        let links = Some(CommentLinks { solicitation_id: id, heat: p.heat.clone(), open: open && p.is_current });
        let amendment = d.parsed.amendment.clone().map(|a| view! { <AmendmentPoints a links=links.clone()/> });
        view! {
            <section class="draft" aria-labelledby="draft-heading">
                <h2 id="draft-heading">{t.sol_version}{crate::i18n::t().colon}{d.info.label.clone()}</h2>
                {versions}
                {enacted}
                {old}
                {amendment}
                <DraftContents parsed=d.parsed.clone()/>
                <DraftBody parsed=d.parsed links/>
                {(p.heat_deleted > 0).then(|| view! { <p class="hint">{(t.tr.carried_deleted)(p.heat_deleted)}</p> })}
            </section>
        }
    });
    view! {
        <leptos_meta::Link rel="alternate" type_="application/rss+xml" href=format!("/feeds/solicitations/{}.xml", sum.id) title=(t.feeds.trail_title)(&sum.title)/>
        <PageTitle text=sum.title.clone() description=(t.feeds.open_item)((t.stage)(sum.stage), &sum.issuer, &sum.opens_on(), &sum.closes_on())/>
        <article class="solicitation">
            <header class="story">
                <p class="kind">{(t.stage)(sum.stage)}</p>
                <h1>{sum.title.clone()}</h1>
                <p id="phase" class=if open { "phase open" } else { "phase" }>{phase_text(&sum, p.now)}</p>
                <dl class="facts">
                    <dt>{t.sol_issuer}</dt><dd>{sum.issuer.clone()}</dd>
                    <dt>{t.sol_window}</dt><dd>{(t.window)(&sum.opens_on(), &sum.closes_on())}</dd>
                    {(!stations.is_empty()).then(|| view! { <dt>{t.sol_stations}</dt><dd>{stations.clone()}</dd> })}
                    <dt>{t.sol_opinions_received}</dt><dd>{sum.opinion_count}</dd>
                </dl>
                {if open {
                    view! { <p><a class="button" href=form_href>{t.sol_give_opinion}</a></p> }.into_any()
                } else {
                    view! { <p class="hint">{t.sol_not_accepting}</p> }.into_any()
                }}
            </header>
            {(!sum.outcome_html.is_empty()).then(|| view! {
                <section class="story" id="outcome"><h2>{t.sol_outcome}</h2><div class="prose" inner_html=sum.outcome_html.clone()></div></section>
            })}
            {(!s.explanation_html.is_empty()).then(|| view! {
                <section class="story"><h2>{t.sol_explanation}</h2><div class="prose" inner_html=s.explanation_html.clone()></div></section>
            })}
            {questions}
            {footprint}
            {draft}
            <section class="story">
                <h2>{t.sol_published_opinions}</h2>
                <p class="hint">{t.sol_published_lead}</p>
                <Published opinions=p.published order/>
                <p><a href=format!("/solicitations/{}/opinions.csv", sum.id) download="">{t.feeds.od_opinions_link}</a></p>
            </section>
            <p><a href="/solicitations">{t.sol_back}</a></p>
        </article>
    }
}

#[component]
pub fn SolicitationPageView() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let data = Resource::new(
        move || {
            (
                id_param(params),
                query
                    .read()
                    .get("version")
                    .and_then(|v| v.parse::<i64>().ok()),
            )
        },
        |(id, version)| get_solicitation(id, version),
    );
    view! {
        <Suspense fallback=loading>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(p) => view! { <SolicitationView p/> }.into_any(),
                    Err(AppError::NotFound) => view! { <NotFound/> }.into_any(),
                    Err(e) => view! { <ErrorView error=e/> }.into_any(),
                }
            })}
        </Suspense>
    }
}
