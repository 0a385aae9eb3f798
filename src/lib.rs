//! Minyi (民意直通车): the web platform of a district People's Congress standing committee and its
//! grassroots legislative contact points. One crate, two targets: the server (`ssr`) and the
//! browser bundle that hydrates the server-rendered pages (`hydrate`).

pub mod api;
pub mod app;
pub mod components;
pub mod domain;
pub mod error;
pub mod i18n;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod server;

/// Entry point of the browser bundle: loads the chunks of the page on screen (every page is a
/// lazy route, see [`app`]), then hydrates the server-rendered body.
#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    use leptos::prelude::*;
    use leptos::tachys::dom::body;
    console_error_panic_hook::set_once();
    let site = app::SiteInfo::from_document();
    // `hydrate_lazy`, plus the mark once hydration has finished. The reactive executor is set up
    // by `hydrate_from_async` itself, so this first task runs on wasm-bindgen's.
    wasm_bindgen_futures::spawn_local(async move {
        let owner =
            leptos::mount::hydrate_from_async(body(), move || app::app_with_site(site)).await;
        owner.forget();
        // Lets tests (and curious people) see that the page is interactive now.
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("data-hydrated", "");
        }
    });
}
