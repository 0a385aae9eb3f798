//! Deputies and their reception slots as lists and cards show them.

use crate::domain::deputy::{Deputy, Slot};
use crate::domain::time::clock_time;
use crate::i18n::t;
use leptos::prelude::*;

/// `2026年12月5日 09:00–11:00`.
pub fn slot_time(s: &Slot) -> String {
    format!(
        "{}–{}",
        crate::i18n::datetime(s.starts_at),
        clock_time(s.ends_at)
    )
}

/// The slot's time, place and places left, in one line.
pub fn slot_line(s: &Slot) -> String {
    let t = t();
    let mut line = slot_time(s);
    if !s.station_name.is_empty() {
        line.push_str(&format!(" · {}", s.station_name));
    }
    line.push_str(" · ");
    line.push_str(&(t.dp.slot_left)(s.left(), s.capacity));
    line
}

/// One deputy in the directory.
#[component]
pub fn DeputyCard(d: Deputy) -> impl IntoView {
    let t = t();
    view! {
        <li class="card">
            <p class="kind">{(t.dp.level)(d.level)}</p>
            <h3><a href=format!("/deputies/{}", d.id)>{d.name.clone()}</a></h3>
            <dl class="facts">
                {(!d.constituency.is_empty()).then(|| view! { <dt>{t.dp.constituency}</dt><dd>{d.constituency.clone()}</dd> })}
                {(!d.station_name.is_empty()).then(|| view! { <dt>{t.station}</dt><dd>{d.station_name.clone()}</dd> })}
                {(!d.reception_days.is_empty()).then(|| view! { <dt>{t.dp.reception_days}</dt><dd>{d.reception_days.clone()}</dd> })}
            </dl>
            <p><a class="button" href=format!("/deputies/{}/book", d.id)>{t.dp.book}</a></p>
        </li>
    }
}
