//! The public search. Anyone may call it; it reads only what the public pages show.

use crate::domain::search::Results;
use crate::error::AppError;
use leptos::prelude::*;

/// The results for a query as typed, of one kind or all, one page. Parameters come as text so
/// that a bad one is answered with what is wrong with it (and status 400), never a bare error.
#[server(endpoint = "search")]
pub async fn search(
    q: String,
    kind: String,
    page: String,
    after: String,
) -> Result<Results, AppError> {
    use crate::domain::search::Params;
    use crate::server::{db, guard};
    let state = guard::state()?;
    match Params::parse(&q, &kind, &page, &after) {
        Ok(p) => Ok(Results {
            q,
            ..db::search::search(&state.db, &p).await?
        }),
        Err(problem) => {
            if let Some(res) = use_context::<leptos_axum::ResponseOptions>() {
                res.set_status(axum::http::StatusCode::BAD_REQUEST);
            }
            Ok(Results {
                q,
                problem: Some(problem),
                page: 1,
                pages: 1,
                ..Results::default()
            })
        }
    }
}
