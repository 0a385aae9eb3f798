//! Consultation sessions for residents: the public list and page, registering, and the private
//! registration page.
#![expect(
    clippy::too_many_arguments,
    reason = "a form's fields arrive as one argument each, flat, so that plain form posts name them simply"
)]

use super::{ConsultationList, ConsultationPage, RegistrationPage};
#[cfg(feature = "ssr")]
use crate::domain::form::FormState;
use crate::error::AppError;
use leptos::prelude::*;

/// Published sessions, upcoming first, narrowed by `kind`, `station` and `month` (`2026-12`).
/// Unknown filter values are ignored. Anyone may call it.
#[server(endpoint = "consultations/list")]
pub async fn list_consultations(
    kind: Option<String>,
    station: Option<String>,
    month: Option<String>,
) -> Result<ConsultationList, AppError> {
    use crate::domain::{consultation::Kind, time::day_start_ms};
    use crate::server::{db, db::consultations::ListFilter, guard};
    let state = guard::state()?;
    let kind = kind.as_deref().and_then(Kind::from_code);
    let station = station.and_then(|s| s.trim().parse::<i64>().ok());
    let month = month.unwrap_or_default();
    let range = chrono::NaiveDate::parse_from_str(&format!("{}-01", month.trim()), "%Y-%m-%d")
        .ok()
        .and_then(|first| {
            let next = first.checked_add_months(chrono::Months::new(1))?;
            Some((day_start_ms(first), day_start_ms(next)))
        });
    let now = db::now_ms();
    let filter = ListFilter {
        kind,
        station,
        range,
    };
    Ok(ConsultationList {
        items: db::consultations::list_public(&state.db, &filter, now).await?,
        stations: db::stations::list_options(&state.db).await?,
        kind: kind.map(|k| k.code().to_string()).unwrap_or_default(),
        station: station.map(|s| s.to_string()).unwrap_or_default(),
        month: if range.is_some() {
            month
        } else {
            String::new()
        },
        now,
    })
}

/// Session `id` (not a draft) and its registration form. Anyone may call it.
#[server(endpoint = "consultations/get")]
pub async fn get_consultation(
    id: i64,
    draft: Option<String>,
) -> Result<ConsultationPage, AppError> {
    use crate::domain::consultation::Status;
    use crate::server::{auth, db, guard};
    let state = guard::state()?;
    let consultation = db::consultations::get(&state.db, id)
        .await?
        .filter(|c| c.summary.status != Status::Draft)
        .ok_or_else(|| guard::fail(AppError::NotFound))?;
    // The form's key is made here for every view of the form, never taken from a draft.
    let form = guard::draft(&state, draft, "register")
        .await?
        .unwrap_or_else(|| FormState::new("register"))
        .with("submit_key", auth::new_token());
    Ok(ConsultationPage {
        consultation,
        form,
        now: db::now_ms(),
    })
}

/// `2026年12月5日 14:30` for a window's ends, as refusals show them.
#[cfg(feature = "ssr")]
fn window_texts(opens_at: i64, closes_at: i64) -> (String, String) {
    (
        crate::i18n::datetime(opens_at),
        crate::i18n::datetime(closes_at),
    )
}

