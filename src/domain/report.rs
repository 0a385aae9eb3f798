//! Reports upward (上报): the 意见汇总表 of a solicitation, grouped by article in text order,
//! with a staff-written summary and handling suggestion per article, counts of opinions and of
//! distinct people, their sources, and an annex listing every opinion.

use super::opinion::{Channel, Identity, OpinionStatus};
use super::text::{self, FieldErrors, Problem, TextRule};
use crate::coded_enum;
use serde::{Deserialize, Serialize};

coded_enum! {
    /// Whether a report is still being written or has gone to the upper legislature.
    pub enum ReportStatus {
        Draft = "draft",
        Sent = "sent",
    }
}

pub const SUMMARY: TextRule = TextRule::block(false, 3000);
pub const HANDLING: TextRule = TextRule::block(false, 2000);
pub const RECIPIENT: TextRule = TextRule::line(true, 100);

/// One article's (or the whole text's, or one question's) row of the table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReportItem {
    /// `''`, `art-3`, `q-1`.
    pub target: String,
    /// `第三条`, or empty for the whole text.
    pub label: String,
    /// The article's text as in the draft (empty for the whole text and for questions).
    pub article_text: String,
    /// Written by staff: what the opinions on this article say.
    pub summary: String,
    /// The contact point's handling suggestion (处理意见).
    pub handling: String,
    pub opinions: i64,
    /// Of which given on an earlier version of the draft, on the article this one became.
    pub carried: i64,
    /// Distinct people: by mobile number, else by name, else each opinion counts as one.
    pub people: i64,
    pub channels: Vec<(Channel, i64)>,
    pub streets: Vec<(String, i64)>,
    pub identities: Vec<(Identity, i64)>,
    /// How many are reported and still wait for adoption feedback.
    pub awaiting_feedback: i64,
    /// The feedback recorded so far: adopted, partially adopted, not adopted.
    pub outcomes: Vec<(OpinionStatus, i64)>,
}

/// One opinion of the annex. Names and numbers only for staff with the personal-data privilege.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AnnexOpinion {
    pub code: String,
    pub target_label: String,
    pub content: String,
    pub suggestion: String,
    pub reason: String,
    pub channel: Channel,
    pub street: String,
    pub identity: Identity,
    pub received_on: String,
    pub name: Option<String>,
    pub phone: Option<String>,
    pub status: OpinionStatus,
}

/// A report as staff read, edit and export it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    pub id: i64,
    pub solicitation_id: i64,
    pub solicitation_title: String,
    pub title: String,
    pub status: ReportStatus,
    pub recipient: String,
    pub sent_on: String,
    /// When the report was compiled (UTC ms).
    pub created_at: i64,
    /// Rows in text order: the whole text first, then the articles, then the questions.
    pub items: Vec<ReportItem>,
    pub annex: Vec<AnnexOpinion>,
    /// Whether the annex carries names and numbers.
    pub with_personal: bool,
}

impl Report {
    pub fn opinion_count(&self) -> i64 {
        self.items.iter().map(|i| i.opinions).sum()
    }
}

/// A line of the list of a solicitation's reports.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReportSummary {
    pub id: i64,
    pub title: String,
    pub status: ReportStatus,
    pub recipient: String,
    pub sent_on: String,
    pub opinions: i64,
    pub created_at: i64,
}

/// Counts of `items` by key, largest first, then by key.
pub fn tally<K: Ord + Clone>(items: impl Iterator<Item = K>) -> Vec<(K, i64)> {
    let mut map = std::collections::BTreeMap::new();
    for k in items {
        *map.entry(k).or_insert(0i64) += 1;
    }
    let mut v: Vec<(K, i64)> = map.into_iter().collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    v
}

/// How many distinct people sent `(name, phone)` pairs: the same mobile number is one person;
/// without a number, the same name is one person; with neither, each opinion counts.
pub fn distinct_people<'a>(people: impl Iterator<Item = (&'a str, &'a str)>) -> i64 {
    let mut seen = std::collections::HashSet::new();
    let mut anonymous = 0;
    for (name, phone) in people {
        let key = if !phone.is_empty() {
            format!("p:{phone}")
        } else if !name.trim().is_empty() {
            format!("n:{}", name.trim())
        } else {
            anonymous += 1;
            continue;
        };
        seen.insert(key);
    }
    seen.len() as i64 + anonymous
}

/// The edited rows of the report form, as typed: `(target, summary, handling)`.
pub fn validate_items(
    rows: &[(String, String, String)],
) -> Result<Vec<(String, String, String)>, FieldErrors> {
    let mut errors = FieldErrors::default();
    let cleaned = rows
        .iter()
        .enumerate()
        .map(|(i, (target, summary, handling))| {
            (
                target.clone(),
                text::take(&mut errors, &format!("summary-{i}"), summary, SUMMARY),
                text::take(&mut errors, &format!("handling-{i}"), handling, HANDLING),
            )
        })
        .collect();
    if errors.is_empty() {
        Ok(cleaned)
    } else {
        Err(errors)
    }
}

/// The recipient and the day a report was sent, or the problems by field.
pub fn validate_sent(
    recipient: &str,
    sent_on: &str,
    today: &str,
) -> Result<(String, String), FieldErrors> {
    let mut errors = FieldErrors::default();
    let recipient = text::take(&mut errors, "recipient", recipient, RECIPIENT);
    let day = sent_on.trim();
    if day.is_empty() {
        errors.add("sent_on", Problem::Required);
    } else if chrono::NaiveDate::parse_from_str(day, "%Y-%m-%d").is_err() || day.len() != 10 {
        errors.add("sent_on", Problem::BadDate);
    } else if day > today {
        errors.add("sent_on", Problem::InFuture);
    }
    if errors.is_empty() {
        Ok((recipient, day.to_string()))
    } else {
        Err(errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn people_are_counted_by_number_then_name() {
        let rows = [
            ("王秀兰", "13800138001"),
            ("王秀兰", "13800138001"),
            ("王 秀兰", "13800138001"),
            ("李明", ""),
            ("李明", ""),
            ("", ""),
            ("", ""),
        ];
        assert_eq!(distinct_people(rows.iter().copied()), 4);
    }

    #[test]
    fn tallies_put_the_largest_first() {
        let t = tally(["东湖", "西城", "东湖", "南山", "西城", "东湖"].into_iter());
        assert_eq!(t, vec![("东湖", 3), ("西城", 2), ("南山", 1)]);
    }

    #[test]
    fn sending_needs_a_recipient_and_a_past_day() {
        assert!(validate_sent("市人大常委会法工委", "2026-11-28", "2026-11-28").is_ok());
        let e = validate_sent(" ", "2026-11-29", "2026-11-28").unwrap_err();
        assert_eq!(e.get("recipient"), Some(&Problem::BlankOnly));
        assert_eq!(e.get("sent_on"), Some(&Problem::InFuture));
        let e = validate_sent("法工委", "28/11/2026", "2026-11-28").unwrap_err();
        assert_eq!(e.get("sent_on"), Some(&Problem::BadDate));
    }

    #[test]
    fn long_summaries_are_named_by_row() {
        let rows = vec![(
            "art-1".to_string(),
            "好".repeat(SUMMARY.max + 1),
            String::new(),
        )];
        let e = validate_items(&rows).unwrap_err();
        assert!(matches!(e.get("summary-0"), Some(Problem::TooLong { .. })));
    }
}
