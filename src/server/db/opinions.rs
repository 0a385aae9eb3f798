//! Opinions: storing a submission (with its tracking code, first timeline event and rate-limit
//! count in one transaction), the resident's status page, and the staff list and detail view.

use super::{audit, now_ms, rate, Db};
use crate::domain::opinion::{
    Channel, Identity, NewOpinion, OpinionDetail, OpinionStatus, SimilarOpinion, TimelineEntry,
    TrackView, CODE_ALPHABET, CODE_RANDOM_LEN,
};
use crate::domain::solicitation::{phase, Phase, Status};
use crate::domain::time::iso_date;
use rand::Rng;

/// How an opinion arrived: online from the form (rate-limited, only while the solicitation
/// accepts), or entered by staff from an offline channel.
#[derive(Debug, Clone)]
pub enum Source {
    Online {
        /// The random key of the form that was posted: with the same content, the same key
        /// twice is one opinion.
        submit_key: Option<String>,
        /// The rate-limit bucket of the client address, and its hourly limit.
        bucket: String,
        per_hour: i64,
    },
    Offline {
        channel: Channel,
        /// `2026-11-28`: the day it was received.
        received_on: String,
        staff_id: i64,
        /// The session registration whose views this opinion records; it is linked in the same
        /// transaction, once.
        registration: Option<i64>,
    },
}

/// A stored opinion: what the receipt shows.
#[derive(Debug, Clone, PartialEq)]
pub struct Receipt {
    pub id: i64,
    pub code: String,
    pub access_key: String,
    /// The same form had been posted before; this is the opinion it made then.
    pub repeated: bool,
}

/// Why an opinion was not stored.
#[derive(Debug)]
pub enum SubmitError {
    NoSuchSolicitation,
    /// The solicitation does not take opinions now; its phase and window.
    NotAccepting {
        phase: Phase,
        opens_at: i64,
        closes_at: i64,
    },
    RateLimited,
    /// The registration's views were already entered as an opinion.
    AlreadyEntered,
    Db(sqlx::Error),
}

impl From<sqlx::Error> for SubmitError {
    fn from(e: sqlx::Error) -> Self {
        SubmitError::Db(e)
    }
}

fn random_from(alphabet: &[u8], n: usize) -> String {
    let mut rng = rand::rngs::OsRng;
    (0..n)
        .map(|_| alphabet[rng.gen_range(0..alphabet.len())] as char)
        .collect()
}

/// A new tracking code for this year, `YJ-2026-7K3Q9`.
pub fn new_code(now: i64) -> String {
    let year = iso_date(now).get(..4).unwrap_or("2026").to_string();
    format!("YJ-{year}-{}", random_from(CODE_ALPHABET, CODE_RANDOM_LEN))
}

/// A new secret for the private status link (about 100 bits).
pub fn new_access_key() -> String {
    random_from(b"23456789abcdefghjkmnpqrstuvwxyz", 20)
}

async fn by_submit_key(db: &Db, key: &str) -> Result<Option<Receipt>, sqlx::Error> {
    let row: Option<(i64, String, String)> =
        sqlx::query_as("SELECT id, tracking_code, access_key FROM opinions WHERE submit_key = $1")
            .bind(key)
            .fetch_optional(&db.pool)
            .await?;
    Ok(row.map(|(id, code, access_key)| Receipt {
        id,
        code,
        access_key,
        repeated: true,
    }))
}

/// Stores an opinion for `solicitation_id`, or says why not. The same form posted again with
/// the same content by the same person (see [`super::submission_key`]) gives the opinion it made
/// the first time; anything else is stored as an opinion of its own, so nothing typed is lost
/// and nobody is answered with another person's receipt.
pub async fn submit(
    db: &Db,
    solicitation_id: i64,
    draft_version_id: Option<i64>,
    o: &NewOpinion,
    source: &Source,
) -> Result<Receipt, SubmitError> {
    let mut source = source.clone();
    let key = match &mut source {
        Source::Online { submit_key, .. } => {
            *submit_key = submit_key
                .as_deref()
                .and_then(|k| super::submission_key(k, solicitation_id, o));
            submit_key.clone()
        }
        Source::Offline { .. } => None,
    };
    if let Some(key) = &key {
        if let Some(first) = by_submit_key(db, key).await? {
            return Ok(first);
        }
    }
    // A clash of random codes is rare; a clash of submission keys means a double post raced this
    // one, and its receipt is the answer.
    for _ in 0..5 {
        match try_submit(db, solicitation_id, draft_version_id, o, &source).await {
            Err(SubmitError::Db(e)) if super::is_unique_violation(&e) => {
                if let Some(key) = &key {
                    if let Some(first) = by_submit_key(db, key).await? {
                        return Ok(first);
                    }
                }
            }
            other => return other,
        }
    }
    Err(SubmitError::Db(sqlx::Error::Protocol(
        "no free tracking code after 5 tries".into(),
    )))
}

