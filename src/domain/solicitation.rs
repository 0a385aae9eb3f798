//! Solicitations (征集): one call for opinions, in one of three stages of the legislative process,
//! with its draft versions. The types shared by the public pages and the staff editor, the rule for
//! whether a solicitation takes opinions now, and the validation of what staff type.

use super::account::StationOption;
use super::statute::ParsedDraft;
use super::text::{self, FieldErrors, Problem, TextRule};
use super::time::{day_start_ms, iso_date, DAY_MS};
use crate::coded_enum;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

coded_enum! {
    /// Where in the legislative process the call for opinions stands.
    pub enum Stage {
        /// 立法前: what should be legislated, and why.
        Planning = "planning",
        /// 立法中: comments on a draft, article by article.
        Drafting = "drafting",
        /// 立法后: how an enacted regulation works in practice.
        Evaluation = "evaluation",
    }
}

coded_enum! {
    /// The life of a solicitation: draft → open → closed → reported → concluded.
    pub enum Status {
        Draft = "draft",
        Open = "open",
        Closed = "closed",
        Reported = "reported",
        Concluded = "concluded",
    }
}

/// Whether a solicitation takes opinions at an instant, and if not, why.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Phase {
    /// Not published yet: the public does not see it.
    Unpublished,
    NotYetOpen,
    Accepting,
    Ended,
}

/// What the lists show of a solicitation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SolicitationSummary {
    pub id: i64,
    pub title: String,
    pub stage: Stage,
    pub issuer: String,
    pub status: Status,
    pub opens_at: i64,
    pub closes_at: i64,
    /// The outcome summary in sanitized HTML, empty until there is one.
    pub outcome_html: String,
    /// Opinions received (every status).
    pub opinion_count: i64,
}

impl SolicitationSummary {
    /// Whether opinions are taken at `now`.
    pub fn phase(&self, now: i64) -> Phase {
        phase(self.status, self.opens_at, self.closes_at, now)
    }
    /// The opening date (Shanghai), `2026-11-28`.
    pub fn opens_on(&self) -> String {
        iso_date(self.opens_at)
    }
    /// The last day opinions are taken (Shanghai), `2026-12-31`.
    pub fn closes_on(&self) -> String {
        iso_date(self.closes_at - 1)
    }
}

/// Whether a solicitation with this status and window takes opinions at `now`.
pub fn phase(status: Status, opens_at: i64, closes_at: i64, now: i64) -> Phase {
    match status {
        Status::Draft => Phase::Unpublished,
        Status::Open if now < opens_at => Phase::NotYetOpen,
        Status::Open if now < closes_at => Phase::Accepting,
        _ => Phase::Ended,
    }
}

/// Whole days left until `closes_at`, counting a part day as one.
pub fn days_left(closes_at: i64, now: i64) -> i64 {
    ((closes_at - now).max(0) + DAY_MS - 1) / DAY_MS
}

/// One version of a draft in the list of versions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct VersionInfo {
    pub id: i64,
    pub label: String,
    pub article_count: i64,
    pub created_at: i64,
    /// Set when this version is the enacted text (通过稿).
    pub enacted: Option<Enactment>,
}

/// When an enacted text was adopted and promulgated, and where it was published officially.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Enactment {
    /// `2027-01-10`.
    pub adopted_on: String,
    pub promulgated_on: String,
    pub official_url: String,
}

/// The most characters of the address of an official publication.
pub const OFFICIAL_URL_MAX: usize = 500;

/// Reads the enactment fields of the new-version form: both dates real and not in the future
/// (`today`), promulgation not before adoption, and an http(s) address; each problem is added to
/// `errors` under its field.
pub fn enactment(
    errors: &mut FieldErrors,
    adopted_on: &str,
    promulgated_on: &str,
    official_url: &str,
    today: &str,
) -> Enactment {
    let mut date = |field: &str, raw: &str| -> Option<NaiveDate> {
        let raw = raw.trim();
        if raw.is_empty() {
            errors.add(field, Problem::Required);
            return None;
        }
        match NaiveDate::parse_from_str(raw, "%Y-%m-%d") {
            Err(_) => {
                errors.add(field, Problem::BadDate);
                None
            }
            Ok(d) if d.format("%Y-%m-%d").to_string().as_str() > today => {
                errors.add(field, Problem::InFuture);
                None
            }
            Ok(d) => Some(d),
        }
    };
    let adopted = date("adopted_on", adopted_on);
    let promulgated = date("promulgated_on", promulgated_on);
    if let (Some(a), Some(p)) = (adopted, promulgated) {
        if p < a {
            errors.add("promulgated_on", Problem::PromulgatedBeforeAdopted);
        }
    }
    let url = official_url.trim().to_string();
    if url.is_empty() {
        errors.add("official_url", Problem::Required);
    } else if url.len() > OFFICIAL_URL_MAX || !super::consultation::is_web_link(&url) {
        errors.add("official_url", Problem::UrlFormat);
    }
    Enactment {
        adopted_on: adopted.map(|d| d.to_string()).unwrap_or_default(),
        promulgated_on: promulgated.map(|d| d.to_string()).unwrap_or_default(),
        official_url: url,
    }
}

