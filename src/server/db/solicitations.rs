//! Solicitations and the versions of their drafts: the public list and page, the staff editor,
//! and the per-article counts and published opinions shown next to a draft.

use super::{audit, now_ms, stories::SaveError, Db};
use crate::domain::account::StationOption;
use crate::domain::opinion::{Identity, PublishedOpinion};
use crate::domain::solicitation::{
    DraftText, Enactment, NewSolicitation, Solicitation, SolicitationSummary, Stage, Status,
    VersionInfo,
};
use crate::domain::statute::ParsedDraft;

/// Statuses in which an opinion counts as accepted (it passed moderation).
pub const ACCEPTED_SQL: &str =
    "('accepted', 'reported', 'adopted', 'partially_adopted', 'not_adopted')";

#[derive(sqlx::FromRow)]
struct SummaryRow {
    id: i64,
    title: String,
    stage: String,
    issuer: String,
    status: String,
    opens_at: i64,
    closes_at: i64,
    outcome_html: String,
    opinion_count: i64,
}

impl From<SummaryRow> for SolicitationSummary {
    fn from(r: SummaryRow) -> Self {
        SolicitationSummary {
            id: r.id,
            title: r.title,
            stage: Stage::from_code(&r.stage).unwrap_or(Stage::Drafting),
            issuer: r.issuer,
            status: Status::from_code(&r.status).unwrap_or(Status::Draft),
            opens_at: r.opens_at,
            closes_at: r.closes_at,
            outcome_html: r.outcome_html,
            opinion_count: r.opinion_count,
        }
    }
}

const SUMMARY_COLS: &str = "s.id, s.title, s.stage, s.issuer, s.status, s.opens_at, \
     s.closes_at, s.outcome_html, \
     (SELECT CAST(COALESCE(SUM(t.n), 0) AS BIGINT) FROM (SELECT solicitation_id, n FROM target_tallies \
     UNION ALL SELECT solicitation_id, d FROM target_tally_deltas) t \
     WHERE t.solicitation_id = s.id) AS opinion_count";

/// Every solicitation the public may see (all but drafts), newest closing date first; the
/// caller orders them by phase.
pub async fn list_public(db: &Db) -> Result<Vec<SolicitationSummary>, sqlx::Error> {
    let rows: Vec<SummaryRow> = sqlx::query_as(&format!(
        "SELECT {SUMMARY_COLS} FROM solicitations s WHERE s.status <> 'draft' ORDER BY s.closes_at DESC, s.id DESC"
    ))
    .fetch_all(&db.pool)
    .await?;
    Ok(rows.into_iter().map(Into::into).collect())
}

/// The public call whose outcome was published or changed last: (id, title, outcome in
/// Markdown); none before any outcome.
pub async fn latest_outcome(db: &Db) -> Result<Option<(i64, String, String)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT id, title, outcome_md FROM solicitations WHERE status <> 'draft' \
         AND outcome_html <> '' ORDER BY updated_at DESC, id DESC LIMIT 1",
    )
    .fetch_optional(&db.pool)
    .await
}

/// Every solicitation, newest first, for staff.
pub async fn list_all(db: &Db) -> Result<Vec<SolicitationSummary>, sqlx::Error> {
    let rows: Vec<SummaryRow> = sqlx::query_as(&format!(
        "SELECT {SUMMARY_COLS} FROM solicitations s ORDER BY s.created_at DESC, s.id DESC"
    ))
    .fetch_all(&db.pool)
    .await?;
    Ok(rows.into_iter().map(Into::into).collect())
}

#[derive(sqlx::FromRow)]
struct DetailRow {
    #[sqlx(flatten)]
    summary: SummaryRow,
    explanation_md: String,
    explanation_html: String,
    questions: String,
    outcome_md: String,
    updated_at: i64,
}

fn question_lines(questions: &str) -> Vec<String> {
    questions
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(str::to_string)
        .collect()
}

