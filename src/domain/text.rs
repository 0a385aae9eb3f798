//! Rules for free text typed by people: trimming, length limits counted in characters (a Chinese
//! character is one), control characters, and the per-field problems that validation reports.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// What is wrong with one field. The words a person reads are made from this by `i18n`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Problem {
    Required,
    BlankOnly,
    TooLong {
        max: usize,
        actual: usize,
    },
    TooShort {
        min: usize,
        actual: usize,
    },
    ControlChars,
    SlugFormat,
    SlugTaken {
        by: String,
    },
    BadDate,
    BadChoice,
    UsernameFormat,
    UsernameTaken,
    PasswordTooCommon,
    PasswordMismatch,
    BadCredentials,
    AccountDisabled,
    /// Too many failed sign-ins from this address: the next attempt is heard after `seconds`.
    SignInWait {
        seconds: i64,
    },
    /// Too many sign-ins are being checked at once; try again in a moment.
    SignInBusy,
    /// The form had problems, but this address sent back so much within the hour that what was
    /// typed could not be kept.
    DraftNotKept,
    RecordChanged,
    /// One line of a multi-line field (a guiding question) is too long.
    LineTooLong {
        max: usize,
        actual: usize,
    },
    EndBeforeStart,
    PhoneFormat,
    ConsentRequired,
    /// The solicitation takes opinions from `opens_on` to `closes_on` (dates, `2026-11-28`).
    NotOpenYet {
        opens_on: String,
        closes_on: String,
    },
    ClosedSince {
        opens_on: String,
        closes_on: String,
    },
    NotPublished,
    /// Too many submissions from one address within the hour.
    RateLimited {
        per_hour: i64,
    },
    /// The draft text changed (or was never checked) since its parsed result was shown.
    NotPreviewed,
    /// A pairing correction names no article of the version before: the later article
    /// (第十四条), what was typed, and the earlier version's label.
    NoSuchArticle {
        article: String,
        given: String,
        version: String,
    },
    /// A promulgation date before the adoption date.
    PromulgatedBeforeAdopted,
    /// Another version was saved since the alignment shown was made (its label).
    VersionChanged {
        version: String,
    },
    /// A date that has not come yet (the day a letter was received).
    InFuture,
    /// No opinion has this tracking code and mobile number (or the code is malformed).
    TrackingNotFound,
    TooManyLookups,
    /// An action was asked for but no opinion was ticked.
    NothingSelected,
    /// More items than one action may take.
    TooMany {
        max: usize,
        actual: usize,
    },
    /// Not a tracking code of the form `YJ-2026-7K3Q9`.
    CodeFormat,
    /// No opinion on this solicitation has the code given to merge into.
    MergeTargetMissing,
    /// The opinion to merge into was itself rejected or merged (its status's label).
    MergeTargetClosed {
        status: String,
    },
    /// The opinion to merge into is among those being merged.
    MergeIntoItself,
    /// The opinions to merge belong to different solicitations.
    MergeAcrossSolicitations,
    /// No accepted opinion waits to be compiled into a report.
    NothingToReport,
    /// The report was sent and can no longer change.
    AlreadySent,
    /// Not an e-mail address of the form name@example.com.
    EmailFormat,
    /// A whole number outside `min..=max` (or not a number).
    NumberRange {
        min: i64,
        max: i64,
    },
    /// Not a web address starting with http:// or https://.
    UrlFormat,
    /// Neither an address nor an online link was given for a session.
    PlaceRequired,
    /// Not a time of day of the form 14:30.
    TimeFormat,
    /// An end time that is not after the start time.
    EndNotAfterStart,
    /// A registration window that closes after the session's day.
    AfterSession,
    /// Registration opens on `opens` and closes at `closes` (both written out for a person).
    RegistrationNotOpen {
        opens: String,
        closes: String,
    },
    RegistrationClosed {
        opens: String,
        closes: String,
    },
    /// The session was cancelled.
    SessionCancelled,
    /// This mobile number already holds a place (or a waitlist spot) in the session.
    AlreadyRegistered,
    /// No registration for this session has the code given.
    RegistrationNotFound,
    /// The registration with this code holds no place (waitlisted or cancelled).
    CannotCheckIn {
        name: String,
        status: String,
    },
    /// The views of this session registration were already entered as an opinion.
    AlreadyEntered,
    /// A date and time that has already passed.
    InPast,
    /// The chosen reception slot is no longer offered (cancelled, past, or not this deputy's).
    SlotGone,
    /// The chosen reception slot has no place left.
    SlotFull,
    /// This mobile number already holds a booking in the slot.
    AlreadyBooked,
    /// A capacity below the places already confirmed.
    CapacityBelowTaken {
        taken: i64,
    },
}

