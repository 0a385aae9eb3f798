//! Consultation sessions and registrations. A registration takes a place only while it holds the
//! session's row lock (PostgreSQL) or the database's write lock (SQLite), so that places are never
//! given out twice; a freed place goes to the longest-waiting person on the waitlist in the same
//! transaction. Messages about a session (cancelled, place freed, reminder) go to the outbox.

use super::{audit, now_ms, rate, Db};
use crate::domain::consultation::{
    reg_phase, Consultation, ConsultationSummary, Kind, NewConsultation, NewRegistration, RegPhase,
    RegStatus, RegistrationRow, RegistrationView, Status,
};
use crate::domain::time::clock_time;
use sqlx::AnyConnection;

const SUMMARY_COLS: &str = "c.id, c.kind, c.title, c.topic, c.station_id, \
     COALESCE(st.name, '') AS station_name, c.address, c.online_url, c.starts_at, c.ends_at, \
     c.capacity, \
     (SELECT COUNT(*) FROM registrations r WHERE r.consultation_id = c.id AND r.status IN ('confirmed', 'attended', 'absent')) AS taken, \
     (SELECT COUNT(*) FROM registrations r WHERE r.consultation_id = c.id AND r.status = 'waitlisted') AS waitlisted, \
     c.reg_opens_at, c.reg_closes_at, c.status";
const SUMMARY_FROM: &str = "FROM consultations c LEFT JOIN stations st ON st.id = c.station_id";

#[derive(sqlx::FromRow)]
struct SummaryRow {
    id: i64,
    kind: String,
    title: String,
    topic: String,
    station_id: Option<i64>,
    station_name: String,
    address: String,
    online_url: String,
    starts_at: i64,
    ends_at: i64,
    capacity: i64,
    taken: i64,
    waitlisted: i64,
    reg_opens_at: i64,
    reg_closes_at: i64,
    status: String,
}

impl From<SummaryRow> for ConsultationSummary {
    fn from(r: SummaryRow) -> Self {
        ConsultationSummary {
            id: r.id,
            kind: Kind::from_code(&r.kind).unwrap_or(Kind::Forum),
            title: r.title,
            topic: r.topic,
            station_id: r.station_id,
            station_name: r.station_name,
            address: r.address,
            online_url: r.online_url,
            starts_at: r.starts_at,
            ends_at: r.ends_at,
            capacity: r.capacity,
            taken: r.taken,
            waitlisted: r.waitlisted,
            reg_opens_at: r.reg_opens_at,
            reg_closes_at: r.reg_closes_at,
            status: Status::from_code(&r.status).unwrap_or(Status::Draft),
        }
    }
}

/// What the public list may be narrowed to.
#[derive(Debug, Clone, Default)]
pub struct ListFilter {
    pub kind: Option<Kind>,
    pub station: Option<i64>,
    /// `[from, to)` in UTC milliseconds: one month.
    pub range: Option<(i64, i64)>,
}

/// Published, cancelled and completed sessions: those still to come (or under way) first, soonest
/// first, then past ones, latest first.
pub async fn list_public(
    db: &Db,
    f: &ListFilter,
    now: i64,
) -> Result<Vec<ConsultationSummary>, sqlx::Error> {
    let (from, to) = f.range.unwrap_or((i64::MIN / 2, i64::MAX / 2));
    let rows: Vec<SummaryRow> = sqlx::query_as(&format!(
        "SELECT {SUMMARY_COLS} {SUMMARY_FROM} WHERE c.status <> 'draft' \
         AND ($1 = '' OR c.kind = $1) AND ($2 = 0 OR c.station_id = $2) \
         AND c.starts_at >= $3 AND c.starts_at < $4 \
         ORDER BY CASE WHEN c.ends_at >= $5 THEN 0 ELSE 1 END, \
         CASE WHEN c.ends_at >= $5 THEN c.starts_at ELSE -c.starts_at END, c.id LIMIT 200"
    ))
    .bind(f.kind.map(|k| k.code()).unwrap_or(""))
    .bind(f.station.unwrap_or(0))
    .bind(from)
    .bind(to)
    .bind(now)
    .fetch_all(&db.pool)
    .await?;
    Ok(rows.into_iter().map(Into::into).collect())
}

