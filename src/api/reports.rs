//! Reports upward (上报): compiling a solicitation's accepted opinions into an 意见汇总表, writing
//! its summaries and handling suggestions, and recording that it was sent. District staff and
//! admins only; station staff collect and moderate, the district office reports.

use crate::domain::{
    form::FormState,
    report::{Report, ReportSummary},
};
use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// A solicitation's reports, and how many accepted opinions wait for one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReportList {
    pub solicitation_id: i64,
    pub solicitation_title: String,
    pub reports: Vec<ReportSummary>,
    pub waiting: i64,
    pub form: Option<FormState>,
}

/// One report with the form state of its last submission and whether its exports carry names
/// and numbers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReportPage {
    pub report: Report,
    pub form: Option<FormState>,
    pub today: String,
}

#[cfg(feature = "ssr")]
async fn district(
    form: Option<(&FormState, &str)>,
) -> Result<
    (
        crate::server::state::AppState,
        crate::domain::account::StaffUser,
    ),
    AppError,
> {
    use crate::domain::policy::Permission;
    use crate::server::guard;
    match form {
        Some((f, back)) => guard::staff_for_form(Permission::ReportUpward, f, back).await,
        None => guard::staff(Permission::ReportUpward).await,
    }
}

/// The reports of solicitation `id`. District staff only.
#[server(endpoint = "staff/reports/list")]
pub async fn staff_reports(id: i64, draft: Option<String>) -> Result<ReportList, AppError> {
    use crate::server::{db, guard};
    let (state, _) = district(None).await?;
    let s = db::solicitations::get(&state.db, id)
        .await?
        .ok_or_else(|| guard::fail(AppError::NotFound))?;
    Ok(ReportList {
        solicitation_id: id,
        solicitation_title: s.summary.title,
        reports: db::reports::list(&state.db, id).await?,
        waiting: db::reports::waiting(&state.db, id).await?,
        form: guard::draft(&state, draft, "report").await?,
    })
}

/// Compiles a new report from the accepted opinions no report holds yet, and opens it.
#[server(endpoint = "staff/reports/create")]
pub async fn create_report(solicitation_id: String) -> Result<(), AppError> {
    use crate::domain::text::{Problem, FORM};
    use crate::server::{db, db::reports::ReportError, guard};
    let id: i64 = solicitation_id
        .trim()
        .parse()
        .map_err(|_| guard::fail(AppError::NotFound))?;
    let back = format!("/staff/solicitations/{id}/reports");
    let mut form = FormState::new("report");
    let (state, user) = district(Some((&form, &back))).await?;
    let title = match db::solicitations::get(&state.db, id).await? {
        Some(s) => (crate::i18n::t().rep_default_title)(&s.summary.title),
        None => return Err(guard::fail(AppError::NotFound)),
    };
    match db::reports::create(&state.db, id, &title, user.id).await {
        Ok(report) => {
            leptos_axum::redirect(&format!("/staff/reports/{report}"));
            Ok(())
        }
        Err(ReportError::NotFound) => Err(guard::fail(AppError::NotFound)),
        Err(ReportError::Db(e)) => Err(guard::fail(e.into())),
        Err(e) => {
            form.errors.add(
                FORM,
                match e {
                    ReportError::NothingToReport => Problem::NothingToReport,
                    _ => Problem::RecordChanged,
                },
            );
            guard::bounce(&state, &form, &back).await
        }
    }
}

/// Report `id` as staff read and edit it; names and numbers only for those with the privilege.
#[server(endpoint = "staff/reports/get")]
pub async fn staff_report(id: i64, draft: Option<String>) -> Result<ReportPage, AppError> {
    use crate::server::{db, guard};
    let (state, user) = district(None).await?;
    let report = db::reports::get(&state.db, id, user.sees_personal_data())
        .await?
        .ok_or_else(|| guard::fail(AppError::NotFound))?;
    Ok(ReportPage {
        report,
        form: guard::draft(&state, draft, "report").await?,
        today: crate::domain::time::iso_date(db::now_ms()),
    })
}

#[cfg(feature = "ssr")]
fn report_problem(
    e: crate::server::db::reports::ReportError,
) -> Result<crate::domain::text::Problem, AppError> {
    use crate::domain::text::Problem;
    use crate::server::{db::reports::ReportError, guard};
    match e {
        ReportError::NotFound => Err(guard::fail(AppError::NotFound)),
        ReportError::Db(e) => Err(guard::fail(e.into())),
        ReportError::AlreadySent => Ok(Problem::AlreadySent),
        ReportError::NothingToReport => Ok(Problem::NothingToReport),
        ReportError::Conflict => Ok(Problem::RecordChanged),
    }
}

