//! The 404 page.

use crate::i18n::t;
use crate::pages::PageTitle;
use leptos::prelude::*;

/// Shown for any URL that names nothing, with status 404.
#[component]
pub fn NotFound() -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(res) = use_context::<leptos_axum::ResponseOptions>() {
        res.set_status(http::StatusCode::NOT_FOUND);
    }
    let t = t();
    view! {
        <PageTitle text=t.not_found_title/>
        <section class="error-view">
            <h1>{t.not_found_title}</h1>
            <p>{t.not_found_body}</p>
            <p><a href="/">{t.back_home}</a></p>
        </section>
    }
}
