//! `/staff/solicitations/{id}/draft`: a new version of the draft. Staff paste the text, check the
//! parsed result (chapters, articles, items, and warnings for anything irregular), then save.

use crate::api::solicitations::{draft_form, DraftEditorData, SaveDraftVersion};
use crate::components::{
    draft::{DraftBody, DraftContents, ParseWarnings},
    feedback::{ErrorSummary, ErrorView},
    field::{Control, Field},
};
use crate::domain::solicitation::{DRAFT_SOURCE, VERSION_LABEL};
use crate::i18n::t;
use crate::pages::{id_param, loading, PageTitle};
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

#[component]
fn Editor(data: DraftEditorData, action: ServerAction<SaveDraftVersion>) -> impl IntoView {
    let t = t();
    let s = data.state;
    let id = data.solicitation.id;
    let labels = vec![("label", t.draft_label), ("text", t.draft_text)];
    let preview = data.preview.clone().map(|p| {
        let count = p.articles().len();
        view! {
            <section class="story" aria-labelledby="preview-title">
                <h2 id="preview-title">{t.draft_preview}"（"{count}{t.draft_articles}"）"</h2>
                <ParseWarnings warnings=p.warnings.clone()/>
                <DraftContents parsed=p.clone()/>
                <div class="preview"><DraftBody parsed=p/></div>
            </section>
        }
    });
    let can_save = data.preview.is_some();
    view! {
        <p class="lead">{t.op_about}"："<a href=format!("/staff/solicitations/{id}")>{data.solicitation.title.clone()}</a></p>
        <p class="hint">{t.draft_lead}</p>
        <ErrorSummary errors=s.errors.clone() labels/>
        <ActionForm action=action attr:class="form">
            <input type="hidden" name="id" value=id.to_string()/>
            <input type="hidden" name="checked" value=data.checked.clone()/>
            <Field name="label" label=t.draft_label value=s.value("label") problem=s.problem("label")
                hint=t.draft_label_hint max=VERSION_LABEL.max required=true/>
            <Field name="text" label=t.draft_text value=s.value("text") problem=s.problem("text")
                max=DRAFT_SOURCE.max required=true control=Control::TextArea(18)/>
            <div class="buttons">
                <button type="submit" name="intent" value="check" class=if can_save { "secondary" } else { "" }>{t.draft_check}</button>
                {can_save.then(|| view! { <button type="submit" name="intent" value="save">{t.draft_save}</button> })}
                <a class="button secondary" href=format!("/staff/solicitations/{id}")>{t.cancel}</a>
            </div>
        </ActionForm>
        {preview}
    }
}

#[component]
pub fn DraftFormPage() -> impl IntoView {
    let t = t();
    let params = use_params_map();
    let query = use_query_map();
    let data = Resource::new(
        move || (id_param(params), query.read().get("draft")),
        |(id, draft)| draft_form(id, draft),
    );
    let save = ServerAction::<SaveDraftVersion>::new();
    view! {
        <PageTitle text=t.draft_title/>
        <h1>{t.draft_title}</h1>
        <Suspense fallback=loading>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(data) => view! { <Editor data action=save/> }.into_any(),
                    Err(e) => view! { <ErrorView error=e/> }.into_any(),
                }
            })}
        </Suspense>
    }
}
