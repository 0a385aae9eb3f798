//! Discovery: `/robots.txt` (keeps `/staff`, status pages and the server's API out of search
//! engines), `/sitemap.xml` (every public page) and RSS 2.0 feeds of published stories, of
//! open calls for opinions, and of what became of each call. Everything here is read from what
//! the public pages show: published stories, solicitations that are not drafts, published
//! sessions and deputies.

use super::db;
use super::state::AppState;
use axum::extract::State;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};

/// How many stories and calls a feed carries.
const FEED_ITEMS: i64 = 50;

fn xml(body: Vec<u8>, kind: &'static str) -> Response {
    (
        [
            (header::CONTENT_TYPE, kind),
            (header::CACHE_CONTROL, "public, max-age=300"),
        ],
        body,
    )
        .into_response()
}

/// `/robots.txt`.
pub async fn robots(State(state): State<AppState>) -> Response {
    let body = format!(
        "User-agent: *\nDisallow: /staff\nDisallow: /track\nDisallow: /api/\nDisallow: /search\nDisallow: /lang/\nAllow: /\n\nSitemap: {}/sitemap.xml\n",
        state.config.site_url.trim_end_matches('/')
    );
    ([(header::CONTENT_TYPE, "text/plain; charset=utf-8")], body).into_response()
}

/// Every public page's path, with the date it last changed where known (`2026-11-28`).
async fn public_paths(db: &db::Db) -> Result<Vec<(String, Option<String>)>, sqlx::Error> {
    let mut out: Vec<(String, Option<String>)> = [
        "/",
        "/stories",
        "/solicitations",
        "/consultations",
        "/deputies",
        "/stats",
        "/privacy",
        "/open-data",
    ]
    .iter()
    .map(|p| (p.to_string(), None))
    .collect();
    let mut page = 1;
    loop {
        let stories = db::stories::list_published(db, None, page, 500).await?;
        out.extend(
            stories
                .items
                .iter()
                .map(|s| (format!("/stories/{}", s.slug), Some(s.published_on.clone()))),
        );
        if page >= stories.pages {
            break;
        }
        page += 1;
    }
    for s in db::solicitations::list_public(db).await? {
        out.push((format!("/solicitations/{}", s.id), None));
        out.push((format!("/solicitations/{}/compare", s.id), None));
    }
    let all = db::consultations::ListFilter::default();
    for c in db::consultations::list_public(db, &all, db::now_ms()).await? {
        out.push((format!("/consultations/{}", c.id), None));
    }
    for d in db::deputies::list_public(db, None, None).await? {
        out.push((format!("/deputies/{}", d.id), None));
    }
    Ok(out)
}

/// `/sitemap.xml`.
pub async fn sitemap(State(state): State<AppState>) -> Response {
    use quick_xml::events::{BytesDecl, BytesText, Event};
    let Ok(paths) = public_paths(&state.db).await else {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    let site = state.config.site_url.trim_end_matches('/').to_string();
    let mut w = quick_xml::Writer::new_with_indent(Vec::new(), b' ', 1);
    let written = w
        .write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))
        .and_then(|_| {
            w.create_element("urlset")
                .with_attribute(("xmlns", "http://www.sitemaps.org/schemas/sitemap/0.9"))
                .write_inner_content(|w| {
                    for (path, changed) in &paths {
                        w.create_element("url").write_inner_content(|w| {
                            w.create_element("loc")
                                .write_text_content(BytesText::new(&format!("{site}{path}")))?;
                            if let Some(d) = changed {
                                w.create_element("lastmod")
                                    .write_text_content(BytesText::new(d))?;
                            }
                            Ok(())
                        })?;
                    }
                    Ok(())
                })
                .map(|_| ())
        });
    match written {
        Ok(()) => xml(w.into_inner(), "application/xml; charset=utf-8"),
        Err(_) => StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    }
}

/// A date (`2026-11-28`) or a time in milliseconds, as RSS writes dates (RFC 2822, in +08:00).
fn rfc2822_date(iso: &str) -> Option<String> {
    let d = chrono::NaiveDate::parse_from_str(iso, "%Y-%m-%d").ok()?;
    rfc2822_ms(crate::domain::time::day_start_ms(d))
}

fn rfc2822_ms(ms: i64) -> Option<String> {
    let offset = chrono::FixedOffset::east_opt(8 * 3600)?;
    Some(
        chrono::DateTime::from_timestamp_millis(ms)?
            .with_timezone(&offset)
            .to_rfc2822(),
    )
}

fn channel(state: &AppState, title: String, path: &str, description: String) -> rss::Channel {
    let mut c = rss::Channel::default();
    c.set_title(title);
    c.set_link(format!(
        "{}{path}",
        state.config.site_url.trim_end_matches('/')
    ));
    c.set_description(description);
    c.set_language("zh-CN".to_string());
    c
}

fn item(site: &str, path: &str, title: &str, description: &str, date: Option<String>) -> rss::Item {
    let link = format!("{site}{path}");
    let mut i = rss::Item::default();
    i.set_title(title.to_string());
    i.set_link(link.clone());
    i.set_description(description.to_string());
    i.set_guid(rss::Guid {
        value: link,
        permalink: true,
    });
    i.set_pub_date(date);
    i
}

fn rss_response(c: rss::Channel) -> Response {
    match c.write_to(Vec::new()) {
        Ok(body) => xml(body, "application/rss+xml; charset=utf-8"),
        Err(_) => StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    }
}

