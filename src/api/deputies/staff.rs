//! What staff do with deputies: manage them and their reception slots, confirm or decline
//! bookings and record how each meeting was handled.
#![expect(
    clippy::too_many_arguments,
    reason = "a form's fields arrive as one argument each, flat, so that plain form posts name them simply"
)]

#[cfg(feature = "ssr")]
use super::book_url;
use super::{DeputyEditorData, StaffAppointmentData, StaffDeputyData};
use crate::domain::deputy::{Appointment, Deputy};
#[cfg(feature = "ssr")]
use crate::domain::form::FormState;
use crate::error::AppError;
use leptos::prelude::*;

/// Deputy `id` within the person's station, or "not found".
#[cfg(feature = "ssr")]
async fn scoped(
    state: &crate::server::state::AppState,
    user: &crate::domain::account::StaffUser,
    id: i64,
) -> Result<Deputy, AppError> {
    use crate::server::{db, guard};
    db::deputies::get(&state.db, id)
        .await?
        .filter(|d| crate::server::guard::in_scope(user, d.station_id))
        .ok_or_else(|| guard::fail(AppError::NotFound))
}

/// Every deputy within the person's station. Staff only.
#[server(endpoint = "staff/deputies/list")]
pub async fn staff_deputies() -> Result<Vec<Deputy>, AppError> {
    use crate::domain::policy::Permission;
    use crate::server::{db, db::moderation::Scope, guard};
    let (state, user) = guard::staff(Permission::ManageConsultations).await?;
    Ok(db::deputies::list_all(&state.db, Scope::of(&user).station).await?)
}

/// The deputy editor: a sent-back draft, else deputy `id`, else a new one. Staff only.
#[server(endpoint = "staff/deputies/form")]
pub async fn deputy_form(
    id: Option<i64>,
    draft: Option<String>,
) -> Result<DeputyEditorData, AppError> {
    use crate::domain::policy::Permission;
    use crate::server::guard;
    let (state, user) = guard::staff(Permission::ManageConsultations).await?;
    let existing = match id {
        Some(id) => Some(scoped(&state, &user, id).await?),
        None => None,
    };
    let version = existing.as_ref().map(|d| d.updated_at);
    let editing = guard::editing(&state, draft, "deputy", id, version, || match &existing {
        Some(d) => FormState::new("deputy")
            .with("name", &d.name)
            .with("level", d.level.code())
            .with("constituency", &d.constituency)
            .with(
                "station",
                d.station_id.map(|s| s.to_string()).unwrap_or_default(),
            )
            .with("intro", &d.intro)
            .with("reception_days", &d.reception_days)
            .with("published", if d.published { "1" } else { "" }),
        None => FormState::new("deputy")
            .with("level", "district")
            .with("published", "1")
            .with("station", guard::own_station(&user)),
    })
    .await?;
    Ok(DeputyEditorData {
        editing,
        stations: crate::server::guard::station_choices(&state, &user).await?,
    })
}

/// Creates or updates a deputy. Staff only; writes an audit entry.
#[server(endpoint = "staff/deputies/save")]
pub async fn save_deputy(
    id: String,
    version: String,
    name: String,
    level: String,
    constituency: String,
    station: Option<String>,
    intro: String,
    reception_days: String,
    published: Option<String>,
) -> Result<(), AppError> {
    use crate::domain::{
        deputy::DeputyInput,
        policy::Permission,
        text::{Problem, FORM},
    };
    use crate::server::{db, db::deputies::SaveError, guard};
    let existing = id.trim().parse::<i64>().ok();
    let return_to = match existing {
        Some(id) => format!("/staff/deputies/{id}/edit"),
        None => "/staff/deputies/new".to_string(),
    };
    let input = DeputyInput {
        name,
        level,
        constituency,
        station: station.unwrap_or_default(),
        intro,
        reception_days,
        published: published.unwrap_or_default(),
    };
    let mut form = FormState::new("deputy")
        .with("version", version.trim())
        .with("name", &input.name)
        .with("level", &input.level)
        .with("constituency", &input.constituency)
        .with("station", &input.station)
        .with("intro", &input.intro)
        .with("reception_days", &input.reception_days)
        .with("published", &input.published);
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
    let new = match input.validate(&stations) {
        Ok(n) => n,
        Err(e) => {
            form.errors = e;
            return guard::bounce(&state, &form, &return_to).await;
        }
    };
    if new.station_id.is_none() && db::moderation::Scope::of(&user).station.is_some() {
        form.errors.add("station", Problem::Required);
        return guard::bounce(&state, &form, &return_to).await;
    }
    let version = version.trim().parse::<i64>().unwrap_or_default();
    match db::deputies::save(&state.db, existing, version, &new, user.id).await {
        Ok(id) => {
            leptos_axum::redirect(&format!("/staff/deputies/{id}?done=saved"));
            Ok(())
        }
        Err(SaveError::Changed) => {
            form.errors.add(FORM, Problem::RecordChanged);
            guard::bounce(&state, &form, &return_to).await
        }
        Err(SaveError::NotFound) => Err(guard::fail(AppError::NotFound)),
        Err(SaveError::Db(e)) => Err(guard::fail(e.into())),
    }
}

