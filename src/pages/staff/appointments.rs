//! `/staff/appointments`: bookings with deputies, by status; `/staff/appointments/{id}`: one
//! booking: confirm or decline it with a message (a referral for 信访/诉讼/仲裁 matters), and
//! after the meeting record how it was handled, the outcome the resident reads, and a summary
//! that may be published on the deputy's page.

use crate::api::deputies::{
    staff_appointment, staff_appointments, DecideAppointment, RecordAppointment,
    StaffAppointmentData,
};
use crate::components::{
    deputy::slot_time,
    feedback::{ErrorSummary, ErrorView, Notice},
    field::{Control, Field, Select},
    opinion::Checkbox,
};
use crate::domain::deputy::{AppointmentStatus, DeclineReason, Handling, OUTCOME, STAFF_MESSAGE};
use crate::domain::form::FormState;
use crate::i18n::t;
use crate::pages::{id_param, loading, PageTitle};
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_params_map, use_query_map};

#[component]
pub fn StaffAppointmentsPage() -> impl IntoView {
    let t = t();
    let query = use_query_map();
    let status = move || query.read().get("status");
    let list = Resource::new(status, staff_appointments);
    let filters = move || {
        let cur = status().unwrap_or_default();
        std::iter::once((String::new(), t.dp.all_statuses))
            .chain(
                AppointmentStatus::ALL
                    .iter()
                    .map(|s| (s.code().to_string(), (t.dp.status)(*s))),
            )
            .map(|(code, label)| {
                let href = if code.is_empty() {
                    "/staff/appointments".to_string()
                } else {
                    format!("/staff/appointments?status={code}")
                };
                let selected = cur == code;
                view! { <li><a href=href aria-current=selected.then_some("page")>{label}</a></li> }
            })
            .collect_view()
    };
    view! {
        <PageTitle text=t.dp.appointments/>
        <h1>{t.dp.appointments}</h1>
        <nav class="filters" aria-label=t.op_status><ul>{filters}</ul></nav>
        <Suspense fallback=loading>
            {move || Suspend::new(async move {
                match list.await {
                    Ok(list) if list.is_empty() => view! { <p>{t.dp.no_appointments}</p> }.into_any(),
                    Ok(list) => view! {
                        <div class="table-wrap">
                            <table class="stack">
                                <thead><tr>
                                    <th scope="col">{t.dp.code}</th>
                                    <th scope="col">{t.dp.deputy}</th>
                                    <th scope="col">{t.dp.field_slot}</th>
                                    <th scope="col">{t.op_name}</th>
                                    <th scope="col">{t.op_status}</th>
                                </tr></thead>
                                <tbody>
                                    {list.into_iter().map(|a| view! {
                                        <tr>
                                            <td><a href=format!("/staff/appointments/{}", a.id)>{a.code.clone()}</a></td>
                                            <td data-label=t.dp.deputy>{a.deputy_name.clone()}</td>
                                            <td data-label=t.dp.field_slot>{a.slot.as_ref().map(slot_time).unwrap_or_else(|| format!("{}{}{}", t.dp.other_time_asked, crate::i18n::t().colon, a.preferred_time))}</td>
                                            <td data-label=t.op_name>{a.name.clone()}" "{a.phone.clone()}</td>
                                            <td data-label=t.op_status>{(t.dp.status)(a.status)}</td>
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
fn AppointmentView(
    data: StaffAppointmentData,
    decide: ServerAction<DecideAppointment>,
    record: ServerAction<RecordAppointment>,
) -> impl IntoView {
    let t = t();
    let a = data.appointment;
    let id = a.id;
    let decide_form = data
        .form
        .clone()
        .filter(|f| f.form == "decide")
        .unwrap_or_else(|| FormState::new("decide").with("decision", "confirm"));
    let outcome_form = data
        .form
        .filter(|f| f.form == "outcome")
        .unwrap_or_else(|| {
            FormState::new("outcome")
                .with(
                    "handling",
                    a.handling.map(|h| h.code()).unwrap_or("on_spot"),
                )
                .with("outcome", &a.outcome)
                .with("public_summary", &a.public_summary)
                .with("publish", if a.summary_published { "1" } else { "" })
        });
    let decisions = vec![
        ("confirm".to_string(), t.dp.confirm.to_string()),
        ("decline".to_string(), t.dp.decline.to_string()),
    ];
    let reasons = std::iter::once((String::new(), t.dp.no_reason.to_string()))
        .chain(
            DeclineReason::ALL
                .iter()
                .map(|r| (r.code().to_string(), (t.dp.decline_reason)(*r).to_string())),
        )
        .collect();
    let handlings = Handling::ALL
        .iter()
        .map(|h| (h.code().to_string(), (t.dp.handling)(*h).to_string()))
        .collect();
    let when = a.slot.as_ref().map(slot_time).unwrap_or_else(|| {
        format!(
            "{}{}{}",
            t.dp.other_time_asked,
            crate::i18n::t().colon,
            a.preferred_time
        )
    });
    let can_decide = matches!(
        a.status,
        AppointmentStatus::Requested | AppointmentStatus::Confirmed
    );
    let can_record = matches!(
        a.status,
        AppointmentStatus::Confirmed | AppointmentStatus::Completed
    );
    let d = decide_form;
    let o = outcome_form;
    view! {
        <PageTitle text=format!("{} {}", t.dp.code, a.code)/>
        <h1>{t.dp.code}" "{a.code.clone()}</h1>
        <dl class="facts">
            <dt>{t.op_status}</dt><dd><strong>{(t.dp.status)(a.status)}</strong></dd>
            <dt>{t.dp.deputy}</dt><dd><a href=format!("/staff/deputies/{}", a.deputy_id)>{a.deputy_name.clone()}</a></dd>
            <dt>{t.dp.field_slot}</dt><dd>{when}</dd>
            <dt>{t.op_name}</dt><dd>{a.name.clone()}</dd>
            <dt>{t.op_phone}</dt><dd>{a.phone.clone()}</dd>
            {(!a.email.is_empty()).then(|| view! { <dt>{t.op_email}</dt><dd>{a.email.clone()}</dd> })}
            <dt>{t.dp.booked_at}</dt><dd>{crate::i18n::datetime(a.created_at)}</dd>
        </dl>
        <h2>{t.dp.matter}</h2>
        <p class="pre">{a.matter.clone()}</p>
        {(!a.staff_message.is_empty()).then(|| view! { <h2>{t.dp.staff_message}</h2><p class="pre">{a.staff_message.clone()}</p> })}
        {can_decide.then(|| view! {
            <section id="decide">
                <h2>{t.dp.decide_title}</h2>
                <p class="hint">{t.dp.decide_lead}</p>
                <ErrorSummary errors=d.errors.clone() labels=vec![("decision", t.dp.decision), ("reason", t.dp.reason), ("message", t.dp.staff_message)]/>
                <ActionForm action=decide attr:class="form">
                    <input type="hidden" name="appointment_id" value=id.to_string()/>
                    <Select name="decision" label=t.dp.decision value=d.value("decision") options=decisions problem=d.problem("decision")/>
                    <Select name="reason" label=t.dp.reason value=d.value("reason") options=reasons problem=d.problem("reason")/>
                    <Field name="message" label=t.dp.staff_message value=d.value("message") problem=d.problem("message")
                        hint=t.dp.message_hint max=STAFF_MESSAGE.max control=Control::TextArea(3)/>
                    <div class="buttons"><button type="submit">{t.dp.decide_submit}</button></div>
                </ActionForm>
            </section>
        })}
        {can_record.then(|| view! {
            <section id="outcome">
                <h2>{t.dp.outcome_title}</h2>
                <ErrorSummary errors=o.errors.clone() labels=vec![("handling", t.dp.field_handling), ("outcome", t.dp.outcome), ("public_summary", t.dp.public_summary)]/>
                <ActionForm action=record attr:class="form">
                    <input type="hidden" name="appointment_id" value=id.to_string()/>
                    <Select name="handling" label=t.dp.field_handling value=o.value("handling") options=handlings problem=o.problem("handling")/>
                    <Field name="outcome" label=t.dp.outcome value=o.value("outcome") problem=o.problem("outcome")
                        hint=t.dp.outcome_hint max=OUTCOME.max required=true control=Control::TextArea(4)/>
                    <Field name="public_summary" label=t.dp.public_summary value=o.value("public_summary") problem=o.problem("public_summary")
                        hint=t.dp.public_summary_hint max=OUTCOME.max control=Control::TextArea(3)/>
                    <Checkbox name="publish" label=view! { {t.dp.publish_summary} }.into_any() checked=o.value("publish") == "1"/>
                    <div class="buttons"><button type="submit">{t.save}</button></div>
                </ActionForm>
            </section>
        })}
    }
}

#[component]
pub fn StaffAppointmentPage() -> impl IntoView {
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
        |(id, draft, _)| staff_appointment(id, draft),
    );
    let decide = ServerAction::<DecideAppointment>::new();
    let record = ServerAction::<RecordAppointment>::new();
    let notice = move || {
        query.read().get("done").and_then(|d| match d.as_str() {
            "decided" | "recorded" => Some(t.saved),
            _ => None,
        })
    };
    view! {
        {move || notice().map(|n| view! { <Notice text=n/> })}
        <Suspense fallback=loading>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(data) => view! { <AppointmentView data decide record/> }.into_any(),
                    Err(e) => view! { <ErrorView error=e/> }.into_any(),
                }
            })}
        </Suspense>
    }
}
