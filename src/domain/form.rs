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
    fn query_parameters_are_replaced() {
        assert_eq!(with_query("/a", "draft", "x y"), "/a?draft=x%20y");
        assert_eq!(with_query("/a?draft=1&p=2", "draft", "3"), "/a?p=2&draft=3");
    }
}
