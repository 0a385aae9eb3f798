//! Messages to residents that staff deliver by hand: a work list, each to do until someone
//! records that it was delivered.

use serde::{Deserialize, Serialize};

/// A message as staff see it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow))]
pub struct Notice {
    /// `opinion` (news of an opinion) or `message` (a session or an appointment).
    pub source: String,
    pub id: i64,
    pub opinion_id: i64,
    pub code: String,
    pub status: String,
    pub email: String,
    pub subject: String,
    pub body: String,
    pub last_error: String,
    pub updated_at: i64,
    /// The resident's name and number, for delivering by hand (masked without the privilege).
    pub name: String,
    pub phone: String,
    /// When staff recorded it delivered, who, and how (`phone`, `visit`, `post`, `other`).
    pub delivered_at: Option<i64>,
    pub delivered_by: String,
    pub delivered_note: String,
}

impl Notice {
    /// What the delivered form names this message by: `opinion:12`, `message:3`.
    pub fn item(&self) -> String {
        format!("{}:{}", self.source, self.id)
    }
}

/// How a message was delivered by hand.
pub const HOW: [&str; 4] = ["phone", "visit", "post", "other"];

/// Messages on one page of the work list.
pub const PER_PAGE: i64 = 50;

/// Reads `opinion:12` or `message:3` (the delivered form's `item`).
pub fn parse_item(raw: &str) -> Option<(&'static str, i64)> {
    let (source, id) = raw.trim().split_once(':')?;
    let source = match source {
        "opinion" => "opinion",
        "message" => "message",
        _ => return None,
    };
    Some((source, id.parse().ok().filter(|i: &i64| *i > 0)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items_name_their_table() {
        assert_eq!(parse_item("opinion:12"), Some(("opinion", 12)));
        assert_eq!(parse_item("message:3"), Some(("message", 3)));
        assert_eq!(parse_item("accounts:1"), None);
        assert_eq!(parse_item("opinion:-1"), None);
        assert_eq!(parse_item("opinion"), None);
    }
}