/// Sessions the public may see (all but drafts), newest first by id, from the one before
/// session `before` (none: from the newest): for the open API's cursor.
pub async fn public_page(
    db: &Db,
    before: Option<i64>,
    limit: i64,
) -> Result<Vec<ConsultationSummary>, sqlx::Error> {
    let rows: Vec<SummaryRow> = sqlx::query_as(&format!(
        "SELECT {SUMMARY_COLS} {SUMMARY_FROM} WHERE c.status <> 'draft' AND c.id < $1 \
         ORDER BY c.id DESC LIMIT $2"
    ))
    .bind(before.unwrap_or(i64::MAX))
    .bind(limit)
    .fetch_all(&db.pool)
    .await?;
    Ok(rows.into_iter().map(Into::into).collect())
}

/// Every session within `station` (all when `None`), drafts included, latest first.
pub async fn list_all(
    db: &Db,
    station: Option<i64>,
) -> Result<Vec<ConsultationSummary>, sqlx::Error> {
    let rows: Vec<SummaryRow> = sqlx::query_as(&format!(
        "SELECT {SUMMARY_COLS} {SUMMARY_FROM} WHERE ($1 = 0 OR c.station_id = $1) \
         ORDER BY c.starts_at DESC, c.id DESC LIMIT 500"
    ))
    .bind(station.unwrap_or(0))
    .fetch_all(&db.pool)
    .await?;
    Ok(rows.into_iter().map(Into::into).collect())
}

/// Sessions for the calendar feed (published, completed and cancelled, from 90 days ago on),
/// each with its last change, in one query.
pub async fn feed(db: &Db, now: i64) -> Result<Vec<(ConsultationSummary, i64)>, sqlx::Error> {
    #[derive(sqlx::FromRow)]
    struct FeedRow {
        #[sqlx(flatten)]
        summary: SummaryRow,
        updated_at: i64,
    }
    let rows: Vec<FeedRow> = sqlx::query_as(&format!(
        "SELECT {SUMMARY_COLS}, c.updated_at {SUMMARY_FROM} \
         WHERE c.status IN ('published', 'completed', 'cancelled') AND c.ends_at >= $1 \
         ORDER BY c.starts_at LIMIT 500"
    ))
    .bind(now - 90 * crate::domain::time::DAY_MS)
    .fetch_all(&db.pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| (r.summary.into(), r.updated_at))
        .collect())
}

#[derive(sqlx::FromRow)]
struct DetailRow {
    description_md: String,
    description_html: String,
    solicitation_id: Option<i64>,
    solicitation_title: Option<String>,
    cancel_reason: String,
    minutes_md: String,
    minutes_html: String,
    outcomes_md: String,
    outcomes_html: String,
    updated_at: i64,
}

/// Session `id`, or `None`.
pub async fn get(db: &Db, id: i64) -> Result<Option<Consultation>, sqlx::Error> {
    let summary: Option<SummaryRow> = sqlx::query_as(&format!(
        "SELECT {SUMMARY_COLS} {SUMMARY_FROM} WHERE c.id = $1"
    ))
    .bind(id)
    .fetch_optional(&db.pool)
    .await?;
    let Some(summary) = summary else {
        return Ok(None);
    };
    let d: DetailRow = sqlx::query_as(
        "SELECT c.description_md, c.description_html, c.solicitation_id, s.title AS solicitation_title, \
         c.cancel_reason, c.minutes_md, c.minutes_html, c.outcomes_md, c.outcomes_html, c.updated_at \
         FROM consultations c LEFT JOIN solicitations s ON s.id = c.solicitation_id \
         AND s.status <> 'draft' WHERE c.id = $1",
    )
    .bind(id)
    .fetch_one(&db.pool)
    .await?;
    Ok(Some(Consultation {
        summary: summary.into(),
        description_md: d.description_md,
        description_html: d.description_html,
        // A link to a solicitation not yet published is not shown.
        solicitation_id: d.solicitation_id.filter(|_| d.solicitation_title.is_some()),
        solicitation_title: d.solicitation_title.unwrap_or_default(),
        cancel_reason: d.cancel_reason,
        minutes_md: d.minutes_md,
        minutes_html: d.minutes_html,
        outcomes_md: d.outcomes_md,
        outcomes_html: d.outcomes_html,
        updated_at: d.updated_at,
    }))
}