/// The station that handles an opinion from street `$13` on solicitation `$4`: one of the
/// solicitation's collecting stations in that street, else any station there, else none (the
/// district office). An opinion entered by station staff goes to their own station instead.
const STATION_OF_STREET: &str = "(SELECT st.id FROM stations st LEFT JOIN solicitation_stations ss \
     ON ss.station_id = st.id AND ss.solicitation_id = $4 WHERE st.street <> '' AND st.street = $13 \
     ORDER BY CASE WHEN ss.station_id IS NULL THEN 1 ELSE 0 END, st.id LIMIT 1)";

async fn try_submit(
    db: &Db,
    solicitation_id: i64,
    draft_version_id: Option<i64>,
    o: &NewOpinion,
    source: &Source,
) -> Result<Receipt, SubmitError> {
    let now = now_ms();
    // The language of later messages: the resident's own online, the site's for what staff enter.
    let lang = match source {
        Source::Online { .. } => crate::i18n::current(),
        Source::Offline { .. } => crate::i18n::Locale::default(),
    };
    let mut tx = db.begin_write().await?;
    // Written first, so that on SQLite the transaction takes the write lock before it reads.
    if let Source::Online {
        bucket, per_hour, ..
    } = source
    {
        if rate::hit(&mut tx, bucket, 3_600_000).await? > *per_hour {
            return Err(SubmitError::RateLimited);
        }
    }
    let row: Option<(String, i64, i64)> =
        sqlx::query_as("SELECT status, opens_at, closes_at FROM solicitations WHERE id = $1")
            .bind(solicitation_id)
            .fetch_optional(&mut *tx)
            .await?;
    let Some((status, opens_at, closes_at)) = row else {
        return Err(SubmitError::NoSuchSolicitation);
    };
    let status = Status::from_code(&status).unwrap_or(Status::Draft);
    let p = phase(status, opens_at, closes_at, now);
    let (channel, received_on, staff_id, submit_key) = match source {
        Source::Online { submit_key, .. } => {
            if p != Phase::Accepting {
                return Err(SubmitError::NotAccepting {
                    phase: p,
                    opens_at,
                    closes_at,
                });
            }
            (Channel::Online, iso_date(now), None, submit_key.clone())
        }
        Source::Offline {
            channel,
            received_on,
            staff_id,
            ..
        } => {
            if p == Phase::Unpublished {
                return Err(SubmitError::NotAccepting {
                    phase: p,
                    opens_at,
                    closes_at,
                });
            }
            (*channel, received_on.clone(), Some(*staff_id), None)
        }
    };
    let code = new_code(now);
    let access_key = new_access_key();
    let id: i64 = sqlx::query_scalar(&format!(
        "INSERT INTO opinions (tracking_code, access_key, submit_key, solicitation_id, \
         draft_version_id, target, target_label, content, suggestion, reason, name, phone, street, \
         community, identity, publish_ok, privacy_version, channel, received_on, entered_by, \
         status, created_at, updated_at, station_id, email, lang) VALUES ($1, $2, $3, $4, $5, $6, \
         $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, 'pending', $21, $21, \
         COALESCE((SELECT station_id FROM accounts WHERE id = $20), {STATION_OF_STREET}), $22, $23) \
         RETURNING id"
    ))
    .bind(&code)
    .bind(&access_key)
    .bind(submit_key)
    .bind(solicitation_id)
    .bind(draft_version_id)
    .bind(&o.target.key)
    .bind(&o.target.label)
    .bind(&o.content)
    .bind(&o.suggestion)
    .bind(&o.reason)
    .bind(&o.name)
    .bind(&o.phone)
    .bind(&o.street)
    .bind(&o.community)
    .bind(o.identity.code())
    .bind(o.publish_ok as i64)
    .bind(&o.privacy_version)
    .bind(channel.code())
    .bind(&received_on)
    .bind(staff_id)
    .bind(now)
    .bind(&o.email)
    .bind(lang.tag())
    .fetch_one(&mut *tx)
    .await?;
    sqlx::query(
        "INSERT INTO opinion_events (opinion_id, at, actor_id, from_status, to_status, note, visible) \
         VALUES ($1, $2, $3, NULL, 'pending', '', 1)",
    )
    .bind(id)
    .bind(now)
    .bind(staff_id)
    .execute(&mut *tx)
    .await?;
    if let Source::Offline {
        registration: Some(reg),
        ..
    } = source
    {
        let linked = sqlx::query(
            "UPDATE registrations SET opinion_id = $2 WHERE id = $1 AND opinion_id IS NULL",
        )
        .bind(reg)
        .bind(id)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if linked == 0 {
            return Err(SubmitError::AlreadyEntered);
        }
    }
    if let Some(staff_id) = staff_id {
        audit::record(
            &mut tx,
            Some(staff_id),
            "opinion.enter_offline",
            "opinion",
            Some(id),
            &code,
        )
        .await?;
    }
    tx.commit().await?;
    Ok(Receipt {
        id,
        code,
        access_key,
        repeated: false,
    })
}

