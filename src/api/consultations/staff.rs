//! What staff do with consultation sessions: the editor, the registration list, check-in,
//! attendance, and the minutes and outcomes.
#![expect(
    clippy::too_many_arguments,
    reason = "a form's fields arrive as one argument each, flat, so that plain form posts name them simply"
)]

use super::{ConsultationEditorData, StaffSession};
use crate::domain::consultation::ConsultationSummary;
#[cfg(feature = "ssr")]
use crate::domain::{consultation::Consultation, form::FormState};
use crate::error::AppError;
use leptos::prelude::*;

/// Session `id` if it exists and is within the person's station; else "not found".
#[cfg(feature = "ssr")]
async fn scoped(
    state: &crate::server::state::AppState,
    user: &crate::domain::account::StaffUser,
    id: i64,
) -> Result<Consultation, AppError> {
    use crate::server::{db, guard};
    db::consultations::get(&state.db, id)
        .await?
        .filter(|c| crate::server::guard::in_scope(user, c.summary.station_id))
        .ok_or_else(|| guard::fail(AppError::NotFound))
}

/// Every session within the person's station, drafts included, and the server's clock. Staff
/// only.
#[server(endpoint = "staff/consultations/list")]
pub async fn staff_consultations() -> Result<(Vec<ConsultationSummary>, i64), AppError> {
    use crate::domain::policy::Permission;
    use crate::server::{db, db::moderation::Scope, guard};
    let (state, user) = guard::staff(Permission::ManageConsultations).await?;
    let list = db::consultations::list_all(&state.db, Scope::of(&user).station).await?;
    Ok((list, db::now_ms()))
}

/// The editor's content: a sent-back draft, else session `id`, else a new session a week from
/// now. Staff only.
#[server(endpoint = "staff/consultations/form")]
pub async fn consultation_form(
    id: Option<i64>,
    draft: Option<String>,
) -> Result<ConsultationEditorData, AppError> {
    use crate::domain::{policy::Permission, time};
    use crate::server::{db, guard};
    let (state, user) = guard::staff(Permission::ManageConsultations).await?;
    let existing = match id {
        Some(id) => Some(scoped(&state, &user, id).await?),
        None => None,
    };
    let version = existing.as_ref().map(|c| c.updated_at);
    let editing = guard::editing(
        &state,
        draft,
        "consultation",
        id,
        version,
        || match &existing {
            Some(c) => {
                let s = &c.summary;
                FormState::new("consultation")
                    .with("kind", s.kind.code())
                    .with("title", &s.title)
                    .with("topic", &s.topic)
                    .with("description", &c.description_md)
                    .with(
                        "station",
                        s.station_id.map(|i| i.to_string()).unwrap_or_default(),
                    )
                    .with("address", &s.address)
                    .with("online_url", &s.online_url)
                    .with("date", time::iso_date(s.starts_at))
                    .with("start_time", time::clock_time(s.starts_at))
                    .with("end_time", time::clock_time(s.ends_at))
                    .with("capacity", s.capacity.to_string())
                    .with("reg_opens_on", time::iso_date(s.reg_opens_at))
                    .with("reg_closes_on", time::iso_date(s.reg_closes_at - 1))
                    .with(
                        "solicitation",
                        c.solicitation_id.map(|i| i.to_string()).unwrap_or_default(),
                    )
                    .with("status", s.status.code())
                    .with("cancel_reason", &c.cancel_reason)
            }
            None => {
                let now = db::now_ms();
                let day = now + 7 * time::DAY_MS;
                FormState::new("consultation")
                    .with("kind", "forum")
                    .with("status", "draft")
                    .with("date", time::iso_date(day))
                    .with("start_time", "14:30")
                    .with("end_time", "16:30")
                    .with("capacity", "30")
                    .with("reg_opens_on", time::iso_date(now))
                    .with("reg_closes_on", time::iso_date(day - time::DAY_MS))
                    .with("station", guard::own_station(&user))
            }
        },
    )
    .await?;
    Ok(ConsultationEditorData {
        editing,
        stations: crate::server::guard::station_choices(&state, &user).await?,
        solicitations: db::consultations::solicitation_options(&state.db).await?,
    })
}