/// Deputy `id` with their slots. Staff only, within their station.
#[server(endpoint = "staff/deputies/get")]
pub async fn staff_deputy(id: i64, draft: Option<String>) -> Result<StaffDeputyData, AppError> {
    use crate::domain::{policy::Permission, time};
    use crate::server::{db, guard};
    let (state, user) = guard::staff(Permission::ManageConsultations).await?;
    let deputy = scoped(&state, &user, id).await?;
    let now = db::now_ms();
    let form = match guard::draft(&state, draft, "slot").await? {
        Some(f) => f,
        None => FormState::new("slot")
            .with("date", time::iso_date(now + 7 * time::DAY_MS))
            .with("start_time", "09:00")
            .with("end_time", "11:00")
            .with("capacity", "4")
            .with(
                "station",
                deputy.station_id.map(|s| s.to_string()).unwrap_or_default(),
            ),
    };
    Ok(StaffDeputyData {
        slots: db::deputies::slots(&state.db, id, now - 30 * time::DAY_MS).await?,
        stations: crate::server::guard::station_choices(&state, &user).await?,
        book_url: book_url(&state, id),
        deputy,
        form,
        now,
    })
}

/// Adds a reception slot. Staff only, within their station; writes an audit entry.
#[server(endpoint = "staff/deputies/add-slot")]
pub async fn add_slot(
    deputy_id: String,
    date: String,
    start_time: String,
    end_time: String,
    capacity: String,
    station: Option<String>,
) -> Result<(), AppError> {
    use crate::domain::{deputy::SlotInput, policy::Permission};
    use crate::server::{db, guard};
    let id = deputy_id
        .trim()
        .parse::<i64>()
        .map_err(|_| guard::fail(AppError::NotFound))?;
    let return_to = format!("/staff/deputies/{id}");
    let input = SlotInput {
        date,
        start_time,
        end_time,
        capacity,
        station: station.unwrap_or_default(),
    };
    let mut form = FormState::new("slot")
        .with("date", &input.date)
        .with("start_time", &input.start_time)
        .with("end_time", &input.end_time)
        .with("capacity", &input.capacity)
        .with("station", &input.station);
    let (state, user) =
        guard::staff_for_form(Permission::ManageConsultations, &form, &return_to).await?;
    scoped(&state, &user, id).await?;
    let stations: Vec<i64> = crate::server::guard::station_choices(&state, &user)
        .await?
        .iter()
        .map(|s| s.id)
        .collect();
    match input.validate(&stations, db::now_ms()) {
        Ok(slot) => {
            db::deputies::add_slot(&state.db, id, &slot, user.id).await?;
            leptos_axum::redirect(&format!("{return_to}?done=slot#slots"));
            Ok(())
        }
        Err(e) => {
            form.errors = e;
            guard::bounce(&state, &form, &return_to).await
        }
    }
}

