//! `/staff/solicitations/new` and `/staff/solicitations/{id}/edit`: the solicitation editor.

use crate::api::solicitations::{solicitation_form, SaveSolicitation, SolicitationEditorData};
use crate::components::{
    editor::{editor_page, EditorButtons, RecordKeys},
    feedback::ErrorSummary,
    field::{Control, Field, Select},
};
use crate::domain::solicitation::{Stage, Status, EXPLANATION, ISSUER, OUTCOME, QUESTIONS, TITLE};
use crate::i18n::t;
use leptos::prelude::*;

#[component]
fn Editor(form: SolicitationEditorData, action: ServerAction<SaveSolicitation>) -> impl IntoView {
    let t = t();
    let s = form.editing.state.clone();
    let stages = Stage::ALL
        .iter()
        .map(|x| (x.code().to_string(), (t.stage)(*x).to_string()))
        .collect();
    let statuses = Status::ALL
        .iter()
        .map(|x| (x.code().to_string(), (t.sol_status)(*x).to_string()))
        .collect();
    let chosen: Vec<String> = s
        .value("stations")
        .split(',')
        .map(|x| x.trim().to_string())
        .collect();
    let station_problem = s
        .problem("stations")
        .map(|p| (t.problem)(t.sol_field_stations, &p));
    let stations = form.stations.into_iter().map(|st| {
        let id = format!("f-station-{}", st.id);
        let checked = chosen.contains(&st.id.to_string());
        view! {
            <div class="check">
                <input type="checkbox" id=id.clone() name="stations[]" value=st.id.to_string() checked=checked/>
                <label for=id>{st.name}</label>
            </div>
        }
    }).collect_view();
    let labels = vec![
        ("title", t.sol_field_title),
        ("stage", t.sol_field_stage),
        ("issuer", t.sol_field_issuer),
        ("explanation", t.sol_field_explanation),
        ("questions", t.sol_field_questions),
        ("opens_on", t.sol_field_opens),
        ("closes_on", t.sol_field_closes),
        ("status", t.sol_field_status),
        ("outcome", t.sol_field_outcome),
        ("stations", t.sol_field_stations),
    ];
    view! {
        <ErrorSummary errors=s.errors.clone() labels/>
        <ActionForm action=action attr:class="form">
            <RecordKeys editing=form.editing.clone()/>
            <Field name="title" label=t.sol_field_title value=s.value("title") problem=s.problem("title") max=TITLE.max required=true/>
            <Select name="stage" label=t.sol_field_stage value=s.value("stage") options=stages problem=s.problem("stage")/>
            <Field name="issuer" label=t.sol_field_issuer value=s.value("issuer") problem=s.problem("issuer")
                hint=t.sol_field_issuer_hint max=ISSUER.max required=true/>
            <Field name="opens_on" label=t.sol_field_opens value=s.value("opens_on") problem=s.problem("opens_on")
                required=true control=Control::Input("date")/>
            <Field name="closes_on" label=t.sol_field_closes value=s.value("closes_on") problem=s.problem("closes_on")
                hint=t.sol_field_closes_hint required=true control=Control::Input("date")/>
            <Select name="status" label=t.sol_field_status value=s.value("status") options=statuses problem=s.problem("status")/>
            <fieldset class="group" id="f-stations">
                <legend>{t.sol_field_stations}</legend>
                {station_problem.map(|m| view! { <p class="error">{m}</p> })}
                {stations}
            </fieldset>
            <Field name="explanation" label=t.sol_field_explanation value=s.value("explanation") problem=s.problem("explanation")
                hint=t.sol_field_explanation_hint max=EXPLANATION.max control=Control::TextArea(10)/>
            <Field name="questions" label=t.sol_field_questions value=s.value("questions") problem=s.problem("questions")
                hint=t.sol_field_questions_hint max=QUESTIONS.max control=Control::TextArea(4)/>
            <Field name="outcome" label=t.sol_field_outcome value=s.value("outcome") problem=s.problem("outcome")
                hint=t.sol_field_outcome_hint max=OUTCOME.max control=Control::TextArea(5)/>
            <EditorButtons list="/staff/solicitations" id=form.editing.id/>
        </ActionForm>
    }
}

#[component]
pub fn SolicitationFormPage() -> impl IntoView {
    let t = t();
    let save = ServerAction::<SaveSolicitation>::new();
    editor_page(
        solicitation_form,
        (t.sol_new, t.sol_edit),
        move |form| view! { <Editor form action=save/> },
    )
}