/// The station of session `id` (`Some(None)` for a district session), or `None` if there is none.
pub async fn station_of(db: &Db, id: i64) -> Result<Option<Option<i64>>, sqlx::Error> {
    let row: Option<(Option<i64>,)> =
        sqlx::query_as("SELECT station_id FROM consultations WHERE id = $1")
            .bind(id)
            .fetch_optional(&db.pool)
            .await?;
    Ok(row.map(|r| r.0))
}

/// Ids and titles of solicitations a session may be linked to (all but drafts), newest first.
pub async fn solicitation_options(db: &Db) -> Result<Vec<(i64, String)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT id, title FROM solicitations WHERE status <> 'draft' ORDER BY id DESC LIMIT 200",
    )
    .fetch_all(&db.pool)
    .await
}

/// Takes the lock that every change to a session's places holds: the session's row on
/// PostgreSQL, the database's write lock on SQLite.
async fn lock(tx: &mut AnyConnection, id: i64) -> Result<bool, sqlx::Error> {
    Ok(
        sqlx::query("UPDATE consultations SET updated_at = updated_at WHERE id = $1")
            .bind(id)
            .execute(&mut *tx)
            .await?
            .rows_affected()
            > 0,
    )
}

/// Creates a session and returns its id; writes an audit entry.
pub async fn create(
    db: &Db,
    c: &NewConsultation,
    description_html: &str,
    staff_id: i64,
) -> Result<i64, sqlx::Error> {
    let now = now_ms();
    let mut tx = db.begin_write().await?;
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO consultations (kind, title, topic, description_md, description_html, station_id, \
         address, online_url, starts_at, ends_at, capacity, reg_opens_at, reg_closes_at, \
         solicitation_id, status, created_by, updated_by, created_at, updated_at) VALUES ($1, $2, \
         $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $16, $17, $17) RETURNING id",
    )
    .bind(c.kind.code())
    .bind(&c.title)
    .bind(&c.topic)
    .bind(&c.description_md)
    .bind(description_html)
    .bind(c.station_id)
    .bind(&c.address)
    .bind(&c.online_url)
    .bind(c.starts_at)
    .bind(c.ends_at)
    .bind(c.capacity)
    .bind(c.reg_opens_at)
    .bind(c.reg_closes_at)
    .bind(c.solicitation_id)
    .bind(c.status.code())
    .bind(staff_id)
    .bind(now)
    .fetch_one(&mut *tx)
    .await?;
    audit::record(
        &mut tx,
        Some(staff_id),
        "consultation.create",
        "consultation",
        Some(id),
        &c.title,
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

/// Why a session was not updated.
#[derive(Debug)]
pub enum UpdateError {
    NotFound,
    /// Someone saved the session after the editor was opened.
    Changed,
    /// The new capacity is below the places already confirmed.
    CapacityBelowTaken(i64),
    Db(sqlx::Error),
}

impl From<sqlx::Error> for UpdateError {
    fn from(e: sqlx::Error) -> Self {
        UpdateError::Db(e)
    }
}

/// Saves session `id` as edited from version `version` (its `updated_at`). A larger capacity
/// gives waitlisted people their places; cancelling tells everyone registered. Writes an audit
/// entry.
pub async fn update(
    db: &Db,
    id: i64,
    version: i64,
    c: &NewConsultation,
    description_html: &str,
    cancel_reason: &str,
    staff_id: i64,
) -> Result<(), UpdateError> {
    let now = now_ms();
    let mut tx = db.begin_write().await?;
    if !lock(&mut tx, id).await? {
        return Err(UpdateError::NotFound);
    }
    let (old_status, updated_at, old_start, old_end, old_address, old_link): (
        String,
        i64,
        i64,
        i64,
        String,
        String,
    ) = sqlx::query_as(
        "SELECT status, updated_at, starts_at, ends_at, address, online_url FROM consultations WHERE id = $1",
    )
    .bind(id)
    .fetch_one(&mut *tx)
    .await?;
    if updated_at != version {
        return Err(UpdateError::Changed);
    }
    let taken = taken(&mut tx, id).await?;
    if c.capacity < taken {
        return Err(UpdateError::CapacityBelowTaken(taken));
    }
    sqlx::query(
        "UPDATE consultations SET kind = $2, title = $3, topic = $4, description_md = $5, \
         description_html = $6, station_id = $7, address = $8, online_url = $9, starts_at = $10, \
         ends_at = $11, capacity = $12, reg_opens_at = $13, reg_closes_at = $14, \
         solicitation_id = $15, status = $16, cancel_reason = $17, updated_by = $18, \
         updated_at = $19 WHERE id = $1",
    )
    .bind(id)
    .bind(c.kind.code())
    .bind(&c.title)
    .bind(&c.topic)
    .bind(&c.description_md)
    .bind(description_html)
    .bind(c.station_id)
    .bind(&c.address)
    .bind(&c.online_url)
    .bind(c.starts_at)
    .bind(c.ends_at)
    .bind(c.capacity)
    .bind(c.reg_opens_at)
    .bind(c.reg_closes_at)
    .bind(c.solicitation_id)
    .bind(c.status.code())
    .bind(cancel_reason)
    .bind(staff_id)
    // A save within the same millisecond as the last one must still change the version.
    .bind(now.max(version + 1))
    .execute(&mut *tx)
    .await?;
    let t = crate::i18n::t();
    let moved = (old_start, old_end, old_address.as_str(), old_link.as_str())
        != (
            c.starts_at,
            c.ends_at,
            c.address.as_str(),
            c.online_url.as_str(),
        );
    if c.status == Status::Cancelled && old_status != Status::Cancelled.code() {
        let body =
            (t.cs.msg_cancelled_body)(&c.title, &crate::i18n::datetime(c.starts_at), cancel_reason);
        tell_all(
            &mut tx,
            id,
            "session_cancelled",
            t.cs.msg_cancelled_subject,
            &body,
            now,
        )
        .await?;
    } else if c.status == Status::Published {
        if moved && old_status == Status::Published.code() {
            let place = if c.address.is_empty() {
                &c.online_url
            } else {
                &c.address
            };
            let when = format!(
                "{}–{}",
                crate::i18n::datetime(c.starts_at),
                clock_time(c.ends_at)
            );
            let body = (t.cs.msg_changed_body)(&c.title, &when, place);
            tell_all(
                &mut tx,
                id,
                "session_changed",
                t.cs.msg_changed_subject,
                &body,
                now,
            )
            .await?;
        }
        promote(&mut tx, id, now).await?;
    }
    audit::record(
        &mut tx,
        Some(staff_id),
        "consultation.update",
        "consultation",
        Some(id),
        &c.title,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Saves the minutes (纪要) and outcomes (协商成果) of session `id`; writes an audit entry.
pub async fn save_record(
    db: &Db,
    id: i64,
    minutes: (&str, &str),
    outcomes: (&str, &str),
    staff_id: i64,
) -> Result<bool, sqlx::Error> {
    let mut tx = db.begin_write().await?;
    let n = sqlx::query(
        "UPDATE consultations SET minutes_md = $2, minutes_html = $3, outcomes_md = $4, \
         outcomes_html = $5, updated_by = $6, updated_at = $7 WHERE id = $1",
    )
    .bind(id)
    .bind(minutes.0)
    .bind(minutes.1)
    .bind(outcomes.0)
    .bind(outcomes.1)
    .bind(staff_id)
    .bind(now_ms())
    .execute(&mut *tx)
    .await?
    .rows_affected();
    if n > 0 {
        audit::record(
            &mut tx,
            Some(staff_id),
            "consultation.record",
            "consultation",
            Some(id),
            "",
        )
        .await?;
    }
    tx.commit().await?;
    Ok(n > 0)
}

async fn taken(tx: &mut AnyConnection, id: i64) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT COUNT(*) FROM registrations WHERE consultation_id = $1 \
         AND status IN ('confirmed', 'attended', 'absent')",
    )
    .bind(id)
    .fetch_one(&mut *tx)
    .await
}

/// A stored registration: what the receipt shows.
#[derive(Debug, Clone, PartialEq)]
pub struct RegReceipt {
    pub code: String,
    pub access_key: String,
    pub status: RegStatus,
}

/// Why a registration was not stored.
#[derive(Debug)]
pub enum RegisterError {
    NoSuchSession,
    /// Registration is not open; the phase and the window.
    NotOpen {
        phase: RegPhase,
        opens_at: i64,
        closes_at: i64,
    },
    /// The number already holds a place or a waitlist spot.
    Duplicate,
    RateLimited,
    Db(sqlx::Error),
}

impl From<sqlx::Error> for RegisterError {
    fn from(e: sqlx::Error) -> Self {
        RegisterError::Db(e)
    }
}

/// How a registration arrives: from the resident's form (limited per address, idempotent per
/// form and content), or from staff at the desk.
#[derive(Debug, Clone)]
pub struct RegSource {
    /// The random key of the form that was posted.
    pub submit_key: Option<String>,
    /// The rate-limit bucket and its hourly limit; `None` for staff.
    pub limit: Option<(String, i64)>,
}

/// Registers `r` for session `id`: a confirmed place while places are left, else a waitlist spot.
/// The same form posted again with the same content by the same person (see
/// [`super::submission_key`]) gives the first registration; anyone else under the same key is a
/// registration of their own.
pub async fn register(
    db: &Db,
    id: i64,
    r: &NewRegistration,
    source: &RegSource,
) -> Result<RegReceipt, RegisterError> {
    let source = RegSource {
        submit_key: source
            .submit_key
            .as_deref()
            .and_then(|k| super::submission_key(k, id, r)),
        limit: source.limit.clone(),
    };
    if let Some(key) = &source.submit_key {
        if let Some(receipt) = by_submit_key(&mut *db.pool.acquire().await?, key).await? {
            return Ok(receipt);
        }
    }
    for _ in 0..5 {
        match try_register(db, id, r, &source).await {
            Err(RegisterError::Db(e)) if super::is_unique_violation(&e) => {
                if let Some(key) = &source.submit_key {
                    if let Some(receipt) =
                        by_submit_key(&mut *db.pool.acquire().await?, key).await?
                    {
                        return Ok(receipt);
                    }
                }
            }
            other => return other,
        }
    }
    Err(RegisterError::Db(sqlx::Error::Protocol(
        "no free registration code after 5 tries".into(),
    )))
}

async fn by_submit_key(
    conn: &mut AnyConnection,
    key: &str,
) -> Result<Option<RegReceipt>, sqlx::Error> {
    let row: Option<(String, String, String)> =
        sqlx::query_as("SELECT code, access_key, status FROM registrations WHERE submit_key = $1")
            .bind(key)
            .fetch_optional(&mut *conn)
            .await?;
    Ok(row.map(|(code, access_key, status)| RegReceipt {
        code,
        access_key,
        status: RegStatus::from_code(&status).unwrap_or(RegStatus::Confirmed),
    }))
}

async fn try_register(
    db: &Db,
    id: i64,
    r: &NewRegistration,
    source: &RegSource,
) -> Result<RegReceipt, RegisterError> {
    let now = now_ms();
    let mut tx = db.begin_write().await?;
    if let Some((bucket, per_hour)) = &source.limit {
        if rate::hit(&mut tx, bucket, 3_600_000).await? > *per_hour {
            return Err(RegisterError::RateLimited);
        }
    }
    if !lock(&mut tx, id).await? {
        return Err(RegisterError::NoSuchSession);
    }
    let (status, opens_at, closes_at, capacity): (String, i64, i64, i64) = sqlx::query_as(
        "SELECT status, reg_opens_at, reg_closes_at, capacity FROM consultations WHERE id = $1",
    )
    .bind(id)
    .fetch_one(&mut *tx)
    .await?;
    let status = Status::from_code(&status).unwrap_or(Status::Draft);
    let phase = reg_phase(status, opens_at, closes_at, now);
    // Staff at the desk may register someone after the window closed, not for a cancelled or
    // unpublished session.
    let staff = source.limit.is_none();
    let allowed = phase == RegPhase::Open
        || (staff && phase == RegPhase::Closed && status == Status::Published);
    if !allowed {
        return Err(RegisterError::NotOpen {
            phase,
            opens_at,
            closes_at,
        });
    }
    // A form posted twice at once: the second finds the first's registration here, under the
    // lock, and answers with its receipt rather than "already registered".
    if let Some(key) = &source.submit_key {
        if let Some(first) = by_submit_key(&mut tx, key).await? {
            return Ok(first);
        }
    }
    let held: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM registrations WHERE consultation_id = $1 AND phone = $2 \
         AND status <> 'cancelled'",
    )
    .bind(id)
    .bind(&r.phone)
    .fetch_one(&mut *tx)
    .await?;
    if held > 0 {
        return Err(RegisterError::Duplicate);
    }
    let taken = taken(&mut tx, id).await?;
    let waiting: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM registrations WHERE consultation_id = $1 AND status = 'waitlisted'",
    )
    .bind(id)
    .fetch_one(&mut *tx)
    .await?;
    // Nobody jumps the waitlist: a place goes to a newcomer only when nobody waits.
    let status = if taken < capacity && waiting == 0 {
        RegStatus::Confirmed
    } else {
        RegStatus::Waitlisted
    };
    let code = new_code("BM", now);
    let access_key = super::opinions::new_access_key();
    sqlx::query(
        "INSERT INTO registrations (consultation_id, code, access_key, submit_key, name, phone, \
         organisation, questions, email, status, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11)",
    )
    .bind(id)
    .bind(&code)
    .bind(&access_key)
    .bind(&source.submit_key)
    .bind(&r.name)
    .bind(&r.phone)
    .bind(&r.organisation)
    .bind(&r.questions)
    .bind(&r.email)
    .bind(status.code())
    .bind(now)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(RegReceipt {
        code,
        access_key,
        status,
    })
}

