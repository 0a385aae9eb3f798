//! Staff accounts: roles, the signed-in user as the pages see it, and the rules for usernames and
//! passwords that do not need the server (length, format). The common-password check is on the
//! server, where the dictionary lives.

use super::text::{FieldErrors, Problem};
use serde::{Deserialize, Serialize};

/// What a staff account may do; see [`super::policy`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Role {
    Admin,
    Staff,
}

impl Role {
    pub fn code(self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::Staff => "staff",
        }
    }
    pub fn from_code(code: &str) -> Option<Self> {
        match code {
            "admin" => Some(Role::Admin),
            "staff" => Some(Role::Staff),
            _ => None,
        }
    }
}

/// The signed-in staff member.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StaffUser {
    pub id: i64,
    pub username: String,
    pub display_name: String,
    pub role: Role,
    pub station_id: Option<i64>,
    /// Granted the personal-data privilege (admins hold it whatever this says).
    pub personal_data: bool,
}

impl StaffUser {
    /// Whether this person may see residents' names and mobile numbers.
    pub fn sees_personal_data(&self) -> bool {
        self.role == Role::Admin || self.personal_data
    }
}

/// A row of the admin's account list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AccountSummary {
    pub id: i64,
    pub username: String,
    pub display_name: String,
    pub role: Role,
    pub station_name: Option<String>,
    pub disabled: bool,
    /// Granted the personal-data privilege.
    pub personal_data: bool,
    /// Failed sign-ins under this username in the last day, from every address together.
    pub recent_failures: i64,
}

/// A station, as offered in account forms.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StationOption {
    pub id: i64,
    pub name: String,
}

pub const PASSWORD_MIN: usize = 10;
pub const PASSWORD_MAX: usize = 128;
pub const USERNAME_MAX: usize = 32;

/// Usernames are 3–32 lower-case letters, digits, `.`, `_` or `-`, starting with a letter.
pub fn username_is_valid(name: &str) -> bool {
    let n = name.chars().count();
    (3..=USERNAME_MAX).contains(&n)
        && name.starts_with(|c: char| c.is_ascii_lowercase())
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '.' | '_' | '-'))
}

/// Length checks for a new password; the server adds the common-password check.
pub fn check_password_shape(field: &str, password: &str, errors: &mut FieldErrors) {
    let n = password.chars().count();
    if n == 0 {
        errors.add(field, Problem::Required);
    } else if n < PASSWORD_MIN {
        errors.add(
            field,
            Problem::TooShort {
                min: PASSWORD_MIN,
                actual: n,
            },
        );
    } else if n > PASSWORD_MAX {
        errors.add(
            field,
            Problem::TooLong {
                max: PASSWORD_MAX,
                actual: n,
            },
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn usernames() {
        assert!(username_is_valid("zhang.wei"));
        assert!(username_is_valid("admin"));
        assert!(!username_is_valid("Admin"));
        assert!(!username_is_valid("1abc"));
        assert!(!username_is_valid("ab"));
        assert!(!username_is_valid("张伟"));
    }

    #[test]
    fn password_length() {
        let mut e = FieldErrors::default();
        check_password_shape("password", "short", &mut e);
        assert_eq!(
            e.get("password"),
            Some(&Problem::TooShort { min: 10, actual: 5 })
        );
        let mut e = FieldErrors::default();
        check_password_shape("password", "long enough pass", &mut e);
        assert!(e.is_empty());
    }
}
