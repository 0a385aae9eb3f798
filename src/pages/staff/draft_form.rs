//! `/staff/solicitations/{id}/draft`: a new version of the draft. Staff paste the text, check the
//! parsed result (chapters, articles, items, and warnings for anything irregular), then save.

use crate::api::solicitations::{draft_form, Alignment, DraftEditorData, SaveDraftVersion};
use crate::components::{
    draft::{AmendmentPoints, DraftBody, DraftContents, ParseWarnings},
    feedback::{ErrorSummary, ErrorView},
    field::{field_id, Control, Field},
    opinion::Checkbox,
};
use crate::domain::form::FormState;
use crate::domain::solicitation::{DRAFT_SOURCE, VERSION_LABEL};
use crate::i18n::t;
use crate::pages::{id_param, loading, PageTitle};
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

/// The alignment of the checked text with the current version: every article that changed, with
/// the field that says which article of the current version it comes from.
#[component]
fn PairingTable(a: Alignment, s: FormState) -> impl IntoView {
    let t = t();
    let rows = a
        .rows
        .into_iter()
        .map(|r| {
            let what = (t.tr.describe)(r.change, r.amended, &r.old_labels, &r.new_labels);
            if r.anchor.is_empty() {
                return view! {
                    <tr class="deleted">
                        <td data-label=t.tr.align_new>{t.tr.align_deleted}</td>
                        <td data-label=t.tr.align_old>{r.old_labels.join(crate::i18n::t().list_sep)}" "<span class="hint">{r.excerpt}</span></td>
                        <td data-label=t.tr.what_changed>{what}</td>
                    </tr>
                }
                .into_any();
            }
            let field = format!("pair-{}", r.anchor);
            let problem = s.problem(&field).map(|p| (t.problem)("", &p));
            let id = field_id(&field);
            let label = r.new_labels.join(crate::i18n::t().list_sep);
            let err_id = format!("{id}-error");
            let invalid = problem.is_some();
            view! {
                <tr class=if invalid { "invalid" } else { "" }>
                    <td data-label=t.tr.align_new><strong>{label.clone()}</strong>" "<span class="hint">{r.excerpt}</span></td>
                    <td data-label=t.tr.align_old>
                        <input type="hidden" name="pair_new[]" value=r.anchor.clone()/>
                        <input type="hidden" name="pair_was[]" value=r.was/>
                        <input type="text" name="pair_old[]" id=id value=r.value size="10" maxlength="60"
                            aria-label=(t.tr.align_input)(&label)
                            aria-invalid=invalid.then_some("true")
                            aria-describedby=invalid.then(|| err_id.clone())/>
                        {problem.map(|p| view! { <p class="error" id=err_id>{p}</p> })}
                    </td>
                    <td data-label=t.tr.what_changed>{what}</td>
                </tr>
            }
            .into_any()
        })
        .collect_view();
    view! {
        <section class="story" aria-labelledby="pairing-title">
            <h2 id="pairing-title">{(t.tr.align_title)(&a.base_label)}</h2>
            <p>{(t.tr.summary)(&a.counts)}</p>
            <p class="hint">{t.tr.align_lead}</p>
            <input type="hidden" name="base" value=a.base_id.to_string()/>
            <table class="stack pairing">
                <thead><tr><th scope="col">{t.tr.align_new}</th><th scope="col">{t.tr.align_old}</th><th scope="col">{t.tr.what_changed}</th></tr></thead>
                <tbody>{rows}</tbody>
            </table>
            {(a.unchanged > 0).then(|| view! { <p class="hint">{(t.tr.align_unchanged)(a.unchanged)}</p> })}
        </section>
    }
}