/// Problems keyed by field name (the `name` of the form control). `_form` is the whole form.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldErrors(pub BTreeMap<String, Problem>);

/// The key used for a problem that belongs to the whole form rather than one field.
pub const FORM: &str = "_form";

impl FieldErrors {
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
    pub fn add(&mut self, field: &str, problem: Problem) {
        self.0.entry(field.to_string()).or_insert(problem);
    }
    pub fn get(&self, field: &str) -> Option<&Problem> {
        self.0.get(field)
    }
    pub fn single(field: &str, problem: Problem) -> Self {
        let mut e = Self::default();
        e.add(field, problem);
        e
    }
}

/// Limits for one text field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct TextRule {
    pub required: bool,
    pub min: usize,
    pub max: usize,
    /// Whether line breaks and tabs are allowed (multi-line fields).
    pub multiline: bool,
}

impl TextRule {
    pub const fn line(required: bool, max: usize) -> Self {
        Self {
            required,
            min: 0,
            max,
            multiline: false,
        }
    }
    pub const fn block(required: bool, max: usize) -> Self {
        Self {
            required,
            min: 0,
            max,
            multiline: true,
        }
    }
}

fn is_forbidden_control(c: char, multiline: bool) -> bool {
    if multiline && (c == '\n' || c == '\t') {
        return false;
    }
    // C0 and C1 controls, DEL, and the bidirectional overrides that can disguise text.
    c.is_control() || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// `text` cut to at most `max` characters, `…` standing for what was cut.
pub fn clip(text: &str, max: usize) -> String {
    match text.chars().count() {
        n if n > max => text
            .chars()
            .take(max.saturating_sub(1))
            .chain(['…'])
            .collect(),
        _ => text.to_string(),
    }
}

/// Normalises line endings, trims, and checks `raw` against `rule`. Returns the cleaned text
/// (empty when an optional field was left blank).
pub fn clean(raw: &str, rule: TextRule) -> Result<String, Problem> {
    let text = raw.replace("\r\n", "\n").replace('\r', "\n");
    if text
        .chars()
        .any(|c| is_forbidden_control(c, rule.multiline))
    {
        return Err(Problem::ControlChars);
    }
    let trimmed = text.trim();
    if trimmed.is_empty() {
        if !text.is_empty() && rule.required {
            return Err(Problem::BlankOnly);
        }
        return if rule.required {
            Err(Problem::Required)
        } else {
            Ok(String::new())
        };
    }
    let n = trimmed.chars().count();
    if n > rule.max {
        return Err(Problem::TooLong {
            max: rule.max,
            actual: n,
        });
    }
    if n < rule.min {
        return Err(Problem::TooShort {
            min: rule.min,
            actual: n,
        });
    }
    Ok(trimmed.to_string())
}

/// Runs [`clean`] and records a problem under `field` instead of returning it.
pub fn take(errors: &mut FieldErrors, field: &str, raw: &str, rule: TextRule) -> String {
    self::field(errors, field, clean(raw, rule))
}

/// A checked value, or empty with its problem recorded under `field`.
pub fn field(errors: &mut FieldErrors, field: &str, checked: Result<String, Problem>) -> String {
    checked.unwrap_or_else(|p| {
        errors.add(field, p);
        String::new()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_chinese_characters_not_bytes() {
        let rule = TextRule::line(true, 4);
        assert_eq!(clean("人民代表", rule), Ok("人民代表".into()));
        assert_eq!(
            clean("人民代表大", rule),
            Err(Problem::TooLong { max: 4, actual: 5 })
        );
    }

    #[test]
    fn whitespace_only_is_its_own_problem() {
        let rule = TextRule::line(true, 10);
        assert_eq!(clean("   \u{3000} ", rule), Err(Problem::BlankOnly));
        assert_eq!(clean("", rule), Err(Problem::Required));
        assert_eq!(clean("  ", TextRule::line(false, 10)), Ok(String::new()));
    }

    #[test]
    fn control_characters_are_refused() {
        assert_eq!(
            clean("a\u{0007}b", TextRule::line(true, 10)),
            Err(Problem::ControlChars)
        );
        assert_eq!(
            clean("a\nb", TextRule::line(true, 10)),
            Err(Problem::ControlChars)
        );
        assert_eq!(
            clean("a\u{202E}b", TextRule::block(true, 10)),
            Err(Problem::ControlChars)
        );
        assert_eq!(
            clean("a\r\nb\tc", TextRule::block(true, 10)),
            Ok("a\nb\tc".into())
        );
    }

    #[test]
    fn minimum_length() {
        let rule = TextRule {
            required: true,
            min: 5,
            max: 10,
            multiline: false,
        };
        assert_eq!(
            clean("意见", rule),
            Err(Problem::TooShort { min: 5, actual: 2 })
        );
    }
}