/// A solicitation with everything its public page shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Solicitation {
    pub summary: SolicitationSummary,
    pub explanation_md: String,
    pub explanation_html: String,
    pub questions: Vec<String>,
    pub outcome_md: String,
    pub stations: Vec<StationOption>,
    /// Every version of the draft, newest first.
    pub versions: Vec<VersionInfo>,
    pub updated_at: i64,
}

/// A version of a draft with its parsed text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DraftText {
    pub info: VersionInfo,
    pub parsed: ParsedDraft,
}

/// What a resident may comment on: the whole text, an article, or a guiding question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Target {
    /// `""`, `art-3`, `art-10-1` or `q-2`.
    pub key: String,
    /// `第三条`, or the question's text.
    pub label: String,
}

/// The targets a solicitation offers: articles of the current draft, else the guiding questions.
pub fn targets(questions: &[String], draft: Option<&ParsedDraft>) -> Vec<Target> {
    match draft {
        Some(d) => d
            .articles()
            .into_iter()
            .map(|a| Target {
                key: a.anchor.clone(),
                label: a.label.clone(),
            })
            // A text made by an amending draft also takes opinions on each of its points.
            .chain(d.amendment.iter().flat_map(|a| {
                a.points.iter().map(|p| Target {
                    key: crate::domain::amend::target_key(p.number),
                    label: p.title(),
                })
            }))
            .collect(),
        None => questions
            .iter()
            .enumerate()
            .map(|(i, q)| Target {
                key: format!("q-{}", i + 1),
                label: q.clone(),
            })
            .collect(),
    }
}

/// The target key named by a `?article=` value: `3` or `10-1` (or the anchor itself).
pub fn article_key(param: &str) -> String {
    let p = param.trim();
    if p.starts_with("art-") || p.starts_with("q-") || p.starts_with("amd-") {
        p.to_string()
    } else {
        format!("art-{p}")
    }
}

/// A solicitation as validated from the editor, ready to store.
#[derive(Debug, Clone, PartialEq)]
pub struct NewSolicitation {
    pub title: String,
    pub stage: Stage,
    pub issuer: String,
    pub explanation_md: String,
    pub questions: Vec<String>,
    pub opens_at: i64,
    pub closes_at: i64,
    pub status: Status,
    pub outcome_md: String,
    pub station_ids: Vec<i64>,
}

pub const TITLE: TextRule = TextRule::line(true, 120);
pub const ISSUER: TextRule = TextRule::line(true, 60);
pub const EXPLANATION: TextRule = TextRule::block(false, 20_000);
pub const QUESTIONS: TextRule = TextRule::block(false, 2_000);
pub const OUTCOME: TextRule = TextRule::block(false, 20_000);
pub const QUESTION_MAX: usize = 200;
pub const VERSION_LABEL: TextRule = TextRule::line(true, 40);
pub const DRAFT_SOURCE: TextRule = TextRule::block(true, 300_000);

/// The raw strings of the solicitation editor, exactly as typed.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SolicitationInput {
    pub title: String,
    pub stage: String,
    pub issuer: String,
    pub explanation: String,
    pub questions: String,
    pub opens_on: String,
    pub closes_on: String,
    pub status: String,
    pub outcome: String,
    /// Station ids, comma-separated (several checkboxes of one name arrive joined).
    pub stations: String,
}

pub(crate) fn date_field(errors: &mut FieldErrors, field: &str, raw: &str) -> Option<NaiveDate> {
    let raw = raw.trim();
    if raw.is_empty() {
        errors.add(field, Problem::Required);
        return None;
    }
    let d = NaiveDate::parse_from_str(raw, "%Y-%m-%d").ok();
    if d.is_none() {
        errors.add(field, Problem::BadDate);
    }
    d
}

