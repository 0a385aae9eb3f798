//! Messages about what just happened: a status notice, the summary of a form's problems, and an
//! error view.

use crate::components::field::field_id;
use crate::domain::text::{FieldErrors, FORM};
use crate::error::AppError;
use crate::i18n::{app_error, t};
use leptos::prelude::*;

/// A short confirmation ("已保存。"), announced to screen readers.
#[component]
pub fn Notice(#[prop(into)] text: String) -> impl IntoView {
    view! { <p class="notice" role="status">{text}</p> }
}

/// The list of a form's problems at its top, each linking to its field. `labels` maps field
/// names to their labels.
#[component]
pub fn ErrorSummary(
    errors: FieldErrors,
    labels: Vec<(&'static str, &'static str)>,
) -> impl IntoView {
    let t = t();
    (!errors.is_empty()).then(|| {
        let form_problem = errors.get(FORM).map(|p| (t.problem)("", p));
        let items = errors
            .0
            .iter()
            .filter(|(field, _)| field.as_str() != FORM)
            .map(|(field, p)| {
                let label = labels.iter().find(|(n, _)| n == field).map(|(_, l)| *l).unwrap_or("");
                let href = format!("#{}", field_id(field));
                view! { <li><a href=href>{(t.problem)(label, p)}</a></li> }
            })
            .collect_view();
        view! {
            <div class="error-summary" role="alert" tabindex="-1">
                <p><strong>{form_problem.unwrap_or_else(|| t.form_has_errors.to_string())}</strong></p>
                <ul>{items}</ul>
            </div>
        }
    })
}

/// A whole-page error with a sentence a person understands.
#[component]
pub fn ErrorView(error: AppError) -> impl IntoView {
    let t = t();
    view! {
        <section class="error-view">
            <h1>{t.error_title}</h1>
            <p>{app_error(&error)}</p>
            <p><a href="/">{t.back_home}</a></p>
        </section>
    }
}
