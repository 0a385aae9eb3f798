//! Pages the public reads.

pub mod home;
pub mod not_found;
pub mod stories;
pub mod story;
