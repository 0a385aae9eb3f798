//! The open API's handlers. Each reads through the repository functions the public pages use
//! (or, for cursor paging, through ones with the same conditions), and maps what it read to the
//! API's own [`model`] types.

use super::model::{self, ApiError};
use super::{page, Ask, Failure, LangOnly, Paging};
use crate::server::{db, state::AppState};
use axum::extract::{Path, State};
use axum::Json;
use utoipa::IntoParams;

type Answer<T> = Result<Json<T>, Failure>;

fn site(state: &AppState) -> &str {
    state.config.site_url.trim_end_matches('/')
}

/// A list's query: `kind` of stories besides the paging.
#[derive(IntoParams)]
#[into_params(parameter_in = Query)]
#[allow(dead_code)]
pub struct StoryQuery {
    /// Only stories of this kind: `case`, `legislative` or `news`.
    kind: Option<String>,
    /// Items per page, 1 to 100 (default 20).
    limit: Option<u32>,
    /// The `next` of the previous page; leave out for the first page.
    after: Option<String>,
    /// `en` for messages in English (default Chinese; `Accept-Language` is read too).
    lang: Option<String>,
}

fn figures(s: &crate::domain::stats::Stats) -> model::Figures {
    model::Figures {
        received: s.received,
        accepted: s.accepted,
        reported: s.reported,
        adopted: s.adopted,
        partially_adopted: s.partially_adopted,
        not_adopted: s.not_adopted,
        adoption_rate: s.adoption_rate,
        median_days_to_feedback: s.median_days_to_feedback,
    }
}

fn solicitation_item(
    site: &str,
    s: &crate::domain::solicitation::SolicitationSummary,
    now: i64,
) -> model::SolicitationItem {
    use crate::domain::solicitation::Phase;
    model::SolicitationItem {
        id: s.id,
        title: s.title.clone(),
        stage: s.stage.code().into(),
        issuer: s.issuer.clone(),
        status: s.status.code().into(),
        phase: match s.phase(now) {
            Phase::NotYetOpen | Phase::Unpublished => "upcoming",
            Phase::Accepting => "open",
            Phase::Ended => "ended",
        }
        .into(),
        opens_on: s.opens_on(),
        closes_on: s.closes_on(),
        opinions_received: s.opinion_count,
        has_outcome: !s.outcome_html.is_empty(),
        url: format!("{site}/solicitations/{}", s.id),
    }
}

fn version_item(
    site: &str,
    solicitation: i64,
    v: &crate::domain::solicitation::VersionInfo,
    current: bool,
) -> model::VersionItem {
    model::VersionItem {
        id: v.id,
        label: v.label.clone(),
        article_count: v.article_count,
        created_on: crate::domain::time::iso_date(v.created_at),
        current,
        enacted: v.enacted.as_ref().map(|e| model::Enactment {
            adopted_on: e.adopted_on.clone(),
            promulgated_on: e.promulgated_on.clone(),
            official_url: e.official_url.clone(),
        }),
        url: if current {
            format!("{site}/solicitations/{solicitation}")
        } else {
            format!("{site}/solicitations/{solicitation}?version={}", v.id)
        },
    }
}

/// A public call (not a draft), else 404.
async fn public_call(
    state: &AppState,
    ask: &Ask,
    id: i64,
) -> Result<crate::domain::solicitation::Solicitation, Failure> {
    db::solicitations::get(&state.db, id)
        .await
        .map_err(|e| ask.down(e))?
        .filter(|s| s.summary.status != crate::domain::solicitation::Status::Draft)
        .ok_or_else(|| ask.not_found())
}

/// Calls for opinions, newest first.
#[utoipa::path(get, path = "/api/v1/solicitations", tag = "solicitations", params(Paging),
    responses(
        (status = 200, description = "A page of public calls for opinions", body = model::SolicitationList),
        (status = 400, description = "A bad query parameter", body = ApiError),
        (status = 429, description = "Too many requests from this address", body = ApiError)
    ))]
