//! Labelled form controls that show their problem next to them and keep the typed value. No
//! `required` or `maxlength` attributes: the browser would truncate a paste silently or stop the
//! form with its own wording, and this site explains every problem itself, in the same words
//! with JavaScript on and off.

use crate::domain::text::Problem;
use crate::i18n::t;
use leptos::prelude::*;

/// The id of the control for field `name`, also the target of the error summary's links.
pub fn field_id(name: &str) -> String {
    format!("f-{name}")
}

/// How the control is drawn.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Control {
    Input(&'static str),
    TextArea(u32),
}

/// A labelled input or text area.
#[component]
pub fn Field(
    name: &'static str,
    label: &'static str,
    #[prop(into)] value: String,
    #[prop(default = None)] problem: Option<Problem>,
    #[prop(optional)] hint: Option<&'static str>,
    #[prop(optional)] max: Option<usize>,
    #[prop(optional)] required: bool,
    #[prop(default = Control::Input("text"))] control: Control,
    #[prop(optional)] autocomplete: Option<&'static str>,
) -> impl IntoView {
    let t = t();
    let id = field_id(name);
    let hint_id = format!("{id}-hint");
    let err_id = format!("{id}-error");
    let message = problem.as_ref().map(|p| (t.problem)(label, p));
    let hint_text = match (hint, max) {
        (Some(h), Some(m)) => Some(format!("{h}（{}）", (t.max_chars)(m))),
        (Some(h), None) => Some(h.to_string()),
        (None, Some(m)) => Some((t.max_chars)(m)),
        (None, None) => None,
    };
    let described = [
        hint_text.as_ref().map(|_| hint_id.clone()),
        message.as_ref().map(|_| err_id.clone()),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" ");
    let described = (!described.is_empty()).then_some(described);
    let invalid = message.as_ref().map(|_| "true");
    let class = if message.is_some() {
        "field has-error"
    } else {
        "field"
    };
    let mark = if required {
        t.required_mark
    } else {
        t.optional_mark
    };
    let control_view = match control {
        Control::Input(kind) => view! {
            <input id=id.clone() name=name type=kind value=value aria-invalid=invalid
                aria-describedby=described.clone() aria-required=required.then_some("true")
                autocomplete=autocomplete/>
        }
        .into_any(),
        // Leptos renders a textarea's children unescaped, so typed text containing
        // `</textarea>` would end the element; the escaped text goes in as markup instead, which
        // the browser decodes back to exactly what was typed.
        Control::TextArea(rows) => view! {
            <textarea id=id.clone() name=name rows=rows aria-invalid=invalid
                aria-describedby=described.clone() aria-required=required.then_some("true")
                inner_html=html_escape::encode_text(&value).into_owned()></textarea>
        }
        .into_any(),
    };
    view! {
        <div class=class>
            <label for=id.clone()>{label}<span class="mark">{mark}</span></label>
            {hint_text.map(|h| view! { <p class="hint" id=hint_id.clone()>{h}</p> })}
            {message.map(|m| view! { <p class="error" id=err_id.clone()>{m}</p> })}
            {control_view}
        </div>
    }
}

/// A labelled drop-down list; `options` are `(value, label)` pairs.
#[component]
pub fn Select(
    name: &'static str,
    label: &'static str,
    #[prop(into)] value: String,
    options: Vec<(String, String)>,
    #[prop(default = None)] problem: Option<Problem>,
) -> impl IntoView {
    let t = t();
    let id = field_id(name);
    let err_id = format!("{id}-error");
    let message = problem.as_ref().map(|p| (t.problem)(label, p));
    let class = if message.is_some() {
        "field has-error"
    } else {
        "field"
    };
    let described = message.as_ref().map(|_| err_id.clone());
    view! {
        <div class=class>
            <label for=id.clone()>{label}</label>
            {message.map(|m| view! { <p class="error" id=err_id.clone()>{m}</p> })}
            <select id=id.clone() name=name aria-describedby=described aria-invalid=problem.as_ref().map(|_| "true")>
                {options
                    .into_iter()
                    .map(|(v, l)| {
                        let selected = v == value;
                        view! { <option value=v selected=selected>{l}</option> }
                    })
                    .collect_view()}
            </select>
        </div>
    }
}
