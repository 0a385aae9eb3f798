//! Consultation sessions (协商活动) and residents' registrations (报名): kinds and statuses, the
//! registration window, and the rules for the staff editor and the resident's form.

use super::opinion::{email_field, NAME};
use super::solicitation::date_field;
use super::text::{self, FieldErrors, Problem, TextRule};
use super::time::{day_start_ms, DAY_MS};
use crate::coded_enum;
use serde::{Deserialize, Serialize};

coded_enum! {
    /// What kind of session it is.
    pub enum Kind {
        Deliberation = "deliberation",
        Forum = "forum",
        Hearing = "hearing",
        Argumentation = "argumentation",
        Reception = "reception",
    }
}

coded_enum! {
    /// Where a session is in its life.
    pub enum Status {
        Draft = "draft",
        Published = "published",
        Cancelled = "cancelled",
        Completed = "completed",
    }
}

coded_enum! {
    /// A resident's place: confirmed, on the waitlist, given up, and after the session, whether
    /// they came.
    pub enum RegStatus {
        Confirmed = "confirmed",
        Waitlisted = "waitlisted",
        Cancelled = "cancelled",
        Attended = "attended",
        Absent = "absent",
    }
}

impl RegStatus {
    /// Whether the registration still holds (or held, for attendance) a place or a waitlist spot.
    pub fn is_active(self) -> bool {
        !matches!(self, RegStatus::Cancelled)
    }
    /// Whether the resident may still give the place up.
    pub fn can_cancel(self) -> bool {
        matches!(self, RegStatus::Confirmed | RegStatus::Waitlisted)
    }
}

/// Whether registration is possible now.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum RegPhase {
    Unpublished,
    NotYetOpen,
    Open,
    Closed,
    Cancelled,
}

/// The registration phase of a session with `status` and window `[opens_at, closes_at)` at `now`.
pub fn reg_phase(status: Status, opens_at: i64, closes_at: i64, now: i64) -> RegPhase {
    match status {
        Status::Draft => RegPhase::Unpublished,
        Status::Cancelled => RegPhase::Cancelled,
        Status::Completed => RegPhase::Closed,
        Status::Published if now < opens_at => RegPhase::NotYetOpen,
        Status::Published if now >= closes_at => RegPhase::Closed,
        Status::Published => RegPhase::Open,
    }
}

/// A session as lists show it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ConsultationSummary {
    pub id: i64,
    pub kind: Kind,
    pub title: String,
    pub topic: String,
    pub station_id: Option<i64>,
    pub station_name: String,
    pub address: String,
    pub online_url: String,
    pub starts_at: i64,
    pub ends_at: i64,
    pub capacity: i64,
    /// Places taken (confirmed or attended).
    pub taken: i64,
    pub waitlisted: i64,
    pub reg_opens_at: i64,
    pub reg_closes_at: i64,
    pub status: Status,
}

impl ConsultationSummary {
    pub fn reg_phase(&self, now: i64) -> RegPhase {
        reg_phase(self.status, self.reg_opens_at, self.reg_closes_at, now)
    }
    pub fn seats_left(&self) -> i64 {
        (self.capacity - self.taken).max(0)
    }
}

/// A whole session, for its page and the editor.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Consultation {
    pub summary: ConsultationSummary,
    pub description_md: String,
    pub description_html: String,
    pub solicitation_id: Option<i64>,
    pub solicitation_title: String,
    pub cancel_reason: String,
    pub minutes_md: String,
    pub minutes_html: String,
    pub outcomes_md: String,
    pub outcomes_html: String,
    pub updated_at: i64,
}

/// One registration as staff see it in the list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow))]
pub struct RegistrationRow {
    pub id: i64,
    pub code: String,
    pub name: String,
    pub phone: String,
    pub organisation: String,
    pub questions: String,
    pub status: String,
    pub opinion_id: Option<i64>,
    pub created_at: i64,
}

impl RegistrationRow {
    pub fn status(&self) -> RegStatus {
        RegStatus::from_code(&self.status).unwrap_or(RegStatus::Cancelled)
    }
}

