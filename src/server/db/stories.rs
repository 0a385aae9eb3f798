//! Stories: the public list and page, the staff list, saving from the editor (with a check that
//! nobody else saved in between) and publishing.

use super::{audit, now_ms, Db};
use crate::domain::story::{NewStory, Page, Story, StoryKind, StorySummary};

#[derive(sqlx::FromRow)]
struct SummaryRow {
    id: i64,
    slug: String,
    kind: String,
    title: String,
    summary: String,
    published_on: String,
    is_published: i64,
}

impl From<SummaryRow> for StorySummary {
    fn from(r: SummaryRow) -> Self {
        StorySummary {
            id: r.id,
            slug: r.slug,
            kind: StoryKind::from_code(&r.kind).unwrap_or(StoryKind::News),
            title: r.title,
            summary: r.summary,
            published_on: r.published_on,
            is_published: r.is_published != 0,
        }
    }
}

#[derive(sqlx::FromRow)]
struct StoryRow {
    id: i64,
    slug: String,
    kind: String,
    title: String,
    summary: String,
    body_md: String,
    body_html: String,
    published_on: String,
    is_published: i64,
    updated_at: i64,
}

impl From<StoryRow> for Story {
    fn from(r: StoryRow) -> Self {
        Story {
            id: r.id,
            slug: r.slug,
            kind: StoryKind::from_code(&r.kind).unwrap_or(StoryKind::News),
            title: r.title,
            summary: r.summary,
            body_md: r.body_md,
            body_html: r.body_html,
            published_on: r.published_on,
            is_published: r.is_published != 0,
            updated_at: r.updated_at,
        }
    }
}

const SUMMARY_COLS: &str = "id, slug, kind, title, summary, published_on, is_published";
const STORY_COLS: &str =
    "id, slug, kind, title, summary, body_md, body_html, published_on, is_published, updated_at";

#[derive(sqlx::FromRow)]
struct ListedRow {
    #[sqlx(flatten)]
    story: SummaryRow,
    /// The number of rows the whole list has, carried on each row to spare a second query.
    total: i64,
}

async fn published_rows(
    db: &Db,
    kind: Option<&str>,
    page: i64,
    per_page: i64,
) -> Result<Vec<ListedRow>, sqlx::Error> {
    sqlx::query_as(&format!(
        "SELECT {SUMMARY_COLS}, COUNT(*) OVER () AS total FROM stories \
         WHERE is_published = 1 AND ($1 IS NULL OR kind = $1) \
         ORDER BY published_on DESC, id DESC LIMIT $2 OFFSET $3"
    ))
    .bind(kind)
    .bind(per_page)
    // A page number from the URL can be anything: far past the end is an empty offset, never an
    // overflow (a negative OFFSET is an error on PostgreSQL).
    .bind(page.max(1).saturating_sub(1).saturating_mul(per_page))
    .fetch_all(&db.pool)
    .await
}

/// One page of published stories, newest first, optionally of one kind. A page past the end
/// gives the last page.
pub async fn list_published(
    db: &Db,
    kind: Option<StoryKind>,
    page: i64,
    per_page: i64,
) -> Result<Page<StorySummary>, sqlx::Error> {
    let kind = kind.map(StoryKind::code);
    let page = page.max(1);
    let mut rows = published_rows(db, kind, page, per_page).await?;
    let total =
        match rows.first() {
            Some(r) => r.total,
            None => sqlx::query_scalar(
                "SELECT COUNT(*) FROM stories WHERE is_published = 1 AND ($1 IS NULL OR kind = $1)",
            )
            .bind(kind)
            .fetch_one(&db.pool)
            .await?,
        };
    let pages = ((total + per_page - 1) / per_page).max(1);
    let page = if rows.is_empty() && total > 0 {
        rows = published_rows(db, kind, pages, per_page).await?;
        pages
    } else {
        page.min(pages)
    };
    Ok(Page {
        items: rows.into_iter().map(|r| r.story.into()).collect(),
        page,
        pages,
        total,
    })
}

/// Published stories (of `kind` when given), newest first by id, from the one before story
/// `before` (none: from the newest): for the open API's cursor.
pub async fn published_page(
    db: &Db,
    kind: Option<StoryKind>,
    before: Option<i64>,
    limit: i64,
) -> Result<Vec<StorySummary>, sqlx::Error> {
    let rows: Vec<SummaryRow> = sqlx::query_as(&format!(
        "SELECT {SUMMARY_COLS} FROM stories WHERE is_published = 1 \
         AND ($1 IS NULL OR kind = $1) AND id < $2 ORDER BY id DESC LIMIT $3"
    ))
    .bind(kind.map(StoryKind::code))
    .bind(before.unwrap_or(i64::MAX))
    .bind(limit)
    .fetch_all(&db.pool)
    .await?;
    Ok(rows.into_iter().map(Into::into).collect())
}

/// A published story by its URL slug.
pub async fn get_published(db: &Db, slug: &str) -> Result<Option<Story>, sqlx::Error> {
    let row: Option<StoryRow> = sqlx::query_as(&format!(
        "SELECT {STORY_COLS} FROM stories WHERE slug = $1 AND is_published = 1"
    ))
    .bind(slug)
    .fetch_optional(&db.pool)
    .await?;
    Ok(row.map(Into::into))
}

/// Any story by id, published or not (for staff).
pub async fn get(db: &Db, id: i64) -> Result<Option<Story>, sqlx::Error> {
    let row: Option<StoryRow> =
        sqlx::query_as(&format!("SELECT {STORY_COLS} FROM stories WHERE id = $1"))
            .bind(id)
            .fetch_optional(&db.pool)
            .await?;
    Ok(row.map(Into::into))
}

