//! Pages for staff and admins, under `/staff`. Every one of them is behind [`layout::StaffLayout`],
//! and every server function they call checks the role again on the server.

pub mod accounts;
pub mod appointments;
pub mod audit;
pub mod clusters;
pub mod consultation_form;
pub mod consultations;
pub mod dashboard;
pub mod deputies;
pub mod draft_form;
pub mod layout;
pub mod login;
pub mod notifications;
pub mod offline_form;
pub mod opinions;
pub mod reports;
pub mod solicitation_form;
pub mod solicitations;
pub mod stories;
pub mod story_form;
pub mod story_view;

use crate::domain::{
    account::StaffUser,
    policy::{permits, Permission},
};

/// Whether the signed-in staff member (provided by [`layout::StaffLayout`]) holds `permission`:
/// for which links and forms a page shows. The server checks again on every call.
pub fn may(permission: Permission) -> bool {
    leptos::prelude::use_context::<StaffUser>().is_some_and(|u| permits(&u, permission))
}
