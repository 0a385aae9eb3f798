//! Opinions: the resident's form and submission, the tracking pages, and what staff do: the
//! audited detail view and entering opinions from offline channels (the queue is in
//! `moderation`).
#![expect(
    clippy::too_many_arguments,
    reason = "a form's fields arrive as one argument each, flat, so that plain form posts name them simply"
)]

use crate::domain::{
    form::FormState,
    opinion::{OpinionDetail, TrackView},
    solicitation::{Phase, SolicitationSummary, Target},
};
use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// Tracking lookups one address may make per hour (a code is short; guessing must stay slow).
pub const LOOKUPS_PER_HOUR: i64 = 30;

/// What an opinion form (the resident's, or staff's for an offline opinion) opens with.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OpinionFormData {
    pub solicitation: SolicitationSummary,
    pub phase: Phase,
    /// Articles of the current draft, or the guiding questions.
    pub targets: Vec<Target>,
    pub streets: Vec<String>,
    pub state: FormState,
    pub now: i64,
}

/// The solicitation's summary for a form page, and what an opinion on it may be about.
#[cfg(feature = "ssr")]
async fn form_data(
    state: &crate::server::state::AppState,
    solicitation_id: i64,
    public: bool,
) -> Result<(SolicitationSummary, Vec<Target>), AppError> {
    use crate::server::{db, guard};
    let s = db::solicitations::get(&state.db, solicitation_id)
        .await?
        .filter(|s| !public || s.summary.status != crate::domain::solicitation::Status::Draft)
        .ok_or_else(|| guard::fail(AppError::NotFound))?;
    let (targets, _) = submit_targets(state, solicitation_id, public).await?;
    Ok((s.summary, targets))
}