/// Cancels a slot; its bookings are declined and the residents told. Staff only, within their
/// station; writes an audit entry.
#[server(endpoint = "staff/deputies/cancel-slot")]
pub async fn cancel_slot(deputy_id: String, slot_id: String) -> Result<(), AppError> {
    use crate::domain::policy::Permission;
    use crate::server::{db, guard};
    let (state, user) = guard::staff(Permission::ManageConsultations).await?;
    let id = deputy_id.trim().parse::<i64>().unwrap_or_default();
    scoped(&state, &user, id).await?;
    let slot = slot_id.trim().parse::<i64>().unwrap_or_default();
    db::deputies::cancel_slot(&state.db, id, slot, user.id).await?;
    leptos_axum::redirect(&format!("/staff/deputies/{id}?done=slot_cancelled#slots"));
    Ok(())
}

/// Appointments with deputies within the person's station, in `status` if given; numbers masked
/// without the personal-data privilege. Staff only.
#[server(endpoint = "staff/appointments/list")]
pub async fn staff_appointments(status: Option<String>) -> Result<Vec<Appointment>, AppError> {
    use crate::domain::{
        deputy::AppointmentStatus,
        opinion::{mask_email, mask_phone},
        policy::Permission,
    };
    use crate::server::{db, db::moderation::Scope, guard};
    let (state, user) = guard::staff(Permission::ManageConsultations).await?;
    let status = status.as_deref().and_then(AppointmentStatus::from_code);
    let mut list = db::deputies::appointments(&state.db, Scope::of(&user).station, status).await?;
    if !user.sees_personal_data() {
        for a in &mut list {
            a.phone = mask_phone(&a.phone);
            a.email = mask_email(&a.email);
        }
    }
    Ok(list)
}

/// Appointment `id`, within the person's station; the number shown whole only with the
/// personal-data privilege (and then audited). Staff only.
#[server(endpoint = "staff/appointments/get")]
pub async fn staff_appointment(
    id: i64,
    draft: Option<String>,
) -> Result<StaffAppointmentData, AppError> {
    use crate::domain::{
        opinion::{mask_email, mask_phone},
        policy::Permission,
    };
    use crate::server::{db, guard};
    let (state, user) = guard::staff(Permission::ManageConsultations).await?;
    let mut appointment = db::deputies::get_appointment(&state.db, id)
        .await?
        .ok_or_else(|| guard::fail(AppError::NotFound))?;
    scoped(&state, &user, appointment.deputy_id).await?;
    if user.sees_personal_data() {
        if guard::once(&format!("view_appointment:{id}")) {
            let mut conn = state.db.pool.acquire().await?;
            db::audit::record(
                &mut conn,
                Some(user.id),
                "appointment.view_contact",
                "appointment",
                Some(id),
                &appointment.code,
            )
            .await?;
        }
    } else {
        appointment.phone = mask_phone(&appointment.phone);
        appointment.email = mask_email(&appointment.email);
    }
    let form = match guard::draft(&state, draft.clone(), "decide").await? {
        Some(f) => Some(f),
        None => guard::draft(&state, draft, "outcome").await?,
    };
    Ok(StaffAppointmentData { appointment, form })
}

/// The appointment `id` if it exists and is within the person's station.
#[cfg(feature = "ssr")]
async fn scoped_appointment(
    state: &crate::server::state::AppState,
    user: &crate::domain::account::StaffUser,
    id: i64,
) -> Result<Appointment, AppError> {
    use crate::server::{db, guard};
    let a = db::deputies::get_appointment(&state.db, id)
        .await?
        .ok_or_else(|| guard::fail(AppError::NotFound))?;
    scoped(state, user, a.deputy_id).await?;
    Ok(a)
}

