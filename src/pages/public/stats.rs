//! `/stats`: public statistics of opinions, overall or (`?solicitation=`) for one solicitation:
//! received, where each stands now, adoption, time to feedback, by channel and by street. Every
//! table ends with its total, which matches the headline figure.

use crate::api::stats::{public_stats, StatsPage};
use crate::components::feedback::ErrorView;
use crate::domain::stats::Breakdown;
use crate::i18n::t;
use crate::pages::{loading, PageTitle};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

pub fn rate(r: Option<f64>) -> String {
    r.map(|r| format!("{r:.1}%")).unwrap_or_else(|| "—".into())
}

/// A table of groups (channels or streets) with a total row.
#[component]
fn GroupTable(
    caption: &'static str,
    head: &'static str,
    rows: Vec<(String, Breakdown)>,
) -> impl IntoView {
    let t = t();
    let total = rows
        .iter()
        .fold(Breakdown::default(), |a, (_, b)| Breakdown {
            received: a.received + b.received,
            accepted: a.accepted + b.accepted,
            adopted: a.adopted + b.adopted,
        });
    view! {
        <div class="table-wrap">
            <table class="figures">
                <caption>{caption}</caption>
                <thead><tr>
                    <th scope="col">{head}</th>
                    <th scope="col">{t.stats_received}</th>
                    <th scope="col">{t.stats_accepted}</th>
                    <th scope="col">{t.stats_adopted_any}</th>
                </tr></thead>
                <tbody>
                    {rows.into_iter().map(|(name, b)| view! {
                        <tr><th scope="row">{name}</th><td>{b.received}</td><td>{b.accepted}</td><td>{b.adopted}</td></tr>
                    }).collect_view()}
                </tbody>
                <tfoot><tr>
                    <th scope="row">{t.stats_total}</th><td>{total.received}</td><td>{total.accepted}</td><td>{total.adopted}</td>
                </tr></tfoot>
            </table>
        </div>
    }
}

#[component]
fn StatsView(d: StatsPage) -> impl IntoView {
    let t = t();
    let s = d.stats;
    let tiles = [
        (t.stats_received, s.received.to_string()),
        (t.stats_accepted, s.accepted.to_string()),
        (t.stats_reported, s.reported.to_string()),
        (
            t.stats_adopted_any,
            (s.adopted + s.partially_adopted).to_string(),
        ),
        (t.stats_rate, rate(s.adoption_rate)),
        (
            t.stats_median,
            s.median_days_to_feedback
                .map(|d| (t.stats_days)(d))
                .unwrap_or_else(|| "—".into()),
        ),
    ];
    let channels = s
        .by_channel
        .iter()
        .filter(|(_, b)| b.received > 0)
        .map(|(c, b)| ((t.channel)(*c).to_string(), *b))
        .collect();
    let streets = s
        .by_street
        .iter()
        .map(|(name, b)| {
            (
                if name.is_empty() {
                    t.stats_no_street.to_string()
                } else {
                    name.clone()
                },
                *b,
            )
        })
        .collect();
    view! {
        {d.solicitation.clone().map(|(id, title)| view! {
            <p class="lead"><a href=format!("/solicitations/{id}")>{title}</a>" · "<a href="/stats">{t.stats_all}</a></p>
        })}
        <ul class="tiles figures-tiles">
            {tiles.into_iter().map(|(label, value)| view! {
                <li><span class="figure">{value}</span><span class="label">{label}</span></li>
            }).collect_view()}
        </ul>
        <p class="hint">{t.stats_rate_hint}</p>
        <div class="table-wrap">
            <table class="figures">
                <caption>{t.stats_by_status}</caption>
                <thead><tr><th scope="col">{t.op_status}</th><th scope="col">{t.stats_count}</th></tr></thead>
                <tbody>
                    {s.by_status.iter().map(|(st, n)| view! {
                        <tr><th scope="row">{(t.opinion_status)(*st)}</th><td>{*n}</td></tr>
                    }).collect_view()}
                </tbody>
                <tfoot><tr><th scope="row">{t.stats_total}</th><td>{s.received}</td></tr></tfoot>
            </table>
        </div>
        <GroupTable caption=t.stats_by_channel head=t.op_channel rows=channels/>
        <GroupTable caption=t.stats_by_street head=t.op_street rows=streets/>
        {d.solicitation.is_none().then(|| view! {
            <div class="table-wrap">
                <table class="figures">
                    <caption>{t.stats_per_solicitation}</caption>
                    <thead><tr>
                        <th scope="col">{t.op_about}</th>
                        <th scope="col">{t.stats_received}</th>
                        <th scope="col">{t.stats_accepted}</th>
                        <th scope="col">{t.stats_adopted_any}</th>
                        <th scope="col">{t.stats_rate}</th>
                    </tr></thead>
                    <tbody>
                        {d.solicitations.iter().map(|x| view! {
                            <tr>
                                <th scope="row"><a href=format!("/stats?solicitation={}", x.id)>{x.title.clone()}</a></th>
                                <td>{x.received}</td><td>{x.accepted}</td><td>{x.adopted}</td><td>{rate(x.adoption_rate)}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
            <p><a href="/open-data/stats.csv" download="">{t.feeds.od_stats_link}</a></p>
        })}
    }
}

#[component]
pub fn StatsPageView() -> impl IntoView {
    let t = t();
    let query = use_query_map();
    let data = Resource::new(
        move || {
            query
                .read()
                .get("solicitation")
                .and_then(|s| s.parse::<i64>().ok())
        },
        public_stats,
    );
    view! {
        <PageTitle text=t.stats_title/>
        <h1>{t.stats_title}</h1>
        <Suspense fallback=loading>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(d) => view! { <StatsView d/> }.into_any(),
                    Err(e) => view! { <ErrorView error=e/> }.into_any(),
                }
            })}
        </Suspense>
    }
}
