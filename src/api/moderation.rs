//! Moderation: the staff queue with its filters, the action form that accepts, rejects or merges
//! one or many opinions, and the cluster view of near-identical opinions. Station staff see and
//! act on their own station's opinions only.

use crate::domain::{
    account::StationOption,
    form::FormState,
    moderation::{ClusterView, QueueFilter, QueuePage},
    solicitation::{SolicitationSummary, Target},
};
use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// The queue page: the filters in force, one page, the choices the filter form offers, and the
/// action form as it was last sent (with its problems, or with what the action did).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QueueData {
    pub filter: QueueFilter,
    pub page: QueuePage,
    pub solicitations: Vec<SolicitationSummary>,
    /// The articles and questions of the chosen solicitation.
    pub targets: Vec<Target>,
    pub streets: Vec<String>,
    /// Stations to choose from (district staff); empty for station staff.
    pub stations: Vec<StationOption>,
    /// The station a station staff member is limited to.
    pub own_station: Option<String>,
    pub form: Option<FormState>,
}

/// One page of the moderation queue for `query` (the page's query string: `status=pending&…`).
/// Staff only; station staff get their station's opinions whatever the query says.
#[server(endpoint = "staff/moderation/queue")]
pub async fn staff_queue(query: String, draft: Option<String>) -> Result<QueueData, AppError> {
    use crate::domain::policy::Permission;
    use crate::server::{db, db::moderation::Scope, guard};
    let (state, user) = guard::staff(Permission::HandleOpinions).await?;
    let scope = Scope::of(&user);
    let pairs: Vec<(String, String)> = url_pairs(&query);
    let mut filter = QueueFilter::from_pairs(|k| {
        pairs
            .iter()
            .find(|(pk, _)| pk == k)
            .map(|(_, v)| v.as_str())
    });
    if scope.station.is_some() {
        filter.station = None;
    }
    let mut page = db::moderation::queue(&state.db, scope, &filter).await?;
    // An opinion given on an earlier version says where its article lies now.
    let mut lineages = std::collections::HashMap::new();
    for o in &mut page.items {
        let (Some(v), true) = (o.version_id, crate::domain::trail::is_article(&o.target)) else {
            continue;
        };
        if let std::collections::hash_map::Entry::Vacant(e) = lineages.entry(o.solicitation_id) {
            e.insert(db::trail::lineage(&state.db, o.solicitation_id).await?);
        }
        let Some(l) = lineages.get(&o.solicitation_id) else {
            continue;
        };
        let Some(cur) = l.versions.last().filter(|c| c.id != v) else {
            continue;
        };
        let now = crate::i18n::t().tr.queue_now;
        o.target_now = match l.carry(v, &o.target, cur.id) {
            crate::domain::trail::Carried::To(r) if r.label != o.target_label => {
                Some(now(&cur.label, Some(&r.label)))
            }
            crate::domain::trail::Carried::Gone => Some(now(&cur.label, None)),
            _ => None,
        };
    }
    if !user.sees_personal_data() {
        for o in &mut page.items {
            o.name = crate::domain::opinion::mask_name(&o.name);
        }
    }
    let targets = match filter.solicitation {
        Some(id) => crate::api::opinions::submit_targets(&state, id, false, None)
            .await
            .map(|(t, _)| t)
            .unwrap_or_default(),
        None => Vec::new(),
    };
    let all_stations = db::stations::list_options(&state.db).await?;
    let own_station = scope.station.and_then(|s| {
        all_stations
            .iter()
            .find(|o| o.id == s)
            .map(|o| o.name.clone())
    });
    Ok(QueueData {
        filter,
        page,
        solicitations: db::solicitations::list_all(&state.db).await?,
        targets,
        streets: state.config.streets.clone(),
        stations: if scope.station.is_some() {
            Vec::new()
        } else {
            all_stations
        },
        own_station,
        form: guard::draft(&state, draft, "moderate").await?,
    })
}

/// Splits a query string into decoded pairs.
pub fn url_pairs(query: &str) -> Vec<(String, String)> {
    query
        .trim_start_matches('?')
        .split('&')
        .filter_map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            let v = v.replace('+', " ");
            Some((
                urlencoding::decode(k).ok()?.into_owned(),
                urlencoding::decode(&v).ok()?.into_owned(),
            ))
        })
        .filter(|(k, _)| !k.is_empty())
        .collect()
}

