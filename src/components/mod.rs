//! Reusable pieces of UI. They take data and callbacks as props and never call the server.

pub mod feedback;
pub mod field;
pub mod pager;
pub mod story;
