//! Opinions for residents: the opinion form and its submission, and the tracking pages.
#![expect(
    clippy::too_many_arguments,
    reason = "a form's fields arrive as one argument each, flat, so that plain form posts name them simply"
)]

#[cfg(feature = "ssr")]
use super::{form_data, input_form, site_origin, submit_targets};
use super::{OpinionFormData, TrackPage};
use crate::domain::form::FormState;
#[cfg(feature = "ssr")]
use crate::domain::solicitation::Phase;
use crate::error::AppError;
use leptos::prelude::*;

/// Tracking lookups one address may make per hour (a code is short; guessing must stay slow).
pub const LOOKUPS_PER_HOUR: i64 = 30;

/// The resident's opinion form for solicitation `id`: a sent-back draft, else empty with the
/// article `article` (`3`, `10-1`) chosen. Anyone may call it.
#[server(endpoint = "opinions/form")]
pub async fn opinion_form(
    id: i64,
    article: Option<String>,
    draft: Option<String>,
) -> Result<OpinionFormData, AppError> {
    use crate::domain::solicitation::article_key;
    use crate::server::{auth, db, guard};
    let state = guard::state()?;
    let (solicitation, targets, version) = form_data(&state, id, true).await?;
    let mut moved = None;
    let form = match guard::draft(&state, draft, "opinion").await? {
        // Sent back after staff saved a new version: the article chosen is shown under the
        // number it has now (the form lists the current version's articles).
        Some(mut d) if version.is_some_and(|v| d.value("version") != v.to_string()) => {
            use crate::domain::trail::{is_article, Carried};
            let (from, current) = (d.value("version"), version.unwrap_or_default());
            let target = d.value("target");
            if let (Ok(from), true) = (from.parse::<i64>(), is_article(&target)) {
                let lineage = db::trail::lineage(&state.db, id).await?;
                let was = lineage.label(from).unwrap_or_default().to_string();
                let now = lineage.label(current).unwrap_or_default().to_string();
                let t = crate::i18n::t();
                let then = db::solicitations::draft(&state.db, id, Some(from))
                    .await?
                    .and_then(|v| {
                        v.parsed
                            .articles()
                            .iter()
                            .find(|a| a.anchor == target)
                            .map(|a| a.label.clone())
                    })
                    .unwrap_or_default();
                match lineage.carry(from, &target, current) {
                    Carried::To(r) => {
                        moved = Some((t.tr.form_moved)(&then, &was, &now, &r.label));
                        d = d.with("target", &r.anchor);
                    }
                    Carried::Gone => {
                        moved = Some((t.tr.form_gone)(&then, &was, &now));
                        d = d.with("target", "");
                    }
                    Carried::Same => {}
                }
            }
            d.with("version", current.to_string())
        }
        Some(d) => d,
        None => {
            let target = article
                .map(|a| article_key(&a))
                .filter(|k| targets.iter().any(|t| &t.key == k))
                .unwrap_or_default();
            FormState::new("opinion")
                .with("target", target)
                .with("identity", "resident")
                .with(
                    "version",
                    version.map(|v| v.to_string()).unwrap_or_default(),
                )
        }
    }
    // The form's key is made here for every view of the form, never taken from a draft.
    .with("submit_key", auth::new_token());
    Ok(OpinionFormData {
        phase: solicitation.phase(db::now_ms()),
        solicitation,
        targets,
        streets: state.config.streets.clone(),
        state: form,
        now: db::now_ms(),
        moved,
    })
}

/// Stores a resident's opinion and goes to its receipt. Problems (including a closed
/// solicitation and the hourly limit) send the form back with everything typed. The same form
/// posted twice gives the first opinion's receipt. Anyone may call it.
#[server(endpoint = "opinions/submit")]
pub async fn submit_opinion(
    solicitation_id: String,
    submit_key: String,
    target: String,
    content: String,
    suggestion: String,
    reason: String,
    name: String,
    phone: String,
    street: String,
    community: String,
    identity: String,
    publish_ok: Option<String>,
    consent: Option<String>,
    email: Option<String>,
    version: Option<String>,
) -> Result<(), AppError> {
    use crate::domain::{
        opinion::{EnteredBy, OpinionInput},
        text::{Problem, FORM},
        time::iso_date,
    };
    use crate::server::{db, db::opinions::Source, db::opinions::SubmitError, guard};
    let state = guard::state()?;
    let id = solicitation_id
        .trim()
        .parse::<i64>()
        .map_err(|_| guard::fail(AppError::NotFound))?;
    let return_to = format!("/solicitations/{id}/opinions/new");
    let input = OpinionInput {
        target,
        content,
        suggestion,
        reason,
        name,
        phone,
        street,
        community,
        identity,
        publish_ok: publish_ok.unwrap_or_default(),
        consent: consent.unwrap_or_default(),
        email: email.unwrap_or_default(),
    };
    let shown = version
        .as_deref()
        .and_then(|v| v.trim().parse::<i64>().ok());
    let mut form = input_form("opinion", &input)
        .with("submit_key", submit_key.trim())
        .with("version", shown.map(|v| v.to_string()).unwrap_or_default());
    let (targets, version) = submit_targets(&state, id, true, shown).await?;
    let opinion = match input.validate(&targets, &state.config.streets, EnteredBy::Resident) {
        Ok(o) => o,
        Err(errors) => {
            form.errors = errors;
            return guard::bounce(&state, &form, &return_to).await;
        }
    };
    let key = submit_key.trim();
    let source = Source::Online {
        submit_key: (key.len() == 64 && key.bytes().all(|b| b.is_ascii_hexdigit()))
            .then(|| key.to_string()),
        bucket: guard::client_bucket(&state, "opinion"),
        per_hour: state.config.opinions_per_hour,
    };
    match db::opinions::submit(&state.db, id, version, &opinion, &source).await {
        Ok(r) => {
            leptos_axum::redirect(&format!("/track/{}?k={}&new=1", r.code, r.access_key));
            Ok(())
        }
        Err(SubmitError::NotAccepting {
            phase,
            opens_at,
            closes_at,
        }) => {
            let (opens_on, closes_on) = (iso_date(opens_at), iso_date(closes_at - 1));
            let problem = match phase {
                Phase::NotYetOpen => Problem::NotOpenYet {
                    opens_on,
                    closes_on,
                },
                Phase::Unpublished => Problem::NotPublished,
                _ => Problem::ClosedSince {
                    opens_on,
                    closes_on,
                },
            };
            form.errors.add(FORM, problem);
            guard::bounce(&state, &form, &return_to).await
        }
        Err(SubmitError::RateLimited) => {
            form.errors.add(
                FORM,
                Problem::RateLimited {
                    per_hour: state.config.opinions_per_hour,
                },
            );
            guard::bounce(&state, &form, &return_to).await
        }
        Err(SubmitError::NoSuchSolicitation) => Err(guard::fail(AppError::NotFound)),
        Err(SubmitError::AlreadyEntered) => Err(guard::fail(AppError::NotFound)),
        Err(SubmitError::Db(e)) => Err(guard::fail(e.into())),
    }
}

