//! Consultation sessions: the public list and page, a resident's registration and its private
//! page, and what staff do: the editor, the registration list, check-in, attendance, the minutes
//! and outcomes, and entering views raised at a session as opinions.
//!
//! The server functions are split by who calls them: `public.rs` holds what residents' pages
//! call, `staff.rs` what only the staff area calls (endpoints under `/api/staff/`). Both are
//! re-exported here, so every path stays `crate::api::consultations::…`.

use crate::domain::{
    account::StationOption,
    consultation::{Consultation, ConsultationSummary, RegistrationRow, RegistrationView},
    form::{Editing, FormState},
};
use serde::{Deserialize, Serialize};

/// The public list with the filters in use.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ConsultationList {
    pub items: Vec<ConsultationSummary>,
    pub stations: Vec<StationOption>,
    pub kind: String,
    pub station: String,
    /// `2026-12`, or empty.
    pub month: String,
    pub now: i64,
}

/// A session's public page, with the registration form as it was last sent back.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ConsultationPage {
    pub consultation: Consultation,
    pub form: FormState,
    pub now: i64,
}

/// A resident's registration page: the registration and its private link.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RegistrationPage {
    pub view: RegistrationView,
    pub link: String,
    pub key: String,
    pub now: i64,
}

/// What the session editor opens with.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ConsultationEditorData {
    pub editing: Editing,
    pub stations: Vec<StationOption>,
    pub solicitations: Vec<(i64, String)>,
}

/// A session as staff run it: the registrations (numbers masked without the personal-data
/// privilege) and the check-in and record forms as last sent back.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StaffSession {
    pub consultation: Consultation,
    pub registrations: Vec<RegistrationRow>,
    pub form: Option<FormState>,
    pub now: i64,
}

/// What residents' pages call.
mod public;
/// Only the staff area calls these (endpoints under `/api/staff/`).
mod staff;

pub use public::*;
pub use staff::*;
