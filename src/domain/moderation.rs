//! Moderation (审核): the staff queue's filters and keyset cursor, the actions staff take on one or
//! many opinions (accept, reject with a reason, merge into another), and what a batch did.

use super::opinion::{normalize_code, Channel, Identity, OpinionRow, OpinionStatus, NOTE};
use super::text::{self, FieldErrors, Problem, TextRule, FORM};
use crate::coded_enum;
use serde::{Deserialize, Serialize};

coded_enum! {
    /// Why an opinion was not accepted. The last three are matters for another channel; the
    /// resident then reads a referral text saying where to turn.
    pub enum RejectReason {
        Spam = "spam",
        OffTopic = "off_topic",
        Abusive = "abusive",
        Duplicate = "duplicate",
        /// 信访
        Petition = "petition",
        /// 诉讼
        Litigation = "litigation",
        /// 仲裁
        Arbitration = "arbitration",
    }
}

impl RejectReason {
    /// Whether the matter belongs to another channel, so the resident must be told where to go.
    pub fn is_referral(self) -> bool {
        matches!(self, Self::Petition | Self::Litigation | Self::Arbitration)
    }
}

coded_enum! {
    /// The order of the queue.
    pub enum Sort {
        /// Newest first (the default).
        Newest = "newest",
        /// Oldest first: the order in which pending opinions should be handled.
        Oldest = "oldest",
    }
}

/// The most opinions one queue page shows.
pub const QUEUE_PAGE: i64 = 50;

/// Longest keyword searched for.
pub const KEYWORD: TextRule = TextRule::line(false, 50);

/// The staff queue's filters; every one optional. `after` is the keyset cursor: the id of the
/// last opinion of the previous page.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct QueueFilter {
    pub solicitation: Option<i64>,
    /// A target key (`art-3`, `q-1`) or `whole` for opinions on the whole text.
    pub target: Option<String>,
    pub status: Option<OpinionStatus>,
    pub channel: Option<Channel>,
    pub street: Option<String>,
    pub identity: Option<Identity>,
    /// Only district staff may choose a station; station staff always see their own.
    pub station: Option<i64>,
    /// Received on or after / on or before, `2026-11-28`.
    pub from: Option<String>,
    pub to: Option<String>,
    pub keyword: Option<String>,
    pub sort: Option<Sort>,
    pub after: Option<i64>,
    /// `target` resolved across versions of the draft by the server: every (version, article)
    /// whose opinions are on that article of the current version. Never read from a URL.
    #[serde(skip)]
    pub target_in: Option<Vec<(i64, String)>>,
    /// Only opinions the public may read: accepted, their authors having allowed publication,
    /// on a call that is not a draft. Set by the public search; never read from a URL.
    #[serde(skip)]
    pub published: bool,
}

fn valid_date(s: &str) -> bool {
    s.len() == 10 && chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").is_ok()
}

impl QueueFilter {
    /// Reads the filters from query parameters, dropping any value that is not well formed (a
    /// hand-edited URL shows the unfiltered queue rather than an error).
    pub fn from_pairs<'a>(get: impl Fn(&str) -> Option<&'a str>) -> Self {
        let text = |k: &str| {
            get(k)
                .map(str::trim)
                .filter(|v| !v.is_empty())
                .map(str::to_string)
        };
        let id = |k: &str| get(k).and_then(|v| v.trim().parse::<i64>().ok());
        Self {
            solicitation: id("solicitation"),
            target: text("target").filter(|t| {
                t == "whole"
                    || (t.len() <= 20
                        && t.chars()
                            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'))
            }),
            status: get("status").and_then(OpinionStatus::from_code),
            channel: get("channel").and_then(Channel::from_code),
            street: text("street").map(|s| s.chars().take(40).collect()),
            identity: get("identity").and_then(Identity::from_code),
            station: id("station"),
            from: text("from").filter(|d| valid_date(d)),
            to: text("to").filter(|d| valid_date(d)),
            keyword: text("q").map(|s| s.chars().take(KEYWORD.max).collect()),
            sort: get("sort").and_then(Sort::from_code),
            after: id("after").filter(|a| *a > 0),
            target_in: None,
            published: false,
        }
    }

    /// The query string (without `?`) that [`QueueFilter::from_pairs`] reads back.
    pub fn to_query(&self) -> String {
        let mut q: Vec<(&str, String)> = Vec::new();
        if let Some(v) = self.solicitation {
            q.push(("solicitation", v.to_string()));
        }
        if let Some(v) = &self.target {
            q.push(("target", v.clone()));
        }
        if let Some(v) = self.status {
            q.push(("status", v.code().into()));
        }
        if let Some(v) = self.channel {
            q.push(("channel", v.code().into()));
        }
        if let Some(v) = &self.street {
            q.push(("street", v.clone()));
        }
        if let Some(v) = self.identity {
            q.push(("identity", v.code().into()));
        }
        if let Some(v) = self.station {
            q.push(("station", v.to_string()));
        }
        if let Some(v) = &self.from {
            q.push(("from", v.clone()));
        }
        if let Some(v) = &self.to {
            q.push(("to", v.clone()));
        }
        if let Some(v) = &self.keyword {
            q.push(("q", v.clone()));
        }
        if let Some(v) = self.sort {
            q.push(("sort", v.code().into()));
        }
        if let Some(v) = self.after {
            q.push(("after", v.to_string()));
        }
        q.iter()
            .map(|(k, v)| format!("{k}={}", urlencoding::encode(v)))
            .collect::<Vec<_>>()
            .join("&")
    }

    /// The same filters from the first page.
    pub fn first_page(&self) -> Self {
        Self {
            after: None,
            ..self.clone()
        }
    }

    /// `/staff/opinions?…` for these filters.
    pub fn href(&self) -> String {
        let q = self.to_query();
        if q.is_empty() {
            "/staff/opinions".into()
        } else {
            format!("/staff/opinions?{q}")
        }
    }
}

