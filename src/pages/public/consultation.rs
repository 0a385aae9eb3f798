//! `/consultations/{id}`: one session: what it is about, when and where, places left, the
//! registration form while registration is open, a calendar file, and after the session its
//! minutes and outcomes.

use crate::api::consultations::{get_consultation, ConsultationPage, Register};
use crate::components::{
    consultation::{registration_text, when, Place},
    feedback::{ErrorSummary, ErrorView},
    field::{Control, Field},
    opinion::Checkbox,
};
use crate::domain::check::Check;
use crate::domain::consultation::{RegPhase, Status, ORGANISATION, QUESTIONS};
use crate::domain::opinion::NAME;
use crate::error::AppError;
use crate::i18n::t;
use crate::pages::{id_param, loading, public::not_found::NotFound, PageTitle};
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

/// The field labels of the registration form, for its error summary.
pub fn labels() -> Vec<(&'static str, &'static str)> {
    let t = t();
    vec![
        ("name", t.op_name),
        ("phone", t.op_phone),
        ("organisation", t.cs.organisation),
        ("questions", t.cs.questions),
        ("email", t.op_email),
        ("consent", t.privacy_title),
    ]
}

#[component]
fn RegistrationForm(p: ConsultationPage, action: ServerAction<Register>) -> impl IntoView {
    let t = t();
    let s = p.form;
    let c = p.consultation.summary;
    let consent_error = s
        .problem("consent")
        .map(|x| (t.problem)(t.privacy_title, &x));
    let consent_label = view! {
        {t.op_consent_before}<a href="/privacy" target="_blank">{t.op_privacy_link}</a>
    }
    .into_any();
    let button = if c.seats_left() == 0 {
        t.cs.join_waitlist
    } else {
        t.cs.register_submit
    };
    view! {
        <ErrorSummary errors=s.errors.clone() labels=labels()/>
        <ActionForm action=action attr:class="form" attr:id="register-form">
            <input type="hidden" name="consultation_id" value=c.id.to_string()/>
            <input type="hidden" name="submit_key" value=s.value("submit_key")/>
            <Field name="name" label=t.op_name value=s.value("name") problem=s.problem("name") check=Check::Text(NAME) autocomplete="name"/>
            <Field name="phone" label=t.op_phone value=s.value("phone") problem=s.problem("phone")
                hint=t.cs.phone_hint check=Check::Phone { required: true } control=Control::Input("tel") autocomplete="tel"/>
            <Field name="organisation" label=t.cs.organisation value=s.value("organisation") problem=s.problem("organisation")
                hint=t.cs.organisation_hint check=Check::Text(ORGANISATION) autocomplete="organization"/>
            <Field name="questions" label=t.cs.questions value=s.value("questions") problem=s.problem("questions")
                hint=t.cs.questions_hint check=Check::Text(QUESTIONS) control=Control::TextArea(5)/>
            <Field name="email" label=t.op_email value=s.value("email") problem=s.problem("email")
                hint=t.cs.email_hint check=Check::Email control=Control::Input("email") autocomplete="email"/>
            <Checkbox name="consent" label=consent_label checked=s.value("consent") == "1" error=consent_error/>
            <div class="buttons"><button type="submit">{button}</button></div>
        </ActionForm>
    }
}

#[component]
fn SessionView(p: ConsultationPage, action: ServerAction<Register>) -> impl IntoView {
    let t = t();
    let c = p.consultation.clone();
    let s = c.summary.clone();
    let phase = s.reg_phase(p.now);
    // The form shows while registration is open, and whenever a submission came back, so that
    // nothing typed is lost even if registration closed in between.
    let show_form = phase == RegPhase::Open || !p.form.errors.is_empty();
    let ics = format!("/consultations/{}/calendar.ics", s.id);
    view! {
        <PageTitle text=s.title.clone() description=s.topic.clone()/>
        <p class="kind">{(t.cs.kind)(s.kind)}</p>
        <h1>{s.title.clone()}</h1>
        {(!s.topic.is_empty()).then(|| view! { <p class="lead">{s.topic.clone()}</p> })}
        {(s.status == Status::Cancelled).then(|| view! {
            <p class="notice warn" role="status">{t.cs.cancelled_notice}
                {(!c.cancel_reason.is_empty()).then(|| view! { " "{t.cs.cancel_reason}{crate::i18n::t().colon}{c.cancel_reason.clone()} })}
            </p>
        })}
        <dl class="facts">
            <dt>{t.cs.time}</dt><dd>{when(&s)}</dd>
            <dt>{t.cs.place}</dt><dd><Place c=s.clone()/></dd>
            <dt>{t.cs.capacity}</dt><dd>{(t.cs.capacity_line)(s.capacity, s.taken, s.waitlisted)}</dd>
            <dt>{t.cs.registration}</dt><dd class="seat-line">{registration_text(&s, p.now)}</dd>
            {c.solicitation_id.map(|sid| view! {
                <dt>{t.cs.linked_solicitation}</dt>
                <dd><a href=format!("/solicitations/{sid}")>{c.solicitation_title.clone()}</a></dd>
            })}
        </dl>
        <p><a href=ics download="">{t.cs.add_to_calendar}</a></p>
        {(!c.description_html.is_empty()).then(|| view! { <div class="prose" inner_html=c.description_html.clone()></div> })}
        {(!c.outcomes_html.is_empty()).then(|| view! {
            <section id="outcomes"><h2>{t.cs.outcomes}</h2><div class="prose" inner_html=c.outcomes_html.clone()></div></section>
        })}
        {(!c.minutes_html.is_empty()).then(|| view! {
            <section id="minutes"><h2>{t.cs.minutes}</h2><div class="prose" inner_html=c.minutes_html.clone()></div></section>
        })}
        {show_form.then(|| view! {
            <section id="register" aria-labelledby="register-title">
                <h2 id="register-title">{t.cs.register_title}</h2>
                <p class="hint">{t.cs.register_lead}</p>
                <RegistrationForm p=p.clone() action/>
            </section>
        })}
        <p class="hint">{t.cs.find_registration}" "<a href="/track">{t.nav_track}</a></p>
        <p><a href="/consultations">{t.cs.back}</a></p>
    }
}

#[component]
pub fn ConsultationPageView() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let data = Resource::new(
        move || (id_param(params), query.read().get("draft")),
        |(id, draft)| get_consultation(id, draft),
    );
    let register = ServerAction::<Register>::new();
    view! {
        <Suspense fallback=loading>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(p) => view! { <SessionView p action=register/> }.into_any(),
                    Err(AppError::NotFound) => view! { <NotFound/> }.into_any(),
                    Err(e) => view! { <ErrorView error=e/> }.into_any(),
                }
            })}
        </Suspense>
    }
}