impl SolicitationInput {
    /// Checks every field and returns all problems at once. `known_stations` are the ids that
    /// exist.
    pub fn validate(&self, known_stations: &[i64]) -> Result<NewSolicitation, FieldErrors> {
        let mut errors = FieldErrors::default();
        let title = text::take(&mut errors, "title", &self.title, TITLE);
        let issuer = text::take(&mut errors, "issuer", &self.issuer, ISSUER);
        let explanation_md = text::take(&mut errors, "explanation", &self.explanation, EXPLANATION);
        let questions_raw = text::take(&mut errors, "questions", &self.questions, QUESTIONS);
        let questions: Vec<String> = questions_raw
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(str::to_string)
            .collect();
        if let Some(q) = questions.iter().find(|q| q.chars().count() > QUESTION_MAX) {
            errors.add(
                "questions",
                Problem::LineTooLong {
                    max: QUESTION_MAX,
                    actual: q.chars().count(),
                },
            );
        }
        let outcome_md = text::take(&mut errors, "outcome", &self.outcome, OUTCOME);
        let stage = Stage::from_code(self.stage.trim());
        if stage.is_none() {
            errors.add("stage", Problem::BadChoice);
        }
        let status = Status::from_code(self.status.trim());
        if status.is_none() {
            errors.add("status", Problem::BadChoice);
        }
        let opens = date_field(&mut errors, "opens_on", &self.opens_on);
        let closes = date_field(&mut errors, "closes_on", &self.closes_on);
        if let (Some(o), Some(c)) = (opens, closes) {
            if c < o {
                errors.add("closes_on", Problem::EndBeforeStart);
            }
        }
        let mut station_ids = Vec::new();
        for s in self
            .stations
            .split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
        {
            match s.parse::<i64>() {
                Ok(id) if known_stations.contains(&id) => {
                    if !station_ids.contains(&id) {
                        station_ids.push(id);
                    }
                }
                _ => errors.add("stations", Problem::BadChoice),
            }
        }
        match (stage, status, opens, closes) {
            (Some(stage), Some(status), Some(o), Some(c)) if errors.is_empty() => {
                Ok(NewSolicitation {
                    title,
                    stage,
                    issuer,
                    explanation_md,
                    questions,
                    opens_at: day_start_ms(o),
                    // Open through the whole closing day.
                    closes_at: day_start_ms(c) + DAY_MS,
                    status,
                    outcome_md,
                    station_ids,
                })
            }
            _ => Err(errors),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input() -> SolicitationInput {
        SolicitationInput {
            title: "养老服务条例草案征求意见".into(),
            stage: "drafting".into(),
            issuer: "区人大常委会".into(),
            explanation: "## 说明".into(),
            questions: "".into(),
            opens_on: "2026-11-01".into(),
            closes_on: "2026-11-30".into(),
            status: "open".into(),
            outcome: "".into(),
            stations: "1,2".into(),
        }
    }

    #[test]
    fn the_window_covers_the_whole_closing_day() {
        let s = input().validate(&[1, 2]).unwrap();
        assert_eq!(iso_date(s.opens_at), "2026-11-01");
        assert_eq!(iso_date(s.closes_at - 1), "2026-11-30");
        assert_eq!(iso_date(s.closes_at), "2026-12-01");
        assert_eq!(
            phase(s.status, s.opens_at, s.closes_at, s.opens_at - 1),
            Phase::NotYetOpen
        );
        assert_eq!(
            phase(s.status, s.opens_at, s.closes_at, s.opens_at),
            Phase::Accepting
        );
        assert_eq!(
            phase(s.status, s.opens_at, s.closes_at, s.closes_at),
            Phase::Ended
        );
        assert_eq!(
            phase(Status::Draft, s.opens_at, s.closes_at, s.opens_at),
            Phase::Unpublished
        );
        assert_eq!(
            phase(Status::Closed, s.opens_at, s.closes_at, s.opens_at),
            Phase::Ended
        );
        assert_eq!(days_left(s.closes_at, s.closes_at - 1), 1);
        assert_eq!(days_left(s.closes_at, s.closes_at - DAY_MS - 1), 2);
    }

    #[test]
    fn every_problem_is_reported_at_once() {
        let bad = SolicitationInput {
            title: "".into(),
            stage: "later".into(),
            opens_on: "2026-12-01".into(),
            closes_on: "2026-11-30".into(),
            stations: "1,9".into(),
            questions: format!("好问题\n{}", "问".repeat(201)),
            ..input()
        };
        let e = bad.validate(&[1, 2]).unwrap_err();
        assert_eq!(e.get("title"), Some(&Problem::Required));
        assert_eq!(e.get("stage"), Some(&Problem::BadChoice));
        assert_eq!(e.get("closes_on"), Some(&Problem::EndBeforeStart));
        assert_eq!(e.get("stations"), Some(&Problem::BadChoice));
        assert_eq!(
            e.get("questions"),
            Some(&Problem::LineTooLong {
                max: 200,
                actual: 201
            })
        );
    }

    #[test]
    fn article_parameters_name_anchors() {
        assert_eq!(article_key("3"), "art-3");
        assert_eq!(article_key("10-1"), "art-10-1");
        assert_eq!(article_key("art-4"), "art-4");
        let qs = vec!["一".to_string(), "二".to_string()];
        let t = targets(&qs, None);
        assert_eq!(t[1].key, "q-2");
    }
}
