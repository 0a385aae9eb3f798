//! Route-level components, one page per file, grouped by who uses them.

pub mod public;
pub mod staff;

use crate::i18n::t;
use leptos::prelude::*;
use leptos_meta::Title;

/// Sets the document title to "`text` - 民意直通车", and the description and share card (Open
/// Graph and Twitter's card, which chat apps read when a link is shared): the title, the
/// description (the site's own when a page has none), the site's image, and for a page anyone may
/// open, its address. A private page (a receipt, the staff area) names no address of its own.
#[component]
pub fn PageTitle(
    #[prop(into)] text: String,
    /// What the page is about, in a sentence or two; cut to 120 characters.
    #[prop(optional, into)]
    description: Option<String>,
    /// `article` for a story, `website` otherwise.
    #[prop(optional)]
    article: bool,
) -> impl IntoView {
    use leptos_meta::{Link, Meta};
    let t = t();
    let site = use_context::<crate::app::SiteInfo>().unwrap_or_default();
    let base = site.site_url.trim_end_matches('/').to_string();
    let description = description
        .map(|d| d.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|d| !d.is_empty())
        .unwrap_or_else(|| t.share_description.to_string());
    let description = crate::domain::text::clip(&description, 120);
    let path = leptos_router::hooks::use_location()
        .pathname
        .get_untracked();
    let public = !["/track", "/staff", "/api/"]
        .iter()
        .any(|p| path.starts_with(p));
    let url = public.then(|| format!("{base}{path}"));
    view! {
        <Title text=format!("{text} - {}", t.app_name)/>
        <Meta name="description" content=description.clone()/>
        <Meta property="og:site_name" content=t.app_name/>
        <Meta property="og:type" content=if article { "article" } else { "website" }/>
        <Meta property="og:title" content=text.clone()/>
        <Meta property="og:description" content=description.clone()/>
        <Meta property="og:image" content=format!("{base}/share.png")/>
        <Meta property="og:image:width" content="1200"/>
        <Meta property="og:image:height" content="630"/>
        <Meta property="og:image:alt" content=t.share_image_alt/>
        <Meta property="og:locale" content=t.og_locale/>
        <Meta name="twitter:card" content="summary_large_image"/>
        {url.map(|u| view! {
            <Meta property="og:url" content=u.clone()/>
            <Link rel="canonical" href=u/>
        })}
    }
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