/// Accepts, rejects (with a reason) or merges the ticked opinions (`selected[]`, each
/// `id:status-seen`), then goes back to `return_to` with what happened: how many changed, and
/// which were left because someone else had acted first. Staff only, within their scope.
#[server(endpoint = "staff/moderation/apply")]
pub async fn moderate(
    selected: Option<Vec<String>>,
    action: String,
    reason: Option<String>,
    note: Option<String>,
    merge_into: Option<String>,
    return_to: String,
) -> Result<(), AppError> {
    use crate::domain::{
        form::safe_return_path,
        moderation::{Action, ActionInput},
        policy::Permission,
        text::{Problem, FORM},
    };
    use crate::server::{
        db,
        db::moderation::{ApplyError, Scope},
        guard,
    };
    let return_to = safe_return_path(&return_to)
        .filter(|p| p.starts_with("/staff/"))
        .unwrap_or("/staff/opinions")
        .to_string();
    let input = ActionInput {
        selected: selected.unwrap_or_default(),
        action,
        reason: reason.unwrap_or_default(),
        note: note.unwrap_or_default(),
        merge_into: merge_into.unwrap_or_default(),
    };
    let mut form = FormState::new("moderate")
        .with("selected", input.selected.join(","))
        .with("action", &input.action)
        .with("reason", &input.reason)
        .with("note", &input.note)
        .with("merge_into", &input.merge_into);
    let (state, user) =
        guard::staff_for_form(Permission::HandleOpinions, &form, &return_to).await?;
    let (sel, act) = match input.validate() {
        Ok((sel, Action::Reject { reason, note })) if note.is_empty() && reason.is_referral() => (
            sel,
            Action::Reject {
                reason,
                note: (crate::i18n::t().referral_default)(reason).to_string(),
            },
        ),
        Ok(v) => v,
        Err(errors) => {
            form.errors = errors;
            return guard::bounce(&state, &form, &return_to).await;
        }
    };
    // Every action is checked against the policy: adoption outcomes are the district office's.
    if !crate::domain::policy::permits(&user, act.permission()) {
        return Err(guard::fail(AppError::Forbidden));
    }
    match db::moderation::apply(&state.db, user.id, Scope::of(&user), &sel, &act).await {
        Ok(outcome) => {
            // The outcome replaces what was typed: the form starts empty again.
            let result = outcome.as_form("moderate", act.target_status());
            guard::bounce(&state, &result, &return_to).await
        }
        Err(ApplyError::NotFound) => Err(guard::fail(AppError::NotFound)),
        Err(ApplyError::Db(e)) => Err(guard::fail(e.into())),
        Err(e) => {
            let (field, problem) = match e {
                ApplyError::MergeTargetMissing => ("merge_into", Problem::MergeTargetMissing),
                ApplyError::MergeTargetClosed(s) => (
                    "merge_into",
                    Problem::MergeTargetClosed {
                        status: (crate::i18n::t().opinion_status)(s).to_string(),
                    },
                ),
                ApplyError::MergeIntoItself => ("merge_into", Problem::MergeIntoItself),
                _ => (FORM, Problem::MergeAcrossSolicitations),
            };
            form.errors.add(field, problem);
            guard::bounce(&state, &form, &return_to).await
        }
    }
}

/// The cluster view of solicitation `id`: groups of near-identical pending opinions within the
/// person's scope, each of which can be merged into its earliest opinion in one action.
#[server(endpoint = "staff/moderation/clusters")]
pub async fn staff_clusters(
    id: i64,
    draft: Option<String>,
) -> Result<(ClusterView, Option<FormState>), AppError> {
    use crate::domain::policy::Permission;
    use crate::server::{db, db::moderation::Scope, guard};
    let (state, user) = guard::staff(Permission::HandleOpinions).await?;
    let view = db::moderation::clusters(&state.db, Scope::of(&user), id)
        .await?
        .ok_or_else(|| guard::fail(AppError::NotFound))?;
    Ok((view, guard::draft(&state, draft, "moderate").await?))
}
