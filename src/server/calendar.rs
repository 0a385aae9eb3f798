//! Calendar files: one `.ics` per session and the iCalendar feed of published sessions, built
//! with the `icalendar` crate. Times go out in UTC, which every calendar application converts to
//! the reader's zone.

use crate::domain::consultation::{ConsultationSummary, Status};
use icalendar::{Calendar, Component, Event, EventLike, EventStatus};

/// The calendar of `sessions`, each with the time of its last change; links and ids are made
/// from `site_url` (`https://…`).
pub fn render(sessions: &[(ConsultationSummary, i64)], site_url: &str, name: &str) -> String {
    let t = crate::i18n::t();
    let host = site_url
        .split("://")
        .nth(1)
        .unwrap_or(site_url)
        .split(['/', ':'])
        .next()
        .unwrap_or("minyi");
    let mut cal = Calendar::new();
    cal.name(name);
    cal.append_property(("X-WR-TIMEZONE", "Asia/Shanghai"));
    for (s, updated_at) in sessions {
        let (Some(start), Some(end)) = (
            chrono::DateTime::from_timestamp_millis(s.starts_at),
            chrono::DateTime::from_timestamp_millis(s.ends_at),
        ) else {
            continue;
        };
        let url = format!("{site_url}/consultations/{}", s.id);
        let mut description = String::new();
        if !s.topic.is_empty() {
            description.push_str(&s.topic);
            description.push('\n');
        }
        if !s.online_url.is_empty() {
            description.push_str(&format!("{}：{}\n", t.cs.online_link, s.online_url));
        }
        description.push_str(&url);
        let location = if s.address.is_empty() {
            s.online_url.clone()
        } else if s.station_name.is_empty() {
            s.address.clone()
        } else {
            format!("{}（{}）", s.address, s.station_name)
        };
        let mut e = Event::new();
        e.uid(&format!("consultation-{}@{host}", s.id))
            .summary(&format!("【{}】{}", (t.cs.kind)(s.kind), s.title))
            .description(&description)
            .location(&location)
            .url(&url)
            .starts(start)
            .ends(end)
            .timestamp(chrono::DateTime::from_timestamp_millis(*updated_at).unwrap_or(start))
            // Calendar applications replace an event they hold only by a higher sequence.
            .add_property("SEQUENCE", (updated_at / 1000).to_string())
            .status(if s.status == Status::Cancelled {
                EventStatus::Cancelled
            } else {
                EventStatus::Confirmed
            });
        cal.push(e.done());
    }
    cal.done().to_string()
}
