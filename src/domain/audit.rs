//! The audit log as admins read it: entries newest first, filtered by who, what, which record
//! and when, paged by the id of the last entry shown.

use serde::{Deserialize, Serialize};

/// Entries on one page.
pub const AUDIT_PAGE: i64 = 100;

/// One entry: who did what to which record, when.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AuditEntry {
    pub id: i64,
    pub at: i64,
    /// The actor's display name and username; `None` for the system.
    pub actor: Option<(String, String)>,
    pub action: String,
    pub record_type: String,
    pub record_id: Option<i64>,
    pub detail: String,
}

/// The filters of the audit page; `before` is the keyset cursor.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct AuditFilter {
    pub actor: Option<i64>,
    pub action: Option<String>,
    pub record_type: Option<String>,
    pub record_id: Option<i64>,
    /// Days in Shanghai time, `2026-11-28`, inclusive.
    pub from: Option<String>,
    pub to: Option<String>,
    pub before: Option<i64>,
}

fn day(s: &str) -> Option<String> {
    let s = s.trim();
    (s.len() == 10 && chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").is_ok()).then(|| s.into())
}

fn code(s: &str) -> Option<String> {
    let s = s.trim();
    (!s.is_empty()
        && s.len() <= 40
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c == '_' || c == '.'))
    .then(|| s.into())
}

impl AuditFilter {
    /// Reads the filters from query parameters, dropping malformed values.
    pub fn from_pairs<'a>(get: impl Fn(&str) -> Option<&'a str>) -> Self {
        let id = |k: &str| {
            get(k)
                .and_then(|v| v.trim().parse::<i64>().ok())
                .filter(|v| *v > 0)
        };
        Self {
            actor: id("actor"),
            action: get("action").and_then(code),
            record_type: get("record").and_then(code),
            record_id: id("record_id"),
            from: get("from").and_then(day),
            to: get("to").and_then(day),
            before: id("before"),
        }
    }

    /// `/staff/audit?…` for these filters.
    pub fn href(&self) -> String {
        let mut q: Vec<String> = Vec::new();
        let mut add = |k: &str, v: Option<String>| {
            if let Some(v) = v {
                q.push(format!("{k}={}", urlencoding::encode(&v)));
            }
        };
        add("actor", self.actor.map(|v| v.to_string()));
        add("action", self.action.clone());
        add("record", self.record_type.clone());
        add("record_id", self.record_id.map(|v| v.to_string()));
        add("from", self.from.clone());
        add("to", self.to.clone());
        add("before", self.before.map(|v| v.to_string()));
        if q.is_empty() {
            "/staff/audit".into()
        } else {
            format!("/staff/audit?{}", q.join("&"))
        }
    }
}

/// One page of entries and the cursor of the next.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AuditPage {
    pub entries: Vec<AuditEntry>,
    pub next_before: Option<i64>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filters_round_trip_and_malformed_ones_are_dropped() {
        let f = AuditFilter {
            actor: Some(3),
            action: Some("opinion.view_contact".into()),
            record_type: Some("opinion".into()),
            record_id: Some(12),
            from: Some("2026-11-01".into()),
            to: Some("2026-11-28".into()),
            before: Some(500),
        };
        let href = f.href();
        let q = href.split_once('?').unwrap().1;
        let pairs: Vec<(&str, String)> = q
            .split('&')
            .map(|p| {
                let (k, v) = p.split_once('=').unwrap();
                (k, urlencoding::decode(v).unwrap().into_owned())
            })
            .collect();
        let back = AuditFilter::from_pairs(|k| {
            pairs
                .iter()
                .find(|(pk, _)| *pk == k)
                .map(|(_, v)| v.as_str())
        });
        assert_eq!(back, f);
        let bad = AuditFilter::from_pairs(|k| match k {
            "action" => Some("x'; DROP"),
            "from" => Some("yesterday"),
            "actor" => Some("-1"),
            _ => None,
        });
        assert_eq!(bad, AuditFilter::default());
    }
}
