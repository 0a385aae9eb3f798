//! What the open API answers, as types: each derives its JSON Schema, so the OpenAPI document is
//! made from the very types the handlers serialize. These are the API's own types, not the
//! pages': a field is here only when the public pages show it, and a change to the site's
//! internals does not change the contract by accident.

use serde::Serialize;
use utoipa::openapi::schema::{ObjectBuilder, Type};
use utoipa::ToSchema;

/// A string schema that allows only `codes`.
fn codes<'a>(codes: impl IntoIterator<Item = &'a str>) -> ObjectBuilder {
    ObjectBuilder::new()
        .schema_type(Type::String)
        .enum_values(Some(codes.into_iter().map(str::to_string)))
}

macro_rules! code_schema {
    ($name:ident, $ty:ty) => {
        fn $name() -> ObjectBuilder {
            codes(<$ty>::ALL.iter().map(|c| c.code()))
        }
    };
}

code_schema!(stage_codes, crate::domain::solicitation::Stage);
code_schema!(identity_codes, crate::domain::opinion::Identity);
code_schema!(channel_codes, crate::domain::opinion::Channel);
code_schema!(status_codes, crate::domain::opinion::OpinionStatus);
code_schema!(session_kind_codes, crate::domain::consultation::Kind);
code_schema!(level_codes, crate::domain::deputy::Level);
code_schema!(provision_codes, crate::domain::statute::ProvisionKind);

fn call_status_codes() -> ObjectBuilder {
    use crate::domain::solicitation::Status;
    codes(
        Status::ALL
            .iter()
            .filter(|s| **s != Status::Draft)
            .map(|s| s.code()),
    )
}

fn session_status_codes() -> ObjectBuilder {
    use crate::domain::consultation::Status;
    codes(
        Status::ALL
            .iter()
            .filter(|s| **s != Status::Draft)
            .map(|s| s.code()),
    )
}

/// How a meeting's matter was handled, or null.
fn handling_codes() -> ObjectBuilder {
    use crate::domain::deputy::Handling;
    use utoipa::openapi::schema::SchemaType;
    ObjectBuilder::new()
        .schema_type(SchemaType::from_iter([Type::String, Type::Null]))
        .enum_values(Some(
            Handling::ALL
                .iter()
                .map(|h| serde_json::Value::from(h.code()))
                .chain([serde_json::Value::Null]),
        ))
}

fn phase_codes() -> ObjectBuilder {
    codes(["upcoming", "open", "ended"])
}

fn story_kind_codes() -> ObjectBuilder {
    codes(
        crate::domain::story::StoryKind::ALL
            .iter()
            .map(|k| k.code()),
    )
}

/// An error: what was wrong, in the language asked for (`lang=en` or `Accept-Language`).
#[derive(Debug, Serialize, ToSchema)]
pub struct ApiError {
    /// A stable code: `bad_parameter`, `unknown_parameter`, `not_found`, `rate_limited`,
    /// `unavailable`.
    pub code: String,
    /// A sentence for a person.
    pub message: String,
    /// The query parameter or path segment at fault, when one is.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parameter: Option<String>,
    /// Seconds to wait before the next request (with `rate_limited`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub retry_after_seconds: Option<u64>,
}

/// Adoption figures: the same computation as the site's statistics page.
#[derive(Debug, Serialize, ToSchema)]
pub struct Figures {
    /// Opinions received, in every status.
    pub received: i64,
    /// Passed moderation.
    pub accepted: i64,
    /// Sent up to the legislature (including those since answered).
    pub reported: i64,
    pub adopted: i64,
    pub partially_adopted: i64,
    pub not_adopted: i64,
    /// (adopted + partially adopted) / answered, in percent; null before any answer.
    pub adoption_rate: Option<f64>,
    /// Median days from an opinion's arrival to the legislature's answer; null before any.
    pub median_days_to_feedback: Option<f64>,
}

/// The figures of the whole site, with the breakdowns the statistics page shows.
#[derive(Debug, Serialize, ToSchema)]
pub struct SiteStatistics {
    pub figures: Figures,
    /// Opinions by status; they sum to `figures.received`.
    pub by_status: Vec<CodeCountStatus>,
    /// Opinions by channel; they sum to `figures.received`.
    pub by_channel: Vec<CodeCountChannel>,
    /// One line per public call for opinions.
    pub solicitations: Vec<SolicitationFigures>,
}

