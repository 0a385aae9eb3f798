//! `/staff/stories/new` and `/staff/stories/{id}/edit`: the story editor. A submission with
//! problems comes back here with everything typed and each problem next to its field.

use crate::api::stories::{story_form, SaveStory};
use crate::components::{
    editor::{editor_page, EditorButtons, RecordKeys},
    feedback::ErrorSummary,
    field::{Control, Field, Select},
};
use crate::domain::form::Editing;
use crate::domain::story::{StoryKind, BODY, SUMMARY, TITLE};
use crate::i18n::{story_kind, t};
use leptos::prelude::*;

#[component]
fn Editor(form: Editing, action: ServerAction<SaveStory>) -> impl IntoView {
    let t = t();
    let s = form.state.clone();
    let kinds = StoryKind::ALL
        .into_iter()
        .map(|k| (k.code().to_string(), story_kind(k).to_string()))
        .collect();
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
            <RecordKeys editing=form.clone()/>
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
            <EditorButtons list="/staff/stories" id=form.id/>
        </ActionForm>
    }
}

#[component]
pub fn StoryFormPage() -> impl IntoView {
    let t = t();
    let save = ServerAction::<SaveStory>::new();
    editor_page(
        story_form,
        (t.story_new, t.story_edit),
        move |form| view! { <Editor form action=save/> },
    )
}
