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
