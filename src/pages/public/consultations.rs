//! `/consultations`: sessions residents may join (协商会, 座谈会, 听证会, 论证会, 代表接待日),
//! upcoming first; filterable by kind, station and month with a plain form that works without
//! JavaScript.

use crate::api::consultations::list_consultations;
use crate::components::{consultation::ConsultationCard, feedback::ErrorView};
use crate::domain::consultation::Kind;
use crate::i18n::t;
use crate::pages::{loading, PageTitle};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[component]
pub fn ConsultationListPage() -> impl IntoView {
    let t = t();
    let query = use_query_map();
    let list = Resource::new(
        move || {
            let q = query.read();
            (q.get("kind"), q.get("station"), q.get("month"))
        },
        |(kind, station, month)| list_consultations(kind, station, month),
    );
    view! {
        <PageTitle text=t.cs.title description=t.cs.lead/>
        <h1>{t.cs.title}</h1>
        <p class="lead">{t.cs.lead}</p>
        <p><a href="/consultations.ics">{t.cs.subscribe}</a>" · "<span class="hint">{t.cs.subscribe_hint}</span></p>
        <Suspense fallback=loading>
            {move || Suspend::new(async move {
                match list.await {
                    Ok(l) => {
                        let kinds = std::iter::once((String::new(), t.cs.all_kinds.to_string()))
                            .chain(Kind::ALL.iter().map(|k| (k.code().to_string(), (t.cs.kind)(*k).to_string())))
                            .map(|(v, label)| {
                                let selected = v == l.kind;
                                view! { <option value=v selected=selected>{label}</option> }
                            })
                            .collect_view();
                        let stations = std::iter::once((String::new(), t.cs.all_stations.to_string()))
                            .chain(l.stations.iter().map(|s| (s.id.to_string(), s.name.clone())))
                            .map(|(v, label)| {
                                let selected = v == l.station;
                                view! { <option value=v selected=selected>{label}</option> }
                            })
                            .collect_view();
                        let now = l.now;
                        let empty = l.items.is_empty();
                        view! {
                            <form method="get" action="/consultations" class="filter-form" role="search">
                                <div class="field">
                                    <label for="f-kind">{t.cs.field_kind}</label>
                                    <select id="f-kind" name="kind">{kinds}</select>
                                </div>
                                <div class="field">
                                    <label for="f-station">{t.station}</label>
                                    <select id="f-station" name="station">{stations}</select>
                                </div>
                                <div class="field">
                                    <label for="f-month">{t.cs.month}</label>
                                    <input id="f-month" name="month" type="month" value=l.month.clone() placeholder="2026-12"/>
                                </div>
                                <button type="submit">{t.cs.filter}</button>
                            </form>
                            {if empty {
                                view! { <p>{t.cs.empty}</p> }.into_any()
                            } else {
                                view! {
                                    <ul class="cards single">
                                        {l.items.into_iter().map(|c| view! { <ConsultationCard c now/> }).collect_view()}
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