/// The status page of an opinion: `code` and the secret `k` of its private link. Anything wrong
/// (a malformed or unknown code, a wrong secret) is the same "not found". Anyone may call it.
#[server(endpoint = "track/get")]
pub async fn track_opinion(code: String, k: Option<String>) -> Result<TrackPage, AppError> {
    use crate::domain::opinion::normalize_code;
    use crate::server::{db, guard};
    let state = guard::state()?;
    let (Some(code), Some(k)) = (normalize_code(&code), k) else {
        return Err(guard::fail(AppError::NotFound));
    };
    let view = db::opinions::track(&state.db, &code, k.trim())
        .await?
        .ok_or_else(|| guard::fail(AppError::NotFound))?;
    Ok(TrackPage {
        link: format!("{}/track/{}?k={}", site_origin(), view.code, k.trim()),
        view,
    })
}

/// The lookup form at `/track`: a sent-back draft, else empty (with `code` filled in).
#[server(endpoint = "track/form")]
pub async fn track_form(
    code: Option<String>,
    draft: Option<String>,
) -> Result<FormState, AppError> {
    use crate::server::guard;
    let state = guard::state()?;
    Ok(match guard::draft(&state, draft, "track").await? {
        Some(d) => d,
        None => FormState::new("track").with("code", code.unwrap_or_default()),
    })
}

/// Finds an opinion (or a session registration) by its code and the mobile number given with
/// it, and goes to its status page. Every failure gives the same message. Limited per address. Anyone may call it.
#[server(endpoint = "track/find")]
pub async fn find_opinion(code: String, phone: String) -> Result<(), AppError> {
    use crate::domain::{
        opinion::{normalize_code, normalize_phone},
        text::{Problem, FORM},
    };
    use crate::server::{db, guard};
    let state = guard::state()?;
    let mut form = FormState::new("track")
        .with("code", &code)
        .with("phone", &phone);
    if code.trim().is_empty() {
        form.errors.add("code", Problem::Required);
    }
    if phone.trim().is_empty() {
        form.errors.add("phone", Problem::Required);
    }
    // Counted first, before anything is kept: a flood of look-ups costs one counter.
    let mut tx = state.db.begin_write().await?;
    let hits = db::rate::hit(&mut tx, &guard::client_bucket(&state, "track"), 3_600_000).await?;
    tx.commit().await?;
    if !form.errors.is_empty() {
        return guard::bounce(&state, &form, "/track").await;
    }
    if hits > LOOKUPS_PER_HOUR {
        form.errors.add(FORM, Problem::TooManyLookups);
        return guard::bounce(&state, &form, "/track").await;
    }
    let registration = crate::domain::opinion::normalize_prefixed(&code, "BM");
    let found = match (normalize_code(&code), registration, normalize_phone(&phone)) {
        (Some(c), _, Some(p)) => db::opinions::key_by_phone(&state.db, &c, &p)
            .await?
            .map(|k| (c, k)),
        (None, Some(c), Some(p)) => db::consultations::key_by_phone(&state.db, &c, &p)
            .await?
            .map(|k| (c, k)),
        (None, None, Some(p)) => match crate::domain::opinion::normalize_prefixed(&code, "YY") {
            Some(c) => db::deputies::key_by_phone(&state.db, &c, &p)
                .await?
                .map(|k| (c, k)),
            None => None,
        },
        _ => None,
    };
    match found {
        Some((code, key)) => {
            leptos_axum::redirect(&format!("/track/{code}?k={key}"));
            Ok(())
        }
        None => {
            form.errors.add(FORM, Problem::TrackingNotFound);
            guard::bounce(&state, &form, "/track").await
        }
    }
}
