//! Reports upward: compiling a solicitation's accepted opinions into an 意见汇总表, editing its
//! summaries and handling suggestions, and recording that it was sent (which moves its opinions
//! to reported, with an event each).

use super::{audit, now_ms, Db};
use crate::domain::opinion::{Channel, Identity, OpinionStatus};
use crate::domain::report::{
    distinct_people, tally, AnnexOpinion, Report, ReportItem, ReportStatus, ReportSummary,
};
use crate::domain::trail::{place, Placed};
use crate::i18n::t;
use std::collections::HashMap;

/// The version a report is grouped by: the one current when it was compiled (for a report
/// compiled before that was kept, the newest version saved before it; else the current one).
const REPORT_VERSION: &str = "COALESCE(r.draft_version_id, \
     (SELECT MAX(v.id) FROM draft_versions v WHERE v.solicitation_id = r.solicitation_id \
     AND v.created_at <= r.created_at), \
     (SELECT MAX(v.id) FROM draft_versions v WHERE v.solicitation_id = r.solicitation_id))";

/// Why a report action did not happen.
#[derive(Debug)]
pub enum ReportError {
    NotFound,
    /// No accepted opinion is waiting to be reported.
    NothingToReport,
    /// The report was sent already; it can no longer change.
    AlreadySent,
    /// Someone compiled a report from the same opinions at the same moment.
    Conflict,
    Db(sqlx::Error),
}

impl From<sqlx::Error> for ReportError {
    fn from(e: sqlx::Error) -> Self {
        if super::is_unique_violation(&e) {
            ReportError::Conflict
        } else {
            ReportError::Db(e)
        }
    }
}

const WAITING: &str = "SELECT id FROM opinions WHERE solicitation_id = $2 AND status = 'accepted' \
     AND id NOT IN (SELECT opinion_id FROM report_opinions)";

