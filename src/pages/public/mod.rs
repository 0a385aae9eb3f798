//! Pages the public reads.

pub mod home;
pub mod not_found;
pub mod opinion_form;
pub mod privacy;
pub mod solicitation;
pub mod solicitations;
pub mod stats;
pub mod stories;
pub mod story;
pub mod track;