/// A resident's own registration, on its private page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RegistrationView {
    pub code: String,
    pub status: RegStatus,
    /// Place in the waitlist (1 = next), when waitlisted.
    pub waitlist_position: Option<i64>,
    pub name: String,
    pub organisation: String,
    pub questions: String,
    pub created_at: i64,
    pub consultation: ConsultationSummary,
}

pub const TITLE: TextRule = TextRule::line(true, 100);
pub const TOPIC: TextRule = TextRule::line(false, 200);
pub const DESCRIPTION: TextRule = TextRule::block(false, 20_000);
pub const ADDRESS: TextRule = TextRule::line(false, 200);
pub const URL_MAX: usize = 500;
pub const CAPACITY_MAX: i64 = 10_000;
pub const MINUTES: TextRule = TextRule::block(false, 50_000);
pub const CANCEL_REASON: TextRule = TextRule::block(false, 500);
pub const ORGANISATION: TextRule = TextRule::line(false, 60);
pub const QUESTIONS: TextRule = TextRule::block(false, 2000);

/// The raw strings of the staff editor.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ConsultationInput {
    pub kind: String,
    pub title: String,
    pub topic: String,
    pub description: String,
    pub station: String,
    pub address: String,
    pub online_url: String,
    /// `2026-12-05`, `14:30`, `16:30` (Shanghai).
    pub date: String,
    pub start_time: String,
    pub end_time: String,
    pub capacity: String,
    pub reg_opens_on: String,
    pub reg_closes_on: String,
    pub solicitation: String,
    pub status: String,
}

/// A session ready to store.
#[derive(Debug, Clone, PartialEq)]
pub struct NewConsultation {
    pub kind: Kind,
    pub title: String,
    pub topic: String,
    pub description_md: String,
    pub station_id: Option<i64>,
    pub address: String,
    pub online_url: String,
    pub starts_at: i64,
    pub ends_at: i64,
    pub capacity: i64,
    pub reg_opens_at: i64,
    pub reg_closes_at: i64,
    pub solicitation_id: Option<i64>,
    pub status: Status,
}

/// `14:30` as minutes after midnight.
pub fn parse_time(raw: &str) -> Option<i64> {
    let (h, m) = raw.trim().split_once(':')?;
    let (h, m) = (h.parse::<i64>().ok()?, m.get(..2)?.parse::<i64>().ok()?);
    ((0..24).contains(&h) && (0..60).contains(&m)).then_some(h * 60 + m)
}

/// An `http://` or `https://` address without spaces.
pub fn is_web_link(s: &str) -> bool {
    let rest = s
        .strip_prefix("https://")
        .or_else(|| s.strip_prefix("http://"));
    rest.is_some_and(|r| {
        r.len() > 2 && r.contains('.') && !r.chars().any(|c| c.is_whitespace() || c.is_control())
    })
}

/// A whole number field within `min..=max`.
pub fn number(errors: &mut FieldErrors, field: &str, raw: &str, min: i64, max: i64) -> i64 {
    let raw = raw.trim();
    if raw.is_empty() {
        errors.add(field, Problem::Required);
        return 0;
    }
    match raw.parse::<i64>() {
        Ok(n) if (min..=max).contains(&n) => n,
        _ => {
            errors.add(field, Problem::NumberRange { min, max });
            0
        }
    }
}

/// An optional id chosen from a list of `known` ids.
pub fn choice(errors: &mut FieldErrors, field: &str, raw: &str, known: &[i64]) -> Option<i64> {
    let raw = raw.trim();
    if raw.is_empty() {
        return None;
    }
    match raw.parse::<i64>() {
        Ok(id) if known.contains(&id) => Some(id),
        _ => {
            errors.add(field, Problem::BadChoice);
            None
        }
    }
}

/// A time of day (`14:30`) as minutes after midnight.
pub fn time_field(errors: &mut FieldErrors, field: &str, raw: &str) -> Option<i64> {
    if raw.trim().is_empty() {
        errors.add(field, Problem::Required);
        return None;
    }
    let t = parse_time(raw);
    if t.is_none() {
        errors.add(field, Problem::TimeFormat);
    }
    t
}