/// Registers a resident for a session and goes to the receipt; problems (a full name missing,
/// the window closed, the number already registered) send the form back with everything typed.
/// The same form posted twice gives the first registration. Anyone may call it.
#[server(endpoint = "consultations/register")]
pub async fn register(
    consultation_id: String,
    submit_key: String,
    name: String,
    phone: String,
    organisation: String,
    questions: String,
    email: Option<String>,
    consent: Option<String>,
) -> Result<(), AppError> {
    use crate::domain::{
        consultation::{RegPhase, RegistrationInput},
        text::{Problem, FORM},
    };
    use crate::server::{
        db,
        db::consultations::{RegSource, RegisterError},
        guard,
    };
    let state = guard::state()?;
    let id = consultation_id
        .trim()
        .parse::<i64>()
        .map_err(|_| guard::fail(AppError::NotFound))?;
    let return_to = format!("/consultations/{id}");
    let input = RegistrationInput {
        name,
        phone,
        organisation,
        questions,
        email: email.unwrap_or_default(),
        consent: consent.unwrap_or_default(),
    };
    let mut form = registration_form(&input).with("submit_key", submit_key.trim());
    let reg = match input.validate(true) {
        Ok(r) => r,
        Err(errors) => {
            form.errors = errors;
            return guard::bounce(&state, &form, &return_to).await;
        }
    };
    let key = submit_key.trim();
    let source = RegSource {
        submit_key: (key.len() == 64 && key.bytes().all(|b| b.is_ascii_hexdigit()))
            .then(|| key.to_string()),
        limit: Some((
            guard::client_bucket(&state, "register"),
            state.config.registrations_per_hour,
        )),
    };
    let problem = match db::consultations::register(&state.db, id, &reg, &source).await {
        Ok(r) => {
            leptos_axum::redirect(&format!("/track/{}?k={}&new=1", r.code, r.access_key));
            return Ok(());
        }
        Err(RegisterError::NotOpen {
            phase,
            opens_at,
            closes_at,
        }) => {
            let (opens, closes) = window_texts(opens_at, closes_at);
            match phase {
                RegPhase::NotYetOpen => (FORM, Problem::RegistrationNotOpen { opens, closes }),
                RegPhase::Cancelled => (FORM, Problem::SessionCancelled),
                RegPhase::Unpublished => return Err(guard::fail(AppError::NotFound)),
                _ => (FORM, Problem::RegistrationClosed { opens, closes }),
            }
        }
        Err(RegisterError::Duplicate) => ("phone", Problem::AlreadyRegistered),
        Err(RegisterError::RateLimited) => (
            FORM,
            Problem::RateLimited {
                per_hour: state.config.registrations_per_hour,
            },
        ),
        Err(RegisterError::NoSuchSession) => return Err(guard::fail(AppError::NotFound)),
        Err(RegisterError::Db(e)) => return Err(guard::fail(e.into())),
    };
    form.errors.add(problem.0, problem.1);
    guard::bounce(&state, &form, &return_to).await
}

#[cfg(feature = "ssr")]
fn registration_form(i: &crate::domain::consultation::RegistrationInput) -> FormState {
    FormState::new("register")
        .with("name", &i.name)
        .with("phone", &i.phone)
        .with("organisation", &i.organisation)
        .with("questions", &i.questions)
        .with("email", &i.email)
        .with("consent", &i.consent)
}

/// Registration `code` with the secret `k` of its private link; anything wrong is "not found".
/// Anyone may call it.
#[server(endpoint = "registrations/get")]
pub async fn get_registration(
    code: String,
    k: Option<String>,
) -> Result<RegistrationPage, AppError> {
    use crate::domain::opinion::normalize_prefixed;
    use crate::server::{db, guard};
    let state = guard::state()?;
    let (Some(code), Some(k)) = (normalize_prefixed(&code, "BM"), k) else {
        return Err(guard::fail(AppError::NotFound));
    };
    let view = db::consultations::view(&state.db, &code, k.trim())
        .await?
        .ok_or_else(|| guard::fail(AppError::NotFound))?;
    Ok(RegistrationPage {
        link: format!(
            "{}/track/{}?k={}",
            crate::api::opinions::site_origin(),
            view.code,
            k.trim()
        ),
        key: k.trim().to_string(),
        view,
        now: db::now_ms(),
    })
}

/// The resident gives up their place (or waitlist spot); the next person waiting gets it.
/// Anyone holding the private link may call it.
#[server(endpoint = "registrations/cancel")]
pub async fn cancel_registration(code: String, k: String) -> Result<(), AppError> {
    use crate::domain::opinion::normalize_prefixed;
    use crate::server::{db, db::consultations::Cancelled, guard};
    let state = guard::state()?;
    let code = normalize_prefixed(&code, "BM").ok_or_else(|| guard::fail(AppError::NotFound))?;
    let k = k.trim();
    match db::consultations::cancel(&state.db, &code, k).await? {
        Cancelled::NotFound => Err(guard::fail(AppError::NotFound)),
        Cancelled::Done => {
            leptos_axum::redirect(&format!("/track/{code}?k={k}&done=cancelled"));
            Ok(())
        }
        Cancelled::NotCancellable => {
            leptos_axum::redirect(&format!("/track/{code}?k={k}"));
            Ok(())
        }
    }
}
