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

/// Entry point of the browser bundle: hydrates the server-rendered body.
#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    let site = app::SiteInfo::from_document();
    leptos::mount::hydrate_body(move || app::app_with_site(site.clone()));
    // Lets tests (and curious people) see that the page is interactive now.
    if let Some(root) = leptos::prelude::document().document_element() {
        let _ = root.set_attribute("data-hydrated", "");
    }
}
