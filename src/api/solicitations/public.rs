//! Solicitations for residents: the public list and a solicitation's page with its draft.

use super::{Comparison, SolicitationList, SolicitationPage};
#[cfg(feature = "ssr")]
use crate::domain::{solicitation::SolicitationSummary, story::Page};
use crate::error::AppError;
use leptos::prelude::*;

/// Solicitations on one page of the public list.
pub const PER_PAGE: usize = 20;

/// The public list: those taking opinions first (closing soonest first), then those not open
/// yet, then the ended ones with their outcome. `stage` and `phase` (`accepting`, `upcoming`,
/// `ended`) filter it. Anyone may call it.
#[server(endpoint = "solicitations/list")]
pub async fn list_solicitations(
    page: i64,
    stage: Option<String>,
    phase: Option<String>,
) -> Result<SolicitationList, AppError> {
    use crate::domain::solicitation::{Phase, Stage};
    use crate::server::{db, guard};
    let state = guard::state()?;
    let now = db::now_ms();
    let stage = stage.as_deref().and_then(Stage::from_code);
    let wanted = match phase.as_deref() {
        Some("accepting") => Some(Phase::Accepting),
        Some("upcoming") => Some(Phase::NotYetOpen),
        Some("ended") => Some(Phase::Ended),
        _ => None,
    };
    let mut all: Vec<SolicitationSummary> = db::solicitations::list_public(&state.db)
        .await?
        .into_iter()
        .filter(|s| stage.is_none_or(|st| s.stage == st))
        .filter(|s| wanted.is_none_or(|p| s.phase(now) == p))
        .collect();
    // Stable sort: within "ended", the newest closing date stays first.
    all.sort_by_key(|s| match s.phase(now) {
        Phase::Accepting => (0, s.closes_at),
        Phase::NotYetOpen => (1, s.opens_at),
        _ => (2, 0),
    });
    let total = all.len() as i64;
    let pages = ((total + PER_PAGE as i64 - 1) / PER_PAGE as i64).max(1);
    let page = page.clamp(1, pages);
    let items = all
        .into_iter()
        .skip((page as usize - 1) * PER_PAGE)
        .take(PER_PAGE)
        .collect();
    Ok(SolicitationList {
        page: Page {
            items,
            page,
            pages,
            total,
        },
        now,
    })
}

/// A published solicitation with its draft (`version` picks an earlier one). A draft
/// solicitation or an unknown id is "not found". Anyone may call it.
#[server(endpoint = "solicitations/get")]
pub async fn get_solicitation(id: i64, version: Option<i64>) -> Result<SolicitationPage, AppError> {
    use crate::domain::solicitation::Status;
    use crate::server::{db, guard};
    let state = guard::state()?;
    let mut s = db::solicitations::get(&state.db, id)
        .await?
        .filter(|s| s.summary.status != Status::Draft)
        .ok_or_else(|| guard::fail(AppError::NotFound))?;
    let current = s.versions.first().map(|v| v.id);
    let draft = match version {
        Some(v) => Some(
            db::solicitations::draft(&state.db, id, Some(v))
                .await?
                .ok_or_else(|| guard::fail(AppError::NotFound))?,
        ),
        None => db::solicitations::draft(&state.db, id, None).await?,
    };
    // The page shows rendered HTML; the sources would only double what is sent.
    s.explanation_md.clear();
    s.outcome_md.clear();
    Ok(SolicitationPage {
        is_current: draft.as_ref().map(|d| d.info.id) == current,
        draft,
        heat: db::solicitations::accepted_counts(&state.db, id).await?,
        published: db::solicitations::published_opinions(&state.db, id).await?,
        solicitation: s,
        now: db::now_ms(),
    })
}

/// The comparison table of two versions of a published solicitation's draft: `to` (the current
/// version unless given) against `from` (the version before it unless given). Unknown or
/// foreign version ids are "not found". Anyone may call it.
#[server(endpoint = "solicitations/compare")]
pub async fn compare_versions(
    id: i64,
    from: Option<i64>,
    to: Option<i64>,
) -> Result<Comparison, AppError> {
    use crate::domain::solicitation::Status;
    use crate::server::{db, guard};
    let state = guard::state()?;
    let s = db::solicitations::get(&state.db, id)
        .await?
        .filter(|s| s.summary.status != Status::Draft)
        .ok_or_else(|| guard::fail(AppError::NotFound))?;
    let versions = s.versions.clone();
    let find = |v: i64| {
        versions
            .iter()
            .position(|x| x.id == v)
            .ok_or_else(|| guard::fail(AppError::NotFound))
    };
    let to_at = match to {
        Some(v) => find(v)?,
        None => 0,
    };
    let from_at = match from {
        Some(v) => Some(find(v)?),
        // The version before `to` (versions are newest first).
        None => (to_at + 1 < versions.len()).then_some(to_at + 1),
    };
    let mut rows = Vec::new();
    let mut pair = None;
    if let Some(from_at) = from_at.filter(|&f| f != to_at) {
        let (fv, tv) = (versions[from_at].id, versions[to_at].id);
        let old = db::solicitations::draft(&state.db, id, Some(fv)).await?;
        let new = db::solicitations::draft(&state.db, id, Some(tv)).await?;
        if let (Some(old), Some(new)) = (old, new) {
            rows = crate::domain::align::compare(&old.parsed, &new.parsed);
            pair = Some((old.info, new.info));
        }
    }
    Ok(Comparison {
        solicitation: s.summary,
        versions,
        pair,
        rows,
    })
}