pub async fn solicitations(
    State(state): State<AppState>,
    ask: Ask,
) -> Answer<model::SolicitationList> {
    let q = ask.only::<Paging>()?;
    let (limit, after) = ask.paging(q)?;
    let mut all = db::solicitations::list_public(&state.db)
        .await
        .map_err(|e| ask.down(e))?;
    all.sort_by_key(|s| std::cmp::Reverse(s.id));
    let rows: Vec<_> = all
        .into_iter()
        .filter(|s| after.is_none_or(|a| s.id < a))
        .take(limit + 1)
        .collect();
    let (rows, next) = page(rows, limit, |s| s.id);
    let now = db::now_ms();
    let site = site(&state);
    Ok(Json(model::SolicitationList {
        items: rows
            .iter()
            .map(|s| solicitation_item(site, s, now))
            .collect(),
        next,
    }))
}

/// A call for opinions with its versions and figures.
#[utoipa::path(get, path = "/api/v1/solicitations/{id}", tag = "solicitations",
    params(("id" = i64, Path, description = "The call's id"), LangOnly),
    responses(
        (status = 200, description = "The call", body = model::SolicitationDetail),
        (status = 400, description = "A bad id or query parameter", body = ApiError),
        (status = 404, description = "No such public call", body = ApiError),
        (status = 429, description = "Too many requests from this address", body = ApiError)
    ))]
pub async fn solicitation(
    State(state): State<AppState>,
    Path(id): Path<String>,
    ask: Ask,
) -> Answer<model::SolicitationDetail> {
    ask.only::<LangOnly>()?;
    let id = ask.id("id", &id)?;
    let s = public_call(&state, &ask, id).await?;
    let stats = db::stats::compute(&state.db, Some(id))
        .await
        .map_err(|e| ask.down(e))?;
    let site = site(&state);
    let current = s.versions.first().map(|v| v.id);
    Ok(Json(model::SolicitationDetail {
        summary: solicitation_item(site, &s.summary, db::now_ms()),
        explanation_html: s.explanation_html.clone(),
        questions: s.questions.clone(),
        outcome_html: s.summary.outcome_html.clone(),
        versions: s
            .versions
            .iter()
            .map(|v| version_item(site, id, v, Some(v.id) == current))
            .collect(),
        figures: figures(&stats),
    }))
}

fn provisions(
    nodes: &[crate::domain::statute::Provision],
    heat: &[crate::domain::trail::Heat],
    page_url: &str,
) -> Vec<model::Provision> {
    use crate::domain::statute::ProvisionKind;
    nodes
        .iter()
        .map(|n| {
            let article = n.kind == ProvisionKind::Article;
            model::Provision {
                kind: n.kind.code().into(),
                label: n.label.clone(),
                text: n.text.clone(),
                anchor: n.anchor.clone(),
                url: article.then(|| format!("{page_url}#{}", n.anchor)),
                opinions: article.then(|| {
                    let h = heat.iter().find(|h| h.anchor == n.anchor);
                    model::ArticleCount {
                        total: h.map_or(0, |h| h.total),
                        carried: h.map_or(0, |h| h.carried),
                    }
                }),
                children: provisions(&n.children, heat, page_url),
            }
        })
        .collect()
}

/// A version of a call's draft: its whole text as a tree, with accepted opinions per article.
#[utoipa::path(get, path = "/api/v1/solicitations/{id}/versions/{version}", tag = "solicitations",
    params(
        ("id" = i64, Path, description = "The call's id"),
        ("version" = i64, Path, description = "The version's id, from the call's `versions`"),
        LangOnly
    ),
    responses(
        (status = 200, description = "The version's text", body = model::VersionDetail),
        (status = 400, description = "A bad id or query parameter", body = ApiError),
        (status = 404, description = "No such public call, or no such version of it", body = ApiError),
        (status = 429, description = "Too many requests from this address", body = ApiError)
    ))]