/// A count of opinions in one status.
#[derive(Debug, Serialize, ToSchema)]
pub struct CodeCountStatus {
    #[schema(schema_with = status_codes)]
    pub code: String,
    pub count: i64,
}

/// A count of opinions from one channel.
#[derive(Debug, Serialize, ToSchema)]
pub struct CodeCountChannel {
    #[schema(schema_with = channel_codes)]
    pub code: String,
    pub count: i64,
}

/// The figures of one call.
#[derive(Debug, Serialize, ToSchema)]
pub struct SolicitationFigures {
    pub id: i64,
    pub title: String,
    pub received: i64,
    pub accepted: i64,
    /// Adopted in full or in part.
    pub adopted: i64,
    pub adoption_rate: Option<f64>,
}

/// A call for opinions as lists show it.
#[derive(Debug, Serialize, ToSchema)]
pub struct SolicitationItem {
    pub id: i64,
    pub title: String,
    /// When in the making of a law the call is.
    #[schema(schema_with = stage_codes)]
    pub stage: String,
    /// Who issued the draft.
    pub issuer: String,
    #[schema(schema_with = call_status_codes)]
    pub status: String,
    /// Whether opinions are taken today.
    #[schema(schema_with = phase_codes)]
    pub phase: String,
    /// The first day opinions are taken (`2026-11-28`, Asia/Shanghai).
    pub opens_on: String,
    /// The last day opinions are taken.
    pub closes_on: String,
    /// Opinions received, in every status.
    pub opinions_received: i64,
    /// Whether the outcome has been published.
    pub has_outcome: bool,
    /// The page on the site.
    pub url: String,
}

/// A page of calls for opinions, newest first.
#[derive(Debug, Serialize, ToSchema)]
pub struct SolicitationList {
    pub items: Vec<SolicitationItem>,
    /// Pass as `after` for the next page; null on the last.
    pub next: Option<String>,
}

/// When an enacted text was adopted and promulgated.
#[derive(Debug, Serialize, ToSchema)]
pub struct Enactment {
    pub adopted_on: String,
    pub promulgated_on: String,
    /// Where it was published officially.
    pub official_url: String,
}

/// A version of a call's draft.
#[derive(Debug, Serialize, ToSchema)]
pub struct VersionItem {
    pub id: i64,
    /// As the legislature names it (`征求意见稿`, `二审稿`).
    pub label: String,
    pub article_count: i64,
    pub created_on: String,
    /// Whether this is the version now open for comment.
    pub current: bool,
    /// Set when this version is the enacted text.
    pub enacted: Option<Enactment>,
    pub url: String,
}

/// A call for opinions with its versions, its guiding questions and its figures.
#[derive(Debug, Serialize, ToSchema)]
pub struct SolicitationDetail {
    #[serde(flatten)]
    pub summary: SolicitationItem,
    /// The explanation, as sanitized HTML.
    pub explanation_html: String,
    /// Questions residents are asked to answer (calls without a draft).
    pub questions: Vec<String>,
    /// The published outcome, as sanitized HTML; empty before there is one.
    pub outcome_html: String,
    /// Every version of the draft, newest first.
    pub versions: Vec<VersionItem>,
    pub figures: Figures,
}

/// Accepted opinions on an article of the version shown.
#[derive(Debug, Serialize, ToSchema)]
pub struct ArticleCount {
    /// All of them, including those given on earlier versions' text that became this article.
    pub total: i64,
    /// Of which given on an earlier version.
    pub carried: i64,
}

/// One provision of a draft: a part, chapter, section, article, paragraph or item.
#[derive(Debug, Serialize, ToSchema)]
pub struct Provision {
    #[schema(schema_with = provision_codes)]
    pub kind: String,
    /// The label as written (`第十条之一`, `（二）`); empty for paragraphs.
    pub label: String,
    /// A heading (parts, chapters, sections) or the text (paragraphs, items).
    pub text: String,
    /// The anchor on the page (`art-10-1`), stable across requests.
    pub anchor: String,
    /// Articles: the page's address of the article; other kinds: null.
    pub url: Option<String>,
    /// Articles: accepted opinions on it; other kinds: null.
    pub opinions: Option<ArticleCount>,
    #[schema(no_recursion)]
    pub children: Vec<Provision>,
}

/// A version of a draft with its whole text as a tree.
#[derive(Debug, Serialize, ToSchema)]
pub struct VersionDetail {
    #[serde(flatten)]
    pub version: VersionItem,
    pub solicitation_id: i64,
    pub title: String,
    /// Lines between the title and the body, as written.
    pub preamble: Vec<String>,
    pub provisions: Vec<Provision>,
    /// Annexes, as written.
    pub annexes: Vec<String>,
    /// Accepted opinions on articles that this version deleted.
    pub opinions_on_deleted: i64,
}

