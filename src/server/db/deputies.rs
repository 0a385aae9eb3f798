//! Deputies, their reception slots and residents' appointments (码上约代表). A booking takes a
//! place in a slot only while it holds the slot's row lock (PostgreSQL) or the write lock
//! (SQLite), so a slot never takes more bookings than it has places. Messages about an
//! appointment (confirmed, declined, the outcome, a reminder) go to the residents' outbox.

use super::{audit, now_ms, rate, Db};
use crate::domain::deputy::{
    Appointment, AppointmentStatus, DeclineReason, Deputy, Handling, Level, MeetingSummary,
    NewBooking, NewDeputy, NewSlot, Slot,
};
use sqlx::AnyConnection;

#[derive(sqlx::FromRow)]
struct DeputyRow {
    id: i64,
    name: String,
    level: String,
    constituency: String,
    station_id: Option<i64>,
    station_name: Option<String>,
    intro: String,
    reception_days: String,
    published: i64,
    updated_at: i64,
}

impl From<DeputyRow> for Deputy {
    fn from(r: DeputyRow) -> Self {
        Deputy {
            id: r.id,
            name: r.name,
            level: Level::from_code(&r.level).unwrap_or(Level::District),
            constituency: r.constituency,
            station_id: r.station_id,
            station_name: r.station_name.unwrap_or_default(),
            intro: r.intro,
            reception_days: r.reception_days,
            published: r.published == 1,
            updated_at: r.updated_at,
        }
    }
}

const DEPUTY_COLS: &str = "d.id, d.name, d.level, d.constituency, d.station_id, \
     st.name AS station_name, d.intro, d.reception_days, d.published, d.updated_at \
     FROM deputies d LEFT JOIN stations st ON st.id = d.station_id";

/// Published deputies, national first, then city, then district, by name; narrowed to `level`
/// and `station` when given.
pub async fn list_public(
    db: &Db,
    level: Option<Level>,
    station: Option<i64>,
) -> Result<Vec<Deputy>, sqlx::Error> {
    let rows: Vec<DeputyRow> = sqlx::query_as(&format!(
        "SELECT {DEPUTY_COLS} WHERE d.published = 1 AND ($1 = '' OR d.level = $1) \
         AND ($2 = 0 OR d.station_id = $2) \
         ORDER BY CASE d.level WHEN 'national' THEN 0 WHEN 'city' THEN 1 ELSE 2 END, d.name, d.id"
    ))
    .bind(level.map(|l| l.code()).unwrap_or(""))
    .bind(station.unwrap_or(0))
    .fetch_all(&db.pool)
    .await?;
    Ok(rows.into_iter().map(Into::into).collect())
}

/// Every deputy within `station` (all when `None`), hidden ones included.
pub async fn list_all(db: &Db, station: Option<i64>) -> Result<Vec<Deputy>, sqlx::Error> {
    let rows: Vec<DeputyRow> = sqlx::query_as(&format!(
        "SELECT {DEPUTY_COLS} WHERE ($1 = 0 OR d.station_id = $1) ORDER BY d.name, d.id"
    ))
    .bind(station.unwrap_or(0))
    .fetch_all(&db.pool)
    .await?;
    Ok(rows.into_iter().map(Into::into).collect())
}

pub async fn get(db: &Db, id: i64) -> Result<Option<Deputy>, sqlx::Error> {
    let row: Option<DeputyRow> = sqlx::query_as(&format!("SELECT {DEPUTY_COLS} WHERE d.id = $1"))
        .bind(id)
        .fetch_optional(&db.pool)
        .await?;
    Ok(row.map(Into::into))
}

/// Why a deputy was not saved.
#[derive(Debug)]
pub enum SaveError {
    NotFound,
    Changed,
    Db(sqlx::Error),
}

impl From<sqlx::Error> for SaveError {
    fn from(e: sqlx::Error) -> Self {
        SaveError::Db(e)
    }
}

