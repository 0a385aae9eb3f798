//! `/staff/consultations/new` and `/staff/consultations/{id}/edit`: the session editor.

use crate::api::consultations::{consultation_form, ConsultationEditorData, SaveConsultation};
use crate::components::{
    editor::{editor_page, EditorButtons, RecordKeys},
    feedback::ErrorSummary,
    field::{Control, Field, Select},
};
use crate::domain::consultation::{
    Kind, Status, ADDRESS, CANCEL_REASON, DESCRIPTION, TITLE, TOPIC,
};
use crate::i18n::t;
use leptos::prelude::*;

fn labels() -> Vec<(&'static str, &'static str)> {
    let t = t();
    vec![
        ("kind", t.cs.field_kind),
        ("title", t.cs.field_title),
        ("topic", t.cs.field_topic),
        ("description", t.cs.field_description),
        ("station", t.station),
        ("address", t.cs.field_address),
        ("online_url", t.cs.field_online_url),
        ("date", t.cs.field_date),
        ("start_time", t.cs.field_start),
        ("end_time", t.cs.field_end),
        ("capacity", t.cs.capacity),
        ("reg_opens_on", t.cs.field_reg_opens),
        ("reg_closes_on", t.cs.field_reg_closes),
        ("solicitation", t.cs.linked_solicitation),
        ("status", t.cs.field_status),
        ("cancel_reason", t.cs.cancel_reason),
    ]
}

#[component]
fn Editor(form: ConsultationEditorData, action: ServerAction<SaveConsultation>) -> impl IntoView {
    let t = t();
    let s = form.editing.state.clone();
    let kinds = Kind::ALL
        .iter()
        .map(|k| (k.code().to_string(), (t.cs.kind)(*k).to_string()))
        .collect();
    let statuses = Status::ALL
        .iter()
        .map(|x| (x.code().to_string(), (t.cs.status)(*x).to_string()))
        .collect();
    let stations = std::iter::once((String::new(), t.no_station.to_string()))
        .chain(
            form.stations
                .iter()
                .map(|st| (st.id.to_string(), st.name.clone())),
        )
        .collect();
    let solicitations = std::iter::once((String::new(), t.cs.no_solicitation.to_string()))
        .chain(
            form.solicitations
                .iter()
                .map(|(id, title)| (id.to_string(), title.clone())),
        )
        .collect();
    view! {
        <ErrorSummary errors=s.errors.clone() labels=labels()/>
        <ActionForm action=action attr:class="form">
            <RecordKeys editing=form.editing.clone()/>
            <Select name="kind" label=t.cs.field_kind value=s.value("kind") options=kinds problem=s.problem("kind")/>
            <Field name="title" label=t.cs.field_title value=s.value("title") problem=s.problem("title") max=TITLE.max required=true/>
            <Field name="topic" label=t.cs.field_topic value=s.value("topic") problem=s.problem("topic") max=TOPIC.max/>
            <Field name="date" label=t.cs.field_date value=s.value("date") problem=s.problem("date")
                required=true control=Control::Input("date")/>
            <Field name="start_time" label=t.cs.field_start value=s.value("start_time") problem=s.problem("start_time")
                hint=t.cs.time_hint required=true control=Control::Input("time")/>
            <Field name="end_time" label=t.cs.field_end value=s.value("end_time") problem=s.problem("end_time")
                hint=t.cs.time_hint required=true control=Control::Input("time")/>
            <Select name="station" label=t.station value=s.value("station") options=stations problem=s.problem("station")/>
            <Field name="address" label=t.cs.field_address value=s.value("address") problem=s.problem("address")
                hint=t.cs.field_address_hint max=ADDRESS.max/>
            <Field name="online_url" label=t.cs.field_online_url value=s.value("online_url") problem=s.problem("online_url")
                hint=t.cs.field_online_url_hint control=Control::Input("url")/>
            <Field name="capacity" label=t.cs.capacity value=s.value("capacity") problem=s.problem("capacity")
                hint=t.cs.capacity_hint required=true control=Control::Input("number")/>
            <Field name="reg_opens_on" label=t.cs.field_reg_opens value=s.value("reg_opens_on") problem=s.problem("reg_opens_on")
                required=true control=Control::Input("date")/>
            <Field name="reg_closes_on" label=t.cs.field_reg_closes value=s.value("reg_closes_on") problem=s.problem("reg_closes_on")
                hint=t.cs.field_reg_closes_hint required=true control=Control::Input("date")/>
            <Select name="solicitation" label=t.cs.linked_solicitation value=s.value("solicitation") options=solicitations problem=s.problem("solicitation")/>
            <Field name="description" label=t.cs.field_description value=s.value("description") problem=s.problem("description")
                hint=t.cs.markdown_hint max=DESCRIPTION.max control=Control::TextArea(8)/>
            <Select name="status" label=t.cs.field_status value=s.value("status") options=statuses problem=s.problem("status")/>
            <Field name="cancel_reason" label=t.cs.cancel_reason value=s.value("cancel_reason") problem=s.problem("cancel_reason")
                hint=t.cs.cancel_reason_hint max=CANCEL_REASON.max control=Control::TextArea(2)/>
            <EditorButtons list="/staff/consultations" id=form.editing.id/>
        </ActionForm>
    }
}

#[component]
pub fn ConsultationFormPage() -> impl IntoView {
    let t = t();
    let save = ServerAction::<SaveConsultation>::new();
    editor_page(
        consultation_form,
        (t.cs.new, t.cs.edit),
        move |form| view! { <Editor form action=save/> },
    )
}
