//! Previous / next links between the pages of a list.

use crate::i18n::t;
use leptos::prelude::*;

/// Links to the neighbouring pages; `href` builds the URL of a page number.
#[component]
pub fn Pager(page: i64, pages: i64, href: impl Fn(i64) -> String + 'static) -> impl IntoView {
    let t = t();
    (pages > 1).then(|| {
        view! {
            <nav class="pager" aria-label=t.pager_label>
                {(page > 1).then(|| view! { <a rel="prev" href=href(page - 1)>{t.pager_prev}</a> })}
                <span>{(t.page_of)(page, pages)}</span>
                {(page < pages).then(|| view! { <a rel="next" href=href(page + 1)>{t.pager_next}</a> })}
            </nav>
        }
    })
}
