//! Route-level components, one page per file, grouped by who uses them.

pub mod public;
pub mod staff;

use crate::i18n::t;
use leptos::prelude::*;
use leptos_meta::Title;

/// Sets the document title to "`text` - 民意直通车".
#[component]
pub fn PageTitle(#[prop(into)] text: String) -> impl IntoView {
    view! { <Title text=format!("{text} - {}", t().app_name)/> }
}

/// What a page shows while its data loads (rarely seen: pages are rendered whole on the server).
pub fn loading() -> impl IntoView {
    view! { <p class="loading">{t().loading}</p> }
}

/// The numeric `:id` of the route, or 0 (which no record has) when it is not a number.
pub fn id_param(params: Memo<leptos_router::params::ParamsMap>) -> i64 {
    params
        .read()
        .get("id")
        .and_then(|s| s.parse::<i64>().ok())
        .unwrap_or(0)
}
