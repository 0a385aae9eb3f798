//! Deputies for residents: the public directory and profiles, the booking page a deputy's QR
//! code opens, and the resident's private appointment page.
#![expect(
    clippy::too_many_arguments,
    reason = "a form's fields arrive as one argument each, flat, so that plain form posts name them simply"
)]

#[cfg(feature = "ssr")]
use super::book_url;
use super::{AppointmentPage, BookingPage, DeputyList, DeputyPage};
#[cfg(feature = "ssr")]
use crate::domain::{
    deputy::{Deputy, Slot},
    form::FormState,
};
use crate::error::AppError;
use leptos::prelude::*;

/// Published deputies, narrowed by `level` and `station`. Anyone may call it.
#[server(endpoint = "deputies/list")]
pub async fn list_deputies(
    level: Option<String>,
    station: Option<String>,
) -> Result<DeputyList, AppError> {
    use crate::domain::deputy::Level;
    use crate::server::{db, guard};
    let state = guard::state()?;
    let level = level.as_deref().and_then(Level::from_code);
    let station = station.and_then(|s| s.trim().parse::<i64>().ok());
    Ok(DeputyList {
        items: db::deputies::list_public(&state.db, level, station).await?,
        stations: db::stations::list_options(&state.db).await?,
        level: level.map(|l| l.code().to_string()).unwrap_or_default(),
        station: station.map(|s| s.to_string()).unwrap_or_default(),
    })
}

/// Deputy `id` if published.
#[cfg(feature = "ssr")]
async fn published(state: &crate::server::state::AppState, id: i64) -> Result<Deputy, AppError> {
    use crate::server::{db, guard};
    db::deputies::get(&state.db, id)
        .await?
        .filter(|d| d.published)
        .ok_or_else(|| guard::fail(AppError::NotFound))
}

/// A published deputy's page. Anyone may call it.
#[server(endpoint = "deputies/get")]
pub async fn get_deputy(id: i64) -> Result<DeputyPage, AppError> {
    use crate::server::{db, guard};
    let state = guard::state()?;
    let deputy = published(&state, id).await?;
    let now = db::now_ms();
    let slots = db::deputies::slots(&state.db, id, now)
        .await?
        .into_iter()
        .filter(|s| !s.cancelled && s.starts_at > now)
        .collect();
    Ok(DeputyPage {
        deputy,
        slots,
        summaries: db::deputies::summaries(&state.db, id).await?,
        book_url: book_url(&state, id),
        now,
    })
}

/// The booking page of deputy `id` (`slot` preselects one). Anyone may call it.
#[server(endpoint = "deputies/booking-form")]
pub async fn booking_form(
    id: i64,
    slot: Option<String>,
    draft: Option<String>,
) -> Result<BookingPage, AppError> {
    use crate::server::{auth, db, guard};
    let state = guard::state()?;
    let deputy = published(&state, id).await?;
    let now = db::now_ms();
    let slots: Vec<Slot> = db::deputies::slots(&state.db, id, now)
        .await?
        .into_iter()
        .filter(|s| s.bookable(now))
        .collect();
    let form = match guard::draft(&state, draft, "booking").await? {
        Some(f) => f,
        None => {
            let chosen = slot
                .filter(|s| slots.iter().any(|x| x.id.to_string() == *s))
                .unwrap_or_default();
            FormState::new("booking").with("slot", chosen)
        }
    }
    // The form's key is made here for every view of the form, never taken from a draft.
    .with("submit_key", auth::new_token());
    Ok(BookingPage {
        deputy,
        slots,
        form,
        now,
    })
}