/// Compiles a new report of solicitation `solicitation_id` from its accepted opinions that no
/// other report holds, and returns its id.
pub async fn create(
    db: &Db,
    solicitation_id: i64,
    title: &str,
    actor: i64,
) -> Result<i64, ReportError> {
    let now = now_ms();
    let mut tx = db.begin_write().await?;
    let exists: Option<i64> = sqlx::query_scalar("SELECT id FROM solicitations WHERE id = $1")
        .bind(solicitation_id)
        .fetch_optional(&mut *tx)
        .await?;
    if exists.is_none() {
        return Err(ReportError::NotFound);
    }
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO reports (solicitation_id, title, status, created_by, created_at, updated_at, \
         draft_version_id) VALUES ($1, $2, 'draft', $3, $4, $4, \
         (SELECT MAX(id) FROM draft_versions WHERE solicitation_id = $1)) RETURNING id",
    )
    .bind(solicitation_id)
    .bind(title)
    .bind(actor)
    .bind(now)
    .fetch_one(&mut *tx)
    .await?;
    let added = sqlx::query(&format!(
        "INSERT INTO report_opinions (report_id, opinion_id) SELECT $1, id FROM ({WAITING}) w"
    ))
    .bind(id)
    .bind(solicitation_id)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    if added == 0 {
        return Err(ReportError::NothingToReport);
    }
    audit::record(
        &mut tx,
        Some(actor),
        "report.create",
        "report",
        Some(id),
        &added.to_string(),
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

/// Adds to draft report `id` the opinions accepted since it was compiled; returns how many.
pub async fn refresh(db: &Db, id: i64, actor: i64) -> Result<u64, ReportError> {
    let mut tx = db.begin_write().await?;
    let sol = lock_draft(&mut tx, id).await?;
    let added = sqlx::query(&format!(
        "INSERT INTO report_opinions (report_id, opinion_id) SELECT $1, id FROM ({WAITING}) w"
    ))
    .bind(id)
    .bind(sol)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    audit::record(
        &mut tx,
        Some(actor),
        "report.refresh",
        "report",
        Some(id),
        &added.to_string(),
    )
    .await?;
    tx.commit().await?;
    Ok(added)
}

/// Takes the lock of draft report `id` and returns its solicitation, or says why not.
async fn lock_draft(tx: &mut sqlx::AnyConnection, id: i64) -> Result<i64, ReportError> {
    let row: Option<(i64, String)> = sqlx::query_as(
        "UPDATE reports SET updated_at = $2 WHERE id = $1 RETURNING solicitation_id, status",
    )
    .bind(id)
    .bind(now_ms())
    .fetch_optional(&mut *tx)
    .await?;
    match row {
        None => Err(ReportError::NotFound),
        Some((_, status)) if status != ReportStatus::Draft.code() => Err(ReportError::AlreadySent),
        Some((sol, _)) => Ok(sol),
    }
}

/// Saves the summaries and handling suggestions, `(target, summary, handling)`, of draft report
/// `id`.
pub async fn save_items(
    db: &Db,
    id: i64,
    rows: &[(String, String, String)],
    actor: i64,
) -> Result<(), ReportError> {
    let mut tx = db.begin_write().await?;
    lock_draft(&mut tx, id).await?;
    for (target, summary, handling) in rows {
        sqlx::query(
            "INSERT INTO report_items (report_id, target, summary, handling) VALUES ($1, $2, $3, $4) \
             ON CONFLICT (report_id, target) DO UPDATE SET summary = excluded.summary, \
             handling = excluded.handling",
        )
        .bind(id)
        .bind(target)
        .bind(summary)
        .bind(handling)
        .execute(&mut *tx)
        .await?;
    }
    audit::record(&mut tx, Some(actor), "report.edit", "report", Some(id), "").await?;
    tx.commit().await?;
    Ok(())
}

/// Records that draft report `id` went to `recipient` on `sent_on`: its accepted opinions become
/// reported, each with an event the resident sees (`note`), and a closed solicitation becomes
/// reported. Returns how many opinions moved.
pub async fn mark_sent(
    db: &Db,
    id: i64,
    recipient: &str,
    sent_on: &str,
    note: &str,
    actor: i64,
) -> Result<u64, ReportError> {
    let now = now_ms();
    let mut tx = db.begin_write().await?;
    let sol = lock_draft(&mut tx, id).await?;
    sqlx::query(
        "UPDATE reports SET status = 'sent', recipient = $2, sent_on = $3, sent_by = $4 WHERE id = $1",
    )
    .bind(id)
    .bind(recipient)
    .bind(sent_on)
    .bind(actor)
    .execute(&mut *tx)
    .await?;
    const MOVING: &str = "SELECT opinion_id FROM report_opinions WHERE report_id = $1";
    let moving: Vec<i64> = sqlx::query_scalar(&format!(
        "SELECT id FROM opinions WHERE status = 'accepted' AND id IN ({MOVING})"
    ))
    .bind(id)
    .fetch_all(&mut *tx)
    .await?;
    super::notifications::enqueue(&mut tx, &moving, now).await?;
    sqlx::query(&format!(
        "INSERT INTO opinion_events (opinion_id, at, actor_id, from_status, to_status, note, visible) \
         SELECT id, $2, $3, 'accepted', 'reported', $4, 1 FROM opinions \
         WHERE status = 'accepted' AND id IN ({MOVING})"
    ))
    .bind(id)
    .bind(now)
    .bind(actor)
    .bind(note)
    .execute(&mut *tx)
    .await?;
    let moved = sqlx::query(&format!(
        "UPDATE opinions SET status = 'reported', updated_at = $2 \
         WHERE status = 'accepted' AND id IN ({MOVING})"
    ))
    .bind(id)
    .bind(now)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    sqlx::query(
        "UPDATE solicitations SET status = 'reported', updated_at = $2 WHERE id = $1 AND status = 'closed'",
    )
    .bind(sol)
    .bind(now)
    .execute(&mut *tx)
    .await?;
    audit::record(
        &mut tx,
        Some(actor),
        "report.send",
        "report",
        Some(id),
        &format!("{recipient} {sent_on} {moved}"),
    )
    .await?;
    tx.commit().await?;
    Ok(moved)
}

/// The reports of solicitation `solicitation_id`, newest first.
pub async fn list(db: &Db, solicitation_id: i64) -> Result<Vec<ReportSummary>, sqlx::Error> {
    let rows: Vec<(i64, String, String, String, String, i64, i64)> = sqlx::query_as(
        "SELECT r.id, r.title, r.status, r.recipient, r.sent_on, r.created_at, \
         (SELECT COUNT(*) FROM report_opinions ro WHERE ro.report_id = r.id) AS n \
         FROM reports r WHERE r.solicitation_id = $1 ORDER BY r.id DESC",
    )
    .bind(solicitation_id)
    .fetch_all(&db.pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(
            |(id, title, status, recipient, sent_on, created_at, opinions)| ReportSummary {
                id,
                title,
                status: ReportStatus::from_code(&status).unwrap_or(ReportStatus::Draft),
                recipient,
                sent_on,
                opinions,
                created_at,
            },
        )
        .collect())
}

/// How many accepted opinions of the solicitation no report holds yet.
pub async fn waiting(db: &Db, solicitation_id: i64) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT COUNT(*) FROM opinions WHERE solicitation_id = $1 AND status = 'accepted' \
         AND id NOT IN (SELECT opinion_id FROM report_opinions)",
    )
    .bind(solicitation_id)
    .fetch_one(&db.pool)
    .await
}

