//! Time: stored as UTC milliseconds, shown in Asia/Shanghai. China has kept UTC+8 without daylight
//! saving since 1991, so a fixed offset is exact and spares the browser bundle a time-zone database.

use chrono::{DateTime, FixedOffset, NaiveDate};

const SHANGHAI_SECS: i32 = 8 * 3600;

fn shanghai() -> FixedOffset {
    FixedOffset::east_opt(SHANGHAI_SECS).expect("UTC+8 is a valid offset")
}

/// The Shanghai calendar date of an instant.
pub fn date_of_ms(ms: i64) -> Option<NaiveDate> {
    DateTime::from_timestamp_millis(ms).map(|t| t.with_timezone(&shanghai()).date_naive())
}

/// The instant a Shanghai calendar day begins, in UTC milliseconds.
pub fn day_start_ms(date: NaiveDate) -> i64 {
    date.and_hms_opt(0, 0, 0)
        .map(|t| t.and_utc().timestamp_millis() - i64::from(SHANGHAI_SECS) * 1000)
        .unwrap_or_default()
}

/// Milliseconds in a day.
pub const DAY_MS: i64 = 86_400_000;

/// `2026-11-28` (Shanghai) of an instant, or an empty string for an impossible one.
pub fn iso_date(ms: i64) -> String {
    date_of_ms(ms).map(|d| d.to_string()).unwrap_or_default()
}

/// `2026年11月28日 14:05` (Shanghai) of an instant.
pub fn format_datetime_zh(ms: i64) -> String {
    match DateTime::from_timestamp_millis(ms).map(|t| t.with_timezone(&shanghai())) {
        Some(t) => {
            use chrono::{Datelike, Timelike};
            format!(
                "{}年{}月{}日 {:02}:{:02}",
                t.year(),
                t.month(),
                t.day(),
                t.hour(),
                t.minute()
            )
        }
        None => String::new(),
    }
}

/// `4 December 2026, 14:05` (Shanghai) of an instant.
pub fn format_datetime_en(ms: i64) -> String {
    match DateTime::from_timestamp_millis(ms).map(|t| t.with_timezone(&shanghai())) {
        Some(t) => {
            use chrono::{Datelike, Timelike};
            format!(
                "{} {} {}, {:02}:{:02}",
                t.day(),
                MONTHS_EN[t.month0() as usize],
                t.year(),
                t.hour(),
                t.minute()
            )
        }
        None => String::new(),
    }
}

/// `2026-12-04T14:05:00+08:00`: an instant in RFC 3339, at the Shanghai offset.
pub fn rfc3339(ms: i64) -> String {
    DateTime::from_timestamp_millis(ms)
        .map(|t| {
            t.with_timezone(&shanghai())
                .to_rfc3339_opts(chrono::SecondsFormat::Secs, false)
        })
        .unwrap_or_default()
}

/// `14:05` (Shanghai) of an instant.
pub fn clock_time(ms: i64) -> String {
    use chrono::Timelike;
    DateTime::from_timestamp_millis(ms)
        .map(|t| t.with_timezone(&shanghai()))
        .map(|t| format!("{:02}:{:02}", t.hour(), t.minute()))
        .unwrap_or_default()
}

const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// `2026年11月28日` from `2026-11-28`; the input unchanged if it is not such a date.
pub fn format_date_zh(iso: &str) -> String {
    match ymd(iso) {
        Some((y, m, d)) => format!("{y}年{m}月{d}日"),
        None => iso.to_string(),
    }
}

/// `28 November 2026` from `2026-11-28`; the input unchanged if it is not such a date.
pub fn format_date_en(iso: &str) -> String {
    match ymd(iso) {
        Some((y, m, d)) => format!("{d} {} {y}", MONTHS_EN[m as usize - 1]),
        None => iso.to_string(),
    }
}

/// The year, month and day of `2026-11-28`. Written without chrono because it runs in the
/// browser too, and chrono's parser and formatter would otherwise be linked into the bundle for
/// this one job.
fn ymd(iso: &str) -> Option<(&str, u32, u32)> {
    let mut parts = iso.splitn(3, '-');
    let year = parts
        .next()
        .filter(|y| y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()));
    let month = parts
        .next()
        .and_then(|m| m.parse::<u32>().ok())
        .filter(|m| (1..=12).contains(m));
    let day = parts
        .next()
        .and_then(|d| d.parse::<u32>().ok())
        .filter(|d| (1..=31).contains(d));
    Some((year?, month?, day?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shows_shanghai_time() {
        // 2026-11-27T16:30:00Z is 00:30 the next day in Shanghai.
        assert_eq!(
            date_of_ms(1_795_797_000_000).unwrap().to_string(),
            "2026-11-28"
        );
        assert_eq!(format_date_zh("2026-03-05"), "2026年3月5日");
        assert_eq!(format_date_zh("2026-13-05"), "2026-13-05");
        assert_eq!(format_date_zh("soon"), "soon");
        let d = NaiveDate::from_ymd_opt(2026, 11, 28).unwrap();
        assert_eq!(day_start_ms(d), 1_795_795_200_000);
        assert_eq!(iso_date(day_start_ms(d)), "2026-11-28");
        assert_eq!(iso_date(day_start_ms(d) - 1), "2026-11-27");
        assert_eq!(
            format_datetime_zh(1_795_797_000_000),
            "2026年11月28日 00:30"
        );
    }
}