#[derive(sqlx::FromRow)]
struct TrackRow {
    id: i64,
    tracking_code: String,
    access_key: String,
    solicitation_id: i64,
    solicitation_title: String,
    target_label: String,
    content: String,
    suggestion: String,
    reason: String,
    channel: String,
    received_on: String,
    status: String,
    created_at: i64,
    reject_reason: String,
    merged_into_code: Option<String>,
    target: String,
    draft_version_id: i64,
}

const TRACK_COLS: &str = "o.id, o.tracking_code, o.access_key, o.solicitation_id, \
     s.title AS solicitation_title, o.target_label, o.content, o.suggestion, o.reason, o.channel, \
     o.received_on, o.status, o.created_at, o.reject_reason, m.tracking_code AS merged_into_code, \
     o.target, COALESCE(o.draft_version_id, 0) AS draft_version_id";
const TRACK_FROM: &str = "FROM opinions o JOIN solicitations s ON s.id = o.solicitation_id \
     LEFT JOIN opinions m ON m.id = o.merged_into";

async fn timeline(
    db: &Db,
    opinion_id: i64,
    everything: bool,
) -> Result<Vec<TimelineEntry>, sqlx::Error> {
    let rows: Vec<(i64, String, String)> = sqlx::query_as(
        "SELECT at, to_status, note FROM opinion_events WHERE opinion_id = $1 \
         AND (visible = 1 OR $2 = 1) ORDER BY at, id",
    )
    .bind(opinion_id)
    .bind(everything as i64)
    .fetch_all(&db.pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(at, status, note)| TimelineEntry {
            at,
            status: OpinionStatus::from_code(&status).unwrap_or(OpinionStatus::Pending),
            note,
        })
        .collect())
}

/// The version an opinion was given on and what became of its article in every later one.
async fn trail_of(db: &Db, r: &TrackRow) -> Result<Trail, sqlx::Error> {
    use crate::domain::trail::{article_text, Carried, EnactedArticle};
    if r.draft_version_id == 0 {
        return Ok((String::new(), Vec::new(), None));
    }
    let lineage = super::trail::lineage(db, r.solicitation_id).await?;
    let label = lineage
        .label(r.draft_version_id)
        .unwrap_or_default()
        .to_string();
    let article = crate::domain::trail::is_article(&r.target);
    let hops = if article {
        lineage.hops(r.draft_version_id, &r.target)
    } else {
        Vec::new()
    };
    // Once the enacted text is the current version: the article then and as enacted.
    let current = super::solicitations::draft(db, r.solicitation_id, None).await?;
    let enacted = match current {
        Some(cur) if article && cur.info.id != r.draft_version_id => match cur.info.enacted {
            Some(enactment) => {
                let then =
                    super::solicitations::draft(db, r.solicitation_id, Some(r.draft_version_id))
                        .await?
                        .and_then(|d| article_text(&d.parsed, &r.target));
                then.map(|(then_label, then_text)| {
                    let now = match lineage.carry(r.draft_version_id, &r.target, cur.info.id) {
                        Carried::Same => article_text(&cur.parsed, &r.target),
                        Carried::To(a) => article_text(&cur.parsed, &a.anchor),
                        Carried::Gone => None,
                    };
                    EnactedArticle {
                        version_label: cur.info.label.clone(),
                        enactment,
                        then_version: label.clone(),
                        diff: now
                            .as_ref()
                            .map(|(_, t)| crate::domain::diff::chars(&then_text, t))
                            .unwrap_or_default(),
                        now_label: now.map(|(l, _)| l),
                        then_label,
                        then_text,
                    }
                })
            }
            None => None,
        },
        _ => None,
    };
    Ok((label, hops, enacted))
}