/// A new code with `prefix` for this year, `BM-2026-7K3Q9`.
pub fn new_code(prefix: &str, now: i64) -> String {
    let opinion = super::opinions::new_code(now);
    format!("{prefix}{}", &opinion[2..])
}

/// Gives free places to waitlisted people, longest-waiting first, and tells each. Call with the
/// session locked.
async fn promote(tx: &mut AnyConnection, id: i64, now: i64) -> Result<usize, sqlx::Error> {
    let (capacity, title, starts_at): (i64, String, i64) =
        sqlx::query_as("SELECT capacity, title, starts_at FROM consultations WHERE id = $1")
            .bind(id)
            .fetch_one(&mut *tx)
            .await?;
    let free = capacity - taken(tx, id).await?;
    if free <= 0 {
        return Ok(0);
    }
    let next: Vec<i64> = sqlx::query_scalar(
        "SELECT id FROM registrations WHERE consultation_id = $1 AND status = 'waitlisted' \
         ORDER BY id LIMIT $2",
    )
    .bind(id)
    .bind(free)
    .fetch_all(&mut *tx)
    .await?;
    let t = crate::i18n::t();
    for reg in &next {
        sqlx::query("UPDATE registrations SET status = 'confirmed', updated_at = $2 WHERE id = $1")
            .bind(reg)
            .bind(now)
            .execute(&mut *tx)
            .await?;
        let body = (t.cs.msg_promoted_body)(&title, &crate::i18n::datetime(starts_at));
        message(
            tx,
            "session_promoted",
            *reg,
            t.cs.msg_promoted_subject,
            &body,
            now,
        )
        .await?;
    }
    Ok(next.len())
}