#[derive(sqlx::FromRow)]
struct AnnexRow {
    tracking_code: String,
    target: String,
    target_label: String,
    content: String,
    suggestion: String,
    reason: String,
    channel: String,
    street: String,
    identity: String,
    received_on: String,
    name: String,
    phone: String,
    status: String,
    draft_version_id: i64,
}

/// Report `id` with its rows in text order and its annex; names and numbers only
/// `with_personal`.
pub async fn get(db: &Db, id: i64, with_personal: bool) -> Result<Option<Report>, sqlx::Error> {
    #[allow(clippy::type_complexity)]
    let head: Option<(
        i64,
        String,
        String,
        String,
        String,
        String,
        i64,
        Option<i64>,
    )> = sqlx::query_as(&format!(
        "SELECT r.solicitation_id, s.title, r.title, r.status, r.recipient, r.sent_on, \
             r.created_at, {REPORT_VERSION} FROM reports r \
             JOIN solicitations s ON s.id = r.solicitation_id WHERE r.id = $1"
    ))
    .bind(id)
    .fetch_optional(&db.pool)
    .await?;
    let Some((sol, sol_title, title, status, recipient, sent_on, created_at, version)) = head
    else {
        return Ok(None);
    };
    let lineage = super::trail::lineage(db, sol).await?;
    let edited: Vec<(String, String, String)> =
        sqlx::query_as("SELECT target, summary, handling FROM report_items WHERE report_id = $1")
            .bind(id)
            .fetch_all(&db.pool)
            .await?;
    let rows: Vec<AnnexRow> = sqlx::query_as(
        "SELECT o.tracking_code, o.target, o.target_label, o.content, o.suggestion, o.reason, \
         o.channel, o.street, o.identity, o.received_on, o.name, o.phone, o.status, \
         COALESCE(o.draft_version_id, 0) AS draft_version_id FROM report_opinions ro JOIN opinions o ON o.id = ro.opinion_id \
         WHERE ro.report_id = $1 ORDER BY o.id",
    )
    .bind(id)
    .fetch_all(&db.pool)
    .await?;
    // Text order: the whole text, then the articles of the version the report was compiled
    // on, then the questions, then the articles that version does not have, by key. An opinion
    // on another version's article is grouped under the article it became in this one.
    let questions = match super::solicitations::targets_of(db, sol).await? {
        Some((_, q, _)) => q,
        None => Vec::new(),
    };
    let draft = super::solicitations::draft(db, sol, version).await?;
    let shown = draft.as_ref().map(|d| d.info.id).unwrap_or(0);
    let mut order: HashMap<String, (usize, String, String)> = HashMap::new();
    order.insert(String::new(), (0, String::new(), String::new()));
    if let Some(d) = &draft {
        for (i, a) in d.parsed.articles().into_iter().enumerate() {
            order.insert(a.anchor.clone(), (1 + i, a.label.clone(), a.plain_text()));
        }
        // A version made by an amending draft: its points, with their text as written, after
        // the articles.
        let after = order.len();
        for (k, p) in d
            .parsed
            .amendment
            .iter()
            .flat_map(|a| &a.points)
            .enumerate()
        {
            let key = crate::domain::amend::target_key(p.number);
            let text = format!("{}{}", p.label, p.text);
            order.insert(key, (after + k, p.title(), text));
        }
    }
    let base = order.len();
    for (i, q) in questions.iter().enumerate() {
        order.insert(format!("q-{}", i + 1), (base + i, q.clone(), String::new()));
    }
    let mut groups: Vec<(String, Vec<&AnnexRow>)> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    let mut carried: HashMap<String, i64> = HashMap::new();
    let mut apart: HashMap<String, String> = HashMap::new();
    for r in &rows {
        let key = match place(&lineage, shown, r.draft_version_id, &r.target) {
            Placed::At { key, carried: c } => {
                if c {
                    *carried.entry(key.clone()).or_default() += 1;
                }
                key
            }
            Placed::Apart { key, version_label } => {
                apart.insert(
                    key.clone(),
                    (t().tr.apart_label)(&r.target_label, &version_label),
                );
                key
            }
        };
        let i = *index.entry(key.clone()).or_insert_with(|| {
            groups.push((key, Vec::new()));
            groups.len() - 1
        });
        groups[i].1.push(r);
    }
    groups.sort_by(|a, b| {
        let ka = order.get(&a.0).map(|o| o.0).unwrap_or(usize::MAX);
        let kb = order.get(&b.0).map(|o| o.0).unwrap_or(usize::MAX);
        ka.cmp(&kb).then_with(|| a.0.cmp(&b.0))
    });
    let items = groups
        .into_iter()
        .map(|(target, members)| {
            let (label, text) = match (order.get(&target), apart.get(&target)) {
                (Some((_, l, t)), _) => (l.clone(), t.clone()),
                (None, Some(l)) => (l.clone(), String::new()),
                (None, None) => (members[0].target_label.clone(), String::new()),
            };
            let (summary, handling) = edited
                .iter()
                .find(|(t, _, _)| *t == target)
                .map(|(_, s, h)| (s.clone(), h.clone()))
                .unwrap_or_default();
            let channel = |m: &&AnnexRow| Channel::from_code(&m.channel).unwrap_or(Channel::Online);
            let identity =
                |m: &&AnnexRow| Identity::from_code(&m.identity).unwrap_or(Identity::Other);
            ReportItem {
                label,
                article_text: text,
                summary,
                handling,
                opinions: members.len() as i64,
                carried: carried.get(&target).copied().unwrap_or(0),
                people: distinct_people(
                    members.iter().map(|m| (m.name.as_str(), m.phone.as_str())),
                ),
                channels: by_order(tally(members.iter().map(channel).map(|c| c.code()))),
                streets: tally(
                    members
                        .iter()
                        .filter(|m| !m.street.is_empty())
                        .map(|m| m.street.clone()),
                ),
                identities: tally(members.iter().map(identity).map(|i| i.code()))
                    .into_iter()
                    .filter_map(|(c, n)| Identity::from_code(c).map(|i| (i, n)))
                    .collect(),
                awaiting_feedback: members.iter().filter(|m| m.status == "reported").count() as i64,
                outcomes: crate::domain::moderation::OUTCOMES
                    .iter()
                    .map(|o| {
                        let n = members.iter().filter(|m| m.status == o.code()).count() as i64;
                        (*o, n)
                    })
                    .filter(|(_, n)| *n > 0)
                    .collect(),
                target,
            }
        })
        .collect();
    let annex = rows
        .into_iter()
        .map(|r| AnnexOpinion {
            code: r.tracking_code,
            target_label: r.target_label,
            content: r.content,
            suggestion: r.suggestion,
            reason: r.reason,
            channel: Channel::from_code(&r.channel).unwrap_or(Channel::Online),
            street: r.street,
            identity: Identity::from_code(&r.identity).unwrap_or(Identity::Other),
            received_on: r.received_on,
            name: with_personal.then_some(r.name),
            phone: with_personal.then_some(r.phone),
            status: OpinionStatus::from_code(&r.status).unwrap_or(OpinionStatus::Accepted),
        })
        .collect();
    Ok(Some(Report {
        id,
        solicitation_id: sol,
        solicitation_title: sol_title,
        title,
        status: ReportStatus::from_code(&status).unwrap_or(ReportStatus::Draft),
        recipient,
        sent_on,
        created_at,
        items,
        annex,
        with_personal,
    }))
}