/// One page of the queue: the opinions, and the cursor of the next page if there is one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QueuePage {
    pub items: Vec<OpinionRow>,
    pub next_after: Option<i64>,
}

/// What staff do to the opinions they selected.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Action {
    Accept {
        /// Shown to the resident if not empty.
        note: String,
    },
    Reject {
        reason: RejectReason,
        /// Shown to the resident. For a referral it says where to turn; left empty, the
        /// server puts in the standard referral text of the reason.
        note: String,
    },
    /// Merge into the opinion with this tracking code (same solicitation).
    Merge { into: String, note: String },
    /// Adoption feedback on a reported opinion: adopted, partially adopted or not adopted,
    /// with the reason the resident reads.
    Feedback {
        outcome: OpinionStatus,
        note: String,
    },
}

impl Action {
    /// The status the action leads to.
    pub fn target_status(&self) -> OpinionStatus {
        match self {
            Action::Accept { .. } => OpinionStatus::Accepted,
            Action::Reject { .. } => OpinionStatus::Rejected,
            Action::Merge { .. } => OpinionStatus::Merged,
            Action::Feedback { outcome, .. } => *outcome,
        }
    }

    /// What a person must be allowed to take this action.
    pub fn permission(&self) -> super::policy::Permission {
        match self {
            Action::Feedback { .. } => super::policy::Permission::RecordOutcomes,
            _ => super::policy::Permission::HandleOpinions,
        }
    }

    /// The status the action starts from.
    pub fn from_status(&self) -> OpinionStatus {
        match self {
            Action::Feedback { .. } => OpinionStatus::Reported,
            _ => OpinionStatus::Pending,
        }
    }

    /// The note the resident reads with the event.
    pub fn note(&self) -> &str {
        match self {
            Action::Accept { note }
            | Action::Reject { note, .. }
            | Action::Merge { note, .. }
            | Action::Feedback { note, .. } => note,
        }
    }
}

/// The reason given with adoption feedback: required, since the resident is owed one.
pub const FEEDBACK_REASON: TextRule = TextRule::block(true, 1000);

/// The outcomes adoption feedback can record.
pub const OUTCOMES: [OpinionStatus; 3] = [
    OpinionStatus::Adopted,
    OpinionStatus::PartiallyAdopted,
    OpinionStatus::NotAdopted,
];

/// An opinion a person selected, with the status it had on their screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Selected {
    pub id: i64,
    pub seen: OpinionStatus,
}

/// Reads `123:pending` (a selection checkbox's value).
pub fn parse_selected(raw: &str) -> Option<Selected> {
    let (id, status) = raw.trim().split_once(':')?;
    Some(Selected {
        id: id.parse().ok().filter(|i: &i64| *i > 0)?,
        seen: OpinionStatus::from_code(status)?,
    })
}

/// The most opinions one action may take at once (a campaign cluster of several hundred fits).
pub const MAX_BATCH: usize = 2000;