/// Queues a message for the holder of registration `reg`, with a link to it.
async fn message(
    tx: &mut AnyConnection,
    kind: &str,
    reg: i64,
    subject: &str,
    body: &str,
    now: i64,
) -> Result<(), sqlx::Error> {
    super::messages::queue(
        tx,
        super::messages::About::Registration(reg),
        kind,
        subject,
        body,
        now,
    )
    .await
}

/// Queues the same message for everyone holding a place in session `id` or waiting for one.
async fn tell_all(
    tx: &mut AnyConnection,
    id: i64,
    kind: &str,
    subject: &str,
    body: &str,
    now: i64,
) -> Result<(), sqlx::Error> {
    let regs: Vec<i64> = sqlx::query_scalar(
        "SELECT id FROM registrations WHERE consultation_id = $1 AND status IN ('confirmed', 'waitlisted')",
    )
    .bind(id)
    .fetch_all(&mut *tx)
    .await?;
    for reg in regs {
        message(tx, kind, reg, subject, body, now).await?;
    }
    Ok(())
}

/// Queues the reminder for every confirmed place in a published session starting within the next
/// day; each registration gets one reminder however often this runs. Returns how many were new.
pub async fn queue_reminders(db: &Db, now: i64) -> Result<u64, sqlx::Error> {
    let rows: Vec<(i64, String, i64, String, String)> = sqlx::query_as(
        "SELECT r.id, c.title, c.starts_at, c.address, c.online_url FROM registrations r \
         JOIN consultations c ON c.id = r.consultation_id \
         WHERE c.status = 'published' AND c.starts_at > $1 AND c.starts_at <= $2 \
         AND r.status = 'confirmed' \
         AND NOT EXISTS (SELECT 1 FROM messages m WHERE m.registration_id = r.id AND m.kind = 'session_reminder') \
         LIMIT 1000",
    )
    .bind(now)
    .bind(now + crate::domain::time::DAY_MS)
    .fetch_all(&db.pool)
    .await?;
    let t = crate::i18n::t();
    let mut n = 0;
    for (reg, title, starts_at, address, link) in rows {
        let place = if address.is_empty() { link } else { address };
        let body = (t.cs.msg_reminder_body)(&title, &crate::i18n::datetime(starts_at), &place);
        let mut conn = db.pool.acquire().await?;
        message(
            &mut conn,
            "session_reminder",
            reg,
            t.cs.msg_reminder_subject,
            &body,
            now,
        )
        .await?;
        n += 1;
    }
    Ok(n)
}

