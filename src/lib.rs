//! Minyi (民意直通车): the web platform of a district People's Congress standing committee and its
//! grassroots legislative contact points. One crate, two targets: the server (`ssr`) and the
//! browser bundle that brings the pages' interactive parts (islands) to life (`hydrate`).

pub mod api;
pub mod app;
pub mod components;
pub mod domain;
pub mod error;
pub mod i18n;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod server;

/// Entry point of the browser bundle, which holds only the `#[island]` components: sets up the
/// reactive system. The page script ([`server::bundle`]) then hydrates each island of the page
/// through the function the island exports.
#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    i18n::browser::init();
    leptos::mount::hydrate_islands();
}