/// An opinion a resident allowed to be published, after moderation. Never a name, a telephone
/// number, an address or an e-mail address.
#[derive(Debug, Serialize, ToSchema)]
pub struct PublishedOpinion {
    pub id: i64,
    /// The day it arrived.
    pub received_on: String,
    /// Who its author said they are.
    #[schema(schema_with = identity_codes)]
    pub identity: String,
    /// The version it was given on; null before versions were kept.
    pub version_id: Option<i64>,
    pub version_label: String,
    /// What it is about: an article's anchor (`art-3`), a question (`q-1`), or empty for the
    /// whole text.
    pub target: String,
    pub target_label: String,
    pub content: String,
    pub suggestion: String,
}

/// A page of published opinions, oldest first: poll with the last `next` for new ones.
#[derive(Debug, Serialize, ToSchema)]
pub struct OpinionList {
    pub items: Vec<PublishedOpinion>,
    pub next: Option<String>,
}

/// A consultation session as lists show it.
#[derive(Debug, Serialize, ToSchema)]
pub struct SessionItem {
    pub id: i64,
    #[schema(schema_with = session_kind_codes)]
    pub kind: String,
    pub title: String,
    pub topic: String,
    /// The contact point holding it; empty for the district itself.
    pub station_name: String,
    pub address: String,
    pub online_url: String,
    /// RFC 3339, with the +08:00 offset.
    pub starts_at: String,
    pub ends_at: String,
    pub capacity: i64,
    /// Places taken.
    pub taken: i64,
    pub waitlisted: i64,
    pub registration_opens_at: String,
    pub registration_closes_at: String,
    #[schema(schema_with = session_status_codes)]
    pub status: String,
    pub url: String,
}

/// A page of sessions, newest first.
#[derive(Debug, Serialize, ToSchema)]
pub struct SessionList {
    pub items: Vec<SessionItem>,
    pub next: Option<String>,
}

/// A session with its description and, once held, its minutes and outcomes.
#[derive(Debug, Serialize, ToSchema)]
pub struct SessionDetail {
    #[serde(flatten)]
    pub summary: SessionItem,
    pub description_html: String,
    /// The call for opinions it discusses, when that call is public.
    pub solicitation_id: Option<i64>,
    pub cancel_reason: String,
    pub minutes_html: String,
    pub outcomes_html: String,
}

/// A deputy of the people's congress.
#[derive(Debug, Serialize, ToSchema)]
pub struct DeputyItem {
    pub id: i64,
    pub name: String,
    #[schema(schema_with = level_codes)]
    pub level: String,
    pub constituency: String,
    pub station_name: String,
    pub intro: String,
    pub reception_days: String,
    pub url: String,
}

/// A page of deputies, newest first.
#[derive(Debug, Serialize, ToSchema)]
pub struct DeputyList {
    pub items: Vec<DeputyItem>,
    pub next: Option<String>,
}

/// The published account of a meeting with a deputy.
#[derive(Debug, Serialize, ToSchema)]
pub struct MeetingSummary {
    pub held_on: String,
    /// How the matter was handled.
    #[schema(schema_with = handling_codes)]
    pub handling: Option<String>,
    pub summary: String,
}

/// A deputy with the published accounts of their meetings with residents.
#[derive(Debug, Serialize, ToSchema)]
pub struct DeputyDetail {
    #[serde(flatten)]
    pub deputy: DeputyItem,
    pub meetings: Vec<MeetingSummary>,
}

/// A story as lists show it.
#[derive(Debug, Serialize, ToSchema)]
pub struct StoryItem {
    pub id: i64,
    pub slug: String,
    #[schema(schema_with = story_kind_codes)]
    pub kind: String,
    pub title: String,
    pub summary: String,
    pub published_on: String,
    pub url: String,
}

/// A page of stories, newest first.
#[derive(Debug, Serialize, ToSchema)]
pub struct StoryList {
    pub items: Vec<StoryItem>,
    pub next: Option<String>,
}

/// A whole story.
#[derive(Debug, Serialize, ToSchema)]
pub struct StoryDetail {
    #[serde(flatten)]
    pub summary: StoryItem,
    /// The body, as sanitized HTML.
    pub body_html: String,
}
