//! What staff do with opinions: the audited detail view and entering opinions from offline
//! channels (the queue is in `moderation`).
#![expect(
    clippy::too_many_arguments,
    reason = "a form's fields arrive as one argument each, flat, so that plain form posts name them simply"
)]

#[cfg(feature = "ssr")]
use super::{form_data, input_form, submit_targets};
use super::{OpinionFormData, StaffOpinion};
#[cfg(feature = "ssr")]
use crate::domain::form::FormState;
use crate::error::AppError;
use leptos::prelude::*;

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
    // The audit entry of seeing the contact details, once per request. Written by a task of its
    // own, started with no await between asking and starting: a render abandoned while this call
    // is in flight is dropped at its next await, and the entry went with it now and again (the
    // request counted as audited, so the call that was sent wrote none).
    if user.sees_personal_data() && guard::once(&format!("view_contact:{id}")) {
        let (db, viewer) = (state.db.clone(), user.id);
        tokio::spawn(async move { db::opinions::record_contact_view(&db, id, viewer).await })
            .await
            .map_err(|e| AppError::from(sqlx::Error::Protocol(e.to_string())))??;
    }
    let mut detail = db::opinions::detail(&state.db, id, user.id, user.sees_personal_data(), false)
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
    let (solicitation, targets, _) = form_data(&state, id, false).await?;
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
        moved: None,
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
    let (targets, version) = submit_targets(&state, id, false, None).await?;
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
