//! Deputies (人大代表), their reception slots, and residents' appointments with them
//! (码上约代表): levels, statuses, how a meeting was handled, and the rules for the forms.

use super::consultation::{choice, number, time_field};
use super::opinion::{email_field, NAME};
use super::solicitation::date_field;
use super::text::{self, FieldErrors, Problem, TextRule};
use super::time::day_start_ms;
use crate::coded_enum;
use serde::{Deserialize, Serialize};

coded_enum! {
    /// Which congress the deputy sits in.
    pub enum Level {
        National = "national",
        City = "city",
        District = "district",
    }
}

coded_enum! {
    /// Where an appointment is.
    pub enum AppointmentStatus {
        Requested = "requested",
        Confirmed = "confirmed",
        Declined = "declined",
        Cancelled = "cancelled",
        Completed = "completed",
    }
}

impl AppointmentStatus {
    /// Whether the booking still holds its place in the slot.
    pub fn holds_place(self) -> bool {
        matches!(self, Self::Requested | Self::Confirmed)
    }
}

coded_enum! {
    /// How the matter was handled at the meeting.
    pub enum Handling {
        OnSpot = "on_spot",
        Referred = "referred",
        Opinion = "opinion",
        Other = "other",
    }
}

coded_enum! {
    /// Why staff could not arrange the meeting. The last three are matters for another channel:
    /// the resident reads where to turn.
    pub enum DeclineReason {
        Unavailable = "unavailable",
        OutOfScope = "out_of_scope",
        Petition = "petition",
        Litigation = "litigation",
        Arbitration = "arbitration",
    }
}

impl DeclineReason {
    pub fn is_referral(self) -> bool {
        matches!(self, Self::Petition | Self::Litigation | Self::Arbitration)
    }
}

/// A deputy as the directory and the profile show them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Deputy {
    pub id: i64,
    pub name: String,
    pub level: Level,
    pub constituency: String,
    pub station_id: Option<i64>,
    pub station_name: String,
    pub intro: String,
    pub reception_days: String,
    pub published: bool,
    pub updated_at: i64,
}

/// A reception slot and how many bookings it holds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Slot {
    pub id: i64,
    pub deputy_id: i64,
    pub station_id: Option<i64>,
    pub station_name: String,
    pub starts_at: i64,
    pub ends_at: i64,
    pub capacity: i64,
    pub booked: i64,
    pub cancelled: bool,
}

impl Slot {
    pub fn left(&self) -> i64 {
        (self.capacity - self.booked).max(0)
    }
    /// Whether a resident may book it at `now`.
    pub fn bookable(&self, now: i64) -> bool {
        !self.cancelled && self.starts_at > now && self.left() > 0
    }
}

/// A published, anonymized account of one meeting.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MeetingSummary {
    pub at: i64,
    pub handling: Option<Handling>,
    pub summary: String,
}

/// An appointment: for the resident's page and for staff.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Appointment {
    pub id: i64,
    pub code: String,
    pub deputy_id: i64,
    pub deputy_name: String,
    pub slot: Option<Slot>,
    pub preferred_time: String,
    pub name: String,
    pub phone: String,
    pub email: String,
    pub matter: String,
    pub status: AppointmentStatus,
    pub staff_message: String,
    pub decline_reason: Option<DeclineReason>,
    pub handling: Option<Handling>,
    pub outcome: String,
    pub public_summary: String,
    pub summary_published: bool,
    pub created_at: i64,
    pub updated_at: i64,
}

pub const DEPUTY_NAME: TextRule = TextRule::line(true, 30);
pub const CONSTITUENCY: TextRule = TextRule::line(false, 60);
pub const INTRO: TextRule = TextRule::block(false, 2000);
pub const RECEPTION_DAYS: TextRule = TextRule::line(false, 100);
pub const MATTER: TextRule = TextRule {
    required: true,
    min: 5,
    max: 2000,
    multiline: true,
};
pub const PREFERRED_TIME: TextRule = TextRule::line(false, 100);
pub const STAFF_MESSAGE: TextRule = TextRule::block(false, 1000);
pub const OUTCOME: TextRule = TextRule::block(false, 2000);
pub const SLOT_CAPACITY_MAX: i64 = 100;

