//! `/staff/consultations`: every session within the person's station, drafts included; and
//! `/staff/consultations/{id}`: running one: the registrations with check-in by code,
//! attendance, entering the views raised as opinions, the export, and the minutes and outcomes.

use crate::api::consultations::{
    staff_consultation, staff_consultations, CheckIn, MarkAttendance, SaveRecord, StaffSession,
};
use crate::components::{
    consultation::{registration_text, when, Place},
    feedback::{ErrorSummary, ErrorView, Notice},
    field::{Control, Field},
};
use crate::domain::consultation::{RegStatus, MINUTES};
use crate::i18n::t;
use crate::pages::{id_param, loading, PageTitle};
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_params_map, use_query_map};

#[component]
pub fn StaffConsultationsPage() -> impl IntoView {
    let t = t();
    let list = Resource::new(|| (), |_| staff_consultations());
    view! {
        <PageTitle text=t.cs.staff_title/>
        <h1>{t.cs.staff_title}</h1>
        <p><a class="button" href="/staff/consultations/new">{t.cs.new}</a></p>
        <Suspense fallback=loading>
            {move || Suspend::new(async move {
                match list.await {
                    Ok((list, _)) if list.is_empty() => view! { <p>{t.cs.staff_empty}</p> }.into_any(),
                    Ok((list, now)) => view! {
                        <div class="table-wrap">
                            <table class="stack">
                                <thead><tr>
                                    <th scope="col">{t.cs.field_title}</th>
                                    <th scope="col">{t.cs.time}</th>
                                    <th scope="col">{t.cs.field_status}</th>
                                    <th scope="col">{t.cs.registration}</th>
                                </tr></thead>
                                <tbody>
                                    {list.into_iter().map(|c| view! {
                                        <tr>
                                            <td><a href=format!("/staff/consultations/{}", c.id)>{c.title.clone()}</a>
                                                <br/><span class="hint">{(t.cs.kind)(c.kind)}" · "{c.station_name.clone()}</span></td>
                                            <td data-label=t.cs.time>{when(&c)}</td>
                                            <td data-label=t.cs.field_status>{(t.cs.status)(c.status)}</td>
                                            <td data-label=t.cs.registration>{(t.cs.capacity_line)(c.capacity, c.taken, c.waitlisted)}
                                                <br/><span class="hint">{registration_text(&c, now)}</span></td>
                                        </tr>
                                    }).collect_view()}
                                </tbody>
                            </table>
                        </div>
                    }
                    .into_any(),
                    Err(e) => view! { <ErrorView error=e/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Registrations(data: StaffSession, attendance: ServerAction<MarkAttendance>) -> impl IntoView {
    let t = t();
    let c = data.consultation;
    let id = c.summary.id;
    if data.registrations.is_empty() {
        return view! { <p>{t.cs.no_registrations}</p> }.into_any();
    }
    let rows = data
        .registrations
        .into_iter()
        .map(|r| {
            let status = r.status();
            let attend_form = |value: &'static str, label: &'static str| {
                view! {
                    <ActionForm action=attendance attr:class="inline-form">
                        <input type="hidden" name="consultation_id" value=id.to_string()/>
                        <input type="hidden" name="registration_id" value=r.id.to_string()/>
                        <input type="hidden" name="attended" value=value/>
                        <button type="submit" class="secondary small">{label}</button>
                    </ActionForm>
                }
            };
            let attendance_controls = match status {
                RegStatus::Confirmed => view! { {attend_form("1", t.cs.mark_attended)}" "{attend_form("0", t.cs.mark_absent)} }.into_any(),
                RegStatus::Attended => attend_form("0", t.cs.mark_absent).into_any(),
                RegStatus::Absent => attend_form("1", t.cs.mark_attended).into_any(),
                _ => ().into_any(),
            };
            let opinion = match (r.opinion_id, c.solicitation_id) {
                (Some(o), _) => view! { <a href=format!("/staff/opinions/{o}")>{t.cs.opinion_entered}</a> }.into_any(),
                (None, Some(sid)) if !r.questions.is_empty() && status != RegStatus::Cancelled => view! {
                    <a href=format!("/staff/solicitations/{sid}/opinions/new?registration={}", r.id)>{t.cs.enter_as_opinion}</a>
                }.into_any(),
                _ => ().into_any(),
            };
            view! {
                <tr id=format!("reg-{}", r.id)>
                    <td><span class="code">{r.code.clone()}</span></td>
                    <td data-label=t.op_name>{r.name.clone()}{(!r.organisation.is_empty()).then(|| view! { <br/><span class="hint">{r.organisation.clone()}</span> })}</td>
                    <td data-label=t.op_phone>{r.phone.clone()}</td>
                    <td data-label=t.op_status>{(t.cs.reg_status)(status)}</td>
                    <td data-label=t.cs.questions><span class="pre">{r.questions.clone()}</span></td>
                    <td data-label=t.actions>{attendance_controls}" "{opinion}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-wrap">
            <table class="stack">
                <thead><tr>
                    <th scope="col">{t.cs.reg_code}</th>
                    <th scope="col">{t.op_name}</th>
                    <th scope="col">{t.op_phone}</th>
                    <th scope="col">{t.op_status}</th>
                    <th scope="col">{t.cs.questions}</th>
                    <th scope="col">{t.actions}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
    .into_any()
}

#[component]
fn Session(
    data: StaffSession,
    checked: Option<String>,
    check_in: ServerAction<CheckIn>,
    attendance: ServerAction<MarkAttendance>,
    record: ServerAction<SaveRecord>,
) -> impl IntoView {
    let t = t();
    let c = data.consultation.clone();
    let s = c.summary.clone();
    let id = s.id;
    let form = data.form.clone();
    let checkin_form = form.clone().filter(|f| f.form == "checkin");
    let record_form = form.filter(|f| f.form == "record");
    let checked_name = checked.and_then(|code| {
        data.registrations
            .iter()
            .find(|r| r.code == code)
            .map(|r| (t.cs.checked_in)(&r.name, &r.code))
    });
    let minutes = record_form
        .as_ref()
        .map(|f| f.value("minutes"))
        .unwrap_or(c.minutes_md.clone());
    let outcomes = record_form
        .as_ref()
        .map(|f| f.value("outcomes"))
        .unwrap_or(c.outcomes_md.clone());
    let record_errors = record_form
        .as_ref()
        .map(|f| f.errors.clone())
        .unwrap_or_default();
    let checkin_value = checkin_form
        .as_ref()
        .map(|f| f.value("code"))
        .unwrap_or_default();
    let checkin_errors = checkin_form
        .as_ref()
        .map(|f| f.errors.clone())
        .unwrap_or_default();
    view! {
        <PageTitle text=s.title.clone()/>
        <p class="kind">{(t.cs.kind)(s.kind)}</p>
        <h1>{s.title.clone()}</h1>
        <dl class="facts">
            <dt>{t.cs.field_status}</dt><dd>{(t.cs.status)(s.status)}</dd>
            <dt>{t.cs.time}</dt><dd>{when(&s)}</dd>
            <dt>{t.cs.place}</dt><dd><Place c=s.clone()/></dd>
            <dt>{t.cs.capacity}</dt><dd>{(t.cs.capacity_line)(s.capacity, s.taken, s.waitlisted)}</dd>
            <dt>{t.cs.registration}</dt><dd>{registration_text(&s, data.now)}</dd>
            <dt>{t.cs.reg_window}</dt><dd>{crate::i18n::datetime(s.reg_opens_at)}" – "{crate::i18n::datetime(s.reg_closes_at)}</dd>
        </dl>
        <div class="toolbar">
            <a class="button secondary" href=format!("/staff/consultations/{id}/edit")>{t.edit}</a>
            <a href=format!("/staff/consultations/{id}/registrations.csv")>{t.cs.export_csv}</a>
            <a href=format!("/staff/consultations/{id}/registrations.xlsx")>{t.cs.export_xlsx}</a>
            <a href=format!("/consultations/{id}")>{t.sol_view_public}</a>
        </div>
        <section id="checkin" class="checkin" aria-labelledby="checkin-title">
            <h2 id="checkin-title">{t.cs.checkin_title}</h2>
            {checked_name.map(|n| view! { <Notice text=n/> })}
            <ErrorSummary errors=checkin_errors.clone() labels=vec![("code", t.cs.reg_code)]/>
            <ActionForm action=check_in attr:class="form">
                <input type="hidden" name="consultation_id" value=id.to_string()/>
                <Field name="code" label=t.cs.reg_code value=checkin_value problem=checkin_errors.get("code").cloned()
                    hint=t.cs.checkin_hint required=true/>
                <div class="buttons"><button type="submit">{t.cs.checkin_submit}</button></div>
            </ActionForm>
        </section>
        <h2>{t.cs.registrations}</h2>
        <Registrations data=data.clone() attendance/>
        <section id="record" aria-labelledby="record-title">
            <h2 id="record-title">{t.cs.record_title}</h2>
            <p class="hint">{t.cs.record_lead}</p>
            <ErrorSummary errors=record_errors.clone() labels=vec![("minutes", t.cs.minutes), ("outcomes", t.cs.outcomes)]/>
            <ActionForm action=record attr:class="form">
                <input type="hidden" name="consultation_id" value=id.to_string()/>
                <Field name="outcomes" label=t.cs.outcomes value=outcomes problem=record_errors.get("outcomes").cloned()
                    hint=t.cs.markdown_hint max=MINUTES.max control=Control::TextArea(6)/>
                <Field name="minutes" label=t.cs.minutes value=minutes problem=record_errors.get("minutes").cloned()
                    hint=t.cs.markdown_hint max=MINUTES.max control=Control::TextArea(10)/>
                <div class="buttons"><button type="submit">{t.save}</button></div>
            </ActionForm>
        </section>
    }
}

#[component]
pub fn StaffConsultationPage() -> impl IntoView {
    let t = t();
    let params = use_params_map();
    let query = use_query_map();
    let location = use_location();
    let data = Resource::new(
        move || {
            (
                id_param(params),
                query.read().get("draft"),
                location.search.get(),
            )
        },
        |(id, draft, _)| staff_consultation(id, draft),
    );
    let check_in = ServerAction::<CheckIn>::new();
    let attendance = ServerAction::<MarkAttendance>::new();
    let record = ServerAction::<SaveRecord>::new();
    let notice = move || {
        query.read().get("done").and_then(|d| match d.as_str() {
            "saved" | "recorded" => Some(t.saved),
            _ => None,
        })
    };
    view! {
        {move || notice().map(|n| view! { <Notice text=n/> })}
        <Suspense fallback=loading>
            {move || Suspend::new(async move {
                let checked = query.read().get("checked");
                match data.await {
                    Ok(data) => view! { <Session data checked check_in attendance record/> }.into_any(),
                    Err(e) => view! { <ErrorView error=e/> }.into_any(),
                }
            })}
        </Suspense>
    }
}
