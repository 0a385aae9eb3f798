//! What staff do with stories: the list of all of them, the preview, the editor and publishing.
#![expect(
    clippy::too_many_arguments,
    reason = "a form's fields arrive as one argument each, flat, so that plain form posts name them simply; the editor has eight"
)]

use crate::domain::form::Editing;
#[cfg(feature = "ssr")]
use crate::domain::form::FormState;
use crate::domain::story::{Story, StorySummary};
use crate::error::AppError;
use leptos::prelude::*;

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

/// The editor's content: a sent-back draft if `draft` names one, else the story `id`, else an
/// empty story dated today. Staff only.
#[server(endpoint = "staff/stories/form")]
pub async fn story_form(id: Option<i64>, draft: Option<String>) -> Result<Editing, AppError> {
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
    let version = story.as_ref().map(|s| s.updated_at);
    guard::editing(&state, draft, "story", id, version, || match &story {
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
    })
    .await
}

/// Opens the story editor prefilled from opinion `id`'s legislative trail: the solicitation, the
/// article then and now, and the feedback; the opinion's words only if its author allowed their
/// publication, and never their name or contact; a link back to the solicitation's 立法足迹.
/// Staff only; nothing is saved until staff save the story.
#[server(endpoint = "staff/stories/from-opinion")]
pub async fn story_from_opinion(id: String) -> Result<(), AppError> {
    use crate::domain::policy::Permission;
    use crate::server::{db, guard};
    let id = id
        .trim()
        .parse::<i64>()
        .map_err(|_| guard::fail(AppError::BadRequest))?;
    let back = format!("/staff/opinions/{id}");
    let (state, user) =
        guard::staff_for_form(Permission::ManageStories, &FormState::new("story"), &back).await?;
    let d = db::opinions::detail(&state.db, id, user.id, false, false)
        .await?
        .ok_or_else(|| guard::fail(AppError::NotFound))?;
    let today = crate::domain::time::iso_date(db::now_ms());
    let form = crate::i18n::story_from_trail(&d, &today);
    guard::bounce(&state, &form, "/staff/stories/new").await
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
