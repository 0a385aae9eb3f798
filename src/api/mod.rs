//! Server functions, one module per area. Each body reads in the same order: authorize,
//! validate, call the repository, map errors, redirect when the post came from a form.
//! Endpoints are explicit so that tests and no-JS forms have stable URLs under `/api/`.

pub mod accounts;
pub mod audit;
pub mod auth;
pub mod consultations;
pub mod deputies;
pub mod moderation;
pub mod notifications;
pub mod open;
pub mod opinions;
pub mod reports;
pub mod search;
pub mod solicitations;
pub mod stats;
pub mod stories;