/// `/feeds/stories.xml`: the latest published stories.
pub async fn stories_feed(State(state): State<AppState>) -> Response {
    let t = crate::i18n::t();
    let Ok(page) = db::stories::list_published(&state.db, None, 1, FEED_ITEMS).await else {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    let site = state.config.site_url.trim_end_matches('/').to_string();
    let mut c = channel(
        &state,
        format!(
            "{} · {}",
            state.config.org_name_in(crate::i18n::current()),
            t.feeds.stories_title
        ),
        "/stories",
        t.feeds.stories_description.to_string(),
    );
    c.set_items(
        page.items
            .iter()
            .map(|s| {
                item(
                    &site,
                    &format!("/stories/{}", s.slug),
                    &s.title,
                    &s.summary,
                    rfc2822_date(&s.published_on),
                )
            })
            .collect::<Vec<_>>(),
    );
    rss_response(c)
}

/// `/feeds/solicitations.xml`: the calls for opinions open now, closing soonest first.
pub async fn solicitations_feed(State(state): State<AppState>) -> Response {
    use crate::domain::solicitation::Phase;
    let t = crate::i18n::t();
    let Ok(all) = db::solicitations::list_public(&state.db).await else {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    let now = db::now_ms();
    let mut open: Vec<_> = all
        .into_iter()
        .filter(|s| s.phase(now) == Phase::Accepting)
        .collect();
    open.sort_by_key(|s| (s.closes_at, s.id));
    open.truncate(FEED_ITEMS as usize);
    let site = state.config.site_url.trim_end_matches('/').to_string();
    let mut c = channel(
        &state,
        format!(
            "{} · {}",
            state.config.org_name_in(crate::i18n::current()),
            t.feeds.open_title
        ),
        "/solicitations",
        t.feeds.open_description.to_string(),
    );
    c.set_items(
        open.iter()
            .map(|s| {
                let what = (t.feeds.open_item)(
                    (t.stage)(s.stage),
                    &s.issuer,
                    &s.opens_on(),
                    &s.closes_on(),
                );
                item(
                    &site,
                    &format!("/solicitations/{}", s.id),
                    &s.title,
                    &what,
                    rfc2822_ms(s.opens_at),
                )
            })
            .collect::<Vec<_>>(),
    );
    rss_response(c)
}

/// `/feeds/solicitations/{id}.xml`: what became of one call, newest first: its outcome once
/// published, the enacted text, the close of the call with the opinions it received, and each
/// version of its draft. Not found for a call that is not public.
pub async fn solicitation_feed(
    State(state): State<AppState>,
    axum::extract::Path(file): axum::extract::Path<String>,
) -> Response {
    let t = crate::i18n::t();
    let Some(id) = file
        .strip_suffix(".xml")
        .and_then(|n| n.parse::<i64>().ok())
    else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let s = match db::solicitations::get(&state.db, id).await {
        Ok(Some(s)) if s.summary.status != crate::domain::solicitation::Status::Draft => s,
        Ok(_) => return StatusCode::NOT_FOUND.into_response(),
        Err(_) => return StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    };
    let sum = &s.summary;
    let site = state.config.site_url.trim_end_matches('/').to_string();
    let page = format!("/solicitations/{id}");
    let mut c = channel(
        &state,
        (t.feeds.trail_title)(&sum.title),
        &page,
        t.feeds.trail_description.to_string(),
    );
    // (when, item), sorted newest first below.
    let mut items: Vec<(i64, rss::Item)> = Vec::new();
    if !sum.outcome_html.is_empty() {
        items.push((
            s.updated_at,
            item(
                &site,
                &format!("{page}#outcome"),
                &(t.feeds.trail_outcome)(&sum.title),
                &sum.outcome_html,
                rfc2822_ms(s.updated_at),
            ),
        ));
    }
    let now = db::now_ms();
    if sum.closes_at <= now {
        items.push((
            sum.closes_at,
            item(
                &site,
                &format!("{page}#phase"),
                &(t.feeds.trail_closed)(&sum.title),
                &(t.feeds.trail_closed_body)(sum.opinion_count),
                rfc2822_ms(sum.closes_at),
            ),
        ));
    }
    for v in &s.versions {
        let path = format!("{page}?version={}", v.id);
        match &v.enacted {
            Some(e) => {
                let adopted = chrono::NaiveDate::parse_from_str(&e.adopted_on, "%Y-%m-%d")
                    .map(crate::domain::time::day_start_ms)
                    .unwrap_or(v.created_at);
                let mut i = item(
                    &site,
                    &path,
                    &(t.feeds.trail_enacted)(&sum.title, &v.label),
                    &(t.feeds.trail_enacted_body)(&e.adopted_on, &e.promulgated_on),
                    rfc2822_date(&e.adopted_on),
                );
                if !e.official_url.is_empty() {
                    i.set_comments(Some(e.official_url.clone()));
                }
                items.push((adopted, i));
            }
            None => items.push((
                v.created_at,
                item(
                    &site,
                    &path,
                    &(t.feeds.trail_version)(&sum.title, &v.label),
                    &(t.feeds.trail_version_body)(v.article_count),
                    rfc2822_ms(v.created_at),
                ),
            )),
        }
    }
    items.sort_by_key(|i| std::cmp::Reverse(i.0));
    c.set_items(items.into_iter().map(|(_, i)| i).collect::<Vec<_>>());
    rss_response(c)
}
