//! `/stories/{slug}`: one published story. Unpublished or unknown slugs are a 404.

use crate::api::stories::get_story;
use crate::components::{feedback::ErrorView, story::StoryArticle};
use crate::error::AppError;
use crate::i18n::t;
use crate::pages::{loading, public::not_found::NotFound, PageTitle};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

#[component]
pub fn StoryPage() -> impl IntoView {
    let params = use_params_map();
    let story = Resource::new(
        move || params.read().get("slug").unwrap_or_default(),
        get_story,
    );
    view! {
        <Suspense fallback=loading>
            {move || Suspend::new(async move {
                match story.await {
                    Ok(s) => view! {
                        <PageTitle text=s.title.clone() description=s.summary.clone() article=true/>
                        <StoryArticle story=s/>
                        <p><a href="/stories">{t().story_back}</a></p>
                    }
                    .into_any(),
                    Err(AppError::NotFound) => view! { <NotFound/> }.into_any(),
                    Err(e) => view! { <ErrorView error=e/> }.into_any(),
                }
            })}
        </Suspense>
    }
}
