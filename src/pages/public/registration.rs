//! `/track/BM-…?k=…`: a resident's own registration for a session: the receipt right after
//! registering, the status (confirmed, waitlisted with the place in the queue, cancelled,
//! attended), the session's facts, and a button to give the place up.

use crate::api::consultations::{get_registration, CancelRegistration, RegistrationPage};
use crate::components::{
    consultation::{when, Place},
    feedback::ErrorView,
};
use crate::domain::consultation::RegStatus;
use crate::error::AppError;
use crate::i18n::t;
use crate::pages::{loading, public::track::TrackNotFound, PageTitle};
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

#[component]
fn Status(
    p: RegistrationPage,
    new: bool,
    action: ServerAction<CancelRegistration>,
) -> impl IntoView {
    let t = t();
    let v = p.view;
    let c = v.consultation.clone();
    let status_text = match (v.status, v.waitlist_position) {
        (RegStatus::Waitlisted, Some(n)) => (t.cs.waitlist_position)(n),
        (s, _) => (t.cs.reg_status)(s).to_string(),
    };
    let receipt = new.then(|| {
        let lead = if v.status == RegStatus::Waitlisted { t.cs.receipt_waitlisted } else { t.cs.receipt_confirmed };
        view! {
            <section class="receipt" role="status">
                <h1>{t.cs.receipt_title}</h1>
                <p>{lead}</p>
                <p class="code-line">{t.cs.reg_code}{crate::i18n::t().colon}<strong class="code">{v.code.clone()}</strong></p>
                <p>{t.op_private_link}{crate::i18n::t().colon}<a class="private-link" href=p.link.clone()>{p.link.clone()}</a></p>
                <p class="hint">{t.cs.private_link_hint}</p>
            </section>
        }
    });
    let ics = format!("/consultations/{}/calendar.ics", c.id);
    // A place can be given up until the session begins.
    let can_cancel = v.status.can_cancel() && p.now < c.starts_at;
    view! {
        <PageTitle text=format!("{} {}", t.cs.reg_code, v.code)/>
        {receipt}
        {(!new).then(|| view! { <h1>{t.cs.reg_code}" "{v.code.clone()}</h1> })}
        <section class="story">
            <dl class="facts">
                <dt>{t.op_status}</dt><dd><strong class="status status-big">{status_text}</strong></dd>
                <dt>{t.cs.session}</dt><dd><a href=format!("/consultations/{}", c.id)>{c.title.clone()}</a></dd>
                <dt>{t.cs.time}</dt><dd>{when(&c)}</dd>
                <dt>{t.cs.place}</dt><dd><Place c=c.clone()/></dd>
                <dt>{t.op_name}</dt><dd>{v.name.clone()}</dd>
                {(!v.organisation.is_empty()).then(|| view! { <dt>{t.cs.organisation}</dt><dd>{v.organisation.clone()}</dd> })}
                <dt>{t.cs.registered_at}</dt><dd>{crate::i18n::datetime(v.created_at)}</dd>
            </dl>
            {(c.status == crate::domain::consultation::Status::Cancelled).then(|| view! {
                <p class="notice warn">{t.cs.cancelled_notice}</p>
            })}
            {(!v.questions.is_empty()).then(|| view! {
                <h2>{t.cs.questions}</h2>
                <p class="pre">{v.questions.clone()}</p>
            })}
            {v.status.can_cancel().then(|| view! { <p><a href=ics download="">{t.cs.add_to_calendar}</a></p> })}
            {can_cancel.then(|| view! {
                <h2>{t.cs.cancel_title}</h2>
                <p class="hint">{t.cs.cancel_lead}</p>
                <ActionForm action=action attr:class="form">
                    <input type="hidden" name="code" value=v.code.clone()/>
                    <input type="hidden" name="k" value=p.key.clone()/>
                    <div class="buttons"><button type="submit" class="secondary">{t.cs.cancel_submit}</button></div>
                </ActionForm>
            })}
        </section>
    }
}

#[component]
pub fn RegistrationStatusPage() -> impl IntoView {
    let t = t();
    let params = use_params_map();
    let query = use_query_map();
    let data = Resource::new(
        move || {
            let q = query.read();
            (
                params.read().get("code").unwrap_or_default(),
                q.get("k"),
                q.get("done"),
            )
        },
        |(code, k, _)| get_registration(code, k),
    );
    let cancel = ServerAction::<CancelRegistration>::new();
    let new = move || query.read().get("new").as_deref() == Some("1");
    let cancelled = move || query.read().get("done").as_deref() == Some("cancelled");
    view! {
        <Suspense fallback=loading>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(p) => view! {
                        {cancelled().then(|| view! { <p class="notice" role="status">{t.cs.cancel_done}</p> })}
                        <Status p new=new() action=cancel/>
                    }.into_any(),
                    Err(AppError::NotFound) => view! { <TrackNotFound/> }.into_any(),
                    Err(e) => view! { <ErrorView error=e/> }.into_any(),
                }
            })}
        </Suspense>
    }
}