/// The fields of the action form, as typed.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ActionInput {
    pub selected: Vec<String>,
    /// `accept`, `reject` or `merge`; or for feedback `adopted`, `partially_adopted` or
    /// `not_adopted`.
    pub action: String,
    pub reason: String,
    pub note: String,
    pub merge_into: String,
}

impl ActionInput {
    /// The selection and the action, or the problems by field (`_form` for the selection).
    pub fn validate(&self) -> Result<(Vec<Selected>, Action), FieldErrors> {
        let mut errors = FieldErrors::default();
        let mut selected: Vec<Selected> = self
            .selected
            .iter()
            .filter_map(|s| parse_selected(s))
            .collect();
        selected.sort_by_key(|s| s.id);
        selected.dedup_by_key(|s| s.id);
        if selected.is_empty() {
            errors.add(FORM, Problem::NothingSelected);
        } else if selected.len() > MAX_BATCH {
            errors.add(
                FORM,
                Problem::TooMany {
                    max: MAX_BATCH,
                    actual: selected.len(),
                },
            );
        }
        let action = match self.action.trim() {
            "accept" => Some(Action::Accept {
                note: text::take(&mut errors, "note", &self.note, NOTE),
            }),
            "reject" => {
                let reason = RejectReason::from_code(self.reason.trim());
                match reason {
                    None => {
                        errors.add("reason", Problem::BadChoice);
                        None
                    }
                    Some(r) => {
                        let note = text::take(&mut errors, "note", &self.note, NOTE);
                        Some(Action::Reject { reason: r, note })
                    }
                }
            }
            "merge" => {
                let into = normalize_code(&self.merge_into);
                if into.is_none() {
                    errors.add(
                        "merge_into",
                        if self.merge_into.trim().is_empty() {
                            Problem::Required
                        } else {
                            Problem::CodeFormat
                        },
                    );
                }
                let note = text::take(&mut errors, "note", &self.note, NOTE);
                into.map(|into| Action::Merge { into, note })
            }
            code => match OpinionStatus::from_code(code).filter(|s| OUTCOMES.contains(s)) {
                Some(outcome) => Some(Action::Feedback {
                    outcome,
                    note: text::take(&mut errors, "note", &self.note, FEEDBACK_REASON),
                }),
                None => {
                    errors.add("action", Problem::BadChoice);
                    None
                }
            },
        };
        match action {
            Some(a) if errors.is_empty() => Ok((selected, a)),
            _ => Err(errors),
        }
    }
}

/// What one action did: the opinions it changed (by tracking code), those it left because
/// someone else had changed them first, and those whose status does not allow the action (each
/// with the status it has now).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct BatchOutcome {
    pub done: Vec<String>,
    pub skipped: Vec<(String, OpinionStatus)>,
    pub not_allowed: Vec<(String, OpinionStatus)>,
}

impl BatchOutcome {
    /// The outcome as the values of form `form`, to show on the page the action came from:
    /// `done` (a count), `done_status`, and `skipped` and `not_allowed` as `code:status,…`.
    pub fn as_form(&self, form: &str, status: OpinionStatus) -> super::form::FormState {
        let list = |v: &[(String, OpinionStatus)]| {
            v.iter()
                .map(|(c, s)| format!("{c}:{}", s.code()))
                .collect::<Vec<_>>()
                .join(",")
        };
        super::form::FormState::new(form)
            .with("done", self.done.len().to_string())
            .with("done_status", status.code())
            .with("skipped", list(&self.skipped))
            .with("not_allowed", list(&self.not_allowed))
    }
}

/// A group of near-identical pending opinions on one solicitation (a campaign).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Cluster {
    /// The earliest opinion: the one the others would be merged into.
    pub main_id: i64,
    pub main_code: String,
    pub main_content: String,
    /// Every member, the main one included, as (id, tracking code), oldest first.
    pub members: Vec<(i64, String)>,
}