#[derive(sqlx::FromRow)]
struct OwnRow {
    id: i64,
    consultation_id: i64,
    code: String,
    status: String,
    name: String,
    organisation: String,
    questions: String,
    created_at: i64,
}

async fn own(db: &Db, code: &str, key: &str) -> Result<Option<OwnRow>, sqlx::Error> {
    let r: Option<OwnRow> = sqlx::query_as(
        "SELECT id, consultation_id, code, status, name, organisation, questions, created_at \
         FROM registrations WHERE code = $1 AND access_key = $2",
    )
    .bind(code)
    .bind(key)
    .fetch_optional(&db.pool)
    .await?;
    Ok(r)
}

/// A resident's registration by its code and the secret of its private link.
pub async fn view(db: &Db, code: &str, key: &str) -> Result<Option<RegistrationView>, sqlx::Error> {
    let Some(r) = own(db, code, key).await? else {
        return Ok(None);
    };
    let status = RegStatus::from_code(&r.status).unwrap_or(RegStatus::Cancelled);
    let waitlist_position = if status == RegStatus::Waitlisted {
        Some(
            sqlx::query_scalar(
                "SELECT COUNT(*) FROM registrations WHERE consultation_id = $1 \
                 AND status = 'waitlisted' AND id <= $2",
            )
            .bind(r.consultation_id)
            .bind(r.id)
            .fetch_one(&db.pool)
            .await?,
        )
    } else {
        None
    };
    let Some(c) = get(db, r.consultation_id).await? else {
        return Ok(None);
    };
    Ok(Some(RegistrationView {
        code: r.code,
        status,
        waitlist_position,
        name: r.name,
        organisation: r.organisation,
        questions: r.questions,
        created_at: r.created_at,
        consultation: c.summary,
    }))
}

