//! The audit log for admins: every moderation step, export, view of personal data, sign-in and
//! account change, filtered by actor, action, record and date. Read-only: entries can be
//! neither changed nor deleted, by the app or in the database.

use crate::domain::audit::{AuditFilter, AuditPage};
use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// One page of the log, the filters in force and the choices the filter form offers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AuditData {
    pub filter: AuditFilter,
    pub page: AuditPage,
    /// (id, display name, username) of every account.
    pub actors: Vec<(i64, String, String)>,
    pub actions: Vec<String>,
}

/// The audit log for `query` (the page's query string). Admins only.
#[server(endpoint = "admin/audit")]
pub async fn audit_log(query: String) -> Result<AuditData, AppError> {
    use crate::domain::policy::Permission;
    use crate::server::{db, guard};
    let (state, _) = guard::staff(Permission::ReadAuditLog).await?;
    let pairs = crate::api::moderation::url_pairs(&query);
    let filter = AuditFilter::from_pairs(|k| {
        pairs
            .iter()
            .find(|(pk, _)| pk == k)
            .map(|(_, v)| v.as_str())
    });
    let actors: Vec<(i64, String, String)> =
        sqlx::query_as("SELECT id, display_name, username FROM accounts ORDER BY username")
            .fetch_all(&state.db.pool)
            .await?;
    Ok(AuditData {
        page: db::audit::list(&state.db, &filter).await?,
        filter,
        actors,
        actions: db::audit::actions(&state.db).await?,
    })
}
