//! What every record editor (a story, a session, a deputy, a solicitation) shares: the page
//! around it, which opens an existing record or a new one and comes back with a sent-back draft,
//! and the form's record keys and buttons.
//!
//! The server side of the same pattern is [`crate::server::guard::editing`]; the data is
//! [`Editing`].

use crate::components::feedback::ErrorView;
use crate::domain::form::Editing;
use crate::error::AppError;
use crate::i18n::t;
use crate::pages::{loading, PageTitle};
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};
use serde::{de::DeserializeOwned, Serialize};
use std::future::Future;

/// An editor page for the record named by the path's `{id}` (a new record when there is none):
/// its heading, `headings.0` for a new record and `.1` for an existing one; and `editor`, given what `load(id, ?draft=)` returns. A save that is sent back
/// names its draft in `?draft=`, so the page opens again with everything that was typed.
pub fn editor_page<T, F, Fut, V>(
    load: F,
    headings: (&'static str, &'static str),
    editor: impl Fn(T) -> V + Clone + Send + Sync + 'static,
) -> impl IntoView
where
    T: Clone + Serialize + DeserializeOwned + Send + Sync + 'static,
    F: Fn(Option<i64>, Option<String>) -> Fut + Copy + Send + Sync + 'static,
    Fut: Future<Output = Result<T, AppError>> + Send + 'static,
    V: IntoView + 'static,
{
    let params = use_params_map();
    let query = use_query_map();
    let id = move || params.read().get("id").and_then(|s| s.parse::<i64>().ok());
    let data = Resource::new(
        move || (id(), query.read().get("draft")),
        move |(id, draft)| load(id, draft),
    );
    let heading = move || {
        if id().is_some() {
            headings.1
        } else {
            headings.0
        }
    };
    view! {
        <PageTitle text=heading()/>
        <h1>{heading}</h1>
        <Suspense fallback=loading>
            {move || {
                let editor = editor.clone();
                Suspend::new(async move {
                    match data.await {
                        Ok(form) => editor(form).into_any(),
                        Err(e) => view! { <ErrorView error=e/> }.into_any(),
                    }
                })
            }}
        </Suspense>
    }
}

/// The hidden fields that say which record a save is for and which version of it the person
/// began from, so that a save over someone else's is caught.
#[component]
pub fn RecordKeys(editing: Editing) -> impl IntoView {
    view! {
        <input type="hidden" name="id" value=editing.id.map(|i| i.to_string()).unwrap_or_default()/>
        <input type="hidden" name="version" value=editing.version.map(|v| v.to_string()).unwrap_or_default()/>
    }
}

/// Save, and cancel: back to the record's page (`{list}/{id}`), or to `list` for a new record.
#[component]
pub fn EditorButtons(list: &'static str, id: Option<i64>) -> impl IntoView {
    let t = t();
    let cancel = id
        .map(|id| format!("{list}/{id}"))
        .unwrap_or_else(|| list.to_string());
    view! {
        <div class="buttons">
            <button type="submit">{t.save}</button>
            <a class="button secondary" href=cancel>{t.cancel}</a>
        </div>
    }
}