/// The secret of registration `code` if `phone` is the number it was made with.
pub async fn key_by_phone(db: &Db, code: &str, phone: &str) -> Result<Option<String>, sqlx::Error> {
    sqlx::query_scalar("SELECT access_key FROM registrations WHERE code = $1 AND phone = $2")
        .bind(code)
        .bind(phone)
        .fetch_optional(&db.pool)
        .await
}

/// What cancelling a registration did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cancelled {
    Done,
    /// It was no longer confirmed or waitlisted (already cancelled, or the session is over).
    NotCancellable,
    NotFound,
}

/// The resident gives up registration `code` (with its secret); a freed place goes to the next
/// person waiting.
pub async fn cancel(db: &Db, code: &str, key: &str) -> Result<Cancelled, sqlx::Error> {
    let Some(r) = own(db, code, key).await? else {
        return Ok(Cancelled::NotFound);
    };
    let now = now_ms();
    let mut tx = db.begin_write().await?;
    lock(&mut tx, r.consultation_id).await?;
    // Once the session has begun, a place is no longer given up (nor handed on).
    let n = sqlx::query(
        "UPDATE registrations SET status = 'cancelled', updated_at = $2 WHERE id = $1 \
         AND status IN ('confirmed', 'waitlisted') \
         AND (SELECT starts_at FROM consultations WHERE id = $3) > $2",
    )
    .bind(r.id)
    .bind(now)
    .bind(r.consultation_id)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    if n == 0 {
        return Ok(Cancelled::NotCancellable);
    }
    let session_status: String =
        sqlx::query_scalar("SELECT status FROM consultations WHERE id = $1")
            .bind(r.consultation_id)
            .fetch_one(&mut *tx)
            .await?;
    if session_status == Status::Published.code() {
        promote(&mut tx, r.consultation_id, now).await?;
    }
    tx.commit().await?;
    Ok(Cancelled::Done)
}