impl ConsultationInput {
    /// Checks every field and returns all problems at once; `stations` and `solicitations` are
    /// the ids that may be chosen.
    pub fn validate(
        &self,
        stations: &[i64],
        solicitations: &[i64],
    ) -> Result<NewConsultation, FieldErrors> {
        let mut errors = FieldErrors::default();
        let kind = Kind::from_code(self.kind.trim());
        if kind.is_none() {
            errors.add("kind", Problem::BadChoice);
        }
        let status = Status::from_code(self.status.trim());
        if status.is_none() {
            errors.add("status", Problem::BadChoice);
        }
        let title = text::take(&mut errors, "title", &self.title, TITLE);
        let topic = text::take(&mut errors, "topic", &self.topic, TOPIC);
        let description_md = text::take(&mut errors, "description", &self.description, DESCRIPTION);
        let address = text::take(&mut errors, "address", &self.address, ADDRESS);
        let online_url = self.online_url.trim().to_string();
        if !online_url.is_empty() && (online_url.len() > URL_MAX || !is_web_link(&online_url)) {
            errors.add("online_url", Problem::UrlFormat);
        }
        if address.is_empty() && online_url.is_empty() && errors.get("address").is_none() {
            errors.add("address", Problem::PlaceRequired);
        }
        let station_id = choice(&mut errors, "station", &self.station, stations);
        let solicitation_id = choice(
            &mut errors,
            "solicitation",
            &self.solicitation,
            solicitations,
        );
        let capacity = number(&mut errors, "capacity", &self.capacity, 1, CAPACITY_MAX);
        let date = date_field(&mut errors, "date", &self.date);
        let start = time_field(&mut errors, "start_time", &self.start_time);
        let end = time_field(&mut errors, "end_time", &self.end_time);
        if let (Some(s), Some(e)) = (start, end) {
            if e <= s {
                errors.add("end_time", Problem::EndNotAfterStart);
            }
        }
        let opens = date_field(&mut errors, "reg_opens_on", &self.reg_opens_on);
        let closes = date_field(&mut errors, "reg_closes_on", &self.reg_closes_on);
        if let (Some(o), Some(c)) = (opens, closes) {
            if c < o {
                errors.add("reg_closes_on", Problem::EndBeforeStart);
            }
        }
        if let (Some(c), Some(d)) = (closes, date) {
            if c > d {
                errors.add("reg_closes_on", Problem::AfterSession);
            }
        }
        match (kind, status, date, start, end, opens, closes) {
            (Some(kind), Some(status), Some(d), Some(s), Some(e), Some(o), Some(c))
                if errors.is_empty() =>
            {
                let day = day_start_ms(d);
                let starts_at = day + s * 60_000;
                Ok(NewConsultation {
                    kind,
                    title,
                    topic,
                    description_md,
                    station_id,
                    address,
                    online_url,
                    starts_at,
                    ends_at: day + e * 60_000,
                    capacity,
                    reg_opens_at: day_start_ms(o),
                    // Open through the closing day, but never past the session's start.
                    reg_closes_at: (day_start_ms(c) + DAY_MS).min(starts_at),
                    solicitation_id,
                    status,
                })
            }
            _ => Err(errors),
        }
    }
}

/// The raw strings of the resident's registration form.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RegistrationInput {
    pub name: String,
    pub phone: String,
    pub organisation: String,
    pub questions: String,
    pub email: String,
    pub consent: String,
}

/// A registration ready to store.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NewRegistration {
    pub name: String,
    pub phone: String,
    pub organisation: String,
    pub questions: String,
    pub email: String,
}