/// Creates deputy (`id` `None`) or updates deputy `id` as edited from `version`; writes an audit
/// entry and returns the id.
pub async fn save(
    db: &Db,
    id: Option<i64>,
    version: i64,
    d: &NewDeputy,
    staff_id: i64,
) -> Result<i64, SaveError> {
    let now = now_ms();
    let mut tx = db.begin_write().await?;
    let id = match id {
        None => {
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO deputies (name, level, constituency, station_id, intro, reception_days, \
                 published, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8) RETURNING id",
            )
            .bind(&d.name)
            .bind(d.level.code())
            .bind(&d.constituency)
            .bind(d.station_id)
            .bind(&d.intro)
            .bind(&d.reception_days)
            .bind(d.published as i64)
            .bind(now)
            .fetch_one(&mut *tx)
            .await?;
            audit::record(
                &mut tx,
                Some(staff_id),
                "deputy.create",
                "deputy",
                Some(id),
                &d.name,
            )
            .await?;
            id
        }
        Some(id) => {
            let n = sqlx::query(
                "UPDATE deputies SET name = $3, level = $4, constituency = $5, station_id = $6, \
                 intro = $7, reception_days = $8, published = $9, updated_at = $10 \
                 WHERE id = $1 AND updated_at = $2",
            )
            .bind(id)
            .bind(version)
            .bind(&d.name)
            .bind(d.level.code())
            .bind(&d.constituency)
            .bind(d.station_id)
            .bind(&d.intro)
            .bind(&d.reception_days)
            .bind(d.published as i64)
            .bind(now.max(version + 1))
            .execute(&mut *tx)
            .await?
            .rows_affected();
            if n == 0 {
                let exists: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM deputies WHERE id = $1")
                    .bind(id)
                    .fetch_one(&mut *tx)
                    .await?;
                return Err(if exists == 0 {
                    SaveError::NotFound
                } else {
                    SaveError::Changed
                });
            }
            audit::record(
                &mut tx,
                Some(staff_id),
                "deputy.update",
                "deputy",
                Some(id),
                &d.name,
            )
            .await?;
            id
        }
    };
    tx.commit().await?;
    Ok(id)
}

#[derive(sqlx::FromRow)]
struct SlotRow {
    id: i64,
    deputy_id: i64,
    station_id: Option<i64>,
    station_name: Option<String>,
    starts_at: i64,
    ends_at: i64,
    capacity: i64,
    booked: i64,
    cancelled: i64,
}

impl From<SlotRow> for Slot {
    fn from(r: SlotRow) -> Self {
        Slot {
            id: r.id,
            deputy_id: r.deputy_id,
            station_id: r.station_id,
            station_name: r.station_name.unwrap_or_default(),
            starts_at: r.starts_at,
            ends_at: r.ends_at,
            capacity: r.capacity,
            booked: r.booked,
            cancelled: r.cancelled == 1,
        }
    }
}

const SLOT_COLS: &str = "s.id, s.deputy_id, s.station_id, st.name AS station_name, s.starts_at, \
     s.ends_at, s.capacity, (SELECT COUNT(*) FROM appointments a WHERE a.slot_id = s.id \
     AND a.status IN ('requested', 'confirmed', 'completed')) AS booked, s.cancelled \
     FROM deputy_slots s LEFT JOIN stations st ON st.id = s.station_id";

/// Deputy `deputy`'s slots ending after `from`, soonest first.
pub async fn slots(db: &Db, deputy: i64, from: i64) -> Result<Vec<Slot>, sqlx::Error> {
    let rows: Vec<SlotRow> = sqlx::query_as(&format!(
        "SELECT {SLOT_COLS} WHERE s.deputy_id = $1 AND s.ends_at > $2 ORDER BY s.starts_at, s.id LIMIT 200"
    ))
    .bind(deputy)
    .bind(from)
    .fetch_all(&db.pool)
    .await?;
    Ok(rows.into_iter().map(Into::into).collect())
}

async fn slot(db: &Db, id: i64) -> Result<Option<Slot>, sqlx::Error> {
    let row: Option<SlotRow> = sqlx::query_as(&format!("SELECT {SLOT_COLS} WHERE s.id = $1"))
        .bind(id)
        .fetch_optional(&db.pool)
        .await?;
    Ok(row.map(Into::into))
}

