//! `/deputies`: the directory of deputies (人大代表), filterable by level and station, each with
//! a link to book them (码上约代表).

use crate::api::deputies::list_deputies;
use crate::components::{deputy::DeputyCard, feedback::ErrorView};
use crate::domain::deputy::Level;
use crate::i18n::t;
use crate::pages::{loading, PageTitle};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[component]
pub fn DeputyListPage() -> impl IntoView {
    let t = t();
    let query = use_query_map();
    let list = Resource::new(
        move || (query.read().get("level"), query.read().get("station")),
        |(level, station)| list_deputies(level, station),
    );
    view! {
        <PageTitle text=t.dp.title description=t.dp.lead/>
        <h1>{t.dp.title}</h1>
        <p class="lead">{t.dp.lead}</p>
        <Suspense fallback=loading>
            {move || Suspend::new(async move {
                match list.await {
                    Ok(l) => {
                        let levels = std::iter::once((String::new(), t.dp.all_levels.to_string()))
                            .chain(Level::ALL.iter().map(|x| (x.code().to_string(), (t.dp.level)(*x).to_string())))
                            .map(|(v, label)| {
                                let selected = v == l.level;
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
                        let empty = l.items.is_empty();
                        view! {
                            <form method="get" action="/deputies" class="filter-form" role="search">
                                <div class="field">
                                    <label for="f-level">{t.dp.field_level}</label>
                                    <select id="f-level" name="level">{levels}</select>
                                </div>
                                <div class="field">
                                    <label for="f-station">{t.station}</label>
                                    <select id="f-station" name="station">{stations}</select>
                                </div>
                                <button type="submit">{t.cs.filter}</button>
                            </form>
                            {if empty {
                                view! { <p>{t.dp.empty}</p> }.into_any()
                            } else {
                                view! { <ul class="cards">{l.items.into_iter().map(|d| view! { <DeputyCard d/> }).collect_view()}</ul> }.into_any()
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
