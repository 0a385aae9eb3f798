//! A session as cards and fact lists show it: kind, time, place, places left, registration.

use crate::domain::consultation::{ConsultationSummary, RegPhase, Status};
use crate::domain::time::clock_time;
use crate::i18n::t;
use leptos::prelude::*;

/// `2026年12月5日 14:30–16:30`.
pub fn when(c: &ConsultationSummary) -> String {
    format!(
        "{}–{}",
        crate::i18n::datetime(c.starts_at),
        clock_time(c.ends_at)
    )
}

/// A sentence on whether and until when one may register, and how many places are left.
pub fn registration_text(c: &ConsultationSummary, now: i64) -> String {
    let t = t();
    match c.reg_phase(now) {
        RegPhase::Cancelled => t.cs.phase_cancelled.to_string(),
        RegPhase::Unpublished => t.cs.phase_unpublished.to_string(),
        RegPhase::NotYetOpen => (t.cs.phase_not_yet)(&crate::i18n::datetime(c.reg_opens_at)),
        RegPhase::Closed if c.status == Status::Completed || now >= c.ends_at => {
            t.cs.phase_over.to_string()
        }
        RegPhase::Closed => t.cs.phase_closed.to_string(),
        RegPhase::Open if c.seats_left() == 0 => {
            (t.cs.phase_full)(&crate::i18n::datetime(c.reg_closes_at), c.waitlisted)
        }
        RegPhase::Open => {
            (t.cs.phase_open)(c.seats_left(), &crate::i18n::datetime(c.reg_closes_at))
        }
    }
}

/// The place: the address, the station, and the online link if there is one.
#[component]
pub fn Place(c: ConsultationSummary) -> impl IntoView {
    let t = t();
    view! {
        {(!c.address.is_empty()).then(|| view! { <span>{c.address.clone()}</span> })}
        {(!c.station_name.is_empty()).then(|| view! { <span class="hint">" "{(crate::i18n::t().paren)(&c.station_name)}</span> })}
        {(!c.online_url.is_empty()).then(|| view! {
            <span>" "<a href=c.online_url.clone() rel="noopener noreferrer">{t.cs.online_link}</a></span>
        })}
    }
}

/// One session in a list.
#[component]
pub fn ConsultationCard(c: ConsultationSummary, now: i64) -> impl IntoView {
    let t = t();
    let href = format!("/consultations/{}", c.id);
    let cancelled = c.status == Status::Cancelled;
    view! {
        <li class="card">
            <p class="kind">{(t.cs.kind)(c.kind)}</p>
            {cancelled.then(|| view! { " "<span class="badge warn">{t.cs.status_cancelled}</span> })}
            <h3><a href=href>{c.title.clone()}</a></h3>
            {(!c.topic.is_empty()).then(|| view! { <p>{c.topic.clone()}</p> })}
            <dl class="facts">
                <dt>{t.cs.time}</dt><dd>{when(&c)}</dd>
                <dt>{t.cs.place}</dt><dd><Place c=c.clone()/></dd>
                <dt>{t.cs.registration}</dt><dd>{registration_text(&c, now)}</dd>
            </dl>
        </li>
    }
}