/// Every story, newest first, for the staff list.
pub async fn list_all(db: &Db) -> Result<Vec<StorySummary>, sqlx::Error> {
    let rows: Vec<SummaryRow> = sqlx::query_as(&format!(
        "SELECT {SUMMARY_COLS} FROM stories ORDER BY published_on DESC, id DESC"
    ))
    .fetch_all(&db.pool)
    .await?;
    Ok(rows.into_iter().map(Into::into).collect())
}

/// Why a save did not happen.
#[derive(Debug)]
pub enum SaveError {
    /// The slug belongs to the story with this title.
    SlugTaken(String),
    /// Someone saved the story since the editor was opened.
    Stale,
    NotFound,
    Db(sqlx::Error),
}

impl From<sqlx::Error> for SaveError {
    fn from(e: sqlx::Error) -> Self {
        SaveError::Db(e)
    }
}

async fn slug_owner(
    conn: &mut sqlx::AnyConnection,
    slug: &str,
    except: Option<i64>,
) -> Result<Option<String>, sqlx::Error> {
    sqlx::query_scalar("SELECT title FROM stories WHERE slug = $1 AND ($2 IS NULL OR id <> $2)")
        .bind(slug)
        .bind(except)
        .fetch_optional(conn)
        .await
}

/// A free slug made from the publish date: `2026-11-28`, then `2026-11-28-2`, …
async fn date_slug(
    conn: &mut sqlx::AnyConnection,
    story: &NewStory,
    except: Option<i64>,
) -> Result<String, sqlx::Error> {
    let base = story.published_on.format("%Y-%m-%d").to_string();
    let mut candidate = base.clone();
    let mut n = 1;
    while slug_owner(conn, &candidate, except).await?.is_some() {
        n += 1;
        candidate = format!("{base}-{n}");
    }
    Ok(candidate)
}

/// Creates a story (when `id` is `None`) or updates it if it is still at `version` (its
/// `updated_at` when the editor opened). Returns the story's id.
pub async fn save(
    db: &Db,
    id: Option<i64>,
    version: Option<i64>,
    story: &NewStory,
    body_html: &str,
    actor_id: i64,
) -> Result<i64, SaveError> {
    let now = now_ms();
    let mut tx = db.begin_write().await?;
    let slug = match &story.slug {
        Some(s) => {
            if let Some(title) = slug_owner(&mut tx, s, id).await? {
                return Err(SaveError::SlugTaken(title));
            }
            s.clone()
        }
        None => match id {
            // Keep the slug an existing story already has: links to it must stay valid.
            Some(id) => sqlx::query_scalar("SELECT slug FROM stories WHERE id = $1")
                .bind(id)
                .fetch_optional(&mut *tx)
                .await?
                .ok_or(SaveError::NotFound)?,
            None => date_slug(&mut tx, story, None).await?,
        },
    };
    // Both statements take the content as $1..$9; an update adds the id and the expected version.
    let sql = match id {
        None => {
            "INSERT INTO stories (slug, kind, title, summary, body_md, body_html, published_on, \
             updated_by, updated_at, is_published, created_by, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 0, $8, $9) RETURNING id"
        }
        Some(_) => {
            "UPDATE stories SET slug = $1, kind = $2, title = $3, summary = $4, body_md = $5, \
             body_html = $6, published_on = $7, updated_by = $8, updated_at = $9 \
             WHERE id = $10 AND ($11 IS NULL OR updated_at = $11) RETURNING id"
        }
    };
    let query = sqlx::query_scalar(sql)
        .bind(&slug)
        .bind(story.kind.code())
        .bind(&story.title)
        .bind(&story.summary)
        .bind(&story.body_md)
        .bind(body_html)
        .bind(story.published_on.format("%Y-%m-%d").to_string())
        .bind(actor_id)
        // Strictly increasing, so that two saves in one millisecond still differ in version.
        .bind(now.max(version.unwrap_or(0) + 1));
    let query = match id {
        Some(id) => query.bind(id).bind(version),
        None => query,
    };
    let result = query.fetch_optional(&mut *tx).await;
    let saved: Option<i64> = match result {
        Ok(v) => v,
        Err(e) if super::is_unique_violation(&e) => {
            return Err(SaveError::SlugTaken(story.title.clone()));
        }
        Err(e) => return Err(e.into()),
    };
    let Some(saved) = saved else {
        let exists: Option<i64> = sqlx::query_scalar("SELECT id FROM stories WHERE id = $1")
            .bind(id)
            .fetch_optional(&mut *tx)
            .await?;
        return Err(if exists.is_some() {
            SaveError::Stale
        } else {
            SaveError::NotFound
        });
    };
    let action = if id.is_some() {
        "story.update"
    } else {
        "story.create"
    };
    audit::record(&mut tx, Some(actor_id), action, "story", Some(saved), &slug).await?;
    tx.commit().await?;
    Ok(saved)
}

/// Publishes or unpublishes a story. False if there is no such story.
pub async fn set_published(
    db: &Db,
    id: i64,
    published: bool,
    actor_id: i64,
) -> Result<bool, sqlx::Error> {
    let mut tx = db.begin_write().await?;
    let n = sqlx::query(
        "UPDATE stories SET is_published = $2, updated_by = $3, updated_at = $4 WHERE id = $1",
    )
    .bind(id)
    .bind(published as i64)
    .bind(actor_id)
    .bind(now_ms())
    .execute(&mut *tx)
    .await?
    .rows_affected();
    if n == 0 {
        return Ok(false);
    }
    let action = if published {
        "story.publish"
    } else {
        "story.unpublish"
    };
    audit::record(&mut tx, Some(actor_id), action, "story", Some(id), "").await?;
    tx.commit().await?;
    Ok(true)
}
