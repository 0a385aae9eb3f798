//! `/privacy`: the privacy notice the opinion form asks consent to: what is collected, why, for
//! how long, and how to ask for correction or deletion. Its version is stored with each opinion.

use crate::i18n::t;
use crate::pages::PageTitle;
use leptos::prelude::*;

#[component]
pub fn PrivacyPage() -> impl IntoView {
    let t = t();
    let sections = t
        .privacy_body
        .iter()
        .map(|(h, p)| view! { <h2>{*h}</h2><p>{*p}</p> })
        .collect_view();
    view! {
        <PageTitle text=t.privacy_title/>
        <article class="story prose">
            <h1>{t.privacy_title}</h1>
            {sections}
        </article>
    }
}
