//! Reusable pieces of UI. They take data and callbacks as props and never call the server.

pub mod consultation;
pub mod deputy;
pub mod draft;
pub mod feedback;
pub mod field;
pub mod moderation;
pub mod opinion;
pub mod pager;
pub mod solicitation;
pub mod story;