/// Saves the summaries and handling suggestions of draft report `id` (`targets[]`,
/// `summaries[]` and `handlings[]`, one of each per row, in the same order).
#[server(endpoint = "staff/reports/save")]
pub async fn save_report(
    id: String,
    targets: Option<Vec<String>>,
    summaries: Option<Vec<String>>,
    handlings: Option<Vec<String>>,
) -> Result<(), AppError> {
    use crate::domain::report::validate_items;
    use crate::domain::text::FORM;
    use crate::server::{db, guard};
    let id: i64 = id
        .trim()
        .parse()
        .map_err(|_| guard::fail(AppError::NotFound))?;
    let back = format!("/staff/reports/{id}");
    let (targets, summaries, handlings) = (
        targets.unwrap_or_default(),
        summaries.unwrap_or_default(),
        handlings.unwrap_or_default(),
    );
    let rows: Vec<(String, String, String)> = targets
        .iter()
        .enumerate()
        .map(|(i, t)| {
            (
                t.clone(),
                summaries.get(i).cloned().unwrap_or_default(),
                handlings.get(i).cloned().unwrap_or_default(),
            )
        })
        .collect();
    let mut form = FormState::new("report");
    for (i, (_, s, h)) in rows.iter().enumerate() {
        form = form
            .with(&format!("summary-{i}"), s)
            .with(&format!("handling-{i}"), h);
    }
    let (state, user) = district(Some((&form, &back))).await?;
    let cleaned = match validate_items(&rows) {
        Ok(c) => c,
        Err(errors) => {
            form.errors = errors;
            return guard::bounce(&state, &form, &back).await;
        }
    };
    match db::reports::save_items(&state.db, id, &cleaned, user.id).await {
        Ok(()) => {
            leptos_axum::redirect(&format!("{back}?done=saved"));
            Ok(())
        }
        Err(e) => {
            form.errors.add(FORM, report_problem(e)?);
            guard::bounce(&state, &form, &back).await
        }
    }
}

/// Adds to draft report `id` the opinions accepted since it was compiled.
#[server(endpoint = "staff/reports/refresh")]
pub async fn refresh_report(id: String) -> Result<(), AppError> {
    use crate::domain::text::FORM;
    use crate::server::{db, guard};
    let id: i64 = id
        .trim()
        .parse()
        .map_err(|_| guard::fail(AppError::NotFound))?;
    let back = format!("/staff/reports/{id}");
    let mut form = FormState::new("report");
    let (state, user) = district(Some((&form, &back))).await?;
    match db::reports::refresh(&state.db, id, user.id).await {
        Ok(_) => {
            leptos_axum::redirect(&format!("{back}?done=refreshed"));
            Ok(())
        }
        Err(e) => {
            form.errors.add(FORM, report_problem(e)?);
            guard::bounce(&state, &form, &back).await
        }
    }
}

/// Records that draft report `id` went to `recipient` on `sent_on`; its opinions become
/// reported, and each resident reads where their opinion went.
#[server(endpoint = "staff/reports/send")]
pub async fn send_report(id: String, recipient: String, sent_on: String) -> Result<(), AppError> {
    use crate::domain::report::validate_sent;
    use crate::domain::text::FORM;
    use crate::server::{db, guard};
    let id: i64 = id
        .trim()
        .parse()
        .map_err(|_| guard::fail(AppError::NotFound))?;
    let back = format!("/staff/reports/{id}");
    let mut form = FormState::new("report")
        .with("recipient", &recipient)
        .with("sent_on", &sent_on);
    let (state, user) = district(Some((&form, &back))).await?;
    let today = crate::domain::time::iso_date(db::now_ms());
    let (recipient, sent_on) = match validate_sent(&recipient, &sent_on, &today) {
        Ok(v) => v,
        Err(errors) => {
            form.errors = errors;
            return guard::bounce(&state, &form, &back).await;
        }
    };
    let note = (crate::i18n::t().rep_sent_note)(&recipient);
    match db::reports::mark_sent(&state.db, id, &recipient, &sent_on, &note, user.id).await {
        Ok(_) => {
            leptos_axum::redirect(&format!("{back}?done=sent"));
            Ok(())
        }
        Err(e) => {
            form.errors.add(FORM, report_problem(e)?);
            guard::bounce(&state, &form, &back).await
        }
    }
}

/// Records one adoption outcome (`action`: `adopted`, `partially_adopted` or `not_adopted`) with
/// its reason for every opinion of sent report `id` on `target` that still waits for one; then
/// back to the report with what happened.
#[server(endpoint = "staff/reports/feedback")]
pub async fn feedback_article(
    id: String,
    target: String,
    action: Option<String>,
    note: String,
) -> Result<(), AppError> {
    use crate::domain::moderation::ActionInput;
    use crate::server::{db, db::moderation::Scope, guard};
    let id: i64 = id
        .trim()
        .parse()
        .map_err(|_| guard::fail(AppError::NotFound))?;
    let back = format!("/staff/reports/{id}");
    let action = action.unwrap_or_default();
    let mut form = FormState::new("report")
        .with("row", &target)
        .with("action", &action)
        .with("note", &note);
    let (state, user) = district(Some((&form, &back))).await?;
    let selected = db::reports::awaiting_feedback(&state.db, id, &target).await?;
    let input = ActionInput {
        selected: selected
            .iter()
            .map(|s| format!("{}:{}", s.id, s.seen.code()))
            .collect(),
        action,
        note,
        ..Default::default()
    };
    let (sel, act) = match input.validate() {
        Ok(v) => v,
        Err(errors) => {
            form.errors = errors;
            return guard::bounce(&state, &form, &back).await;
        }
    };
    if !matches!(act, crate::domain::moderation::Action::Feedback { .. }) {
        return Err(guard::fail(AppError::BadRequest));
    }
    match db::moderation::apply(&state.db, user.id, Scope::ALL, &sel, &act).await {
        Ok(outcome) => {
            let result = outcome.as_form("report", act.target_status());
            guard::bounce(&state, &result, &back).await
        }
        Err(crate::server::db::moderation::ApplyError::Db(e)) => Err(guard::fail(e.into())),
        Err(_) => Err(guard::fail(AppError::NotFound)),
    }
}