/// Everyone registered for session `id`, in the order they registered.
pub async fn registrations(db: &Db, id: i64) -> Result<Vec<RegistrationRow>, sqlx::Error> {
    sqlx::query_as(
        "SELECT id, code, name, phone, organisation, questions, status, opinion_id, created_at \
         FROM registrations WHERE consultation_id = $1 ORDER BY id",
    )
    .bind(id)
    .fetch_all(&db.pool)
    .await
}

/// One registration of session `id`.
pub async fn registration(
    db: &Db,
    id: i64,
    reg: i64,
) -> Result<Option<RegistrationRow>, sqlx::Error> {
    sqlx::query_as(
        "SELECT id, code, name, phone, organisation, questions, status, opinion_id, created_at \
         FROM registrations WHERE consultation_id = $1 AND id = $2",
    )
    .bind(id)
    .bind(reg)
    .fetch_optional(&db.pool)
    .await
}

/// What checking someone in found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CheckInResult {
    /// Checked in now; the person's name.
    Done(String),
    /// Already checked in before.
    Already(String),
    /// The registration is waitlisted or cancelled: no place to check in to.
    NoPlace(String, RegStatus),
    NotFound,
}

/// Marks the holder of `code` in session `id` as present; writes an audit entry.
pub async fn check_in(
    db: &Db,
    id: i64,
    code: &str,
    staff_id: i64,
) -> Result<CheckInResult, sqlx::Error> {
    let row: Option<(i64, String, String)> = sqlx::query_as(
        "SELECT id, name, status FROM registrations WHERE consultation_id = $1 AND code = $2",
    )
    .bind(id)
    .bind(code)
    .fetch_optional(&db.pool)
    .await?;
    let Some((reg, name, status)) = row else {
        return Ok(CheckInResult::NotFound);
    };
    match RegStatus::from_code(&status).unwrap_or(RegStatus::Cancelled) {
        RegStatus::Attended => Ok(CheckInResult::Already(name)),
        RegStatus::Confirmed | RegStatus::Absent => {
            set_attendance(db, id, reg, true, staff_id).await?;
            Ok(CheckInResult::Done(name))
        }
        s => Ok(CheckInResult::NoPlace(name, s)),
    }
}

/// Records whether the holder of confirmed registration `reg` came; writes an audit entry.
/// Returns whether anything changed.
pub async fn set_attendance(
    db: &Db,
    id: i64,
    reg: i64,
    attended: bool,
    staff_id: i64,
) -> Result<bool, sqlx::Error> {
    let mut tx = db.begin_write().await?;
    let to = if attended { "attended" } else { "absent" };
    let n = sqlx::query(
        "UPDATE registrations SET status = $3, updated_at = $4 WHERE consultation_id = $1 AND id = $2 \
         AND status IN ('confirmed', 'attended', 'absent') AND status <> $3",
    )
    .bind(id)
    .bind(reg)
    .bind(to)
    .bind(now_ms())
    .execute(&mut *tx)
    .await?
    .rows_affected();
    if n > 0 {
        audit::record(
            &mut tx,
            Some(staff_id),
            &format!("registration.{to}"),
            "registration",
            Some(reg),
            "",
        )
        .await?;
    }
    tx.commit().await?;
    Ok(n > 0)
}

/// A registration whose views are to be entered as an opinion on solicitation `solicitation`.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ForOpinion {
    pub id: i64,
    pub code: String,
    pub station_id: Option<i64>,
    pub name: String,
    pub phone: String,
    pub questions: String,
    pub starts_at: i64,
}

/// Registration `reg` if its session is linked to solicitation `solicitation`.
pub async fn for_opinion(
    db: &Db,
    reg: i64,
    solicitation: i64,
) -> Result<Option<ForOpinion>, sqlx::Error> {
    sqlx::query_as(
        "SELECT r.id, r.code, c.station_id, r.name, r.phone, r.questions, c.starts_at FROM registrations r \
         JOIN consultations c ON c.id = r.consultation_id WHERE r.id = $1 AND c.solicitation_id = $2",
    )
    .bind(reg)
    .bind(solicitation)
    .fetch_optional(&db.pool)
    .await
}