/// The version an opinion was given on, what became of its article in later versions, and
/// (once enacted) the article then and as enacted.
type Trail = (
    String,
    Vec<crate::domain::trail::Hop>,
    Option<crate::domain::trail::EnactedArticle>,
);

fn track_view(r: TrackRow, timeline: Vec<TimelineEntry>) -> TrackView {
    TrackView {
        version_label: String::new(),
        trail: Vec::new(),
        enacted: None,
        code: r.tracking_code,
        solicitation_id: r.solicitation_id,
        solicitation_title: r.solicitation_title,
        target_label: r.target_label,
        content: r.content,
        suggestion: r.suggestion,
        reason: r.reason,
        channel: Channel::from_code(&r.channel).unwrap_or(Channel::Online),
        received_on: r.received_on,
        status: OpinionStatus::from_code(&r.status).unwrap_or(OpinionStatus::Pending),
        created_at: r.created_at,
        timeline,
        reject_reason: crate::domain::moderation::RejectReason::from_code(&r.reject_reason),
        merged_into: r.merged_into_code,
        merged_outcome: None,
    }
}

/// Equal strings, compared in time that does not depend on where they differ.
fn same_secret(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

/// Writes the audit entry of `viewer` seeing the name and number of opinion `id`.
pub async fn record_contact_view(db: &Db, id: i64, viewer: i64) -> Result<(), sqlx::Error> {
    let code: Option<String> =
        sqlx::query_scalar("SELECT tracking_code FROM opinions WHERE id = $1")
            .bind(id)
            .fetch_optional(&db.pool)
            .await?;
    let mut conn = db.pool.acquire().await?;
    super::audit::record(
        &mut conn,
        Some(viewer),
        "opinion.view_contact",
        "opinion",
        Some(id),
        &code.unwrap_or_default(),
    )
    .await
}

/// The status page of the opinion with `code`, if `key` is its secret. Every failure is `None`.
pub async fn track(db: &Db, code: &str, key: &str) -> Result<Option<TrackView>, sqlx::Error> {
    let row: Option<TrackRow> = sqlx::query_as(&format!(
        "SELECT {TRACK_COLS} {TRACK_FROM} WHERE o.tracking_code = $1"
    ))
    .bind(code)
    .fetch_optional(&db.pool)
    .await?;
    match row {
        Some(r) if same_secret(&r.access_key, key) => {
            let events = timeline(db, r.id, false).await?;
            let merged = match &r.merged_into_code {
                Some(code) => merged_outcome(db, code).await?,
                None => None,
            };
            let (label, hops, enacted) = trail_of(db, &r).await?;
            let mut view = track_view(r, events);
            view.merged_outcome = merged;
            view.version_label = label;
            view.trail = hops;
            view.enacted = enacted;
            Ok(Some(view))
        }
        _ => Ok(None),
    }
}

/// The latest event a resident may see of the opinion with `code`, if it was reported or
/// answered: what a merged opinion's author learns of the one theirs joined.
async fn merged_outcome(db: &Db, code: &str) -> Result<Option<TimelineEntry>, sqlx::Error> {
    let row: Option<(i64, String, String)> = sqlx::query_as(
        "SELECT e.at, e.to_status, e.note FROM opinion_events e JOIN opinions m ON m.id = e.opinion_id \
         WHERE m.tracking_code = $1 AND e.visible = 1 ORDER BY e.at DESC, e.id DESC LIMIT 1",
    )
    .bind(code)
    .fetch_optional(&db.pool)
    .await?;
    Ok(row
        .and_then(|(at, status, note)| {
            OpinionStatus::from_code(&status).map(|status| TimelineEntry { at, status, note })
        })
        .filter(|e| {
            matches!(
                e.status,
                OpinionStatus::Reported
                    | OpinionStatus::Adopted
                    | OpinionStatus::PartiallyAdopted
                    | OpinionStatus::NotAdopted
            )
        }))
}

/// The secret of the opinion with `code` if `phone` is the number given with it.
pub async fn key_by_phone(db: &Db, code: &str, phone: &str) -> Result<Option<String>, sqlx::Error> {
    let row: Option<(String, String)> =
        sqlx::query_as("SELECT access_key, phone FROM opinions WHERE tracking_code = $1")
            .bind(code)
            .fetch_optional(&db.pool)
            .await?;
    Ok(row
        .filter(|(_, p)| !p.is_empty() && same_secret(p, phone))
        .map(|(k, _)| k))
}

#[derive(sqlx::FromRow)]
struct ContactRow {
    #[sqlx(flatten)]
    track: TrackRow,
    name: String,
    phone: String,
    street: String,
    community: String,
    identity: String,
    publish_ok: i64,
    privacy_version: String,
    entered_by: Option<String>,
}

/// One opinion for staff member `viewer_id`: with `personal`, with its submitter's name and
/// number (and, with `audit`, an audit entry of who saw them, when); without, those masked. The
/// similar opinions are left for the caller ([`similar_candidates`], [`rank_similar`]).
pub async fn detail(
    db: &Db,
    id: i64,
    viewer_id: i64,
    personal: bool,
    audit: bool,
) -> Result<Option<OpinionDetail>, sqlx::Error> {
    // The track columns, then the contact columns, of one row.
    let c: Option<ContactRow> = sqlx::query_as(&format!(
        "SELECT {TRACK_COLS}, o.name, o.phone, o.street, o.community, o.identity, o.publish_ok, \
         o.privacy_version, a.display_name AS entered_by {TRACK_FROM} \
         LEFT JOIN accounts a ON a.id = o.entered_by WHERE o.id = $1"
    ))
    .bind(id)
    .fetch_optional(&db.pool)
    .await?;
    let Some(ContactRow {
        track: row,
        name,
        phone,
        street,
        community,
        identity,
        publish_ok,
        privacy_version,
        entered_by,
    }) = c
    else {
        return Ok(None);
    };
    let (name, phone) = if personal {
        (name, phone)
    } else {
        (
            crate::domain::opinion::mask_name(&name),
            crate::domain::opinion::mask_phone(&phone),
        )
    };
    if audit && personal {
        let mut conn = db.pool.acquire().await?;
        super::audit::record(
            &mut conn,
            Some(viewer_id),
            "opinion.view_contact",
            "opinion",
            Some(id),
            &row.tracking_code,
        )
        .await?;
    }
    let access_key = row.access_key.clone();
    let events = timeline(db, row.id, true).await?;
    let (label, hops, enacted) = trail_of(db, &row).await?;
    let mut track = track_view(row, events);
    track.version_label = label;
    track.trail = hops;
    track.enacted = enacted;
    Ok(Some(OpinionDetail {
        id,
        track,
        access_key,
        name,
        phone,
        street,
        community,
        identity: Identity::from_code(&identity).unwrap_or(Identity::Other),
        publish_ok: publish_ok != 0,
        privacy_version,
        entered_by,
        personal_hidden: !personal,
        similar: Vec::new(),
    }))
}

/// Another opinion that may resemble the one staff look at: its id, code, text and status.
pub type Candidate = (i64, String, String, String);

/// The opinions to compare opinion `id` with: the newest 5,000 others of its solicitation that a
/// viewer limited to `station` may see (all, for the district office), each by its first 600
/// characters (enough to tell a copy, and a bounded load per view).
pub async fn similar_candidates(
    db: &Db,
    id: i64,
    solicitation_id: i64,
    station: Option<i64>,
) -> Result<Vec<Candidate>, sqlx::Error> {
    sqlx::query_as(
        "SELECT id, tracking_code, SUBSTR(content, 1, 600), status FROM opinions \
         WHERE solicitation_id = $1 AND id <> $2 AND ($3 < 0 OR station_id = $3) \
         ORDER BY id DESC LIMIT 5000",
    )
    .bind(solicitation_id)
    .bind(id)
    .bind(station.unwrap_or(-1))
    .fetch_all(&db.pool)
    .await
}

/// Of `candidates`, those whose text is at least 50% similar to `content`, most similar first, at
/// most five. CPU-bound: run it off the async workers.
pub fn rank_similar(content: &str, candidates: Vec<Candidate>) -> Vec<SimilarOpinion> {
    use crate::domain::similarity::{jaccard, shingles};
    // Compared as the candidates are: by the first 600 characters.
    let mine = shingles(&content.chars().take(600).collect::<String>());
    let mut found: Vec<SimilarOpinion> = candidates
        .into_iter()
        .filter_map(|(oid, code, text, status)| {
            let s = jaccard(&mine, &shingles(&text));
            (s >= 0.5).then(|| SimilarOpinion {
                id: oid,
                code,
                excerpt: text.chars().take(60).collect(),
                status: OpinionStatus::from_code(&status).unwrap_or(OpinionStatus::Pending),
                percent: (s * 100.0).round() as u8,
            })
        })
        .collect();
    found.sort_by(|a, b| b.percent.cmp(&a.percent).then(b.id.cmp(&a.id)));
    found.truncate(5);
    found
}

/// Why a status change did not happen.
#[derive(Debug)]
pub enum TransitionError {
    NotFound,
    /// The lifecycle does not lead from the opinion's status to the one asked for.
    NotAllowed {
        from: OpinionStatus,
    },
    /// The opinion was no longer in the status the person saw (someone else acted first).
    Changed {
        now: OpinionStatus,
    },
    Db(sqlx::Error),
}

impl From<sqlx::Error> for TransitionError {
    fn from(e: sqlx::Error) -> Self {
        TransitionError::Db(e)
    }
}

/// Moves an opinion to status `to` and records the event, in one transaction. With `expected`,
/// the change happens only if the opinion is still in that status, so that of two people acting
/// on it at once one wins and the other is told. `visible` says whether the resident sees the
/// event (and its note) on their timeline.
///
/// This sets any step of the lifecycle directly and queues no notification: it builds the demo
/// content. What staff do goes through [`super::moderation::apply`] and
/// [`super::reports::mark_sent`], which also notify the resident.
#[allow(clippy::too_many_arguments)]
pub async fn transition(
    db: &Db,
    id: i64,
    actor_id: Option<i64>,
    expected: Option<OpinionStatus>,
    to: OpinionStatus,
    note: &str,
    visible: bool,
    merged_into: Option<i64>,
) -> Result<(), TransitionError> {
    let now = now_ms();
    let mut tx = db.begin_write().await?;
    // Touching the row first takes its lock (the write lock on SQLite) and reads the status it
    // had, so that a concurrent change waits for this one and then sees its result.
    let from: Option<String> =
        sqlx::query_scalar("UPDATE opinions SET updated_at = $2 WHERE id = $1 RETURNING status")
            .bind(id)
            .bind(now)
            .fetch_optional(&mut *tx)
            .await?;
    let Some(from) = from.as_deref().and_then(OpinionStatus::from_code) else {
        return Err(TransitionError::NotFound);
    };
    if expected.is_some_and(|e| e != from) {
        return Err(TransitionError::Changed { now: from });
    }
    if !from.can_move_to(to) {
        return Err(TransitionError::NotAllowed { from });
    }
    sqlx::query(
        "UPDATE opinions SET status = $2, merged_into = COALESCE($3, merged_into) WHERE id = $1",
    )
    .bind(id)
    .bind(to.code())
    .bind(merged_into)
    .execute(&mut *tx)
    .await?;
    sqlx::query(
        "INSERT INTO opinion_events (opinion_id, at, actor_id, from_status, to_status, note, visible) \
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(id)
    .bind(now)
    .bind(actor_id)
    .bind(from.code())
    .bind(to.code())
    .bind(note)
    .bind(visible as i64)
    .execute(&mut *tx)
    .await?;
    if let Some(actor) = actor_id {
        audit::record(
            &mut tx,
            Some(actor),
            "opinion.transition",
            "opinion",
            Some(id),
            to.code(),
        )
        .await?;
    }
    tx.commit().await?;
    Ok(())
}