/// Adds a reception slot for deputy `deputy`; writes an audit entry.
pub async fn add_slot(
    db: &Db,
    deputy: i64,
    s: &NewSlot,
    staff_id: i64,
) -> Result<i64, sqlx::Error> {
    let mut tx = db.begin_write().await?;
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO deputy_slots (deputy_id, station_id, starts_at, ends_at, capacity, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
    )
    .bind(deputy)
    .bind(s.station_id)
    .bind(s.starts_at)
    .bind(s.ends_at)
    .bind(s.capacity)
    .bind(now_ms())
    .fetch_one(&mut *tx)
    .await?;
    audit::record(
        &mut tx,
        Some(staff_id),
        "deputy.add_slot",
        "deputy",
        Some(deputy),
        &crate::i18n::datetime(s.starts_at),
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

/// Cancels slot `slot` of deputy `deputy`: its live bookings are declined and their holders told.
pub async fn cancel_slot(
    db: &Db,
    deputy: i64,
    slot_id: i64,
    staff_id: i64,
) -> Result<bool, sqlx::Error> {
    let now = now_ms();
    let mut tx = db.begin_write().await?;
    let n = sqlx::query(
        "UPDATE deputy_slots SET cancelled = 1 WHERE id = $1 AND deputy_id = $2 AND cancelled = 0",
    )
    .bind(slot_id)
    .bind(deputy)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    if n == 0 {
        return Ok(false);
    }
    let t = crate::i18n::t();
    let held: Vec<i64> = sqlx::query_scalar(
        "SELECT id FROM appointments WHERE slot_id = $1 AND status IN ('requested', 'confirmed')",
    )
    .bind(slot_id)
    .fetch_all(&mut *tx)
    .await?;
    for a in held {
        sqlx::query(
            "UPDATE appointments SET status = 'declined', decline_reason = 'unavailable', \
             staff_message = $2, updated_at = $3 WHERE id = $1",
        )
        .bind(a)
        .bind(t.dp.slot_cancelled_message)
        .bind(now)
        .execute(&mut *tx)
        .await?;
        message(
            &mut tx,
            "appointment_declined",
            a,
            t.dp.msg_declined_subject,
            t.dp.slot_cancelled_message,
            now,
        )
        .await?;
    }
    audit::record(
        &mut tx,
        Some(staff_id),
        "deputy.cancel_slot",
        "deputy",
        Some(deputy),
        &slot_id.to_string(),
    )
    .await?;
    tx.commit().await?;
    Ok(true)
}

/// A stored booking: what the receipt needs.
#[derive(Debug, Clone, PartialEq)]
pub struct BookReceipt {
    pub code: String,
    pub access_key: String,
}

/// Why a booking was not stored.
#[derive(Debug)]
pub enum BookError {
    NoSuchDeputy,
    /// The slot was cancelled, has started, or is not this deputy's.
    SlotGone,
    SlotFull,
    Duplicate,
    RateLimited,
    Db(sqlx::Error),
}

impl From<sqlx::Error> for BookError {
    fn from(e: sqlx::Error) -> Self {
        BookError::Db(e)
    }
}

/// Books `b` with deputy `deputy`: a place in the chosen slot while one is left, or a request
/// for another time. The same form posted again with the same content by the same person (see
/// [`super::submission_key`]) is one booking; anyone else under the same key books for
/// themselves.
pub async fn book(
    db: &Db,
    deputy: i64,
    b: &NewBooking,
    submit_key: Option<&str>,
    limit: Option<(&str, i64)>,
) -> Result<BookReceipt, BookError> {
    let key = submit_key.and_then(|k| super::submission_key(k, deputy, b));
    if let Some(key) = &key {
        if let Some(r) = by_submit_key(&mut *db.pool.acquire().await?, key).await? {
            return Ok(r);
        }
    }
    for _ in 0..5 {
        match try_book(db, deputy, b, key.as_deref(), limit).await {
            Err(BookError::Db(e)) if super::is_unique_violation(&e) => {
                if let Some(key) = &key {
                    if let Some(r) = by_submit_key(&mut *db.pool.acquire().await?, key).await? {
                        return Ok(r);
                    }
                }
            }
            other => return other,
        }
    }
    Err(BookError::Db(sqlx::Error::Protocol(
        "no free appointment code after 5 tries".into(),
    )))
}

async fn by_submit_key(
    conn: &mut sqlx::AnyConnection,
    key: &str,
) -> Result<Option<BookReceipt>, sqlx::Error> {
    let row: Option<(String, String)> =
        sqlx::query_as("SELECT code, access_key FROM appointments WHERE submit_key = $1")
            .bind(key)
            .fetch_optional(&mut *conn)
            .await?;
    Ok(row.map(|(code, access_key)| BookReceipt { code, access_key }))
}

async fn try_book(
    db: &Db,
    deputy: i64,
    b: &NewBooking,
    submit_key: Option<&str>,
    limit: Option<(&str, i64)>,
) -> Result<BookReceipt, BookError> {
    let now = now_ms();
    let mut tx = db.begin_write().await?;
    if let Some((bucket, per_hour)) = limit {
        if rate::hit(&mut tx, bucket, 3_600_000).await? > per_hour {
            return Err(BookError::RateLimited);
        }
    }
    // The deputy's row is the lock every booking with them takes (a write first, so that on
    // SQLite the transaction holds the write lock before it reads).
    let published =
        sqlx::query("UPDATE deputies SET updated_at = updated_at WHERE id = $1 AND published = 1")
            .bind(deputy)
            .execute(&mut *tx)
            .await?
            .rows_affected();
    if published == 0 {
        return Err(BookError::NoSuchDeputy);
    }
    // A form posted twice at once: the second answers with the first's receipt.
    if let Some(key) = submit_key {
        if let Some(first) = by_submit_key(&mut tx, key).await? {
            return Ok(first);
        }
    }
    if let Some(slot) = b.slot_id {
        // The slot's lock: every booking of this slot waits here for the one before it.
        let locked = sqlx::query(
            "UPDATE deputy_slots SET capacity = capacity WHERE id = $1 AND deputy_id = $2 \
             AND cancelled = 0 AND starts_at > $3",
        )
        .bind(slot)
        .bind(deputy)
        .bind(now)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if locked == 0 {
            return Err(BookError::SlotGone);
        }
        let (capacity, booked, held): (i64, i64, i64) = sqlx::query_as(
            "SELECT s.capacity, \
             (SELECT COUNT(*) FROM appointments a WHERE a.slot_id = s.id AND a.status IN ('requested', 'confirmed', 'completed')), \
             (SELECT COUNT(*) FROM appointments a WHERE a.slot_id = s.id AND a.phone = $2 AND a.status IN ('requested', 'confirmed')) \
             FROM deputy_slots s WHERE s.id = $1",
        )
        .bind(slot)
        .bind(&b.phone)
        .fetch_one(&mut *tx)
        .await?;
        if held > 0 {
            return Err(BookError::Duplicate);
        }
        if booked >= capacity {
            return Err(BookError::SlotFull);
        }
    }
    let code = super::consultations::new_code("YY", now);
    let access_key = super::opinions::new_access_key();
    sqlx::query(
        "INSERT INTO appointments (deputy_id, slot_id, preferred_time, code, access_key, submit_key, \
         name, phone, email, matter, status, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'requested', $11, $11)",
    )
    .bind(deputy)
    .bind(b.slot_id)
    .bind(&b.preferred_time)
    .bind(&code)
    .bind(&access_key)
    .bind(submit_key)
    .bind(&b.name)
    .bind(&b.phone)
    .bind(&b.email)
    .bind(&b.matter)
    .bind(now)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(BookReceipt { code, access_key })
}

#[derive(sqlx::FromRow)]
struct AppointmentRow {
    id: i64,
    code: String,
    deputy_id: i64,
    deputy_name: String,
    slot_id: Option<i64>,
    preferred_time: String,
    name: String,
    phone: String,
    email: String,
    matter: String,
    status: String,
    staff_message: String,
    decline_reason: String,
    handling: String,
    outcome: String,
    public_summary: String,
    summary_published: i64,
    created_at: i64,
    updated_at: i64,
}

const APPOINTMENT_COLS: &str = "a.id, a.code, a.deputy_id, d.name AS deputy_name, a.slot_id, \
     a.preferred_time, a.name, a.phone, a.email, a.matter, a.status, a.staff_message, \
     a.decline_reason, a.handling, a.outcome, a.public_summary, a.summary_published, a.created_at, \
     a.updated_at FROM appointments a JOIN deputies d ON d.id = a.deputy_id";

async fn appointment_from(db: &Db, r: AppointmentRow) -> Result<Appointment, sqlx::Error> {
    let slot = match r.slot_id {
        Some(id) => slot(db, id).await?,
        None => None,
    };
    Ok(Appointment {
        id: r.id,
        code: r.code,
        deputy_id: r.deputy_id,
        deputy_name: r.deputy_name,
        slot,
        preferred_time: r.preferred_time,
        name: r.name,
        phone: r.phone,
        email: r.email,
        matter: r.matter,
        status: AppointmentStatus::from_code(&r.status).unwrap_or(AppointmentStatus::Requested),
        staff_message: r.staff_message,
        decline_reason: DeclineReason::from_code(&r.decline_reason),
        handling: Handling::from_code(&r.handling),
        outcome: r.outcome,
        public_summary: r.public_summary,
        summary_published: r.summary_published == 1,
        created_at: r.created_at,
        updated_at: r.updated_at,
    })
}

/// A resident's appointment by its code and the secret of its private link.
pub async fn view(db: &Db, code: &str, key: &str) -> Result<Option<Appointment>, sqlx::Error> {
    let row: Option<AppointmentRow> = sqlx::query_as(&format!(
        "SELECT {APPOINTMENT_COLS} WHERE a.code = $1 AND a.access_key = $2"
    ))
    .bind(code)
    .bind(key)
    .fetch_optional(&db.pool)
    .await?;
    match row {
        Some(r) => Ok(Some(appointment_from(db, r).await?)),
        None => Ok(None),
    }
}

/// The secret of appointment `code` if `phone` is the number it was made with.
pub async fn key_by_phone(db: &Db, code: &str, phone: &str) -> Result<Option<String>, sqlx::Error> {
    sqlx::query_scalar("SELECT access_key FROM appointments WHERE code = $1 AND phone = $2")
        .bind(code)
        .bind(phone)
        .fetch_optional(&db.pool)
        .await
}

/// The resident withdraws appointment `code` (with its secret). Returns `None` when there is no
/// such appointment, else whether it was still live and is now cancelled.
pub async fn cancel(db: &Db, code: &str, key: &str) -> Result<Option<bool>, sqlx::Error> {
    let exists: Option<i64> =
        sqlx::query_scalar("SELECT id FROM appointments WHERE code = $1 AND access_key = $2")
            .bind(code)
            .bind(key)
            .fetch_optional(&db.pool)
            .await?;
    let Some(id) = exists else { return Ok(None) };
    // A booking whose slot has begun is no longer withdrawn: what happened is recorded instead.
    let n = sqlx::query(
        "UPDATE appointments SET status = 'cancelled', updated_at = $2 WHERE id = $1 \
         AND status IN ('requested', 'confirmed') AND (slot_id IS NULL OR \
         (SELECT starts_at FROM deputy_slots WHERE id = appointments.slot_id) > $2)",
    )
    .bind(id)
    .bind(now_ms())
    .execute(&db.pool)
    .await?
    .rows_affected();
    Ok(Some(n > 0))
}

/// Appointment `id` for staff.
pub async fn get_appointment(db: &Db, id: i64) -> Result<Option<Appointment>, sqlx::Error> {
    let row: Option<AppointmentRow> =
        sqlx::query_as(&format!("SELECT {APPOINTMENT_COLS} WHERE a.id = $1"))
            .bind(id)
            .fetch_optional(&db.pool)
            .await?;
    match row {
        Some(r) => Ok(Some(appointment_from(db, r).await?)),
        None => Ok(None),
    }
}

/// Appointments of deputies within `station` (all when `None`), in status `status` if given,
/// newest first.
pub async fn appointments(
    db: &Db,
    station: Option<i64>,
    status: Option<AppointmentStatus>,
) -> Result<Vec<Appointment>, sqlx::Error> {
    let rows: Vec<AppointmentRow> = sqlx::query_as(&format!(
        "SELECT {APPOINTMENT_COLS} WHERE ($1 = 0 OR d.station_id = $1) AND ($2 = '' OR a.status = $2) \
         ORDER BY a.id DESC LIMIT 300"
    ))
    .bind(station.unwrap_or(0))
    .bind(status.map(|s| s.code()).unwrap_or(""))
    .fetch_all(&db.pool)
    .await?;
    let mut out = Vec::with_capacity(rows.len());
    for r in rows {
        out.push(appointment_from(db, r).await?);
    }
    Ok(out)
}

/// What staff decided about a requested appointment.
#[derive(Debug, Clone, PartialEq)]
pub enum Decision {
    Confirm {
        message: String,
    },
    Decline {
        reason: DeclineReason,
        message: String,
    },
}

/// Confirms or declines requested (or confirmed, to decline after all) appointment `id`; the
/// resident is told. Returns whether it changed.
pub async fn decide(db: &Db, id: i64, d: &Decision, staff_id: i64) -> Result<bool, sqlx::Error> {
    let now = now_ms();
    let t = crate::i18n::t();
    let mut tx = db.begin_write().await?;
    let (to, reason, message, from) = match d {
        Decision::Confirm { message } => ("confirmed", "", message.as_str(), "('requested')"),
        Decision::Decline { reason, message } => (
            "declined",
            reason.code(),
            message.as_str(),
            "('requested', 'confirmed')",
        ),
    };
    let n = sqlx::query(&format!(
        "UPDATE appointments SET status = $2, decline_reason = $3, staff_message = $4, updated_at = $5 \
         WHERE id = $1 AND status IN {from}"
    ))
    .bind(id)
    .bind(to)
    .bind(reason)
    .bind(message)
    .bind(now)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    if n == 0 {
        return Ok(false);
    }
    let (subject, kind) = if to == "confirmed" {
        (t.dp.msg_confirmed_subject, "appointment_confirmed")
    } else {
        (t.dp.msg_declined_subject, "appointment_declined")
    };
    let body = appointment_text(&mut tx, id, message).await?;
    message_to(&mut tx, kind, id, subject, &body, now).await?;
    audit::record(
        &mut tx,
        Some(staff_id),
        &format!("appointment.{to}"),
        "appointment",
        Some(id),
        "",
    )
    .await?;
    tx.commit().await?;
    Ok(true)
}

/// The message text of appointment `id`: when and with whom, then `message`.
async fn appointment_text(
    tx: &mut AnyConnection,
    id: i64,
    message: &str,
) -> Result<String, sqlx::Error> {
    let (deputy, starts_at, preferred): (String, Option<i64>, String) = sqlx::query_as(
        "SELECT d.name, s.starts_at, a.preferred_time FROM appointments a \
         JOIN deputies d ON d.id = a.deputy_id LEFT JOIN deputy_slots s ON s.id = a.slot_id WHERE a.id = $1",
    )
    .bind(id)
    .fetch_one(&mut *tx)
    .await?;
    let when = starts_at.map(crate::i18n::datetime).unwrap_or(preferred);
    Ok((crate::i18n::t().dp.msg_body)(&deputy, &when, message))
}

/// What became of a meeting.
#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    pub handling: Handling,
    pub outcome: String,
    pub public_summary: String,
    pub publish: bool,
}

/// Records how a confirmed (or already completed) appointment was handled; the resident is told
/// the outcome. Returns whether it changed.
pub async fn record_outcome(
    db: &Db,
    id: i64,
    o: &Outcome,
    staff_id: i64,
) -> Result<bool, sqlx::Error> {
    let now = now_ms();
    let t = crate::i18n::t();
    // Read before the change: the resident hears of the outcome when it is first recorded or its
    // words change, not when staff only edit the public summary.
    let before: Option<(String, String)> =
        sqlx::query_as("SELECT status, outcome FROM appointments WHERE id = $1")
            .bind(id)
            .fetch_optional(&db.pool)
            .await?;
    let news =
        before.is_some_and(|(status, outcome)| status == "confirmed" || outcome != o.outcome);
    let mut tx = db.begin_write().await?;
    let n = sqlx::query(
        "UPDATE appointments SET status = 'completed', handling = $2, outcome = $3, public_summary = $4, \
         summary_published = $5, updated_at = $6 WHERE id = $1 AND status IN ('confirmed', 'completed')",
    )
    .bind(id)
    .bind(o.handling.code())
    .bind(&o.outcome)
    .bind(&o.public_summary)
    .bind(o.publish as i64)
    .bind(now)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    if n == 0 {
        return Ok(false);
    }
    if news {
        let body = appointment_text(&mut tx, id, &o.outcome).await?;
        message_to(
            &mut tx,
            "appointment_outcome",
            id,
            t.dp.msg_outcome_subject,
            &body,
            now,
        )
        .await?;
    }
    audit::record(
        &mut tx,
        Some(staff_id),
        "appointment.outcome",
        "appointment",
        Some(id),
        o.handling.code(),
    )
    .await?;
    tx.commit().await?;
    Ok(true)
}

/// Published accounts of meetings with deputy `deputy`, newest first.
pub async fn summaries(db: &Db, deputy: i64) -> Result<Vec<MeetingSummary>, sqlx::Error> {
    let rows: Vec<(i64, String, String)> = sqlx::query_as(
        "SELECT COALESCE(s.starts_at, a.updated_at), a.handling, a.public_summary FROM appointments a \
         LEFT JOIN deputy_slots s ON s.id = a.slot_id WHERE a.deputy_id = $1 AND a.status = 'completed' \
         AND a.summary_published = 1 AND a.public_summary <> '' ORDER BY a.updated_at DESC LIMIT 50",
    )
    .bind(deputy)
    .fetch_all(&db.pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(at, handling, summary)| MeetingSummary {
            at,
            handling: Handling::from_code(&handling),
            summary,
        })
        .collect())
}