fn by_order(t: Vec<(&'static str, i64)>) -> Vec<(Channel, i64)> {
    t.into_iter()
        .filter_map(|(c, n)| Channel::from_code(c).map(|ch| (ch, n)))
        .collect()
}

/// The opinions of report `id` on `target` that are reported and wait for their feedback, as
/// selections for [`super::moderation::apply`].
pub async fn awaiting_feedback(
    db: &Db,
    id: i64,
    target: &str,
) -> Result<Vec<crate::domain::moderation::Selected>, sqlx::Error> {
    let head: Option<(i64, Option<i64>)> = sqlx::query_as(&format!(
        "SELECT r.solicitation_id, {REPORT_VERSION} FROM reports r WHERE r.id = $1"
    ))
    .bind(id)
    .fetch_optional(&db.pool)
    .await?;
    let Some((sol, version)) = head else {
        return Ok(Vec::new());
    };
    let lineage = super::trail::lineage(db, sol).await?;
    let shown = version.unwrap_or(0);
    let rows: Vec<(i64, i64, String)> = sqlx::query_as(
        "SELECT o.id, COALESCE(o.draft_version_id, 0), o.target FROM report_opinions ro \
         JOIN opinions o ON o.id = ro.opinion_id \
         WHERE ro.report_id = $1 AND o.status = 'reported' ORDER BY o.id",
    )
    .bind(id)
    .fetch_all(&db.pool)
    .await?;
    let ids = rows.into_iter().filter_map(|(id, v, t)| {
        let key = match place(&lineage, shown, v, &t) {
            Placed::At { key, .. } | Placed::Apart { key, .. } => key,
        };
        (key == target).then_some(id)
    });
    Ok(ids
        .map(|id| crate::domain::moderation::Selected {
            id,
            seen: crate::domain::opinion::OpinionStatus::Reported,
        })
        .collect())
}
