//! `/open-data`: what may be downloaded, subscribed to and read by programs, with the open API's
//! reference. The list of endpoints is the generated OpenAPI document's.

use crate::api::open::{api_reference, EndpointDoc};
use crate::components::feedback::ErrorView;
use crate::i18n::t;
use crate::pages::{loading, PageTitle};
use leptos::prelude::*;

#[component]
fn Endpoint(e: EndpointDoc) -> impl IntoView {
    let o = t().open;
    let summary = (o.endpoint)(&e.path)
        .map(str::to_string)
        .unwrap_or(e.summary);
    let example = e
        .path
        .replace("/{id}/versions/{version}", "/1/versions/1")
        .replace("{id}", "1");
    let params = e
        .params
        .into_iter()
        .map(|p| {
            let place = if p.in_path { o.in_path } else { o.in_query };
            view! { <li><code>{p.name}</code>" ("{place}") "{p.description}</li> }
        })
        .collect_view();
    view! {
        <li class="endpoint">
            <h3><code>"GET "{e.path.clone()}</code></h3>
            <p>{summary}</p>
            <p class="hint">{o.example}{t().colon}<a href=example.clone()><code>{example.clone()}</code></a></p>
            <details>
                <summary>{o.parameters}</summary>
                <ul>{params}</ul>
            </details>
        </li>
    }
}

#[component]
pub fn OpenDataPage() -> impl IntoView {
    let t = t();
    let o = t.open;
    let reference = Resource::new(|| (), |_| api_reference());
    let rules = o
        .api_rules
        .iter()
        .map(|r| view! { <li>{*r}</li> })
        .collect_view();
    view! {
        <PageTitle text=o.title description=o.lead/>
        <article class="prose">
            <h1>{o.title}</h1>
            <p class="lead">{o.lead}</p>
            <h2>{o.downloads}</h2>
            <ul>
                <li><a href="/open-data/stats.csv" download="">{o.stats_csv}</a></li>
                <li>{o.opinions_csv}</li>
            </ul>
            <h2>{o.feeds}</h2>
            <ul>
                <li><a href="/feeds/stories.xml">{o.stories_feed}</a></li>
                <li><a href="/feeds/solicitations.xml">{o.open_feed}</a></li>
                <li>{o.call_feed}</li>
                <li><a href="/consultations.ics">{o.calendar}</a></li>
            </ul>
            <h2 id="api">{o.api}</h2>
            <p>{o.api_lead}</p>
            <p><a href="/api/v1/openapi.json">{o.api_document}</a></p>
            <ul>{rules}</ul>
            <h3>{o.endpoints}</h3>
            <Suspense fallback=loading>
                {move || Suspend::new(async move {
                    match reference.await {
                        Ok(list) => view! {
                            <ul class="endpoints">
                                {list.into_iter().map(|e| view! { <Endpoint e/> }).collect_view()}
                            </ul>
                        }.into_any(),
                        Err(e) => view! { <ErrorView error=e/> }.into_any(),
                    }
                })}
            </Suspense>
        </article>
    }
}
