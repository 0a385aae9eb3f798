//! Shared types, enums, validation and policies: pure code that compiles for the server and the
//! browser alike and imports nothing else of this crate.

pub mod account;
pub mod align;
pub mod amend;
pub mod audit;
pub mod check;
pub mod coded;
pub mod consultation;
pub mod deputy;
pub mod diff;
pub mod form;
pub mod moderation;
pub mod notification;
pub mod opinion;
pub mod policy;
pub mod report;
pub mod search;
pub mod similarity;
pub mod solicitation;
pub mod stats;
pub mod statute;
pub mod story;
pub mod text;
pub mod time;
pub mod trail;
