//! Pages the public reads.

pub mod appointment;
pub mod booking;
pub mod compare;
pub mod consultation;
pub mod consultations;
pub mod deputies;
pub mod deputy;
pub mod home;
pub mod not_found;
pub mod open_data;
pub mod opinion_form;
pub mod privacy;
pub mod registration;
pub mod search;
pub mod solicitation;
pub mod solicitations;
pub mod stats;
pub mod stories;
pub mod story;
pub mod track;