#[component]
fn Editor(data: DraftEditorData, action: ServerAction<SaveDraftVersion>) -> impl IntoView {
    let t = t();
    let s = data.state;
    let id = data.solicitation.id;
    let labels = vec![
        ("label", t.draft_label),
        ("text", t.draft_text),
        ("adopted_on", t.tr.adopted_on),
        ("promulgated_on", t.tr.promulgated_on),
        ("official_url", t.tr.official_url),
        ("amends", t.tr.amend_base),
        ("base_text", t.tr.amend_base_text),
    ];
    let amends = s.value("amends");
    let amends_problem = s
        .problem("amends")
        .map(|p| (t.problem)(t.tr.amend_base, &p));
    let amends_invalid = amends_problem.is_some();
    let base_options = data
        .versions
        .iter()
        .map(|(v, label)| {
            let value = v.to_string();
            let selected = amends == value;
            view! { <option value=value selected=selected>{label.clone()}</option> }
        })
        .collect_view();
    let amendment = data
        .preview
        .as_ref()
        .and_then(|p| p.amendment.clone())
        .map(|a| view! { <AmendmentPoints a/> });
    let preview = data.preview.clone().map(|p| {
        let count = p.articles().len();
        view! {
            <section class="story" aria-labelledby="preview-title">
                <h2 id="preview-title">{t.draft_preview}{(t.paren)(&format!("{count}{}", t.draft_articles))}</h2>
                <ParseWarnings warnings=p.warnings.clone()/>
                {amendment}
                <DraftContents parsed=p.clone()/>
                <div class="preview"><DraftBody parsed=p/></div>
            </section>
        }
    });
    let can_save = data.preview.is_some();
    let pairing = data
        .alignment
        .clone()
        .map(|a| view! { <PairingTable a s=s.clone()/> });
    view! {
        <p class="lead">{t.op_about}{crate::i18n::t().colon}<a href=format!("/staff/solicitations/{id}")>{data.solicitation.title.clone()}</a></p>
        <p class="hint">{t.draft_lead}</p>
        <ErrorSummary errors=s.errors.clone() labels/>
        <ActionForm action=action attr:class="form">
            <input type="hidden" name="id" value=id.to_string()/>
            <input type="hidden" name="checked" value=data.checked.clone()/>
            <Field name="label" label=t.draft_label value=s.value("label") problem=s.problem("label")
                hint=t.draft_label_hint max=VERSION_LABEL.max required=true/>
            <Field name="text" label=t.draft_text value=s.value("text") problem=s.problem("text")
                max=DRAFT_SOURCE.max required=true control=Control::TextArea(18)/>
            <fieldset class="enactment">
                <legend>{t.tr.amend_legend}</legend>
                <Checkbox name="amending" label=view! { {t.tr.amend_check} }.into_any()
                    checked=s.value("amending") == "1"/>
                <p class="hint">{t.tr.amend_hint}</p>
                <div class=if amends_invalid { "field has-error" } else { "field" }>
                    <label for="f-amends">{t.tr.amend_base}</label>
                    <select id="f-amends" name="amends"
                        aria-invalid=amends_invalid.then_some("true")
                        aria-describedby=amends_invalid.then_some("f-amends-error")>
                        {base_options}
                        <option value="text" selected=amends == "text">{t.tr.amend_base_pasted}</option>
                    </select>
                    {amends_problem.map(|p| view! { <p class="error" id="f-amends-error">{p}</p> })}
                </div>
                <Field name="base_text" label=t.tr.amend_base_text value=s.value("base_text")
                    problem=s.problem("base_text") hint=t.tr.amend_base_text_hint
                    max=DRAFT_SOURCE.max control=Control::TextArea(6)/>
            </fieldset>
            <fieldset class="enactment">
                <legend>{t.tr.enacted_legend}</legend>
                <Checkbox name="enacted" label=view! { {t.tr.enacted_check} }.into_any()
                    checked=s.value("enacted") == "1"/>
                <p class="hint">{t.tr.enacted_hint}</p>
                <Field name="adopted_on" label=t.tr.adopted_on value=s.value("adopted_on")
                    problem=s.problem("adopted_on") control=Control::Input("date")/>
                <Field name="promulgated_on" label=t.tr.promulgated_on value=s.value("promulgated_on")
                    problem=s.problem("promulgated_on") control=Control::Input("date")/>
                <Field name="official_url" label=t.tr.official_url value=s.value("official_url")
                    problem=s.problem("official_url") hint=t.tr.official_url_hint
                    max=crate::domain::solicitation::OFFICIAL_URL_MAX control=Control::Input("url")/>
            </fieldset>
            {pairing}
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
