//! How a story looks: as a card in a list and as a whole article.

use crate::domain::story::{Story, StorySummary};
use crate::i18n::{story_kind, t};
use leptos::prelude::*;

/// A story in a list: kind, title (linking to it), date and summary.
#[component]
pub fn StoryCard(story: StorySummary) -> impl IntoView {
    let href = format!("/stories/{}", story.slug);
    view! {
        <li class="card">
            <p class="kind">{story_kind(story.kind)}</p>
            <h3><a href=href>{story.title}</a></h3>
            <p class="date"><time datetime=story.published_on.clone()>{crate::i18n::date(&story.published_on)}</time></p>
            {(!story.summary.is_empty()).then(|| view! { <p>{story.summary}</p> })}
        </li>
    }
}

/// A list of story cards.
#[component]
pub fn StoryList(stories: Vec<StorySummary>) -> impl IntoView {
    view! {
        <ul class="cards">
            {stories.into_iter().map(|s| view! { <StoryCard story=s/> }).collect_view()}
        </ul>
    }
}

/// A whole story; its body is HTML that the server sanitized when it was saved.
#[component]
pub fn StoryArticle(story: Story) -> impl IntoView {
    let t = t();
    view! {
        <article class="story">
            <p class="kind">{story_kind(story.kind)}</p>
            <h1>{story.title}</h1>
            <p class="date">
                {t.story_published_on}{crate::i18n::t().colon}
                <time datetime=story.published_on.clone()>{crate::i18n::date(&story.published_on)}</time>
            </p>
            {(!story.summary.is_empty()).then(|| view! { <p class="lead">{story.summary}</p> })}
            <div class="prose" inner_html=story.body_html></div>
        </article>
    }
}
