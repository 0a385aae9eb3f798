//! A form as it was submitted: the values a person typed and the problems found with them. Kept
//! on the server under a random token when a submission is sent back, so that no typed word is lost
//! whether the page runs JavaScript or not, and across a sign-in after an expired session.

use super::text::{FieldErrors, Problem};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The values and problems of one form submission.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct FormState {
    /// Which form this belongs to, e.g. `story` or `login`.
    pub form: String,
    pub values: BTreeMap<String, String>,
    pub errors: FieldErrors,
}

/// What a record's editor opens with: which record (none for a new one), the version of it the
/// person began from (its `updated_at`; it goes back with every save, so that a save over someone
/// else's is caught), and the form's values and problems.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Editing {
    pub id: Option<i64>,
    pub version: Option<i64>,
    pub state: FormState,
}

impl FormState {
    pub fn new(form: &str) -> Self {
        Self {
            form: form.to_string(),
            ..Self::default()
        }
    }
    pub fn with(mut self, field: &str, value: impl Into<String>) -> Self {
        self.values.insert(field.to_string(), value.into());
        self
    }
    pub fn value(&self, field: &str) -> String {
        self.values.get(field).cloned().unwrap_or_default()
    }
    pub fn problem(&self, field: &str) -> Option<Problem> {
        self.errors.get(field).cloned()
    }

    /// Whether this is one of the forms anyone may post ([`public_fields`]).
    pub fn is_public(&self) -> bool {
        public_fields(&self.form).is_some()
    }

    /// What may be kept of this submission when it is sent back: for a public form only its
    /// visible fields, each cut to the field's own limit (a hidden field such as the form's key
    /// is never kept: the form page makes it anew); for a staff form every value, cut to
    /// [`STAFF_VALUE_MAX`] characters.
    pub fn kept(&self) -> FormState {
        let values = match public_fields(&self.form) {
            Some(fields) => fields
                .iter()
                .filter_map(|(name, max)| {
                    let v = self.values.get(*name)?;
                    Some((name.to_string(), v.chars().take(*max).collect()))
                })
                .collect(),
            None => self
                .values
                .iter()
                .map(|(k, v)| (k.clone(), v.chars().take(STAFF_VALUE_MAX).collect()))
                .collect(),
        };
        FormState {
            form: self.form.clone(),
            values,
            errors: self.errors.clone(),
        }
    }
}

/// The most characters one value of a staff form keeps when sent back: the longest any staff
/// field allows (a whole draft statute), so nothing valid is ever cut.
pub const STAFF_VALUE_MAX: usize = super::solicitation::DRAFT_SOURCE.max;

/// The forms anyone may post, each with the visible fields a sent-back copy keeps and the most
/// characters each keeps: its own limit, so that what a stranger sends costs no more to keep
/// than what a resident could type.
pub fn public_fields(form: &str) -> Option<&'static [(&'static str, usize)]> {
    use super::{consultation, deputy, opinion};
    const CHOICE: usize = 40;
    const PHONE: usize = 20;
    const FLAG: usize = 8;
    const OPINION: &[(&str, usize)] = &[
        ("target", CHOICE),
        ("content", opinion::CONTENT.max),
        ("suggestion", opinion::SUGGESTION.max),
        ("reason", opinion::REASON.max),
        ("name", opinion::NAME.max),
        ("phone", PHONE),
        ("street", CHOICE),
        ("community", opinion::COMMUNITY.max),
        ("identity", CHOICE),
        ("publish_ok", FLAG),
        ("consent", FLAG),
        ("email", opinion::EMAIL_MAX),
        ("version", CHOICE),
    ];
    const REGISTER: &[(&str, usize)] = &[
        ("name", opinion::NAME.max),
        ("phone", PHONE),
        ("organisation", consultation::ORGANISATION.max),
        ("questions", consultation::QUESTIONS.max),
        ("email", opinion::EMAIL_MAX),
        ("consent", FLAG),
    ];
    const BOOKING: &[(&str, usize)] = &[
        ("slot", CHOICE),
        ("preferred_time", deputy::PREFERRED_TIME.max),
        ("name", opinion::NAME.max),
        ("phone", PHONE),
        ("matter", deputy::MATTER.max),
        ("email", opinion::EMAIL_MAX),
        ("consent", FLAG),
    ];
    const TRACK: &[(&str, usize)] = &[("code", 32), ("phone", PHONE)];
    const LOGIN: &[(&str, usize)] = &[("username", super::account::USERNAME_MAX)];
    match form {
        "opinion" => Some(OPINION),
        "register" => Some(REGISTER),
        "booking" => Some(BOOKING),
        "track" => Some(TRACK),
        "login" => Some(LOGIN),
        _ => None,
    }
}

/// Accepts only a local path (`/staff/...`) as a place to go back to, never another site.
pub fn safe_return_path(path: &str) -> Option<&str> {
    let ok = path.starts_with('/')
        && !path.starts_with("//")
        && !path.starts_with("/\\")
        && !path.chars().any(|c| c.is_control() || c == '\\');
    ok.then_some(path)
}

/// Adds or replaces one query parameter of a local path.
pub fn with_query(path: &str, key: &str, value: &str) -> String {
    let (base, query) = path.split_once('?').unwrap_or((path, ""));
    let mut parts: Vec<String> = query
        .split('&')
        .filter(|p| !p.is_empty() && p.split('=').next() != Some(key))
        .map(str::to_string)
        .collect();
    parts.push(format!("{key}={}", urlencoding::encode(value)));
    format!("{base}?{}", parts.join("&"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_local_paths_are_followed() {
        assert_eq!(safe_return_path("/staff/stories"), Some("/staff/stories"));
        assert_eq!(safe_return_path("//evil.example"), None);
        assert_eq!(safe_return_path("https://evil.example"), None);
        assert_eq!(safe_return_path("/\\evil.example"), None);
    }

    #[test]
    fn public_forms_keep_only_visible_fields_within_their_limits() {
        let sent = FormState::new("track")
            .with("code", "Y".repeat(2_000_000))
            .with("phone", "13800000000")
            .with("submit_key", "planted")
            .with("extra", "x".repeat(1000));
        let kept = sent.kept();
        assert_eq!(kept.value("code").chars().count(), 32);
        assert_eq!(kept.value("phone"), "13800000000");
        assert!(
            !kept.values.contains_key("submit_key"),
            "hidden fields are never kept"
        );
        assert!(!kept.values.contains_key("extra"));
        let staff = FormState::new("story").with("body", "字".repeat(STAFF_VALUE_MAX + 10));
        assert_eq!(staff.kept().value("body").chars().count(), STAFF_VALUE_MAX);
    }

    #[test]
    fn query_parameters_are_replaced() {
        assert_eq!(with_query("/a", "draft", "x y"), "/a?draft=x%20y");
        assert_eq!(with_query("/a?draft=1&p=2", "draft", "3"), "/a?p=2&draft=3");
    }
}
