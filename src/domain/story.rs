//! Case stories, legislative stories and news (`Story`): the types shared by the public pages and
//! the staff editor, and the validation of what staff type.

use super::text::{self, FieldErrors, Problem, TextRule};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The kind of a story: 案例, 立法故事 or 新闻.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum StoryKind {
    Case,
    Legislative,
    News,
}

impl StoryKind {
    pub const ALL: [StoryKind; 3] = [StoryKind::Case, StoryKind::Legislative, StoryKind::News];

    /// The code stored in the database and used in URLs and forms.
    pub fn code(self) -> &'static str {
        match self {
            StoryKind::Case => "case",
            StoryKind::Legislative => "legislative",
            StoryKind::News => "news",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == code)
    }
}

/// What the public list shows of a story.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StorySummary {
    pub id: i64,
    pub slug: String,
    pub kind: StoryKind,
    pub title: String,
    pub summary: String,
    pub published_on: String,
    pub is_published: bool,
}

/// A whole story with its body already rendered to sanitized HTML.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Story {
    pub id: i64,
    pub slug: String,
    pub kind: StoryKind,
    pub title: String,
    pub summary: String,
    pub body_md: String,
    pub body_html: String,
    pub published_on: String,
    pub is_published: bool,
    pub updated_at: i64,
}

/// A story as validated from the editor, ready to store.
#[derive(Debug, Clone, PartialEq)]
pub struct NewStory {
    pub slug: Option<String>,
    pub kind: StoryKind,
    pub title: String,
    pub summary: String,
    pub body_md: String,
    pub published_on: NaiveDate,
}

pub const TITLE: TextRule = TextRule::line(true, 100);
pub const SUMMARY: TextRule = TextRule::block(false, 300);
pub const BODY: TextRule = TextRule::block(true, 50_000);
pub const SLUG_MAX: usize = 80;

/// One page of a list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Page<T> {
    pub items: Vec<T>,
    pub page: i64,
    pub pages: i64,
    pub total: i64,
}

/// Whether `slug` is lower-case letters, digits and single hyphens, e.g. `2026-jiedao-yijian`.
pub fn slug_is_valid(slug: &str) -> bool {
    !slug.is_empty()
        && slug.len() <= SLUG_MAX
        && !slug.starts_with('-')
        && !slug.ends_with('-')
        && !slug.contains("--")
        && slug
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// The raw strings of the story editor, exactly as typed.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct StoryInput {
    pub title: String,
    pub summary: String,
    pub body: String,
    pub kind: String,
    pub slug: String,
    pub published_on: String,
}

impl StoryInput {
    /// Checks every field and returns all problems at once.
    pub fn validate(&self) -> Result<NewStory, FieldErrors> {
        let mut errors = FieldErrors::default();
        let title = text::take(&mut errors, "title", &self.title, TITLE);
        let summary = text::take(&mut errors, "summary", &self.summary, SUMMARY);
        let body_md = text::take(&mut errors, "body", &self.body, BODY);
        let kind = StoryKind::from_code(self.kind.trim());
        if kind.is_none() {
            errors.add("kind", Problem::BadChoice);
        }
        let slug = self.slug.trim().to_ascii_lowercase();
        if !slug.is_empty() && !slug_is_valid(&slug) {
            errors.add("slug", Problem::SlugFormat);
        }
        let published_on = NaiveDate::parse_from_str(self.published_on.trim(), "%Y-%m-%d").ok();
        if self.published_on.trim().is_empty() {
            errors.add("published_on", Problem::Required);
        } else if published_on.is_none() {
            errors.add("published_on", Problem::BadDate);
        }
        match (kind, published_on) {
            (Some(kind), Some(published_on)) if errors.is_empty() => Ok(NewStory {
                slug: (!slug.is_empty()).then_some(slug),
                kind,
                title,
                summary,
                body_md,
                published_on,
            }),
            _ => Err(errors),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input() -> StoryInput {
        StoryInput {
            title: "社区议事厅里的立法建议".into(),
            summary: "".into(),
            body: "正文".into(),
            kind: "case".into(),
            slug: "".into(),
            published_on: "2026-11-28".into(),
        }
    }

    #[test]
    fn a_complete_story_is_valid() {
        let s = input().validate().unwrap();
        assert_eq!(s.kind, StoryKind::Case);
        assert_eq!(s.slug, None);
    }

    #[test]
    fn every_problem_is_reported_at_once() {
        let bad = StoryInput {
            title: "  ".into(),
            body: "x".repeat(50_001),
            kind: "poem".into(),
            slug: "Bad Slug!".into(),
            published_on: "2026-13-01".into(),
            ..input()
        };
        let e = bad.validate().unwrap_err();
        assert_eq!(e.get("title"), Some(&Problem::BlankOnly));
        assert_eq!(
            e.get("body"),
            Some(&Problem::TooLong {
                max: 50_000,
                actual: 50_001
            })
        );
        assert_eq!(e.get("kind"), Some(&Problem::BadChoice));
        assert_eq!(e.get("published_on"), Some(&Problem::BadDate));
        // Upper case is folded, but spaces and punctuation are not allowed.
        assert_eq!(e.get("slug"), Some(&Problem::SlugFormat));
    }

    #[test]
    fn slug_rules() {
        assert!(slug_is_valid("2026-11-28"));
        assert!(slug_is_valid("jiedao-yijian"));
        assert!(!slug_is_valid("-a"));
        assert!(!slug_is_valid("a--b"));
        assert!(!slug_is_valid("中文"));
        assert!(!slug_is_valid(&"a".repeat(81)));
        let s = StoryInput {
            slug: "Case-One".into(),
            ..input()
        }
        .validate()
        .unwrap();
        assert_eq!(s.slug.as_deref(), Some("case-one"));
    }
}