pub async fn version(
    State(state): State<AppState>,
    Path((id, version)): Path<(String, String)>,
    ask: Ask,
) -> Answer<model::VersionDetail> {
    ask.only::<LangOnly>()?;
    let id = ask.id("id", &id)?;
    let version = ask.id("version", &version)?;
    let s = public_call(&state, &ask, id).await?;
    let d = db::solicitations::draft(&state.db, id, Some(version))
        .await
        .map_err(|e| ask.down(e))?
        .ok_or_else(|| ask.not_found())?;
    let lineage = db::trail::lineage(&state.db, id)
        .await
        .map_err(|e| ask.down(e))?;
    let counts = db::trail::accepted_counts(&state.db, id)
        .await
        .map_err(|e| ask.down(e))?;
    let (heat, deleted) = crate::domain::trail::heat(&lineage, d.info.id, &counts);
    let current = s.versions.first().map(|v| v.id) == Some(d.info.id);
    let v = version_item(site(&state), id, &d.info, current);
    let tree = provisions(&d.parsed.body, &heat, &v.url);
    Ok(Json(model::VersionDetail {
        version: v,
        solicitation_id: id,
        title: d.parsed.title.clone(),
        preamble: d.parsed.preamble.clone(),
        provisions: tree,
        annexes: d.parsed.annexes.clone(),
        opinions_on_deleted: deleted,
    }))
}

/// Published opinions on a call, oldest first.
#[utoipa::path(get, path = "/api/v1/solicitations/{id}/opinions", tag = "solicitations",
    params(("id" = i64, Path, description = "The call's id"), Paging),
    responses(
        (status = 200, description = "A page of opinions that passed moderation and whose authors allowed publication", body = model::OpinionList),
        (status = 400, description = "A bad id or query parameter", body = ApiError),
        (status = 404, description = "No such public call", body = ApiError),
        (status = 429, description = "Too many requests from this address", body = ApiError)
    ))]
pub async fn opinions(
    State(state): State<AppState>,
    Path(id): Path<String>,
    ask: Ask,
) -> Answer<model::OpinionList> {
    let q = ask.only::<Paging>()?;
    let (limit, after) = ask.paging(q)?;
    let id = ask.id("id", &id)?;
    public_call(&state, &ask, id).await?;
    let rows = db::solicitations::published_opinions(
        &state.db,
        id,
        after.unwrap_or(0),
        Some(limit as i64 + 1),
    )
    .await
    .map_err(|e| ask.down(e))?;
    let (rows, next) = page(rows, limit, |r| r.id);
    Ok(Json(model::OpinionList {
        items: rows
            .into_iter()
            .map(|r| model::PublishedOpinion {
                id: r.id,
                received_on: r.opinion.received_on,
                identity: r.opinion.identity.code().into(),
                version_id: (r.version_id != 0).then_some(r.version_id),
                version_label: r.version_label,
                target: r.opinion.target,
                target_label: r.opinion.target_label,
                content: r.opinion.content,
                suggestion: r.opinion.suggestion,
            })
            .collect(),
        next,
    }))
}

/// The figures of the whole site and of each public call.
#[utoipa::path(get, path = "/api/v1/statistics", tag = "statistics", params(LangOnly),
    responses(
        (status = 200, description = "The figures of the statistics page", body = model::SiteStatistics),
        (status = 400, description = "A bad query parameter", body = ApiError),
        (status = 429, description = "Too many requests from this address", body = ApiError)
    ))]
pub async fn statistics(State(state): State<AppState>, ask: Ask) -> Answer<model::SiteStatistics> {
    ask.only::<LangOnly>()?;
    let s = db::stats::compute(&state.db, None)
        .await
        .map_err(|e| ask.down(e))?;
    let lines = db::stats::per_solicitation(&state.db)
        .await
        .map_err(|e| ask.down(e))?;
    Ok(Json(model::SiteStatistics {
        figures: figures(&s),
        by_status: s
            .by_status
            .iter()
            .map(|(st, n)| model::CodeCountStatus {
                code: st.code().into(),
                count: *n,
            })
            .collect(),
        by_channel: s
            .by_channel
            .iter()
            .map(|(c, b)| model::CodeCountChannel {
                code: c.code().into(),
                count: b.received,
            })
            .collect(),
        solicitations: lines
            .into_iter()
            .map(|l| model::SolicitationFigures {
                id: l.id,
                title: l.title,
                received: l.received,
                accepted: l.accepted,
                adopted: l.adopted,
                adoption_rate: l.adoption_rate,
            })
            .collect(),
    }))
}

