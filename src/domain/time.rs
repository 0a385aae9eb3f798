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

/// `14:05` (Shanghai) of an instant.
pub fn clock_time(ms: i64) -> String {
    use chrono::Timelike;
    DateTime::from_timestamp_millis(ms)
        .map(|t| t.with_timezone(&shanghai()))
        .map(|t| format!("{:02}:{:02}", t.hour(), t.minute()))
        .unwrap_or_default()
}

/// `2026年11月28日` from `2026-11-28`; the input unchanged if it is not such a date. Written
/// without chrono because it runs in the browser too, and chrono's parser and formatter would
/// otherwise be linked into the bundle for this one job.
pub fn format_date_zh(iso: &str) -> String {
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
    match (year, month, day) {
        (Some(y), Some(m), Some(d)) => format!("{y}年{m}月{d}日"),
        _ => iso.to_string(),
    }
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
