//! `/staff/stories/new` and `/staff/stories/{id}/edit`: the story editor. A submission with
//! problems comes back here with everything typed and each problem next to its field.

use crate::api::stories::{story_form, SaveStory, StoryEditorData};
use crate::components::{
    feedback::{ActionFeedback, ErrorSummary, ErrorView},
    field::{Control, Field, Select},
};
use crate::domain::story::{StoryKind, BODY, SUMMARY, TITLE};
use crate::i18n::{story_kind, t};
use crate::pages::{loading, PageTitle};
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

#[component]
fn Editor(form: StoryEditorData, action: ServerAction<SaveStory>) -> impl IntoView {
    let t = t();
    let s = form.state;
    let kinds = StoryKind::ALL
        .into_iter()
        .map(|k| (k.code().to_string(), story_kind(k).to_string()))
        .collect();
    let cancel = form
        .id
        .map(|id| format!("/staff/stories/{id}"))
        .unwrap_or_else(|| "/staff/stories".into());
    let labels = vec![
        ("title", t.story_field_title),
        ("summary", t.story_field_summary),
        ("body", t.story_field_body),
        ("kind", t.story_field_kind),
        ("slug", t.story_field_slug),
        ("published_on", t.story_field_date),
    ];
    view! {
        <ErrorSummary errors=s.errors.clone() labels/>
        <ActionForm action=action attr:class="form">
            <input type="hidden" name="id" value=form.id.map(|i| i.to_string()).unwrap_or_default()/>
            <input type="hidden" name="version" value=form.version.map(|v| v.to_string()).unwrap_or_default()/>
            <Field name="title" label=t.story_field_title value=s.value("title") problem=s.problem("title")
                max=TITLE.max required=true/>
            <Select name="kind" label=t.story_field_kind value=s.value("kind") options=kinds problem=s.problem("kind")/>
            <Field name="published_on" label=t.story_field_date value=s.value("published_on")
                problem=s.problem("published_on") required=true control=Control::Input("date")/>
            <Field name="summary" label=t.story_field_summary value=s.value("summary") problem=s.problem("summary")
                max=SUMMARY.max control=Control::TextArea(3)/>
            <Field name="body" label=t.story_field_body value=s.value("body") problem=s.problem("body")
                hint=t.story_field_body_hint max=BODY.max required=true control=Control::TextArea(16)/>
            <Field name="slug" label=t.story_field_slug value=s.value("slug") problem=s.problem("slug")
                hint=t.story_field_slug_hint/>
            <div class="buttons">
                <button type="submit">{t.save}</button>
                <a class="button secondary" href=cancel>{t.cancel}</a>
            </div>
        </ActionForm>
    }
}

#[component]
pub fn StoryFormPage() -> impl IntoView {
    let t = t();
    let params = use_params_map();
    let query = use_query_map();
    let id = move || params.read().get("id").and_then(|s| s.parse::<i64>().ok());
    let data = Resource::new(
        move || (id(), query.read().get("draft")),
        |(id, draft)| story_form(id, draft),
    );
    let save = ServerAction::<SaveStory>::new();
    let heading = move || {
        if id().is_some() {
            t.story_edit
        } else {
            t.story_new
        }
    };
    view! {
        <PageTitle text=heading()/>
        <h1>{heading}</h1>
        <ActionFeedback value=save.value()/>
        <Suspense fallback=loading>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(form) => view! { <Editor form action=save/> }.into_any(),
                    Err(e) => view! { <ErrorView error=e/> }.into_any(),
                }
            })}
        </Suspense>
    }
}