/// A solicitation with its stations and versions; `None` if there is no such one.
pub async fn get(db: &Db, id: i64) -> Result<Option<Solicitation>, sqlx::Error> {
    let row: Option<DetailRow> = sqlx::query_as(&format!(
        "SELECT {SUMMARY_COLS}, s.explanation_md, s.explanation_html, s.questions, \
         s.outcome_md, s.updated_at FROM solicitations s WHERE s.id = $1"
    ))
    .bind(id)
    .fetch_optional(&db.pool)
    .await?;
    let Some(d) = row else {
        return Ok(None);
    };
    let stations: Vec<(i64, String)> = sqlx::query_as(
        "SELECT st.id, st.name FROM solicitation_stations ss \
         JOIN stations st ON st.id = ss.station_id WHERE ss.solicitation_id = $1 ORDER BY st.name",
    )
    .bind(id)
    .fetch_all(&db.pool)
    .await?;
    Ok(Some(Solicitation {
        summary: d.summary.into(),
        explanation_md: d.explanation_md,
        explanation_html: d.explanation_html,
        questions: question_lines(&d.questions),
        outcome_md: d.outcome_md,
        stations: stations
            .into_iter()
            .map(|(id, name)| StationOption { id, name })
            .collect(),
        versions: versions(db, id).await?,
        updated_at: d.updated_at,
    }))
}

/// What an opinion may be about, without the counts and lists a page shows: the solicitation's
/// status, its guiding questions, and the current draft. `None` if there is no such one.
pub async fn targets_of(
    db: &Db,
    id: i64,
) -> Result<Option<(Status, Vec<String>, Option<DraftText>)>, sqlx::Error> {
    let row: Option<(String, String)> =
        sqlx::query_as("SELECT status, questions FROM solicitations WHERE id = $1")
            .bind(id)
            .fetch_optional(&db.pool)
            .await?;
    let Some((status, questions)) = row else {
        return Ok(None);
    };
    Ok(Some((
        Status::from_code(&status).unwrap_or(Status::Draft),
        question_lines(&questions),
        draft(db, id, None).await?,
    )))
}

const VERSION_COLS: &str =
    "id, label, article_count, created_at, adopted_on, promulgated_on, official_url";

#[derive(sqlx::FromRow)]
struct VersionRow {
    id: i64,
    label: String,
    article_count: i64,
    created_at: i64,
    adopted_on: String,
    promulgated_on: String,
    official_url: String,
}

impl VersionRow {
    fn info(self) -> VersionInfo {
        VersionInfo {
            id: self.id,
            label: self.label,
            article_count: self.article_count,
            created_at: self.created_at,
            enacted: (!self.adopted_on.is_empty()).then_some(Enactment {
                adopted_on: self.adopted_on,
                promulgated_on: self.promulgated_on,
                official_url: self.official_url,
            }),
        }
    }
}

/// The versions of a solicitation's draft, newest first.
pub async fn versions(db: &Db, solicitation_id: i64) -> Result<Vec<VersionInfo>, sqlx::Error> {
    let rows: Vec<VersionRow> = sqlx::query_as(&format!(
        "SELECT {VERSION_COLS} FROM draft_versions WHERE solicitation_id = $1 ORDER BY id DESC"
    ))
    .bind(solicitation_id)
    .fetch_all(&db.pool)
    .await?;
    Ok(rows.into_iter().map(VersionRow::info).collect())
}

