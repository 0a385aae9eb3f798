//! How a solicitation looks in a list: stage, title, issuer, its window and days left (or the
//! outcome, once it has ended).

use crate::domain::solicitation::{days_left, Phase, SolicitationSummary};
use crate::i18n::t;
use leptos::prelude::*;

/// The phase of a solicitation in words, with the days left while it takes opinions.
pub fn phase_text(s: &SolicitationSummary, now: i64) -> String {
    let t = t();
    match s.phase(now) {
        Phase::Accepting => format!(
            "{}{}",
            t.sol_phase_accepting,
            (t.paren)(&(t.days_left)(days_left(s.closes_at, now)))
        ),
        Phase::NotYetOpen => (t.opens_in)(&s.opens_on()),
        Phase::Ended => (t.closed_on)(&s.closes_on()),
        Phase::Unpublished => t.sol_phase_unpublished.to_string(),
    }
}

/// A solicitation in a list.
#[component]
pub fn SolicitationCard(s: SolicitationSummary, now: i64) -> impl IntoView {
    let t = t();
    let href = format!("/solicitations/{}", s.id);
    let phase = s.phase(now);
    let class = match phase {
        Phase::Accepting => "phase open",
        _ => "phase",
    };
    view! {
        <li class="card">
            <p class="kind">{(t.stage)(s.stage)}</p>
            <h3><a href=href>{s.title.clone()}</a></h3>
            <p class=class>{phase_text(&s, now)}</p>
            <p class="date">{t.sol_issuer}{crate::i18n::t().colon}{s.issuer.clone()}" · "{(t.window)(&s.opens_on(), &s.closes_on())}</p>
            {(phase == Phase::Ended && !s.outcome_html.is_empty()).then(|| view! {
                <div class="outcome prose"><strong>{t.sol_outcome}{crate::i18n::t().colon}</strong><div inner_html=s.outcome_html.clone()></div></div>
            })}
        </li>
    }
}
