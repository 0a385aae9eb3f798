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
    let published: Vec<_> = db::solicitations::published_opinions(&state.db, id, 0, Some(500))
        .await?
        .into_iter()
        .map(|r| (r.version_id, r.opinion))
        .collect();
    let is_current = draft.as_ref().map(|d| d.info.id) == current;
    let mut footprint = None;
    let (heat, heat_deleted, published) = match &draft {
        Some(d) => {
            use crate::domain::trail::{heat, place, Placed};
            let lineage = db::trail::lineage(&state.db, id).await?;
            let counts = db::trail::accepted_counts(&state.db, id).await?;
            let (h, deleted) = heat(&lineage, d.info.id, &counts);
            if is_current {
                footprint =
                    Some(footprint_of(&state.db, id, d, &lineage, &counts, &h, deleted).await?);
            }
            // Each published opinion under the article of the version shown that it is about.
            let labels: Vec<(String, String)> = d
                .parsed
                .articles()
                .iter()
                .map(|a| (a.anchor.clone(), a.label.clone()))
                .collect();
            let t = crate::i18n::t();
            let published = published
                .into_iter()
                .map(|(v, mut o)| {
                    match place(&lineage, d.info.id, v, &o.target) {
                        Placed::At { key, .. } => {
                            if let Some((_, l)) = labels.iter().find(|(a, _)| *a == key) {
                                o.target_label = l.clone();
                            }
                            o.target = key;
                        }
                        Placed::Apart { key, version_label } => {
                            o.target_label = (t.tr.apart_label)(&o.target_label, &version_label);
                            o.target = key;
                        }
                    }
                    o
                })
                .collect();
            (h, deleted, published)
        }
        None => (
            Vec::new(),
            0,
            published.into_iter().map(|(_, o)| o).collect(),
        ),
    };
    Ok(SolicitationPage {
        footprint,
        is_current,
        draft,
        heat,
        heat_deleted,
        published,
        solicitation: s,
        now: db::now_ms(),
    })
}

/// The 立法足迹 of the current version `d`: the figures of `/stats` for this solicitation, the
/// accepted opinions split by what they are on, the articles changed since the first version,
/// and the articles with most opinions.
#[cfg(feature = "ssr")]
async fn footprint_of(
    db: &crate::server::db::Db,
    id: i64,
    d: &crate::domain::solicitation::DraftText,
    lineage: &crate::domain::trail::Lineage,
    counts: &[(i64, String, i64)],
    heat: &[crate::domain::trail::Heat],
    deleted: i64,
) -> Result<crate::domain::trail::Footprint, AppError> {
    use crate::domain::align::Change;
    use crate::server::db;
    let stats = db::stats::compute(db, Some(id)).await?;
    let first_id = lineage.versions.first().map(|v| v.id).unwrap_or(d.info.id);
    let changed = if first_id == d.info.id {
        0
    } else {
        match db::solicitations::draft(db, id, Some(first_id)).await? {
            Some(first) => crate::domain::align::compare(&first.parsed, &d.parsed)
                .iter()
                .filter(|r| !matches!(r.change, Change::Unchanged | Change::Renumbered))
                .count(),
            None => 0,
        }
    };
    let labels: Vec<(String, String)> = d
        .parsed
        .articles()
        .iter()
        .map(|a| (a.anchor.clone(), a.label.clone()))
        .collect();
    let mut top: Vec<(String, String, i64, i64)> = heat
        .iter()
        .filter_map(|h| {
            let (_, label) = labels.iter().find(|(a, _)| *a == h.anchor)?;
            Some((h.anchor.clone(), label.clone(), h.total, h.carried))
        })
        .collect();
    top.sort_by(|a, b| b.2.cmp(&a.2).then_with(|| a.0.cmp(&b.0)));
    top.truncate(5);
    Ok(crate::domain::trail::Footprint {
        versions: lineage.versions.iter().map(|v| v.label.clone()).collect(),
        first_id,
        changed,
        received: stats.received,
        accepted: stats.accepted,
        on_articles: heat.iter().map(|h| h.total).sum(),
        on_whole: counts
            .iter()
            .filter(|(_, t, _)| !crate::domain::trail::is_article(t))
            .map(|(_, _, n)| n)
            .sum(),
        on_deleted: deleted,
        adopted: stats.adopted,
        partially_adopted: stats.partially_adopted,
        not_adopted: stats.not_adopted,
        adoption_rate: stats.adoption_rate,
        top,
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
    let state = crate::server::guard::state()?;
    comparison(&state.db, id, from, to).await
}

/// What [`compare_versions`] answers, for the downloads of the table too.
#[cfg(feature = "ssr")]
pub async fn comparison(
    db: &crate::server::db::Db,
    id: i64,
    from: Option<i64>,
    to: Option<i64>,
) -> Result<Comparison, AppError> {
    use crate::domain::solicitation::Status;
    use crate::server::{db, guard};
    let s = db::solicitations::get(db, id)
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
        let old = db::solicitations::draft(db, id, Some(fv)).await?;
        let new = db::solicitations::draft(db, id, Some(tv)).await?;
        if let (Some(old), Some(new)) = (old, new) {
            // Two versions in a row: by the alignment staff confirmed when saving the later.
            let confirmed =
                if from_at == to_at + 1 {
                    let lineage = db::trail::lineage(db, id).await?;
                    lineage.versions.iter().find(|v| v.id == tv).and_then(|v| {
                        crate::domain::trail::links_of(&v.step, &old.parsed, &new.parsed)
                    })
                } else {
                    None
                };
            rows = match confirmed {
                Some(links) => crate::domain::align::rows(&old.parsed, &new.parsed, links),
                None => crate::domain::align::compare(&old.parsed, &new.parsed),
            };
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