/// Creates a solicitation (when `id` is `None`) or updates it if it is still at `version` (its
/// `updated_at` when the editor opened). Returns its id.
pub async fn save(
    db: &Db,
    id: Option<i64>,
    version: Option<i64>,
    s: &NewSolicitation,
    explanation_html: &str,
    outcome_html: &str,
    actor_id: i64,
) -> Result<i64, SaveError> {
    let now = now_ms();
    let mut tx = db.begin_write().await?;
    let sql = match id {
        None => {
            "INSERT INTO solicitations (title, stage, issuer, explanation_md, explanation_html, \
             questions, opens_at, closes_at, status, outcome_md, outcome_html, updated_by, \
             updated_at, created_by, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $12, $13) RETURNING id"
        }
        Some(_) => {
            "UPDATE solicitations SET title = $1, stage = $2, issuer = $3, explanation_md = $4, \
             explanation_html = $5, questions = $6, opens_at = $7, closes_at = $8, status = $9, \
             outcome_md = $10, outcome_html = $11, updated_by = $12, updated_at = $13 \
             WHERE id = $14 AND ($15 IS NULL OR updated_at = $15) RETURNING id"
        }
    };
    let query = sqlx::query_scalar(sql)
        .bind(&s.title)
        .bind(s.stage.code())
        .bind(&s.issuer)
        .bind(&s.explanation_md)
        .bind(explanation_html)
        .bind(s.questions.join("\n"))
        .bind(s.opens_at)
        .bind(s.closes_at)
        .bind(s.status.code())
        .bind(&s.outcome_md)
        .bind(outcome_html)
        .bind(actor_id)
        .bind(now.max(version.unwrap_or(0) + 1));
    let query = match id {
        Some(id) => query.bind(id).bind(version),
        None => query,
    };
    let saved: Option<i64> = query.fetch_optional(&mut *tx).await?;
    let Some(saved) = saved else {
        let exists: Option<i64> = sqlx::query_scalar("SELECT id FROM solicitations WHERE id = $1")
            .bind(id)
            .fetch_optional(&mut *tx)
            .await?;
        return Err(if exists.is_some() {
            SaveError::Stale
        } else {
            SaveError::NotFound
        });
    };
    sqlx::query("DELETE FROM solicitation_stations WHERE solicitation_id = $1")
        .bind(saved)
        .execute(&mut *tx)
        .await?;
    for station in &s.station_ids {
        sqlx::query(
            "INSERT INTO solicitation_stations (solicitation_id, station_id) VALUES ($1, $2)",
        )
        .bind(saved)
        .bind(station)
        .execute(&mut *tx)
        .await?;
    }
    let action = if id.is_some() {
        "solicitation.update"
    } else {
        "solicitation.create"
    };
    audit::record(
        &mut tx,
        Some(actor_id),
        action,
        "solicitation",
        Some(saved),
        &s.title,
    )
    .await?;
    tx.commit().await?;
    Ok(saved)
}

