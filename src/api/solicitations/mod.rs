//! Solicitations: the public list and page (with the draft, article by article), and what staff do
//! with them: the editor, and new versions of the draft checked before they are saved.
//!
//! The server functions are split by who calls them: `public.rs` holds what residents' pages
//! call, `staff.rs` what only the staff area calls (endpoints under `/api/staff/`). Both are
//! re-exported here, so every path stays `crate::api::solicitations::…`.

use crate::domain::{
    account::StationOption,
    align::{Change, Row},
    form::{Editing, FormState},
    opinion::PublishedOpinion,
    solicitation::{DraftText, Solicitation, SolicitationSummary, VersionInfo},
    statute::ParsedDraft,
    story::Page,
    trail::Heat,
};
use serde::{Deserialize, Serialize};

/// One page of the public list, and the server's clock for the days left.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SolicitationList {
    pub page: Page<SolicitationSummary>,
    pub now: i64,
}

/// Everything the public page of a solicitation shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SolicitationPage {
    pub solicitation: Solicitation,
    /// The version shown (the current one unless an earlier one was asked for).
    pub draft: Option<DraftText>,
    /// Whether `draft` is the current version.
    pub is_current: bool,
    /// Accepted opinions per article of the version shown, with those given on earlier
    /// versions carried to the article theirs became.
    pub heat: Vec<Heat>,
    /// Accepted opinions given on earlier versions' articles that the version shown deleted.
    pub heat_deleted: i64,
    /// The 立法足迹 figures, on the current version's page.
    pub footprint: Option<crate::domain::trail::Footprint>,
    pub published: Vec<PublishedOpinion>,
    pub now: i64,
}

/// The comparison table (对照表) of two versions of a solicitation's draft.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Comparison {
    pub solicitation: SolicitationSummary,
    /// Every version, newest first.
    pub versions: Vec<VersionInfo>,
    /// The two compared (`None` when the draft has fewer than two versions).
    pub pair: Option<(VersionInfo, VersionInfo)>,
    pub rows: Vec<Row>,
}

/// What the solicitation editor opens with.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SolicitationEditorData {
    pub editing: Editing,
    pub stations: Vec<StationOption>,
}

/// What the "new version of the draft" page shows: the form, and the parsed result of the text
/// when it has been checked.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DraftEditorData {
    pub solicitation: SolicitationSummary,
    pub state: FormState,
    pub preview: Option<ParsedDraft>,
    /// The fingerprint of the text that `preview` shows; saving requires it to match.
    pub checked: String,
    /// How the checked text pairs with the current version, when there is one.
    pub alignment: Option<Alignment>,
    /// The versions an amending draft can amend, newest first: (id, label).
    pub versions: Vec<(i64, String)>,
}

/// The alignment of a checked new version with the current one, as staff review and correct it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Alignment {
    /// The version compared with.
    pub base_id: i64,
    pub base_label: String,
    /// The articles that are not unchanged, in the new version's order.
    pub rows: Vec<PairRow>,
    /// How many articles are the same under the same number.
    pub unchanged: usize,
    pub counts: Vec<(Change, usize)>,
}

/// One row of the alignment staff review.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PairRow {
    /// The new article's anchor (`art-14`); empty for an article of the old version deleted.
    pub anchor: String,
    pub new_labels: Vec<String>,
    pub old_labels: Vec<String>,
    /// The start of the new article's text (of the old one's, when deleted).
    pub excerpt: String,
    /// What the correction field holds: the earlier article it comes from, as typed or as found.
    pub value: String,
    /// What the aligner found (the field's value before any correction).
    pub was: String,
    pub change: Change,
    pub amended: bool,
}

/// What residents' pages call.
mod public;
/// Only the staff area calls these (endpoints under `/api/staff/`).
mod staff;

pub use public::*;
pub use staff::*;
