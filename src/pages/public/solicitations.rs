//! `/solicitations`: calls for opinions: those taking opinions first, with the days left, then
//! those not open yet, then the ended ones with their outcome; filterable by stage and phase.

use crate::api::solicitations::list_solicitations;
use crate::components::{feedback::ErrorView, pager::Pager, solicitation::SolicitationCard};
use crate::domain::solicitation::Stage;
use crate::i18n::t;
use crate::pages::{loading, PageTitle};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

const PHASES: [&str; 3] = ["accepting", "upcoming", "ended"];

fn list_href(stage: Option<&str>, phase: Option<&str>, page: i64) -> String {
    let mut q = Vec::new();
    if let Some(s) = stage {
        q.push(format!("stage={s}"));
    }
    if let Some(p) = phase {
        q.push(format!("phase={p}"));
    }
    if page > 1 {
        q.push(format!("page={page}"));
    }
    if q.is_empty() {
        "/solicitations".into()
    } else {
        format!("/solicitations?{}", q.join("&"))
    }
}

#[component]
pub fn SolicitationListPage() -> impl IntoView {
    let t = t();
    let query = use_query_map();
    let stage = move || {
        query
            .read()
            .get("stage")
            .filter(|s| Stage::from_code(s).is_some())
    };
    let phase = move || {
        query
            .read()
            .get("phase")
            .filter(|p| PHASES.contains(&p.as_str()))
    };
    let page = move || {
        query
            .read()
            .get("page")
            .and_then(|p| p.parse::<i64>().ok())
            .unwrap_or(1)
            .max(1)
    };
    let list = Resource::new(
        move || (page(), stage(), phase()),
        |(page, stage, phase)| list_solicitations(page, stage, phase),
    );
    let stage_filters = move || {
        let (cur, ph) = (stage(), phase());
        std::iter::once((None, t.sol_all_stages))
            .chain(Stage::ALL.iter().map(|s| (Some(s.code()), (t.stage)(*s))))
            .map(|(code, label)| {
                let selected = cur.as_deref() == code;
                view! { <li><a href=list_href(code, ph.as_deref(), 1) aria-current=selected.then_some("page")>{label}</a></li> }
            })
            .collect_view()
    };
    let phase_filters = move || {
        let (st, cur) = (stage(), phase());
        let labels = [
            t.sol_phase_accepting,
            t.sol_phase_upcoming,
            t.sol_phase_ended,
        ];
        std::iter::once((None, t.sol_all_phases))
            .chain(PHASES.iter().zip(labels).map(|(p, l)| (Some(*p), l)))
            .map(|(code, label)| {
                let selected = cur.as_deref() == code;
                view! { <li><a href=list_href(st.as_deref(), code, 1) aria-current=selected.then_some("page")>{label}</a></li> }
            })
            .collect_view()
    };
    view! {
        <PageTitle text=t.sol_title description=t.sol_lead/>
        <h1>{t.sol_title}</h1>
        <p class="lead">{t.sol_lead}</p>
        <nav class="filters" aria-label=t.sol_filter_stage><ul>{stage_filters}</ul></nav>
        <nav class="filters" aria-label=t.sol_filter_phase><ul>{phase_filters}</ul></nav>
        <Suspense fallback=loading>
            {move || Suspend::new(async move {
                match list.await {
                    Ok(l) if l.page.items.is_empty() => view! { <p>{t.sol_empty}</p> }.into_any(),
                    Ok(l) => {
                        let (st, ph) = (stage(), phase());
                        let now = l.now;
                        view! {
                            <ul class="cards single">
                                {l.page.items.into_iter().map(|s| view! { <SolicitationCard s now/> }).collect_view()}
                            </ul>
                            <Pager page=l.page.page pages=l.page.pages href=move |n| list_href(st.as_deref(), ph.as_deref(), n)/>
                        }
                        .into_any()
                    }
                    Err(e) => view! { <ErrorView error=e/> }.into_any(),
                }
            })}
        </Suspense>
    }
}
