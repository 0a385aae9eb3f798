//! Deputies (人大代表) and appointments with them (码上约代表): the public directory and
//! profiles, the booking page a deputy's QR code opens, the resident's private appointment page,
//! and what staff do: manage deputies and their reception slots, confirm or decline bookings and
//! record how each meeting was handled.
//!
//! The server functions are split by who calls them: `public.rs` holds what residents' pages
//! call, `staff.rs` what only the staff area calls (endpoints under `/api/staff/`). Both are
//! re-exported here, so every path stays `crate::api::deputies::…`.

use crate::domain::{
    account::StationOption,
    deputy::{Appointment, Deputy, MeetingSummary, Slot},
    form::{Editing, FormState},
};
use serde::{Deserialize, Serialize};

/// The directory with the filters in use.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DeputyList {
    pub items: Vec<Deputy>,
    pub stations: Vec<StationOption>,
    pub level: String,
    pub station: String,
}

/// A deputy's public page: the profile, the slots still open, published meeting summaries, and
/// the booking page's address (what the QR code holds).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DeputyPage {
    pub deputy: Deputy,
    pub slots: Vec<Slot>,
    pub summaries: Vec<MeetingSummary>,
    pub book_url: String,
    pub now: i64,
}

/// The booking page's full address, as the QR code and the poster carry it.
#[cfg(feature = "ssr")]
pub fn book_url(state: &crate::server::state::AppState, id: i64) -> String {
    format!("{}/deputies/{id}/book", state.config.site_url)
}

/// The booking form: the deputy, the slots that can still be booked, and the form as it was last
/// sent back.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BookingPage {
    pub deputy: Deputy,
    pub slots: Vec<Slot>,
    pub form: FormState,
    pub now: i64,
}

/// A resident's appointment page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AppointmentPage {
    pub appointment: Appointment,
    pub link: String,
    pub key: String,
}

/// What the deputy editor opens with.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DeputyEditorData {
    pub editing: Editing,
    pub stations: Vec<StationOption>,
}

/// A deputy as staff manage them: the profile, every slot from a month ago on, the slot form as
/// last sent back, and the stations a slot may be at.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StaffDeputyData {
    pub deputy: Deputy,
    pub slots: Vec<Slot>,
    pub form: FormState,
    pub stations: Vec<StationOption>,
    pub book_url: String,
    pub now: i64,
}

/// One appointment for staff, and its forms as last sent back.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StaffAppointmentData {
    pub appointment: Appointment,
    pub form: Option<FormState>,
}

/// What residents' pages call.
mod public;
/// Only the staff area calls these (endpoints under `/api/staff/`).
mod staff;

pub use public::*;
pub use staff::*;
