//! Stories: the public list and page, and what staff do with them.
#![expect(
    clippy::too_many_arguments,
    reason = "a form's fields arrive as one argument each, flat, so that plain form posts name them simply; the editor has eight"
)]

use crate::domain::{
    form::FormState,
    story::{Page, Story, StorySummary},
};
use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

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

/// Every story, published or not. Staff only.
#[server(endpoint = "staff/stories/list")]
pub async fn staff_list_stories() -> Result<Vec<StorySummary>, AppError> {
    use crate::domain::policy::Permission;
    use crate::server::{db, guard};
    let (state, _) = guard::staff(Permission::ManageStories).await?;
    Ok(db::stories::list_all(&state.db).await?)
}

/// Any story by id, for the staff preview. Staff only.
#[server(endpoint = "staff/stories/get")]
pub async fn staff_get_story(id: i64) -> Result<Story, AppError> {
    use crate::domain::policy::Permission;
    use crate::server::{db, guard};
    let (state, _) = guard::staff(Permission::ManageStories).await?;
    db::stories::get(&state.db, id)
        .await?
        .ok_or_else(|| guard::fail(AppError::NotFound))
}

/// What the story editor opens with.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoryEditorData {
    pub id: Option<i64>,
    /// The story's `updated_at` when the editor opened, to detect a save by someone else.
    pub version: Option<i64>,
    pub state: FormState,
}

/// The editor's content: a sent-back draft if `draft` names one, else the story `id`, else an
/// empty story dated today. Staff only.
#[server(endpoint = "staff/stories/form")]
pub async fn story_form(
    id: Option<i64>,
    draft: Option<String>,
) -> Result<StoryEditorData, AppError> {
    use crate::domain::policy::Permission;
    use crate::server::{db, guard};
    let (state, _) = guard::staff(Permission::ManageStories).await?;
    let story = match id {
        Some(id) => Some(
            db::stories::get(&state.db, id)
                .await?
                .ok_or_else(|| guard::fail(AppError::NotFound))?,
        ),
        None => None,
    };
    let mut version = story.as_ref().map(|s| s.updated_at);
    let form = match guard::draft(&state, draft, "story").await? {
        Some(d) => {
            version = d
                .values
                .get("version")
                .and_then(|v| v.parse().ok())
                .or(version);
            d
        }
        None => match &story {
            Some(s) => FormState::new("story")
                .with("title", &s.title)
                .with("summary", &s.summary)
                .with("body", &s.body_md)
                .with("kind", s.kind.code())
                .with("slug", &s.slug)
                .with("published_on", &s.published_on),
            None => {
                let today = crate::domain::time::date_of_ms(crate::server::db::now_ms())
                    .map(|d| d.to_string())
                    .unwrap_or_default();
                FormState::new("story")
                    .with("kind", "case")
                    .with("published_on", today)
            }
        },
    };
    Ok(StoryEditorData {
        id,
        version,
        state: form,
    })
}

/// Creates or updates a story from the editor. Problems send the editor back with everything
/// typed; success goes to the story's staff page. Staff only; writes an audit entry.
#[server(endpoint = "staff/stories/save")]
pub async fn save_story(
    id: String,
    version: String,
    title: String,
    summary: String,
    body: String,
    kind: String,
    slug: String,
    published_on: String,
) -> Result<(), AppError> {
    use crate::domain::{
        policy::Permission,
        story::StoryInput,
        text::{Problem, FORM},
    };
    use crate::server::{db, db::stories::SaveError, guard, markdown};

    let id = id.trim().parse::<i64>().ok();
    let return_to = match id {
        Some(id) => format!("/staff/stories/{id}/edit"),
        None => "/staff/stories/new".to_string(),
    };
    let mut form = FormState::new("story")
        .with("title", &title)
        .with("summary", &summary)
        .with("body", &body)
        .with("kind", &kind)
        .with("slug", &slug)
        .with("published_on", &published_on)
        .with("version", &version);
    let (state, user) = guard::staff_for_form(Permission::ManageStories, &form, &return_to).await?;
    let input = StoryInput {
        title,
        summary,
        body,
        kind,
        slug,
        published_on,
    };
    let story = match input.validate() {
        Ok(s) => s,
        Err(errors) => {
            form.errors = errors;
            return guard::bounce(&state, &form, &return_to).await;
        }
    };
    let html = markdown::render(&story.body_md);
    let version = version.trim().parse::<i64>().ok();
    match db::stories::save(&state.db, id, version, &story, &html, user.id).await {
        Ok(saved) => {
            leptos_axum::redirect(&format!("/staff/stories/{saved}?done=saved"));
            Ok(())
        }
        Err(SaveError::SlugTaken(by)) => {
            form.errors.add("slug", Problem::SlugTaken { by });
            guard::bounce(&state, &form, &return_to).await
        }
        Err(SaveError::Stale) => {
            form.errors.add(FORM, Problem::RecordChanged);
            guard::bounce(&state, &form, &return_to).await
        }
        Err(SaveError::NotFound) => Err(guard::fail(AppError::NotFound)),
        Err(SaveError::Db(e)) => Err(guard::fail(e.into())),
    }
}

/// Publishes (`publish` = "1") or unpublishes a story. Staff only; writes an audit entry.
#[server(endpoint = "staff/stories/publish")]
pub async fn set_story_published(id: String, publish: String) -> Result<(), AppError> {
    use crate::domain::policy::Permission;
    use crate::server::{db, guard};
    let (state, user) = guard::staff(Permission::ManageStories).await?;
    let id = id
        .trim()
        .parse::<i64>()
        .map_err(|_| guard::fail(AppError::BadRequest))?;
    let publish = publish == "1";
    if !db::stories::set_published(&state.db, id, publish, user.id).await? {
        return Err(guard::fail(AppError::NotFound));
    }
    let done = if publish { "published" } else { "unpublished" };
    leptos_axum::redirect(&format!("/staff/stories/{id}?done={done}"));
    Ok(())
}