fn session_item(
    site: &str,
    c: &crate::domain::consultation::ConsultationSummary,
) -> model::SessionItem {
    use crate::domain::time::rfc3339;
    model::SessionItem {
        id: c.id,
        kind: c.kind.code().into(),
        title: c.title.clone(),
        topic: c.topic.clone(),
        station_name: c.station_name.clone(),
        address: c.address.clone(),
        online_url: c.online_url.clone(),
        starts_at: rfc3339(c.starts_at),
        ends_at: rfc3339(c.ends_at),
        capacity: c.capacity,
        taken: c.taken,
        waitlisted: c.waitlisted,
        registration_opens_at: rfc3339(c.reg_opens_at),
        registration_closes_at: rfc3339(c.reg_closes_at),
        status: c.status.code().into(),
        url: format!("{site}/consultations/{}", c.id),
    }
}

/// Consultation sessions, newest first.
#[utoipa::path(get, path = "/api/v1/sessions", tag = "sessions", params(Paging),
    responses(
        (status = 200, description = "A page of sessions (published, held or cancelled)", body = model::SessionList),
        (status = 400, description = "A bad query parameter", body = ApiError),
        (status = 429, description = "Too many requests from this address", body = ApiError)
    ))]
pub async fn sessions(State(state): State<AppState>, ask: Ask) -> Answer<model::SessionList> {
    let q = ask.only::<Paging>()?;
    let (limit, after) = ask.paging(q)?;
    let rows = db::consultations::public_page(&state.db, after, limit as i64 + 1)
        .await
        .map_err(|e| ask.down(e))?;
    let (rows, next) = page(rows, limit, |c| c.id);
    let site = site(&state);
    Ok(Json(model::SessionList {
        items: rows.iter().map(|c| session_item(site, c)).collect(),
        next,
    }))
}

/// A consultation session.
#[utoipa::path(get, path = "/api/v1/sessions/{id}", tag = "sessions",
    params(("id" = i64, Path, description = "The session's id"), LangOnly),
    responses(
        (status = 200, description = "The session", body = model::SessionDetail),
        (status = 400, description = "A bad id or query parameter", body = ApiError),
        (status = 404, description = "No such public session", body = ApiError),
        (status = 429, description = "Too many requests from this address", body = ApiError)
    ))]
pub async fn session(
    State(state): State<AppState>,
    Path(id): Path<String>,
    ask: Ask,
) -> Answer<model::SessionDetail> {
    ask.only::<LangOnly>()?;
    let id = ask.id("id", &id)?;
    let c = db::consultations::get(&state.db, id)
        .await
        .map_err(|e| ask.down(e))?
        .filter(|c| c.summary.status != crate::domain::consultation::Status::Draft)
        .ok_or_else(|| ask.not_found())?;
    Ok(Json(model::SessionDetail {
        summary: session_item(site(&state), &c.summary),
        description_html: c.description_html,
        solicitation_id: c.solicitation_id,
        cancel_reason: c.cancel_reason,
        minutes_html: c.minutes_html,
        outcomes_html: c.outcomes_html,
    }))
}

fn deputy_item(site: &str, d: &crate::domain::deputy::Deputy) -> model::DeputyItem {
    model::DeputyItem {
        id: d.id,
        name: d.name.clone(),
        level: d.level.code().into(),
        constituency: d.constituency.clone(),
        station_name: d.station_name.clone(),
        intro: d.intro.clone(),
        reception_days: d.reception_days.clone(),
        url: format!("{site}/deputies/{}", d.id),
    }
}

/// Deputies, newest first.
#[utoipa::path(get, path = "/api/v1/deputies", tag = "deputies", params(Paging),
    responses(
        (status = 200, description = "A page of published deputies", body = model::DeputyList),
        (status = 400, description = "A bad query parameter", body = ApiError),
        (status = 429, description = "Too many requests from this address", body = ApiError)
    ))]
pub async fn deputies(State(state): State<AppState>, ask: Ask) -> Answer<model::DeputyList> {
    let q = ask.only::<Paging>()?;
    let (limit, after) = ask.paging(q)?;
    let mut all = db::deputies::list_public(&state.db, None, None)
        .await
        .map_err(|e| ask.down(e))?;
    all.sort_by_key(|s| std::cmp::Reverse(s.id));
    let rows: Vec<_> = all
        .into_iter()
        .filter(|d| after.is_none_or(|a| d.id < a))
        .take(limit + 1)
        .collect();
    let (rows, next) = page(rows, limit, |d| d.id);
    let site = site(&state);
    Ok(Json(model::DeputyList {
        items: rows.iter().map(|d| deputy_item(site, d)).collect(),
        next,
    }))
}