/// Creates or updates a session from the editor. Problems send the editor back with everything
/// typed; cancelling tells everyone registered. Staff only; writes an audit entry.
#[server(endpoint = "staff/consultations/save")]
pub async fn save_consultation(
    id: String,
    version: String,
    kind: String,
    title: String,
    topic: String,
    description: String,
    station: Option<String>,
    address: String,
    online_url: String,
    date: String,
    start_time: String,
    end_time: String,
    capacity: String,
    reg_opens_on: String,
    reg_closes_on: String,
    solicitation: Option<String>,
    status: String,
    cancel_reason: Option<String>,
) -> Result<(), AppError> {
    use crate::domain::{
        consultation::{ConsultationInput, CANCEL_REASON},
        policy::Permission,
        text::{self, Problem, FORM},
    };
    use crate::server::{db, db::consultations::UpdateError, guard, markdown};
    let existing = id.trim().parse::<i64>().ok();
    let return_to = match existing {
        Some(id) => format!("/staff/consultations/{id}/edit"),
        None => "/staff/consultations/new".to_string(),
    };
    let input = ConsultationInput {
        kind,
        title,
        topic,
        description,
        station: station.unwrap_or_default(),
        address,
        online_url,
        date,
        start_time,
        end_time,
        capacity,
        reg_opens_on,
        reg_closes_on,
        solicitation: solicitation.unwrap_or_default(),
        status,
    };
    let cancel_reason = cancel_reason.unwrap_or_default();
    let mut form = FormState::new("consultation")
        .with("version", version.trim())
        .with("kind", &input.kind)
        .with("title", &input.title)
        .with("topic", &input.topic)
        .with("description", &input.description)
        .with("station", &input.station)
        .with("address", &input.address)
        .with("online_url", &input.online_url)
        .with("date", &input.date)
        .with("start_time", &input.start_time)
        .with("end_time", &input.end_time)
        .with("capacity", &input.capacity)
        .with("reg_opens_on", &input.reg_opens_on)
        .with("reg_closes_on", &input.reg_closes_on)
        .with("solicitation", &input.solicitation)
        .with("status", &input.status)
        .with("cancel_reason", &cancel_reason);
    let (state, user) =
        guard::staff_for_form(Permission::ManageConsultations, &form, &return_to).await?;
    if let Some(id) = existing {
        scoped(&state, &user, id).await?;
    }
    let stations: Vec<i64> = crate::server::guard::station_choices(&state, &user)
        .await?
        .iter()
        .map(|s| s.id)
        .collect();
    let solicitations: Vec<i64> = db::consultations::solicitation_options(&state.db)
        .await?
        .iter()
        .map(|s| s.0)
        .collect();
    let validated = input.validate(&stations, &solicitations);
    let mut errors = validated.as_ref().err().cloned().unwrap_or_default();
    let reason = text::take(&mut errors, "cancel_reason", &cancel_reason, CANCEL_REASON);
    // A station's staff always run their own station's sessions.
    if input.station.trim().is_empty() && db::moderation::Scope::of(&user).station.is_some() {
        errors.add("station", Problem::Required);
    }
    let new = match validated {
        Ok(n) if errors.is_empty() => n,
        _ => {
            form.errors = errors;
            return guard::bounce(&state, &form, &return_to).await;
        }
    };
    let html = markdown::render(&new.description_md);
    let saved = match existing {
        None => db::consultations::create(&state.db, &new, &html, user.id)
            .await
            .map_err(UpdateError::Db),
        Some(id) => {
            let version = version.trim().parse::<i64>().unwrap_or_default();
            db::consultations::update(&state.db, id, version, &new, &html, &reason, user.id)
                .await
                .map(|_| id)
        }
    };
    match saved {
        Ok(id) => {
            leptos_axum::redirect(&format!("/staff/consultations/{id}?done=saved"));
            Ok(())
        }
        Err(UpdateError::Changed) => {
            form.errors.add(FORM, Problem::RecordChanged);
            guard::bounce(&state, &form, &return_to).await
        }
        Err(UpdateError::CapacityBelowTaken(taken)) => {
            form.errors
                .add("capacity", Problem::CapacityBelowTaken { taken });
            guard::bounce(&state, &form, &return_to).await
        }
        Err(UpdateError::NotFound) => Err(guard::fail(AppError::NotFound)),
        Err(UpdateError::Db(e)) => Err(guard::fail(e.into())),
    }
}

/// Session `id` with everyone registered. Staff only, within their station.
#[server(endpoint = "staff/consultations/get")]
pub async fn staff_consultation(id: i64, draft: Option<String>) -> Result<StaffSession, AppError> {
    use crate::domain::{opinion::mask_phone, policy::Permission};
    use crate::server::{db, guard};
    let (state, user) = guard::staff(Permission::ManageConsultations).await?;
    let consultation = scoped(&state, &user, id).await?;
    let mut registrations = db::consultations::registrations(&state.db, id).await?;
    // Names stay visible: staff greet and check people in by name at the door. Numbers are
    // masked without the personal-data privilege; with it, the view is audited.
    if !user.sees_personal_data() {
        for r in &mut registrations {
            r.phone = mask_phone(&r.phone);
        }
    } else if !registrations.is_empty() && guard::once(&format!("view_registrations:{id}")) {
        let mut conn = state.db.pool.acquire().await?;
        db::audit::record(
            &mut conn,
            Some(user.id),
            "consultation.view_contact",
            "consultation",
            Some(id),
            "",
        )
        .await?;
    }
    let form = match guard::draft(&state, draft.clone(), "checkin").await? {
        Some(f) => Some(f),
        None => guard::draft(&state, draft, "record").await?,
    };
    Ok(StaffSession {
        consultation,
        registrations,
        form,
        now: db::now_ms(),
    })
}