/// Confirms (`decision` = `confirm`) or declines (`decline`, with a reason) an appointment with a
/// message the resident reads; a referral reason left without a message gets the standard text
/// of where to turn. Staff only, within their station; writes an audit entry.
#[server(endpoint = "staff/appointments/decide")]
pub async fn decide_appointment(
    appointment_id: String,
    decision: String,
    reason: Option<String>,
    message: String,
) -> Result<(), AppError> {
    use crate::domain::{
        deputy::{DeclineReason, STAFF_MESSAGE},
        policy::Permission,
        text::{self, FieldErrors, Problem},
    };
    use crate::server::{db, db::deputies::Decision, guard};
    let id = appointment_id
        .trim()
        .parse::<i64>()
        .map_err(|_| guard::fail(AppError::NotFound))?;
    let return_to = format!("/staff/appointments/{id}");
    let reason = reason.unwrap_or_default();
    let mut form = FormState::new("decide")
        .with("decision", &decision)
        .with("reason", &reason)
        .with("message", &message);
    let (state, user) =
        guard::staff_for_form(Permission::ManageConsultations, &form, &return_to).await?;
    scoped_appointment(&state, &user, id).await?;
    let mut errors = FieldErrors::default();
    let mut text = text::take(&mut errors, "message", &message, STAFF_MESSAGE);
    let d = match decision.trim() {
        "confirm" => Some(Decision::Confirm {
            message: text.clone(),
        }),
        "decline" => match DeclineReason::from_code(reason.trim()) {
            Some(r) => {
                if text.is_empty() && r.is_referral() {
                    text = (crate::i18n::t().dp.referral)(r).to_string();
                } else if text.is_empty() && errors.is_empty() {
                    errors.add("message", Problem::Required);
                }
                Some(Decision::Decline {
                    reason: r,
                    message: text.clone(),
                })
            }
            None => {
                errors.add("reason", Problem::BadChoice);
                None
            }
        },
        _ => {
            errors.add("decision", Problem::BadChoice);
            None
        }
    };
    let (Some(d), true) = (d, errors.is_empty()) else {
        form.errors = errors;
        return guard::bounce(&state, &form, &return_to).await;
    };
    if !db::deputies::decide(&state.db, id, &d, user.id).await? {
        // The resident withdrew it, or someone decided first.
        form.errors
            .add(crate::domain::text::FORM, Problem::RecordChanged);
        return guard::bounce(&state, &form, &return_to).await;
    }
    leptos_axum::redirect(&format!("{return_to}?done=decided"));
    Ok(())
}

/// Records how a meeting was handled, the outcome the resident reads, and an anonymized summary
/// that may be published on the deputy's page. Staff only, within their station; writes an
/// audit entry.
#[server(endpoint = "staff/appointments/outcome")]
pub async fn record_appointment(
    appointment_id: String,
    handling: String,
    outcome: String,
    public_summary: String,
    publish: Option<String>,
) -> Result<(), AppError> {
    use crate::domain::{
        deputy::{Handling, OUTCOME},
        policy::Permission,
        text::{self, FieldErrors, Problem},
    };
    use crate::server::{db, db::deputies::Outcome, guard};
    let id = appointment_id
        .trim()
        .parse::<i64>()
        .map_err(|_| guard::fail(AppError::NotFound))?;
    let return_to = format!("/staff/appointments/{id}");
    let publish = publish.unwrap_or_default();
    let mut form = FormState::new("outcome")
        .with("handling", &handling)
        .with("outcome", &outcome)
        .with("public_summary", &public_summary)
        .with("publish", &publish);
    let (state, user) =
        guard::staff_for_form(Permission::ManageConsultations, &form, &return_to).await?;
    scoped_appointment(&state, &user, id).await?;
    let mut errors = FieldErrors::default();
    let h = Handling::from_code(handling.trim());
    if h.is_none() {
        errors.add("handling", Problem::BadChoice);
    }
    let outcome = text::take(&mut errors, "outcome", &outcome, OUTCOME);
    if outcome.is_empty() && errors.get("outcome").is_none() {
        errors.add("outcome", Problem::Required);
    }
    let summary = text::take(&mut errors, "public_summary", &public_summary, OUTCOME);
    let publish = publish.trim() == "1";
    if publish && summary.is_empty() && errors.get("public_summary").is_none() {
        errors.add("public_summary", Problem::Required);
    }
    let (Some(handling), true) = (h, errors.is_empty()) else {
        form.errors = errors;
        return guard::bounce(&state, &form, &return_to).await;
    };
    let o = Outcome {
        handling,
        outcome,
        public_summary: summary,
        publish,
    };
    db::deputies::record_outcome(&state.db, id, &o, user.id).await?;
    leptos_axum::redirect(&format!("{return_to}?done=recorded"));
    Ok(())
}
