//! Field checks that several forms share, each the one place its rule is written, and [`Check`]:
//! what a form field accepts, as one value both sides use. The server checks a submission with
//! the rule, and the browser checks the field with the same rule as the person types
//! ([`crate::components::field`]), so a problem reads the same before and after sending.

use super::opinion::{normalize_phone, EMAIL_MAX};
use super::text::{clean, Problem, TextRule};
use serde::{Deserialize, Serialize};

/// The rule of one field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Check {
    /// Text within a [`TextRule`].
    Text(TextRule),
    /// A mainland mobile number (see [`normalize_phone`]).
    Phone { required: bool },
    /// An optional e-mail address of at most [`EMAIL_MAX`] characters.
    Email,
}

impl Check {
    /// What is wrong with `raw` that can be told as it is typed: everything the server would
    /// say, except whether an e-mail address is well formed, which needs an address parser in
    /// the resident's download and is left to the server ([`email`]).
    pub fn problem(&self, raw: &str) -> Option<Problem> {
        match *self {
            Check::Text(rule) => clean(raw, rule).err(),
            Check::Phone { required } => phone(raw, required).err(),
            Check::Email => email_length(raw).err(),
        }
    }

    /// Whether an empty value is a problem.
    pub fn required(&self) -> bool {
        match *self {
            Check::Text(rule) => rule.required,
            Check::Phone { required } => required,
            Check::Email => false,
        }
    }

    /// The most characters the field takes, if it says.
    pub fn max(&self) -> Option<usize> {
        match *self {
            Check::Text(rule) => Some(rule.max),
            Check::Phone { .. } => None,
            Check::Email => Some(EMAIL_MAX),
        }
    }
}

/// A phone number field: its 11-digit form, or empty when it may be and was left blank.
pub fn phone(raw: &str, required: bool) -> Result<String, Problem> {
    if raw.trim().is_empty() {
        return if required {
            Err(Problem::Required)
        } else {
            Ok(String::new())
        };
    }
    normalize_phone(raw).ok_or(Problem::PhoneFormat)
}

/// An optional e-mail address field of at most [`EMAIL_MAX`] characters, trimmed.
pub fn email(raw: &str) -> Result<String, Problem> {
    let email = email_length(raw)?;
    if !email.is_empty() && !email_address::EmailAddress::is_valid(&email) {
        return Err(Problem::EmailFormat);
    }
    Ok(email)
}

/// An e-mail address field within [`EMAIL_MAX`] characters, trimmed.
fn email_length(raw: &str) -> Result<String, Problem> {
    let email = raw.trim();
    let n = email.chars().count();
    if n > EMAIL_MAX {
        return Err(Problem::TooLong {
            max: EMAIL_MAX,
            actual: n,
        });
    }
    Ok(email.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phone_and_email_fields() {
        assert_eq!(phone("", true), Err(Problem::Required));
        assert_eq!(phone(" ", false), Ok(String::new()));
        assert_eq!(phone("12345", false), Err(Problem::PhoneFormat));
        assert_eq!(phone("+86 138-0013-8001", true), Ok("13800138001".into()));
        assert_eq!(email(""), Ok(String::new()));
        assert_eq!(email(" wang@example.cn "), Ok("wang@example.cn".into()));
        assert_eq!(email("不是邮箱"), Err(Problem::EmailFormat));
        assert_eq!(
            email(&format!("{}@example.cn", "a".repeat(100))),
            Err(Problem::TooLong {
                max: 100,
                actual: 111
            })
        );
    }
}