/// The raw strings of the deputy editor.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DeputyInput {
    pub name: String,
    pub level: String,
    pub constituency: String,
    pub station: String,
    pub intro: String,
    pub reception_days: String,
    pub published: String,
}

/// A deputy ready to store.
#[derive(Debug, Clone, PartialEq)]
pub struct NewDeputy {
    pub name: String,
    pub level: Level,
    pub constituency: String,
    pub station_id: Option<i64>,
    pub intro: String,
    pub reception_days: String,
    pub published: bool,
}

impl DeputyInput {
    pub fn validate(&self, stations: &[i64]) -> Result<NewDeputy, FieldErrors> {
        let mut errors = FieldErrors::default();
        let name = text::take(&mut errors, "name", &self.name, DEPUTY_NAME);
        let level = Level::from_code(self.level.trim());
        if level.is_none() {
            errors.add("level", Problem::BadChoice);
        }
        let constituency = text::take(
            &mut errors,
            "constituency",
            &self.constituency,
            CONSTITUENCY,
        );
        let station_id = choice(&mut errors, "station", &self.station, stations);
        let intro = text::take(&mut errors, "intro", &self.intro, INTRO);
        let reception_days = text::take(
            &mut errors,
            "reception_days",
            &self.reception_days,
            RECEPTION_DAYS,
        );
        match level {
            Some(level) if errors.is_empty() => Ok(NewDeputy {
                name,
                level,
                constituency,
                station_id,
                intro,
                reception_days,
                published: self.published.trim() == "1",
            }),
            _ => Err(errors),
        }
    }
}

/// The raw strings of the form that adds a reception slot.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SlotInput {
    pub date: String,
    pub start_time: String,
    pub end_time: String,
    pub capacity: String,
    pub station: String,
}

/// A slot ready to store.
#[derive(Debug, Clone, PartialEq)]
pub struct NewSlot {
    pub starts_at: i64,
    pub ends_at: i64,
    pub capacity: i64,
    pub station_id: Option<i64>,
}

impl SlotInput {
    /// Checks the slot; it must start after `now`.
    pub fn validate(&self, stations: &[i64], now: i64) -> Result<NewSlot, FieldErrors> {
        let mut errors = FieldErrors::default();
        let date = date_field(&mut errors, "date", &self.date);
        let start = time_field(&mut errors, "start_time", &self.start_time);
        let end = time_field(&mut errors, "end_time", &self.end_time);
        if let (Some(s), Some(e)) = (start, end) {
            if e <= s {
                errors.add("end_time", Problem::EndNotAfterStart);
            }
        }
        let capacity = number(
            &mut errors,
            "capacity",
            &self.capacity,
            1,
            SLOT_CAPACITY_MAX,
        );
        let station_id = choice(&mut errors, "station", &self.station, stations);
        match (date, start, end) {
            (Some(d), Some(s), Some(e)) if errors.is_empty() => {
                let day = day_start_ms(d);
                let starts_at = day + s * 60_000;
                if starts_at <= now {
                    errors.add("date", Problem::InPast);
                    return Err(errors);
                }
                Ok(NewSlot {
                    starts_at,
                    ends_at: day + e * 60_000,
                    capacity,
                    station_id,
                })
            }
            _ => Err(errors),
        }
    }
}

/// The raw strings of the booking form.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct BookingInput {
    /// A slot id, or `other` to ask for another time.
    pub slot: String,
    pub preferred_time: String,
    pub name: String,
    pub phone: String,
    pub matter: String,
    pub email: String,
    pub consent: String,
}

/// A booking ready to store: a slot, or another time the resident asked for.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NewBooking {
    pub slot_id: Option<i64>,
    pub preferred_time: String,
    pub name: String,
    pub phone: String,
    pub matter: String,
    pub email: String,
}

