//! `/deputies/{id}/book`: the 码上约代表 page a deputy's QR code opens. A resident picks a
//! reception slot (or asks for another time when none fits), gives their name, mobile number and
//! the matter, and gets a code and a private link.

use crate::api::deputies::{booking_form, BookDeputy, BookingPage};
use crate::components::{
    deputy::slot_line,
    feedback::{ErrorSummary, ErrorView},
    field::{field_id, Control, Field},
    opinion::Checkbox,
};
use crate::domain::check::Check;
use crate::domain::deputy::{MATTER, PREFERRED_TIME};
use crate::domain::opinion::NAME;
use crate::error::AppError;
use crate::i18n::t;
use crate::pages::{id_param, loading, public::not_found::NotFound, PageTitle};
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

fn labels() -> Vec<(&'static str, &'static str)> {
    let t = t();
    vec![
        ("slot", t.dp.field_slot),
        ("preferred_time", t.dp.preferred_time),
        ("name", t.op_name),
        ("phone", t.op_phone),
        ("matter", t.dp.matter),
        ("email", t.op_email),
        ("consent", t.privacy_title),
    ]
}

#[component]
fn BookingForm(p: BookingPage, action: ServerAction<BookDeputy>) -> impl IntoView {
    let t = t();
    let s = p.form;
    let d = p.deputy;
    let chosen = s.value("slot");
    let slot_error = s.problem("slot").map(|x| (t.problem)(t.dp.field_slot, &x));
    let slot_class = if slot_error.is_some() {
        "group has-error"
    } else {
        "group"
    };
    let options = p
        .slots
        .iter()
        .map(|slot| {
            let id = format!("f-slot-{}", slot.id);
            let value = slot.id.to_string();
            let checked = chosen == value;
            view! {
                <div class="check">
                    <input type="radio" id=id.clone() name="slot" value=value checked=checked/>
                    <label for=id>{slot_line(slot)}</label>
                </div>
            }
        })
        .collect_view();
    let consent_error = s
        .problem("consent")
        .map(|x| (t.problem)(t.privacy_title, &x));
    let consent_label = view! {
        {t.op_consent_before}<a href="/privacy" target="_blank">{t.op_privacy_link}</a>
    }
    .into_any();
    view! {
        <PageTitle text=format!("{} {}", t.dp.book, d.name)/>
        <p class="kind">{t.dp.book_kicker}</p>
        <h1>{(t.dp.book_title)(&d.name)}</h1>
        <p class="lead">{(t.dp.level)(d.level)}
            {(!d.constituency.is_empty()).then(|| format!(" · {}", d.constituency))}
            {(!d.reception_days.is_empty()).then(|| format!(" · {}{}{}", t.dp.reception_days, crate::i18n::t().colon, d.reception_days))}
        </p>
        <p class="hint">{t.dp.book_lead}</p>
        <ErrorSummary errors=s.errors.clone() labels=labels()/>
        <ActionForm action=action attr:class="form" attr:id="booking-form">
            <input type="hidden" name="deputy_id" value=d.id.to_string()/>
            <input type="hidden" name="submit_key" value=s.value("submit_key")/>
            <fieldset class=slot_class id=field_id("slot")>
                <legend>{t.dp.field_slot}<span class="mark">{t.required_mark}</span></legend>
                {slot_error.map(|m| view! { <p class="error">{m}</p> })}
                {p.slots.is_empty().then(|| view! { <p class="hint">{t.dp.no_slots}</p> })}
                {options}
                <div class="check">
                    <input type="radio" id="f-slot-other" name="slot" value="other" checked=chosen == "other"/>
                    <label for="f-slot-other">{t.dp.other_time}</label>
                </div>
            </fieldset>
            <Field name="preferred_time" label=t.dp.preferred_time value=s.value("preferred_time") problem=s.problem("preferred_time")
                hint=t.dp.preferred_time_hint check=Check::Text(PREFERRED_TIME)/>
            <Field name="name" label=t.op_name value=s.value("name") problem=s.problem("name") check=Check::Text(NAME) autocomplete="name"/>
            <Field name="phone" label=t.op_phone value=s.value("phone") problem=s.problem("phone")
                hint=t.cs.phone_hint check=Check::Phone { required: true } control=Control::Input("tel") autocomplete="tel"/>
            <Field name="matter" label=t.dp.matter value=s.value("matter") problem=s.problem("matter")
                hint=t.dp.matter_hint check=Check::Text(MATTER) control=Control::TextArea(6)/>
            <Field name="email" label=t.op_email value=s.value("email") problem=s.problem("email")
                hint=t.dp.email_hint check=Check::Email control=Control::Input("email") autocomplete="email"/>
            <Checkbox name="consent" label=consent_label checked=s.value("consent") == "1" error=consent_error/>
            <div class="buttons">
                <button type="submit">{t.dp.book_submit}</button>
                <a class="button secondary" href=format!("/deputies/{}", d.id)>{t.cancel}</a>
            </div>
        </ActionForm>
    }
}

#[component]
pub fn BookingPageView() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let data = Resource::new(
        move || {
            let q = query.read();
            (id_param(params), q.get("slot"), q.get("draft"))
        },
        |(id, slot, draft)| booking_form(id, slot, draft),
    );
    let book = ServerAction::<BookDeputy>::new();
    view! {
        <Suspense fallback=loading>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(p) => view! { <BookingForm p action=book/> }.into_any(),
                    Err(AppError::NotFound) => view! { <NotFound/> }.into_any(),
                    Err(e) => view! { <ErrorView error=e/> }.into_any(),
                }
            })}
        </Suspense>
    }
}