/// Books an appointment with a deputy and goes to the receipt; problems (a slot taken in the
/// meantime, the number already booked) send the form back with everything typed. Anyone may
/// call it.
#[server(endpoint = "deputies/book")]
pub async fn book_deputy(
    deputy_id: String,
    submit_key: String,
    slot: Option<String>,
    preferred_time: String,
    name: String,
    phone: String,
    matter: String,
    email: Option<String>,
    consent: Option<String>,
) -> Result<(), AppError> {
    use crate::domain::{
        deputy::BookingInput,
        text::{Problem, FORM},
    };
    use crate::server::{db, db::deputies::BookError, guard};
    let state = guard::state()?;
    let id = deputy_id
        .trim()
        .parse::<i64>()
        .map_err(|_| guard::fail(AppError::NotFound))?;
    let return_to = format!("/deputies/{id}/book");
    let input = BookingInput {
        slot: slot.unwrap_or_default(),
        preferred_time,
        name,
        phone,
        matter,
        email: email.unwrap_or_default(),
        consent: consent.unwrap_or_default(),
    };
    let mut form = FormState::new("booking")
        .with("submit_key", submit_key.trim())
        .with("slot", &input.slot)
        .with("preferred_time", &input.preferred_time)
        .with("name", &input.name)
        .with("phone", &input.phone)
        .with("matter", &input.matter)
        .with("email", &input.email)
        .with("consent", &input.consent);
    published(&state, id).await?;
    let now = db::now_ms();
    let slots: Vec<i64> = db::deputies::slots(&state.db, id, now)
        .await?
        .iter()
        .filter(|s| !s.cancelled && s.starts_at > now)
        .map(|s| s.id)
        .collect();
    let booking = match input.validate(&slots) {
        Ok(b) => b,
        Err(errors) => {
            form.errors = errors;
            return guard::bounce(&state, &form, &return_to).await;
        }
    };
    let key = submit_key.trim();
    let key = (key.len() == 64 && key.bytes().all(|b| b.is_ascii_hexdigit())).then_some(key);
    let bucket = guard::client_bucket(&state, "register");
    let limit = Some((bucket.as_str(), state.config.registrations_per_hour));
    let problem = match db::deputies::book(&state.db, id, &booking, key, limit).await {
        Ok(r) => {
            leptos_axum::redirect(&format!("/track/{}?k={}&new=1", r.code, r.access_key));
            return Ok(());
        }
        Err(BookError::SlotGone) => ("slot", Problem::SlotGone),
        Err(BookError::SlotFull) => ("slot", Problem::SlotFull),
        Err(BookError::Duplicate) => ("phone", Problem::AlreadyBooked),
        Err(BookError::RateLimited) => (
            FORM,
            Problem::RateLimited {
                per_hour: state.config.registrations_per_hour,
            },
        ),
        Err(BookError::NoSuchDeputy) => return Err(guard::fail(AppError::NotFound)),
        Err(BookError::Db(e)) => return Err(guard::fail(e.into())),
    };
    form.errors.add(problem.0, problem.1);
    guard::bounce(&state, &form, &return_to).await
}

/// Appointment `code` with the secret `k`; anything wrong is "not found". Anyone may call it.
#[server(endpoint = "appointments/get")]
pub async fn get_appointment(code: String, k: Option<String>) -> Result<AppointmentPage, AppError> {
    use crate::domain::opinion::{mask_email, mask_phone, normalize_prefixed};
    use crate::server::{db, guard};
    let state = guard::state()?;
    let (Some(code), Some(k)) = (normalize_prefixed(&code, "YY"), k) else {
        return Err(guard::fail(AppError::NotFound));
    };
    let mut appointment = db::deputies::view(&state.db, &code, k.trim())
        .await?
        .ok_or_else(|| guard::fail(AppError::NotFound))?;
    appointment.phone = mask_phone(&appointment.phone);
    appointment.email = mask_email(&appointment.email);
    Ok(AppointmentPage {
        link: format!(
            "{}/track/{}?k={}",
            crate::api::opinions::site_origin(),
            appointment.code,
            k.trim()
        ),
        key: k.trim().to_string(),
        appointment,
    })
}

/// The resident withdraws their appointment. Anyone holding the private link may call it.
#[server(endpoint = "appointments/cancel")]
pub async fn cancel_appointment(code: String, k: String) -> Result<(), AppError> {
    use crate::domain::opinion::normalize_prefixed;
    use crate::server::{db, guard};
    let state = guard::state()?;
    let code = normalize_prefixed(&code, "YY").ok_or_else(|| guard::fail(AppError::NotFound))?;
    let k = k.trim();
    match db::deputies::cancel(&state.db, &code, k).await? {
        None => Err(guard::fail(AppError::NotFound)),
        Some(true) => {
            leptos_axum::redirect(&format!("/track/{code}?k={k}&done=cancelled"));
            Ok(())
        }
        Some(false) => {
            leptos_axum::redirect(&format!("/track/{code}?k={k}"));
            Ok(())
        }
    }
}