impl BookingInput {
    /// Checks the booking; `slots` are the ids of the deputy's slots that may be chosen.
    pub fn validate(&self, slots: &[i64]) -> Result<NewBooking, FieldErrors> {
        let mut errors = FieldErrors::default();
        let slot = self.slot.trim();
        let slot_id = match slot {
            "" => {
                errors.add("slot", Problem::Required);
                None
            }
            "other" => None,
            s => match s.parse::<i64>() {
                Ok(id) if slots.contains(&id) => Some(id),
                _ => {
                    errors.add("slot", Problem::SlotGone);
                    None
                }
            },
        };
        let preferred_time = text::take(
            &mut errors,
            "preferred_time",
            &self.preferred_time,
            PREFERRED_TIME,
        );
        if slot == "other" && preferred_time.is_empty() && errors.get("preferred_time").is_none() {
            errors.add("preferred_time", Problem::Required);
        }
        let name = text::take(&mut errors, "name", &self.name, NAME);
        let phone = text::field(&mut errors, "phone", super::check::phone(&self.phone, true));
        let matter = text::take(&mut errors, "matter", &self.matter, MATTER);
        let email = email_field(&mut errors, &self.email);
        if self.consent.trim() != "1" {
            errors.add("consent", Problem::ConsentRequired);
        }
        if errors.is_empty() {
            Ok(NewBooking {
                slot_id,
                preferred_time: if slot_id.is_some() {
                    String::new()
                } else {
                    preferred_time
                },
                name,
                phone,
                matter,
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

    fn booking() -> BookingInput {
        BookingInput {
            slot: "7".into(),
            name: "王秀英".into(),
            phone: "13800138000".into(),
            matter: "小区门口路口红灯太短，老人过不去。".into(),
            consent: "1".into(),
            ..Default::default()
        }
    }

    #[test]
    fn a_booking_takes_a_slot_or_another_time() {
        assert_eq!(booking().validate(&[7]).unwrap().slot_id, Some(7));
        let mut other = booking();
        other.slot = "other".into();
        assert_eq!(
            other.validate(&[7]).unwrap_err().get("preferred_time"),
            Some(&Problem::Required)
        );
        other.preferred_time = "工作日晚上".into();
        let b = other.validate(&[7]).unwrap();
        assert_eq!((b.slot_id, b.preferred_time.as_str()), (None, "工作日晚上"));
    }

    #[test]
    fn every_booking_problem_is_named() {
        let b = BookingInput {
            slot: "9".into(),
            matter: "短".into(),
            phone: "123".into(),
            ..Default::default()
        };
        let e = b.validate(&[7]).unwrap_err();
        assert_eq!(e.get("slot"), Some(&Problem::SlotGone));
        assert_eq!(e.get("name"), Some(&Problem::Required));
        assert_eq!(e.get("phone"), Some(&Problem::PhoneFormat));
        assert_eq!(
            e.get("matter"),
            Some(&Problem::TooShort { min: 5, actual: 1 })
        );
        assert_eq!(e.get("consent"), Some(&Problem::ConsentRequired));
    }

    #[test]
    fn a_slot_must_lie_ahead() {
        let s = SlotInput {
            date: "2026-12-02".into(),
            start_time: "09:00".into(),
            end_time: "11:00".into(),
            capacity: "4".into(),
            station: String::new(),
        };
        let day = day_start_ms(chrono::NaiveDate::from_ymd_opt(2026, 12, 2).unwrap());
        assert_eq!(s.validate(&[], day).unwrap().capacity, 4);
        assert_eq!(
            s.validate(&[], day + 10 * 3_600_000)
                .unwrap_err()
                .get("date"),
            Some(&Problem::InPast)
        );
    }

    #[test]
    fn referral_reasons() {
        assert!(DeclineReason::Petition.is_referral());
        assert!(!DeclineReason::Unavailable.is_referral());
    }
}
