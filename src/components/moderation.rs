//! The parts of moderation pages: the action controls (accept, reject with a reason, merge) that
//! go inside the page's action form, and the notice of what the last action did.

use crate::components::feedback::{ErrorSummary, Notice};
use crate::components::field::{Control, Field, Select};
use crate::domain::form::FormState;
use crate::domain::moderation::{RejectReason, FEEDBACK_REASON, OUTCOMES};
use crate::domain::opinion::{OpinionStatus, NOTE};
use crate::i18n::t;
use leptos::prelude::*;

/// Field labels of the action form, for the error summary.
pub fn labels() -> Vec<(&'static str, &'static str)> {
    let t = t();
    vec![
        ("action", t.mod_action),
        ("reason", t.mod_reason),
        ("note", t.mod_note),
        ("merge_into", t.mod_merge_into),
    ]
}

/// `YJ-2026-7K3Q9（审核通过）、…` from the outcome's `code:status,…` list.
fn codes_with_status(list: &str) -> String {
    let t = t();
    list.split(',')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (code, status) = p.split_once(':').unwrap_or((p, ""));
            match OpinionStatus::from_code(status) {
                Some(s) => format!("{code}{}", (t.paren)((t.opinion_status)(s))),
                None => code.to_string(),
            }
        })
        .collect::<Vec<_>>()
        .join(crate::i18n::t().list_sep)
}

/// What the last action did (from the form sent back), or its problems.
#[component]
pub fn ActionOutcome(form: Option<FormState>) -> impl IntoView {
    let t = t();
    let form = form?;
    if !form.errors.is_empty() {
        return Some(
            view! { <ErrorSummary errors=form.errors.clone() labels=labels()/> }.into_any(),
        );
    }
    let done: usize = form.value("done").parse().ok()?;
    let status = OpinionStatus::from_code(&form.value("done_status"))?;
    let skipped = codes_with_status(&form.value("skipped"));
    let not_allowed = codes_with_status(&form.value("not_allowed"));
    Some(
        view! {
            <Notice text=(t.mod_done)(done, status)/>
            {(!skipped.is_empty()).then(|| view! {
                <p class="warning" role="alert">{t.mod_skipped}{skipped}</p>
            })}
            {(!not_allowed.is_empty()).then(|| view! {
                <p class="warning" role="alert">{t.mod_not_allowed}{not_allowed}</p>
            })}
        }
        .into_any(),
    )
}

/// The action controls: which action, the reason of a rejection, the note the resident reads,
/// and (with `merge`) the code to merge into. `form` holds what was typed last time if it came
/// back with problems.
#[component]
pub fn ActionControls(
    form: Option<FormState>,
    return_to: String,
    #[prop(default = true)] merge: bool,
    /// Adoption feedback on reported opinions instead of moderation.
    #[prop(default = false)]
    feedback: bool,
) -> impl IntoView {
    let t = t();
    let s = form.filter(|f| !f.errors.is_empty()).unwrap_or_default();
    let chosen = s.value("action");
    let choice = move |value: &'static str, label: &'static str| {
        let id = format!("f-action-{value}");
        let checked = chosen == value;
        view! {
            <div class="check">
                <input type="radio" id=id.clone() name="action" value=value checked=checked/>
                <label for=id>{label}</label>
            </div>
        }
    };
    let reasons: Vec<(String, String)> = std::iter::once((String::new(), t.op_choose.to_string()))
        .chain(
            RejectReason::ALL
                .iter()
                .map(|r| (r.code().to_string(), (t.reject_reason)(*r).to_string())),
        )
        .collect();
    let action_problem = s.problem("action").map(|p| (t.problem)(t.mod_action, &p));
    if feedback {
        let outcomes = OUTCOMES
            .iter()
            .map(|o| choice(o.code(), (t.opinion_status)(*o)))
            .collect_view();
        return view! {
            <input type="hidden" name="return_to" value=return_to/>
            <fieldset class="actions" id="f-action">
                <legend>{t.fb_outcome}</legend>
                {action_problem.map(|m| view! { <p class="error">{m}</p> })}
                {outcomes}
            </fieldset>
            <Field name="note" label=t.mod_note value=s.value("note") problem=s.problem("note")
                hint=t.fb_note_hint max=FEEDBACK_REASON.max control=Control::TextArea(3) required=true/>
            <div class="buttons">
                <button type="submit">{t.fb_record}</button>
            </div>
        }
        .into_any();
    }
    view! {
        <input type="hidden" name="return_to" value=return_to/>
        <fieldset class="actions" id="f-action">
            <legend>{t.mod_action}</legend>
            {action_problem.map(|m| view! { <p class="error">{m}</p> })}
            {choice("accept", t.mod_accept)}
            {choice("reject", t.mod_reject)}
            {merge.then(|| choice("merge", t.mod_merge))}
        </fieldset>
        <Select name="reason" label=t.mod_reason value=s.value("reason") options=reasons problem=s.problem("reason")/>
        <Field name="note" label=t.mod_note value=s.value("note") problem=s.problem("note")
            hint=t.mod_note_hint max=NOTE.max control=Control::TextArea(3)/>
        {merge.then(|| view! {
            <Field name="merge_into" label=t.mod_merge_into value=s.value("merge_into")
                problem=s.problem("merge_into") hint=t.mod_merge_into_hint/>
        })}
        <div class="buttons">
            <button type="submit">{t.mod_apply}</button>
        </div>
    }
    .into_any()
}
