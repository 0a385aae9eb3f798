//! Open data: the statistics of every public call (`/open-data/stats.csv`) and the published
//! opinions of one call (`/solicitations/{id}/opinions.csv`), as CSV with a byte-order mark so
//! that spreadsheet programs read the Chinese right. Only what the public pages show: calls that
//! are not drafts, opinions accepted and allowed by their authors, never a name or a way to reach
//! anyone.

use super::db;
use super::state::AppState;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

fn csv_file(body: Vec<u8>, ascii_name: &str, name: &str) -> Response {
    super::router::download(body, "text/csv; charset=utf-8", ascii_name, name)
}

fn percent(rate: Option<f64>) -> String {
    rate.map(|r| format!("{r:.1}")).unwrap_or_default()
}

/// `/open-data/stats.csv`: a line per public call and the total, the figures of `/stats`.
pub async fn stats_csv(State(state): State<AppState>) -> Response {
    let f = crate::i18n::t().feeds;
    let (Ok(lines), Ok(total)) = (
        db::stats::per_solicitation(&state.db).await,
        db::stats::compute(&state.db, None).await,
    ) else {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    let mut rows: Vec<Vec<String>> = lines
        .iter()
        .map(|s| {
            vec![
                s.id.to_string(),
                s.title.clone(),
                s.received.to_string(),
                s.accepted.to_string(),
                s.adopted.to_string(),
                percent(s.adoption_rate),
            ]
        })
        .collect();
    rows.push(vec![
        String::new(),
        f.od_total.to_string(),
        total.received.to_string(),
        total.accepted.to_string(),
        (total.adopted + total.partially_adopted).to_string(),
        percent(total.adoption_rate),
    ]);
    match super::export::csv(&f.od_stats_head, &rows) {
        Ok(body) => csv_file(body, "minyi-stats.csv", f.od_stats_file),
        Err(_) => StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    }
}

/// `/solicitations/{id}/opinions.csv`: every published opinion of a public call, oldest first.
pub async fn opinions_csv(State(state): State<AppState>, Path(id): Path<String>) -> Response {
    let t = crate::i18n::t();
    let Ok(id) = id.parse::<i64>() else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let s = match db::solicitations::get(&state.db, id).await {
        Ok(Some(s)) if s.summary.status != crate::domain::solicitation::Status::Draft => s,
        Ok(_) => return StatusCode::NOT_FOUND.into_response(),
        Err(_) => return StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    };
    let Ok(opinions) = db::solicitations::published_opinions(&state.db, id, 0, None).await else {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    let rows: Vec<Vec<String>> = opinions
        .into_iter()
        .map(|r| {
            let o = r.opinion;
            vec![
                o.received_on,
                r.version_label,
                if o.target_label.is_empty() {
                    t.sol_whole_draft.to_string()
                } else {
                    o.target_label
                },
                (t.identity)(o.identity).to_string(),
                o.content,
                o.suggestion,
            ]
        })
        .collect();
    match super::export::csv(&t.feeds.od_opinions_head, &rows) {
        Ok(body) => csv_file(
            body,
            &format!("opinions-{id}.csv"),
            &(t.feeds.od_opinions_file)(&s.summary.title),
        ),
        Err(_) => StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    }
}