/// The cluster view of one solicitation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClusterView {
    pub solicitation_id: i64,
    pub solicitation_title: String,
    /// Groups of at least two, largest first.
    pub clusters: Vec<Cluster>,
    /// How many pending opinions were compared, and whether that was all of them.
    pub compared: usize,
    pub capped: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(action: &str) -> ActionInput {
        ActionInput {
            selected: vec!["7:pending".into(), "3:pending".into(), "7:pending".into()],
            action: action.into(),
            ..Default::default()
        }
    }

    #[test]
    fn selection_is_parsed_sorted_and_deduplicated() {
        let (sel, action) = input("accept").validate().unwrap();
        assert_eq!(sel.iter().map(|s| s.id).collect::<Vec<_>>(), vec![3, 7]);
        assert_eq!(action.target_status(), OpinionStatus::Accepted);
        assert!(parse_selected("x:pending").is_none());
        assert!(parse_selected("3:weird").is_none());
        assert!(parse_selected("-3:pending").is_none());
    }

    #[test]
    fn nothing_selected_and_unknown_action_are_reported() {
        let mut i = input("delete");
        i.selected.clear();
        let e = i.validate().unwrap_err();
        assert_eq!(e.get(FORM), Some(&Problem::NothingSelected));
        assert_eq!(e.get("action"), Some(&Problem::BadChoice));
    }

    #[test]
    fn a_rejection_needs_a_known_reason() {
        let mut i = input("reject");
        i.reason = "petition".into();
        assert!(i.validate().is_ok());
        assert!(RejectReason::Petition.is_referral() && !RejectReason::Spam.is_referral());
        i.note = "x".repeat(NOTE.max + 1);
        assert!(matches!(
            i.validate().unwrap_err().get("note"),
            Some(Problem::TooLong { .. })
        ));
        i.note.clear();
        i.reason = "".into();
        assert_eq!(
            i.validate().unwrap_err().get("reason"),
            Some(&Problem::BadChoice)
        );
    }

    #[test]
    fn feedback_needs_its_reason() {
        let mut i = input("partially_adopted");
        i.selected = vec!["4:reported".into()];
        assert_eq!(
            i.validate().unwrap_err().get("note"),
            Some(&Problem::Required)
        );
        i.note = "吸收了关于助餐点的部分。".into();
        let (sel, a) = i.validate().unwrap();
        assert_eq!(sel[0].seen, OpinionStatus::Reported);
        assert_eq!(a.target_status(), OpinionStatus::PartiallyAdopted);
        assert_eq!(a.from_status(), OpinionStatus::Reported);
        i.action = "reported".into();
        assert_eq!(
            i.validate().unwrap_err().get("action"),
            Some(&Problem::BadChoice)
        );
    }

    #[test]
    fn merge_needs_a_well_formed_code() {
        let mut i = input("merge");
        assert_eq!(
            i.validate().unwrap_err().get("merge_into"),
            Some(&Problem::Required)
        );
        i.merge_into = "not a code".into();
        assert_eq!(
            i.validate().unwrap_err().get("merge_into"),
            Some(&Problem::CodeFormat)
        );
        i.merge_into = "yj-2026-7k3q9".into();
        let (_, a) = i.validate().unwrap();
        assert_eq!(
            a,
            Action::Merge {
                into: "YJ-2026-7K3Q9".into(),
                note: String::new()
            }
        );
    }

    #[test]
    fn filters_round_trip_through_the_query_string() {
        let f = QueueFilter {
            solicitation: Some(2),
            target: Some("art-3".into()),
            status: Some(OpinionStatus::Pending),
            channel: Some(Channel::Letter),
            street: Some("东湖街道".into()),
            identity: Some(Identity::Lawyer),
            station: Some(1),
            from: Some("2026-11-01".into()),
            to: Some("2026-11-28".into()),
            keyword: Some("食堂 & 50%".into()),
            sort: Some(Sort::Oldest),
            after: Some(99),
            target_in: None,
            published: false,
        };
        let q = f.to_query();
        let pairs: Vec<(String, String)> = q
            .split('&')
            .map(|p| {
                let (k, v) = p.split_once('=').unwrap();
                (k.to_string(), urlencoding::decode(v).unwrap().into_owned())
            })
            .collect();
        let back = QueueFilter::from_pairs(|k| {
            pairs
                .iter()
                .find(|(pk, _)| pk == k)
                .map(|(_, v)| v.as_str())
        });
        assert_eq!(back, f);
        assert_eq!(f.first_page().after, None);
    }

    #[test]
    fn malformed_filters_are_dropped() {
        let f = QueueFilter::from_pairs(|k| match k {
            "from" => Some("2026-13-01"),
            "status" => Some("gone"),
            "target" => Some("art-3' OR 1=1"),
            "after" => Some("-5"),
            _ => None,
        });
        assert_eq!(f, QueueFilter::default());
    }
}