async fn message(
    tx: &mut AnyConnection,
    kind: &str,
    id: i64,
    subject: &str,
    text: &str,
    now: i64,
) -> Result<(), sqlx::Error> {
    let body = appointment_text(tx, id, text).await?;
    message_to(tx, kind, id, subject, &body, now).await
}

/// Queues a message with `body` as written for the holder of appointment `id`.
async fn message_to(
    tx: &mut AnyConnection,
    kind: &str,
    id: i64,
    subject: &str,
    body: &str,
    now: i64,
) -> Result<(), sqlx::Error> {
    super::messages::queue(
        tx,
        super::messages::About::Appointment(id),
        kind,
        subject,
        body,
        now,
    )
    .await
}

/// Queues the reminder for every confirmed appointment whose slot starts within the next day;
/// one per appointment however often this runs. Returns how many were new.
pub async fn queue_reminders(db: &Db, now: i64) -> Result<u64, sqlx::Error> {
    let ids: Vec<i64> = sqlx::query_scalar(
        "SELECT a.id FROM appointments a JOIN deputy_slots s ON s.id = a.slot_id \
         WHERE a.status = 'confirmed' AND s.cancelled = 0 AND s.starts_at > $1 AND s.starts_at <= $2 \
         AND NOT EXISTS (SELECT 1 FROM messages m WHERE m.appointment_id = a.id AND m.kind = 'appointment_reminder') \
         LIMIT 1000",
    )
    .bind(now)
    .bind(now + crate::domain::time::DAY_MS)
    .fetch_all(&db.pool)
    .await?;
    let t = crate::i18n::t();
    let mut n = 0;
    for id in ids {
        let mut conn = db.pool.acquire().await?;
        message(
            &mut conn,
            "appointment_reminder",
            id,
            t.dp.msg_reminder_subject,
            t.dp.msg_reminder_text,
            now,
        )
        .await?;
        n += 1;
    }
    Ok(n)
}
