//! Stories: the public list and page, and what staff do with them.
//!
//! The server functions are split by who calls them: `public.rs` holds what residents' pages
//! call, `staff.rs` what only the staff area calls (endpoints under `/api/staff/`). Both are
//! re-exported here, so every path stays `crate::api::stories::…`.

/// What residents' pages call.
mod public;
/// Only the staff area calls these (endpoints under `/api/staff/`).
mod staff;

pub use public::*;
pub use staff::*;
