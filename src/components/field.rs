//! Labelled form controls that show their problem next to them and keep the typed value. No
//! `required` or `maxlength` attributes: the browser would truncate a paste silently or stop the
//! form with its own wording, and this site explains every problem itself, in the same words
//! with JavaScript on and off.

use crate::domain::{check::Check, text::Problem};
use crate::i18n::t;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

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
///
/// With a `check` (the same rule the server applies to the field), the field also checks itself
/// as the person types, once the page runs its code (it is then an island, [`LiveField`]): a
/// problem that only grows with typing (too long, a control character) shows at once; one that
/// typing may still cure (empty, too short, not yet a phone number) shows when the person moves
/// on to another field, and from then on follows every keystroke. Nothing is ever changed in
/// what was typed, and the form is never stopped from being sent: the server checks again and
/// has the last word. A text area with a limit also shows how many characters are used.
/// `check` supplies `max` and `required` itself.
#[component]
pub fn Field(
    name: &'static str,
    label: &'static str,
    #[prop(into)] value: String,
    #[prop(default = None)] problem: Option<Problem>,
    #[prop(optional)] hint: Option<&'static str>,
    #[prop(optional)] max: Option<usize>,
    #[prop(optional)] required: bool,
    #[prop(optional)] check: Option<Check>,
    #[prop(default = Control::Input("text"))] control: Control,
    #[prop(optional)] autocomplete: Option<&'static str>,
) -> impl IntoView {
    let t = t();
    let (max, required) = match check {
        Some(c) => (c.max(), c.required()),
        None => (max, required),
    };
    let hint = match (hint, max) {
        (Some(h), Some(m)) => Some(format!("{h}{}", (t.paren)(&(t.max_chars)(m)))),
        (Some(h), None) => Some(h.to_string()),
        (None, Some(m)) => Some((t.max_chars)(m)),
        (None, None) => None,
    };
    let (input, rows) = match control {
        Control::Input(kind) => (Some(kind.to_string()), 0),
        Control::TextArea(rows) => (None, rows),
    };
    let spec = FieldSpec {
        name: name.to_string(),
        label: label.to_string(),
        value,
        problem,
        hint,
        max,
        required,
        check,
        input,
        rows,
        autocomplete: autocomplete.map(str::to_string),
    };
    if check.is_some() {
        view! { <LiveField spec/> }.into_any()
    } else {
        field_view(spec).into_any()
    }
}

/// Everything a field shows, owned, so that a checked field's can travel to the browser as the
/// props of its island.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FieldSpec {
    name: String,
    label: String,
    value: String,
    problem: Option<Problem>,
    /// The hint under the label, with the limit in it.
    hint: Option<String>,
    max: Option<usize>,
    required: bool,
    check: Option<Check>,
    /// The input's type, or `None` for a text area of `rows` rows.
    input: Option<String>,
    rows: u32,
    autocomplete: Option<String>,
}

/// A field that checks itself as it is typed ([`Field`] with a `check`).
#[island]
pub fn LiveField(spec: FieldSpec) -> impl IntoView {
    field_view(spec)
}

fn field_view(spec: FieldSpec) -> impl IntoView {
    let t = t();
    let FieldSpec {
        name,
        label,
        value,
        problem,
        hint,
        max,
        required,
        check,
        input,
        rows,
        autocomplete,
    } = spec;
    let id = field_id(&name);
    let hint_id = format!("{id}-hint");
    let err_id = format!("{id}-error");
    let has_hint = hint.is_some();
    let (hint_el, err_el) = (hint_id.clone(), err_id.clone());
    // What is shown now: the server's word on the value it was sent, until the person edits it.
    let shown = RwSignal::new(problem);
    let left = RwSignal::new(shown.get_untracked().is_some());
    let typed = RwSignal::new(value.clone());
    let recheck = move |text: &str| {
        if let Some(c) = check {
            let found = c.problem(text);
            let grows = matches!(found, Some(Problem::TooLong { .. } | Problem::ControlChars));
            if grows || left.get_untracked() || found.is_none() {
                shown.set(found);
            }
        }
    };
    let on_input = move |ev: leptos::ev::Event| {
        let text = event_target_value(&ev);
        recheck(&text);
        typed.set(text);
    };
    // Leaving for another field shows what is still missing. Leaving for a button does not:
    // a message appearing then would move the button from under the pointer between its press
    // and its release, and the click would be lost; the server's answer says it instead.
    let on_leave = move |ev: leptos::ev::FocusEvent| {
        use leptos::wasm_bindgen::JsCast;
        let to_field = ev
            .related_target()
            .and_then(|el| el.dyn_into::<leptos::web_sys::Element>().ok())
            .is_some_and(|el| matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"));
        if to_field {
            left.set(true);
            recheck(&typed.get_untracked());
        }
    };
    let label_text = label.clone();
    let message = move || shown.get().map(|p| (t.problem)(&label_text, &p));
    let described = move || {
        let ids = [
            has_hint.then(|| hint_id.clone()),
            shown.with(Option::is_some).then(|| err_id.clone()),
        ];
        let ids = ids.into_iter().flatten().collect::<Vec<_>>().join(" ");
        (!ids.is_empty()).then_some(ids)
    };
    let invalid = move || shown.with(Option::is_some).then_some("true");
    let class = move || {
        if shown.with(Option::is_some) {
            "field has-error"
        } else {
            "field"
        }
    };
    let mark = if required {
        t.required_mark
    } else {
        t.optional_mark
    };
    // The count appears only once the page's code runs: without it, it could not follow typing.
    let running = RwSignal::new(false);
    Effect::new(move |_| running.set(true));
    let counted = max.filter(|_| check.is_some() && input.is_none());
    let count = move || {
        let max = counted?;
        running.get().then(|| {
            let n = typed.with(|v| v.trim().chars().count());
            let class = if n > max { "count over" } else { "count" };
            view! { <p class=class aria-hidden="true">{(t.chars_used)(n, max)}</p> }
        })
    };
    let control_view = match input {
        Some(kind) => view! {
            <input id=id.clone() name=name type=kind value=value aria-invalid=invalid
                aria-describedby=described aria-required=required.then_some("true")
                autocomplete=autocomplete on:input=on_input on:blur=on_leave/>
        }
        .into_any(),
        // Leptos renders a textarea's children unescaped, so typed text containing
        // `</textarea>` would end the element; the escaped text goes in as markup instead, which
        // the browser decodes back to exactly what was typed.
        None => view! {
            <textarea id=id.clone() name=name rows=rows aria-invalid=invalid
                aria-describedby=described aria-required=required.then_some("true")
                on:input=on_input on:blur=on_leave
                inner_html=html_escape::encode_text(&value).into_owned()></textarea>
        }
        .into_any(),
    };
    view! {
        <div class=class>
            <label for=id.clone()>{label}<span class="mark">{mark}</span></label>
            {hint.map(|h| view! { <p class="hint" id=hint_el>{h}</p> })}
            <div class="live" aria-live="polite">
                {move || message().map(|m| view! { <p class="error" id=err_el.clone()>{m}</p> })}
            </div>
            {control_view}
            {count}
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
