//! `/track/YY-…?k=…`: a resident's own appointment with a deputy: the receipt right after
//! booking, its status, what staff said (a referral when the matter belongs elsewhere), the
//! outcome after the meeting, and a button to withdraw it.

use crate::api::deputies::{get_appointment, AppointmentPage, CancelAppointment};
use crate::components::{deputy::slot_time, feedback::ErrorView};
use crate::domain::deputy::AppointmentStatus;
use crate::error::AppError;
use crate::i18n::t;
use crate::pages::{loading, public::track::TrackNotFound, PageTitle};
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

#[component]
fn Status(p: AppointmentPage, new: bool, action: ServerAction<CancelAppointment>) -> impl IntoView {
    let t = t();
    let a = p.appointment;
    let receipt = new.then(|| {
        view! {
            <section class="receipt" role="status">
                <h1>{t.dp.receipt_title}</h1>
                <p>{t.dp.receipt_lead}</p>
                <p class="code-line">{t.dp.code}{crate::i18n::t().colon}<strong class="code">{a.code.clone()}</strong></p>
                <p>{t.op_private_link}{crate::i18n::t().colon}<a class="private-link" href=p.link.clone()>{p.link.clone()}</a></p>
                <p class="hint">{t.dp.private_link_hint}</p>
            </section>
        }
    });
    let when = match &a.slot {
        Some(s) => {
            slot_time(s)
                + &(if s.station_name.is_empty() {
                    String::new()
                } else {
                    format!(" · {}", s.station_name)
                })
        }
        None => format!(
            "{}{}{}",
            t.dp.other_time_asked,
            crate::i18n::t().colon,
            a.preferred_time
        ),
    };
    let live = a.status.holds_place();
    view! {
        <PageTitle text=format!("{} {}", t.dp.code, a.code)/>
        {receipt}
        {(!new).then(|| view! { <h1>{t.dp.code}" "{a.code.clone()}</h1> })}
        <section class="story">
            <dl class="facts">
                <dt>{t.op_status}</dt><dd><strong class="status status-big">{(t.dp.status)(a.status)}</strong></dd>
                <dt>{t.dp.deputy}</dt><dd><a href=format!("/deputies/{}", a.deputy_id)>{a.deputy_name.clone()}</a></dd>
                <dt>{t.dp.field_slot}</dt><dd>{when}</dd>
                <dt>{t.op_name}</dt><dd>{a.name.clone()}</dd>
                <dt>{t.dp.booked_at}</dt><dd>{crate::i18n::datetime(a.created_at)}</dd>
            </dl>
            {(!a.staff_message.is_empty()).then(|| view! {
                <h2>{t.dp.staff_message}</h2>
                <p class="pre">{a.staff_message.clone()}</p>
            })}
            {(a.status == AppointmentStatus::Completed).then(|| view! {
                <h2>{t.dp.outcome}</h2>
                {a.handling.map(|h| view! { <p><strong>{(t.dp.handling)(h)}</strong></p> })}
                <p class="pre">{a.outcome.clone()}</p>
            })}
            <h2>{t.dp.matter}</h2>
            <p class="pre">{a.matter.clone()}</p>
            {live.then(|| view! {
                <h2>{t.dp.cancel_title}</h2>
                <ActionForm action=action attr:class="form">
                    <input type="hidden" name="code" value=a.code.clone()/>
                    <input type="hidden" name="k" value=p.key.clone()/>
                    <div class="buttons"><button type="submit" class="secondary">{t.dp.cancel_submit}</button></div>
                </ActionForm>
            })}
        </section>
    }
}

#[component]
pub fn AppointmentStatusPage() -> impl IntoView {
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
        |(code, k, _)| get_appointment(code, k),
    );
    let cancel = ServerAction::<CancelAppointment>::new();
    let new = move || query.read().get("new").as_deref() == Some("1");
    let cancelled = move || query.read().get("done").as_deref() == Some("cancelled");
    view! {
        <Suspense fallback=loading>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(p) => view! {
                        {cancelled().then(|| view! { <p class="notice" role="status">{t.dp.cancel_done}</p> })}
                        <Status p new=new() action=cancel/>
                    }.into_any(),
                    Err(AppError::NotFound) => view! { <TrackNotFound/> }.into_any(),
                    Err(e) => view! { <ErrorView error=e/> }.into_any(),
                }
            })}
        </Suspense>
    }
}
