//! Stories for residents: the public list and a story's page.

use crate::domain::story::{Page, Story, StorySummary};
use crate::error::AppError;
use leptos::prelude::*;

/// Stories on one page of the public list.
pub const PER_PAGE: i64 = 10;

/// One page of published stories, newest first, optionally of one kind. Anyone may call it.
#[server(endpoint = "stories/list")]
pub async fn list_stories(page: i64, kind: Option<String>) -> Result<Page<StorySummary>, AppError> {
    use crate::domain::story::StoryKind;
    use crate::server::{db, guard};
    let state = guard::state()?;
    let kind = kind.as_deref().and_then(StoryKind::from_code);
    Ok(db::stories::list_published(&state.db, kind, page.max(1), PER_PAGE).await?)
}

/// A published story by slug; an unpublished or unknown one is "not found". Anyone may call it.
#[server(endpoint = "stories/get")]
pub async fn get_story(slug: String) -> Result<Story, AppError> {
    use crate::server::{db, guard};
    let state = guard::state()?;
    let story = db::stories::get_published(&state.db, &slug)
        .await?
        .ok_or_else(|| guard::fail(AppError::NotFound))?;
    // The page shows the rendered body; the Markdown source would only double what is sent.
    Ok(Story {
        body_md: String::new(),
        ..story
    })
}
