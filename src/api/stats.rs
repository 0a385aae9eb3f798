//! Public statistics: anyone may read them.

use crate::domain::stats::{SolicitationStats, Stats};
use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// The statistics overall (or of one solicitation) and a line per solicitation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StatsPage {
    pub stats: Stats,
    /// The solicitation the figures are limited to: (id, title).
    pub solicitation: Option<(i64, String)>,
    pub solicitations: Vec<SolicitationStats>,
}

/// The public statistics, of every public solicitation or of `solicitation` alone.
#[server(endpoint = "stats")]
pub async fn public_stats(solicitation: Option<i64>) -> Result<StatsPage, AppError> {
    use crate::server::{db, guard};
    let state = guard::state()?;
    let chosen = match solicitation {
        Some(id) => {
            let s = db::solicitations::get(&state.db, id)
                .await?
                .filter(|s| s.summary.status != crate::domain::solicitation::Status::Draft)
                .ok_or_else(|| guard::fail(AppError::NotFound))?;
            Some((id, s.summary.title))
        }
        None => None,
    };
    Ok(StatsPage {
        stats: db::stats::compute(&state.db, solicitation).await?,
        solicitation: chosen,
        solicitations: db::stats::per_solicitation(&state.db).await?,
    })
}

/// The home page's headline figures, the very figures of `/stats` (one computation serves both),
/// and the latest outcome of a call.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Headline {
    pub received: i64,
    /// Adopted in full or in part.
    pub adopted: i64,
    pub adoption_rate: Option<f64>,
    pub median_days_to_feedback: Option<f64>,
    /// (solicitation id, its title, the start of its outcome as plain text).
    pub latest_outcome: Option<(i64, String, String)>,
}

/// The home page's figures. Anyone may call it.
#[server(endpoint = "stats/home")]
pub async fn home_figures() -> Result<Headline, AppError> {
    use crate::server::{db, guard, markdown::plain_text};
    let state = guard::state()?;
    let s = db::stats::compute(&state.db, None).await?;
    let latest_outcome =
        db::solicitations::latest_outcome(&state.db)
            .await?
            .map(|(id, title, md)| {
                let text = plain_text(&md).replace('\n', " ");
                (id, title, crate::domain::text::clip(&text, 120))
            });
    Ok(Headline {
        received: s.received,
        adopted: s.adopted + s.partially_adopted,
        adoption_rate: s.adoption_rate,
        median_days_to_feedback: s.median_days_to_feedback,
        latest_outcome,
    })
}
