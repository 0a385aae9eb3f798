//! English: the second locale. Legal texts and what residents wrote stay as written; every word
//! of the interface is here.

pub mod consultations;
pub mod deputies;
pub mod feeds;
pub mod main;
pub mod search;
pub mod trail;