/// What a submission may be about, and the current draft version, read with no more than a
/// submission needs (no counts, stations or version lists).
#[cfg(feature = "ssr")]
pub(crate) async fn submit_targets(
    state: &crate::server::state::AppState,
    solicitation_id: i64,
    public: bool,
) -> Result<(Vec<Target>, Option<i64>), AppError> {
    use crate::domain::solicitation::{targets, Status};
    use crate::server::{db, guard};
    let (_, questions, draft) = db::solicitations::targets_of(&state.db, solicitation_id)
        .await?
        .filter(|(status, _, _)| !public || *status != Status::Draft)
        .ok_or_else(|| guard::fail(AppError::NotFound))?;
    let t = targets(&questions, draft.as_ref().map(|d| &d.parsed));
    Ok((t, draft.map(|d| d.info.id)))
}

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
    let (solicitation, targets) = form_data(&state, id, true).await?;
    let form = match guard::draft(&state, draft, "opinion").await? {
        Some(d) => d,
        None => {
            let target = article
                .map(|a| article_key(&a))
                .filter(|k| targets.iter().any(|t| &t.key == k))
                .unwrap_or_default();
            FormState::new("opinion")
                .with("target", target)
                .with("identity", "resident")
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
    let mut form = input_form("opinion", &input).with("submit_key", submit_key.trim());
    let (targets, version) = submit_targets(&state, id, true).await?;
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

/// The form values of an opinion, to send back with its problems.
#[cfg(feature = "ssr")]
fn input_form(name: &str, i: &crate::domain::opinion::OpinionInput) -> FormState {
    FormState::new(name)
        .with("target", &i.target)
        .with("content", &i.content)
        .with("suggestion", &i.suggestion)
        .with("reason", &i.reason)
        .with("name", &i.name)
        .with("phone", &i.phone)
        .with("street", &i.street)
        .with("community", &i.community)
        .with("identity", &i.identity)
        .with("publish_ok", &i.publish_ok)
        .with("consent", &i.consent)
        .with("email", &i.email)
}

/// The status page: the opinion and its private link, written out whole to keep.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TrackPage {
    pub view: TrackView,
    pub link: String,
}

/// The address of this site as the request reached it, e.g. `https://minyi.example.gov.cn`.
#[cfg(feature = "ssr")]
pub fn site_origin() -> String {
    let headers = crate::server::guard::headers();
    let scheme = if crate::server::auth::is_https(&headers) {
        "https"
    } else {
        "http"
    };
    let host = headers
        .get(http::header::HOST)
        .and_then(|h| h.to_str().ok())
        .filter(|h| {
            h.chars()
                .all(|c| c.is_ascii_alphanumeric() || ".-:[]".contains(c))
        })
        .unwrap_or("localhost");
    format!("{scheme}://{host}")
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

/// One opinion for staff, and the moderation form as it was last sent back to this page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StaffOpinion {
    pub detail: OpinionDetail,
    pub form: Option<FormState>,
}

/// One opinion with the submitter's full contact details. Staff only, within their station's
/// scope (another station's opinion is a 404); every call writes an audit entry.
#[server(endpoint = "staff/opinions/get")]
pub async fn staff_get_opinion(id: i64, draft: Option<String>) -> Result<StaffOpinion, AppError> {
    use crate::domain::policy::Permission;
    use crate::server::{db, db::moderation::Scope, guard};
    let (state, user) = guard::staff(Permission::HandleOpinions).await?;
    if !db::moderation::visible(&state.db, Scope::of(&user), id).await? {
        return Err(guard::fail(AppError::NotFound));
    }
    let audit = guard::once(&format!("view_contact:{id}"));
    let mut detail = db::opinions::detail(&state.db, id, user.id, user.sees_personal_data(), audit)
        .await?
        .ok_or_else(|| guard::fail(AppError::NotFound))?;
    // Only opinions the viewer may see are compared, and the comparing runs off the workers.
    let candidates = db::opinions::similar_candidates(
        &state.db,
        id,
        detail.track.solicitation_id,
        Scope::of(&user).station,
    )
    .await?;
    let content = detail.track.content.clone();
    detail.similar = state
        .heavy(move || db::opinions::rank_similar(&content, candidates))
        .await?;
    Ok(StaffOpinion {
        detail,
        form: guard::draft(&state, draft, "moderate").await?,
    })
}

/// Registration `reg` of a session linked to solicitation `solicitation`, if the person may act
/// on the session's station.
#[cfg(feature = "ssr")]
async fn from_registration(
    state: &crate::server::state::AppState,
    user: &crate::domain::account::StaffUser,
    reg: i64,
    solicitation: i64,
) -> Result<Option<crate::server::db::consultations::ForOpinion>, AppError> {
    use crate::server::{db, guard};
    Ok(db::consultations::for_opinion(&state.db, reg, solicitation)
        .await?
        .filter(|r| guard::in_scope(user, r.station_id)))
}

/// The form for entering an offline opinion on solicitation `id`. Staff only.
///
/// With `registration`, the form starts from what that person registered for a session linked
/// to this solicitation: their name, number and the views they raised, as a 座谈会 opinion
/// received on the session's day.
#[server(endpoint = "staff/opinions/offline-form")]
pub async fn offline_form(
    id: i64,
    draft: Option<String>,
    registration: Option<i64>,
) -> Result<OpinionFormData, AppError> {
    use crate::domain::{policy::Permission, time::iso_date};
    use crate::server::{db, guard};
    let (state, user) = guard::staff(Permission::HandleOpinions).await?;
    let (solicitation, targets) = form_data(&state, id, false).await?;
    let from_session = match registration {
        Some(reg) => from_registration(&state, &user, reg, id).await?,
        None => None,
    };
    let form = match (guard::draft(&state, draft, "offline").await?, from_session) {
        (Some(d), _) => d,
        // The name and number reach the form only for those who may see them; for the others
        // they are left empty and taken from the registration when the opinion is saved.
        (None, Some(r)) => {
            let personal = user.sees_personal_data();
            FormState::new("offline")
                .with("identity", "resident")
                .with("channel", "meeting")
                .with("received_on", iso_date(r.starts_at))
                .with("name", if personal { r.name.as_str() } else { "" })
                .with("phone", if personal { r.phone.as_str() } else { "" })
                .with("content", &r.questions)
                .with("registration", r.id.to_string())
                .with("registration_code", &r.code)
        }
        (None, None) => FormState::new("offline")
            .with("identity", "resident")
            .with("channel", "letter")
            .with("received_on", iso_date(db::now_ms())),
    };
    Ok(OpinionFormData {
        phase: solicitation.phase(db::now_ms()),
        solicitation,
        targets,
        streets: state.config.streets.clone(),
        state: form,
        now: db::now_ms(),
    })
}

/// Stores an opinion gathered offline (a letter, a call, a meeting …) on a resident's behalf,
/// and goes to its staff page with the slip to print. Staff only; writes an audit entry.
#[server(endpoint = "staff/opinions/offline")]
pub async fn enter_offline_opinion(
    solicitation_id: String,
    channel: String,
    received_on: String,
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
    email: Option<String>,
    registration: Option<String>,
) -> Result<(), AppError> {
    use crate::domain::{
        opinion::{Channel, EnteredBy, OpinionInput},
        policy::Permission,
        text::{Problem, FORM},
    };
    use crate::server::{db, db::opinions::Source, db::opinions::SubmitError, guard};
    let id = solicitation_id
        .trim()
        .parse::<i64>()
        .map_err(|_| guard::fail(AppError::NotFound))?;
    let return_to = format!("/staff/solicitations/{id}/opinions/new");
    let mut input = OpinionInput {
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
        consent: String::new(),
        email: email.unwrap_or_default(),
    };
    let registration = registration.unwrap_or_default();
    let mut form = input_form("offline", &input)
        .with("channel", &channel)
        .with("received_on", &received_on)
        .with("registration", &registration);
    let (state, user) =
        guard::staff_for_form(Permission::HandleOpinions, &form, &return_to).await?;
    // Views raised at a session: the name and number left empty come from the registration.
    let registration = match registration.trim().parse::<i64>() {
        Ok(reg) => {
            let r = from_registration(&state, &user, reg, id)
                .await?
                .ok_or_else(|| guard::fail(AppError::NotFound))?;
            form = form.with("registration_code", &r.code);
            if input.name.trim().is_empty() {
                input.name = r.name;
            }
            if input.phone.trim().is_empty() {
                input.phone = r.phone;
            }
            Some(reg)
        }
        Err(_) => None,
    };
    let (targets, version) = submit_targets(&state, id, false).await?;
    let validated = input.validate(&targets, &state.config.streets, EnteredBy::Staff);
    let mut errors = validated.as_ref().err().cloned().unwrap_or_default();
    let channel = Channel::from_code(channel.trim()).filter(|c| *c != Channel::Online);
    if channel.is_none() {
        errors.add("channel", Problem::BadChoice);
    }
    let today = crate::domain::time::date_of_ms(db::now_ms());
    let received = chrono::NaiveDate::parse_from_str(received_on.trim(), "%Y-%m-%d").ok();
    match received {
        _ if received_on.trim().is_empty() => errors.add("received_on", Problem::Required),
        None => errors.add("received_on", Problem::BadDate),
        Some(d) if today.is_some_and(|t| d > t) => errors.add("received_on", Problem::InFuture),
        Some(_) => {}
    }
    let (Some(channel), Some(received), Ok(opinion), true) =
        (channel, received, validated, errors.is_empty())
    else {
        form.errors = errors;
        return guard::bounce(&state, &form, &return_to).await;
    };
    let source = Source::Offline {
        channel,
        received_on: received.to_string(),
        staff_id: user.id,
        registration,
    };
    match db::opinions::submit(&state.db, id, version, &opinion, &source).await {
        Ok(r) => {
            leptos_axum::redirect(&format!("/staff/opinions/{}?done=entered", r.id));
            Ok(())
        }
        Err(SubmitError::AlreadyEntered) => {
            form.errors.add(FORM, Problem::AlreadyEntered);
            guard::bounce(&state, &form, &return_to).await
        }
        Err(SubmitError::NotAccepting { .. }) => {
            form.errors.add(FORM, Problem::NotPublished);
            guard::bounce(&state, &form, &return_to).await
        }
        Err(SubmitError::NoSuchSolicitation) => Err(guard::fail(AppError::NotFound)),
        Err(SubmitError::RateLimited) => Err(guard::fail(AppError::TooManyRequests)),
        Err(SubmitError::Db(e)) => Err(guard::fail(e.into())),
    }
}
