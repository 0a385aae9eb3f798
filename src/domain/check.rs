//! Field checks that several forms share, each the one place its rule is written.

use super::opinion::{normalize_phone, EMAIL_MAX};
use super::text::Problem;

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
    let email = raw.trim();
    let n = email.chars().count();
    if n > EMAIL_MAX {
        return Err(Problem::TooLong {
            max: EMAIL_MAX,
            actual: n,
        });
    }
    if !email.is_empty() && !email_address::EmailAddress::is_valid(email) {
        return Err(Problem::EmailFormat);
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
