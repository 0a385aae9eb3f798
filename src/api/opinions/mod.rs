//! Opinions: the resident's form and submission, the tracking pages, and what staff do: the
//! audited detail view and entering opinions from offline channels (the queue is in
//! `moderation`).
//!
//! The server functions are split by who calls them: `public.rs` holds what residents' pages
//! call, `staff.rs` what only the staff area calls (endpoints under `/api/staff/`). Both are
//! re-exported here, so every path stays `crate::api::opinions::…`.

use crate::domain::{
    form::FormState,
    opinion::{OpinionDetail, TrackView},
    solicitation::{Phase, SolicitationSummary, Target},
};
#[cfg(feature = "ssr")]
use crate::error::AppError;
use serde::{Deserialize, Serialize};

/// What an opinion form (the resident's, or staff's for an offline opinion) opens with.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OpinionFormData {
    pub solicitation: SolicitationSummary,
    pub phase: Phase,
    /// Articles of the current draft, or the guiding questions.
    pub targets: Vec<Target>,
    pub streets: Vec<String>,
    pub state: FormState,
    pub now: i64,
    /// Set when the form came back after staff saved a new version of the draft: what became of
    /// the article chosen (its new number, or that it was deleted).
    pub moved: Option<String>,
}

/// The solicitation's summary for a form page, and what an opinion on it may be about.
#[cfg(feature = "ssr")]
async fn form_data(
    state: &crate::server::state::AppState,
    solicitation_id: i64,
    public: bool,
) -> Result<(SolicitationSummary, Vec<Target>, Option<i64>), AppError> {
    use crate::server::{db, guard};
    let s = db::solicitations::get(&state.db, solicitation_id)
        .await?
        .filter(|s| !public || s.summary.status != crate::domain::solicitation::Status::Draft)
        .ok_or_else(|| guard::fail(AppError::NotFound))?;
    let (targets, version) = submit_targets(state, solicitation_id, public, None).await?;
    Ok((s.summary, targets, version))
}

/// What a submission may be about, and the draft version it is about, read with no more than a
/// submission needs (no counts, stations or version lists). That version is the one the form
/// showed (`version`) when it is one of this solicitation's, else the current one: a resident
/// who read 第十二条 of the 征求意见稿 while staff saved the 二审稿 gave their opinion on the
/// former, and the trail carries it to the article it became.
#[cfg(feature = "ssr")]
pub(crate) async fn submit_targets(
    state: &crate::server::state::AppState,
    solicitation_id: i64,
    public: bool,
    version: Option<i64>,
) -> Result<(Vec<Target>, Option<i64>), AppError> {
    use crate::domain::solicitation::{targets, Status};
    use crate::server::{db, guard};
    let (_, questions, draft) = db::solicitations::targets_of(&state.db, solicitation_id)
        .await?
        .filter(|(status, _, _)| !public || *status != Status::Draft)
        .ok_or_else(|| guard::fail(AppError::NotFound))?;
    let draft = match (version, &draft) {
        (Some(v), Some(d)) if d.info.id != v => {
            db::solicitations::draft(&state.db, solicitation_id, Some(v))
                .await?
                .or(draft)
        }
        _ => draft,
    };
    let t = targets(&questions, draft.as_ref().map(|d| &d.parsed));
    Ok((t, draft.map(|d| d.info.id)))
}

/// The form values of an opinion, to send back with its problems.
#[cfg(feature = "ssr")]
fn input_form(name: &str, i: &crate::domain::opinion::OpinionInput) -> FormState {
    FormState::new(name)
        .with("target", &i.target)
        .with("content", &i.content)
        .with("suggestion", &i.suggestion)
        .with("reason", &i.reason)
        .with("name", &i.name)
        .with("phone", &i.phone)
        .with("street", &i.street)
        .with("community", &i.community)
        .with("identity", &i.identity)
        .with("publish_ok", &i.publish_ok)
        .with("consent", &i.consent)
        .with("email", &i.email)
}

/// The status page: the opinion and its private link, written out whole to keep.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TrackPage {
    pub view: TrackView,
    pub link: String,
}

/// The address of this site as the request reached it, e.g. `https://minyi.example.gov.cn`.
#[cfg(feature = "ssr")]
pub fn site_origin() -> String {
    let headers = crate::server::guard::headers();
    let scheme = if crate::server::auth::is_https(&headers) {
        "https"
    } else {
        "http"
    };
    let host = headers
        .get(http::header::HOST)
        .and_then(|h| h.to_str().ok())
        .filter(|h| {
            h.chars()
                .all(|c| c.is_ascii_alphanumeric() || ".-:[]".contains(c))
        })
        .unwrap_or("localhost");
    format!("{scheme}://{host}")
}

/// One opinion for staff, and the moderation form as it was last sent back to this page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StaffOpinion {
    pub detail: OpinionDetail,
    pub form: Option<FormState>,
}

/// What residents' pages call.
mod public;
/// Only the staff area calls these (endpoints under `/api/staff/`).
mod staff;

pub use public::*;
pub use staff::*;