/// Adds a version of the draft (it becomes the current one) and returns its id. `step` is its
/// alignment with version `base` as staff confirmed it; without one, the aligner's is kept.
#[allow(clippy::too_many_arguments)]
pub async fn add_version(
    db: &Db,
    solicitation_id: i64,
    label: &str,
    source: &str,
    parsed: &ParsedDraft,
    step: Option<(i64, &crate::domain::trail::Step)>,
    enacted: Option<&Enactment>,
    actor_id: i64,
) -> Result<i64, sqlx::Error> {
    let encode = |e| sqlx::Error::Encode(Box::new(e));
    let json = serde_json::to_string(parsed).map_err(encode)?;
    let mut tx = db.begin_write().await?;
    // The alignment staff confirmed holds only against the version it was made with; if another
    // was saved in between (or none was confirmed), the aligner's with the version before. The
    // solicitation's row is locked first, so that two versions saved at once line up.
    sqlx::query("UPDATE solicitations SET id = id WHERE id = $1")
        .bind(solicitation_id)
        .execute(&mut *tx)
        .await?;
    let before: Option<(i64, String)> = sqlx::query_as(
        "SELECT id, parsed_json FROM draft_versions WHERE solicitation_id = $1 \
         ORDER BY id DESC LIMIT 1",
    )
    .bind(solicitation_id)
    .fetch_optional(&mut *tx)
    .await?;
    let links = match (step, before) {
        (Some((base, s)), Some((b, _))) if base == b => Some(serde_json::to_string(s)),
        (_, Some((_, json))) => serde_json::from_str::<ParsedDraft>(&json)
            .ok()
            .map(|old| serde_json::to_string(&crate::domain::trail::aligned(&old, parsed))),
        (_, None) => None,
    }
    .transpose()
    .map_err(encode)?;
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO draft_versions (solicitation_id, label, source_text, parsed_json, \
         article_count, created_by, created_at, links_json, adopted_on, promulgated_on, \
         official_url) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id",
    )
    .bind(solicitation_id)
    .bind(label)
    .bind(source)
    .bind(json)
    .bind(parsed.articles().len() as i64)
    .bind(actor_id)
    .bind(now_ms())
    .bind(links)
    .bind(enacted.map(|e| e.adopted_on.as_str()).unwrap_or_default())
    .bind(
        enacted
            .map(|e| e.promulgated_on.as_str())
            .unwrap_or_default(),
    )
    .bind(enacted.map(|e| e.official_url.as_str()).unwrap_or_default())
    .fetch_one(&mut *tx)
    .await?;
    audit::record(
        &mut tx,
        Some(actor_id),
        "draft.add_version",
        "solicitation",
        Some(solicitation_id),
        label,
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

/// A version of the draft (the current one when `version_id` is `None`).
pub async fn draft(
    db: &Db,
    solicitation_id: i64,
    version_id: Option<i64>,
) -> Result<Option<DraftText>, sqlx::Error> {
    #[derive(sqlx::FromRow)]
    struct Row {
        #[sqlx(flatten)]
        version: VersionRow,
        parsed_json: String,
    }
    let row: Option<Row> = sqlx::query_as(&format!(
        "SELECT {VERSION_COLS}, parsed_json FROM draft_versions \
         WHERE solicitation_id = $1 AND ($2 IS NULL OR id = $2) ORDER BY id DESC LIMIT 1"
    ))
    .bind(solicitation_id)
    .bind(version_id)
    .fetch_optional(&db.pool)
    .await?;
    Ok(row.and_then(|r| {
        let id = r.version.id;
        let parsed = serde_json::from_str::<ParsedDraft>(&r.parsed_json)
            .map_err(|e| tracing::error!("draft version {id} does not parse: {e}"))
            .ok()?;
        Some(DraftText {
            info: r.version.info(),
            parsed,
        })
    }))
}

/// The source text of a version, for staff who start the next version from it.
pub async fn source(db: &Db, version_id: i64) -> Result<Option<String>, sqlx::Error> {
    sqlx::query_scalar("SELECT source_text FROM draft_versions WHERE id = $1")
        .bind(version_id)
        .fetch_optional(&db.pool)
        .await
}

/// One published opinion with the version of the draft it was given on (id 0 and an empty
/// label: none).
pub struct PublishedRow {
    pub id: i64,
    pub version_id: i64,
    pub version_label: String,
    pub opinion: PublishedOpinion,
}

/// Accepted opinions whose authors allowed publication, without names, oldest first, from the
/// one after opinion `after` (0: from the first): the first `limit` of them for the call's page
/// and the open API, all of them for open data.
pub async fn published_opinions(
    db: &Db,
    solicitation_id: i64,
    after: i64,
    limit: Option<i64>,
) -> Result<Vec<PublishedRow>, sqlx::Error> {
    #[derive(sqlx::FromRow)]
    struct Row {
        id: i64,
        version_id: i64,
        version_label: String,
        target: String,
        target_label: String,
        content: String,
        suggestion: String,
        identity: String,
        received_on: String,
    }
    let rows: Vec<Row> = sqlx::query_as(&format!(
        "SELECT o.id, COALESCE(o.draft_version_id, 0) AS version_id, \
         COALESCE(v.label, '') AS version_label, o.target, o.target_label, o.content, \
         o.suggestion, o.identity, o.received_on FROM opinions o \
         LEFT JOIN draft_versions v ON v.id = o.draft_version_id \
         WHERE o.solicitation_id = $1 AND o.id > $2 AND o.publish_ok = 1 \
         AND o.status IN {ACCEPTED_SQL} ORDER BY o.id{}",
        limit.map(|n| format!(" LIMIT {n}")).unwrap_or_default()
    ))
    .bind(solicitation_id)
    .bind(after)
    .fetch_all(&db.pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| PublishedRow {
            id: r.id,
            version_id: r.version_id,
            version_label: r.version_label,
            opinion: PublishedOpinion {
                target: r.target,
                target_label: r.target_label,
                content: r.content,
                suggestion: r.suggestion,
                identity: Identity::from_code(&r.identity).unwrap_or(Identity::Other),
                received_on: r.received_on,
            },
        })
        .collect())
}
