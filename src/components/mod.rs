//! Reusable pieces of UI. They take data and callbacks as props and never call the server.

pub mod consultation;
pub mod deputy;
pub mod draft;
pub mod editor;
pub mod feedback;
pub mod field;
pub mod moderation;
pub mod opinion;
pub mod pager;
pub mod solicitation;
pub mod story;

/// The only inline scripts pages carry: event handlers too small to be worth wasm. The
/// Content-Security-Policy allows exactly these by their hashes.
pub mod scripts {
    /// A print button.
    pub const PRINT: &str = "window.print()";
    /// A checkbox that ticks or clears every `selected[]` box of its form.
    pub const SELECT_ALL: &str =
        "for (const c of this.form.querySelectorAll('input[name=\"selected[]\"]')) c.checked = this.checked";
    /// Every inline handler, for the policy.
    pub const ALL: [&str; 2] = [PRINT, SELECT_ALL];
}