impl RegistrationInput {
    /// Checks every field; `consent` is required when a resident registers themselves.
    pub fn validate(&self, need_consent: bool) -> Result<NewRegistration, FieldErrors> {
        let mut errors = FieldErrors::default();
        let name = text::take(&mut errors, "name", &self.name, NAME);
        let phone = text::field(&mut errors, "phone", super::check::phone(&self.phone, true));
        let organisation = text::take(
            &mut errors,
            "organisation",
            &self.organisation,
            ORGANISATION,
        );
        let questions = text::take(&mut errors, "questions", &self.questions, QUESTIONS);
        let email = email_field(&mut errors, &self.email);
        if need_consent && self.consent != "1" {
            errors.add("consent", Problem::ConsentRequired);
        }
        if errors.is_empty() {
            Ok(NewRegistration {
                name,
                phone,
                organisation,
                questions,
                email,
            })
        } else {
            Err(errors)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input() -> ConsultationInput {
        ConsultationInput {
            kind: "forum".into(),
            title: "物业管理条例座谈会".into(),
            date: "2026-12-05".into(),
            start_time: "14:30".into(),
            end_time: "16:30".into(),
            capacity: "10".into(),
            reg_opens_on: "2026-11-28".into(),
            reg_closes_on: "2026-12-05".into(),
            address: "街道联系点二楼".into(),
            status: "published".into(),
            ..Default::default()
        }
    }

    #[test]
    fn a_complete_session_is_valid_and_closes_registration_at_its_start() {
        let c = input().validate(&[], &[]).unwrap();
        assert_eq!(c.ends_at - c.starts_at, 2 * 3600 * 1000);
        assert_eq!(c.reg_closes_at, c.starts_at);
        assert_eq!(c.capacity, 10);
    }

    #[test]
    fn every_problem_is_reported_at_once() {
        let mut i = input();
        i.kind = "party".into();
        i.start_time = "25:00".into();
        i.end_time = "".into();
        i.capacity = "0".into();
        i.address = "".into();
        i.online_url = "meeting.example".into();
        i.reg_closes_on = "2026-12-06".into();
        i.station = "9".into();
        let e = i.validate(&[1], &[]).unwrap_err();
        assert_eq!(e.get("kind"), Some(&Problem::BadChoice));
        assert_eq!(e.get("start_time"), Some(&Problem::TimeFormat));
        assert_eq!(e.get("end_time"), Some(&Problem::Required));
        assert_eq!(
            e.get("capacity"),
            Some(&Problem::NumberRange {
                min: 1,
                max: CAPACITY_MAX
            })
        );
        assert_eq!(e.get("online_url"), Some(&Problem::UrlFormat));
        assert_eq!(e.get("reg_closes_on"), Some(&Problem::AfterSession));
        assert_eq!(e.get("station"), Some(&Problem::BadChoice));
    }

    #[test]
    fn a_place_or_a_link_is_needed() {
        let mut i = input();
        i.address = " ".into();
        assert_eq!(
            i.validate(&[], &[]).unwrap_err().get("address"),
            Some(&Problem::PlaceRequired)
        );
        i.online_url = "https://meeting.example/123".into();
        assert!(i.validate(&[], &[]).is_ok());
    }

    #[test]
    fn the_window_decides_the_phase() {
        assert_eq!(
            reg_phase(Status::Published, 10, 20, 5),
            RegPhase::NotYetOpen
        );
        assert_eq!(reg_phase(Status::Published, 10, 20, 10), RegPhase::Open);
        assert_eq!(reg_phase(Status::Published, 10, 20, 20), RegPhase::Closed);
        assert_eq!(
            reg_phase(Status::Cancelled, 10, 20, 15),
            RegPhase::Cancelled
        );
        assert_eq!(reg_phase(Status::Draft, 10, 20, 15), RegPhase::Unpublished);
    }

    #[test]
    fn a_registration_needs_name_phone_and_consent() {
        let r = RegistrationInput {
            name: "".into(),
            phone: "12345".into(),
            email: "x@".into(),
            ..Default::default()
        };
        let e = r.validate(true).unwrap_err();
        assert_eq!(e.get("name"), Some(&Problem::Required));
        assert_eq!(e.get("phone"), Some(&Problem::PhoneFormat));
        assert_eq!(e.get("email"), Some(&Problem::EmailFormat));
        assert_eq!(e.get("consent"), Some(&Problem::ConsentRequired));
        let ok = RegistrationInput {
            name: "张三".into(),
            phone: "138 0013 8000".into(),
            consent: "1".into(),
            ..Default::default()
        };
        assert_eq!(ok.validate(true).unwrap().phone, "13800138000");
    }

    #[test]
    fn times_as_typed() {
        assert_eq!(parse_time("09:05"), Some(545));
        assert_eq!(parse_time("9:05"), Some(545));
        assert_eq!(parse_time("24:00"), None);
        assert_eq!(parse_time("noon"), None);
    }
}
