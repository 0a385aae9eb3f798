//! Messages to residents about their own opinions, as staff see those they must deliver by hand.

use serde::{Deserialize, Serialize};

/// A message as staff see it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow))]
pub struct Notice {
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
}