/// Checks a person in by the code on their receipt. Staff only, within their station; writes an
/// audit entry.
#[server(endpoint = "staff/consultations/check-in")]
pub async fn check_in(consultation_id: String, code: String) -> Result<(), AppError> {
    use crate::domain::{
        opinion::normalize_prefixed,
        policy::Permission,
        text::{Problem, FORM},
    };
    use crate::server::{db, db::consultations::CheckInResult, guard};
    let id = consultation_id
        .trim()
        .parse::<i64>()
        .map_err(|_| guard::fail(AppError::NotFound))?;
    let return_to = format!("/staff/consultations/{id}");
    let mut form = FormState::new("checkin").with("code", &code);
    let (state, user) =
        guard::staff_for_form(Permission::ManageConsultations, &form, &return_to).await?;
    scoped(&state, &user, id).await?;
    let Some(normal) = normalize_prefixed(&code, "BM") else {
        form.errors.add(
            "code",
            if code.trim().is_empty() {
                Problem::Required
            } else {
                Problem::RegistrationNotFound
            },
        );
        return guard::bounce(&state, &form, &return_to).await;
    };
    match db::consultations::check_in(&state.db, id, &normal, user.id).await? {
        CheckInResult::Done(_) | CheckInResult::Already(_) => {
            leptos_axum::redirect(&format!("{return_to}?checked={normal}#checkin"));
            Ok(())
        }
        CheckInResult::NoPlace(name, status) => {
            let t = crate::i18n::t();
            form.errors.add(
                FORM,
                Problem::CannotCheckIn {
                    name: crate::domain::opinion::mask_name(&name),
                    status: (t.cs.reg_status)(status).to_string(),
                },
            );
            guard::bounce(&state, &form, &return_to).await
        }
        CheckInResult::NotFound => {
            form.errors.add("code", Problem::RegistrationNotFound);
            guard::bounce(&state, &form, &return_to).await
        }
    }
}

/// Records whether a confirmed person came (`attended` is `1` or `0`). Staff only, within their
/// station; writes an audit entry.
#[server(endpoint = "staff/consultations/attendance")]
pub async fn mark_attendance(
    consultation_id: String,
    registration_id: String,
    attended: String,
) -> Result<(), AppError> {
    use crate::domain::policy::Permission;
    use crate::server::{db, guard};
    let (state, user) = guard::staff(Permission::ManageConsultations).await?;
    let id = consultation_id.trim().parse::<i64>().unwrap_or_default();
    let reg = registration_id.trim().parse::<i64>().unwrap_or_default();
    scoped(&state, &user, id).await?;
    db::consultations::set_attendance(&state.db, id, reg, attended.trim() == "1", user.id).await?;
    leptos_axum::redirect(&format!("/staff/consultations/{id}?marked={reg}#reg-{reg}"));
    Ok(())
}

/// Saves the minutes (纪要) and outcomes (协商成果), published on the session's page. Staff
/// only, within their station; writes an audit entry.
#[server(endpoint = "staff/consultations/record")]
pub async fn save_record(
    consultation_id: String,
    minutes: String,
    outcomes: String,
) -> Result<(), AppError> {
    use crate::domain::{consultation::MINUTES, policy::Permission, text};
    use crate::server::{db, guard, markdown};
    let id = consultation_id
        .trim()
        .parse::<i64>()
        .map_err(|_| guard::fail(AppError::NotFound))?;
    let return_to = format!("/staff/consultations/{id}");
    let mut form = FormState::new("record")
        .with("minutes", &minutes)
        .with("outcomes", &outcomes);
    let (state, user) =
        guard::staff_for_form(Permission::ManageConsultations, &form, &return_to).await?;
    scoped(&state, &user, id).await?;
    let mut errors = crate::domain::text::FieldErrors::default();
    let m = text::take(&mut errors, "minutes", &minutes, MINUTES);
    let o = text::take(&mut errors, "outcomes", &outcomes, MINUTES);
    if !errors.is_empty() {
        form.errors = errors;
        return guard::bounce(&state, &form, &return_to).await;
    }
    let (mh, oh) = (markdown::render(&m), markdown::render(&o));
    db::consultations::save_record(&state.db, id, (&m, &mh), (&o, &oh), user.id).await?;
    leptos_axum::redirect(&format!("{return_to}?done=recorded#record"));
    Ok(())
}