/// A deputy with the published summaries of their meetings with residents.
#[utoipa::path(get, path = "/api/v1/deputies/{id}", tag = "deputies",
    params(("id" = i64, Path, description = "The deputy's id"), LangOnly),
    responses(
        (status = 200, description = "The deputy", body = model::DeputyDetail),
        (status = 400, description = "A bad id or query parameter", body = ApiError),
        (status = 404, description = "No such published deputy", body = ApiError),
        (status = 429, description = "Too many requests from this address", body = ApiError)
    ))]
pub async fn deputy(
    State(state): State<AppState>,
    Path(id): Path<String>,
    ask: Ask,
) -> Answer<model::DeputyDetail> {
    ask.only::<LangOnly>()?;
    let id = ask.id("id", &id)?;
    let d = db::deputies::get(&state.db, id)
        .await
        .map_err(|e| ask.down(e))?
        .filter(|d| d.published)
        .ok_or_else(|| ask.not_found())?;
    let meetings = db::deputies::summaries(&state.db, id)
        .await
        .map_err(|e| ask.down(e))?;
    Ok(Json(model::DeputyDetail {
        deputy: deputy_item(site(&state), &d),
        meetings: meetings
            .into_iter()
            .map(|m| model::MeetingSummary {
                held_on: crate::domain::time::iso_date(m.at),
                handling: m.handling.map(|h| h.code().into()),
                summary: m.summary,
            })
            .collect(),
    }))
}

fn story_item(site: &str, s: &crate::domain::story::StorySummary) -> model::StoryItem {
    model::StoryItem {
        id: s.id,
        slug: s.slug.clone(),
        kind: s.kind.code().into(),
        title: s.title.clone(),
        summary: s.summary.clone(),
        published_on: s.published_on.clone(),
        url: format!("{site}/stories/{}", s.slug),
    }
}

/// Published stories, newest first.
#[utoipa::path(get, path = "/api/v1/stories", tag = "stories", params(StoryQuery),
    responses(
        (status = 200, description = "A page of published stories", body = model::StoryList),
        (status = 400, description = "A bad query parameter", body = ApiError),
        (status = 429, description = "Too many requests from this address", body = ApiError)
    ))]
pub async fn stories(State(state): State<AppState>, ask: Ask) -> Answer<model::StoryList> {
    use crate::domain::story::StoryKind;
    let q = ask.only::<StoryQuery>()?;
    let (limit, after) = ask.paging(q)?;
    let kind = match Ask::get(q, "kind") {
        Some(k) => Some(ask.code("kind", k, &StoryKind::ALL, StoryKind::code)?),
        None => None,
    };
    let rows = db::stories::published_page(&state.db, kind, after, limit as i64 + 1)
        .await
        .map_err(|e| ask.down(e))?;
    let (rows, next) = page(rows, limit, |s| s.id);
    let site = site(&state);
    Ok(Json(model::StoryList {
        items: rows.iter().map(|s| story_item(site, s)).collect(),
        next,
    }))
}

/// A published story.
#[utoipa::path(get, path = "/api/v1/stories/{id}", tag = "stories",
    params(("id" = i64, Path, description = "The story's id"), LangOnly),
    responses(
        (status = 200, description = "The story", body = model::StoryDetail),
        (status = 400, description = "A bad id or query parameter", body = ApiError),
        (status = 404, description = "No such published story", body = ApiError),
        (status = 429, description = "Too many requests from this address", body = ApiError)
    ))]
pub async fn story(
    State(state): State<AppState>,
    Path(id): Path<String>,
    ask: Ask,
) -> Answer<model::StoryDetail> {
    ask.only::<LangOnly>()?;
    let id = ask.id("id", &id)?;
    let s = db::stories::get(&state.db, id)
        .await
        .map_err(|e| ask.down(e))?
        .filter(|s| s.is_published)
        .ok_or_else(|| ask.not_found())?;
    let summary = crate::domain::story::StorySummary {
        id: s.id,
        slug: s.slug,
        kind: s.kind,
        title: s.title,
        summary: s.summary,
        published_on: s.published_on,
        is_published: s.is_published,
    };
    Ok(Json(model::StoryDetail {
        summary: story_item(site(&state), &summary),
        body_html: s.body_html,
    }))
}
