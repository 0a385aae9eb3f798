//! The public search (`/search`): the index of what the public pages show (migration 0016),
//! brought up to date from `search_dirty` before each search, ranked results with their
//! passages, and the published opinions found through the staff queue's own engine.

use super::moderation::{self, Scope};
use super::{Backend, Db};
use crate::domain::moderation::QueueFilter;
use crate::domain::search::{
    grams, passage, Grams, Hit, Kind, KindCount, Params, Query, Results, COUNT_CAP, PER_PAGE,
};
use crate::domain::statute::ParsedDraft;
use crate::domain::time::iso_date;
use crate::server::markdown::plain_text;
use sqlx::AnyConnection;

/// Characters of a passage shown under a result.
const PASSAGE: usize = 90;
/// Published opinions shown beside the other kinds on the first page of all results.
const OPINION_PREVIEW: usize = 3;
/// Changed rows brought up to date in one transaction.
const FLUSH_BATCH: i64 = 50;
/// Changed rows a search brings up to date before it answers, so that what staff just
/// published is found at once; a larger backlog (a fresh index of an old database) is left to
/// the server's round every few seconds, so that no search waits for it.
const FLUSH_BEFORE_SEARCH: usize = 100;

/// The kinds kept in `search_docs` (opinions are searched in their own table).
const DOC_KINDS: [Kind; 5] = [
    Kind::Story,
    Kind::Solicitation,
    Kind::Article,
    Kind::Consultation,
    Kind::Deputy,
];

/// Only one flush at a time in this process: the others wait for it and find nothing left.
static FLUSHING: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

/// One row of `search_docs` as made from its source.
struct Doc {
    kind: Kind,
    title: String,
    body: String,
    context: String,
    tag: String,
    href: String,
    day: String,
    seq: i64,
}

/// Brings every row marked in `search_dirty` up to date; the server does this every few
/// seconds.
pub async fn flush(db: &Db) -> Result<(), sqlx::Error> {
    flush_up_to(db, usize::MAX).await
}

/// Brings up to `most` of the rows marked in `search_dirty` up to date (in batches of
/// [`FLUSH_BATCH`]). The mark is taken away in the same transaction that reads the source and
/// rewrites its rows, so a change made meanwhile marks it again and is not lost.
async fn flush_up_to(db: &Db, most: usize) -> Result<(), sqlx::Error> {
    let pending = |db: &Db| {
        let pool = db.pool.clone();
        async move {
            sqlx::query_scalar::<_, i64>(
                "SELECT COUNT(*) FROM (SELECT 1 FROM search_dirty LIMIT 1) d",
            )
            .fetch_one(&pool)
            .await
        }
    };
    if pending(db).await? == 0 {
        return Ok(());
    }
    let _one = FLUSHING.lock().await;
    let mut done = 0;
    while done < most {
        let mut tx = db.begin_write().await?;
        let marked: Vec<(String, i64)> = sqlx::query_as(&format!(
            "SELECT owner, owner_id FROM search_dirty ORDER BY owner, owner_id LIMIT {FLUSH_BATCH}"
        ))
        .fetch_all(&mut *tx)
        .await?;
        if marked.is_empty() {
            tx.commit().await?;
            return Ok(());
        }
        for (owner, id) in &marked {
            sqlx::query("DELETE FROM search_dirty WHERE owner = $1 AND owner_id = $2")
                .bind(owner.as_str())
                .bind(*id)
                .execute(&mut *tx)
                .await?;
            let docs = docs_of(&mut tx, owner, *id).await?;
            write(&mut tx, db.backend, owner, *id, &docs).await?;
        }
        tx.commit().await?;
        done += marked.len();
    }
    Ok(())
}

/// Replaces the rows made from one source with `docs`.
async fn write(
    tx: &mut AnyConnection,
    backend: Backend,
    owner: &str,
    owner_id: i64,
    docs: &[Doc],
) -> Result<(), sqlx::Error> {
    use crate::domain::search::pieces;
    if backend == Backend::Sqlite {
        sqlx::query(
            "DELETE FROM search_grams WHERE rowid IN \
             (SELECT id FROM search_docs WHERE owner = $1 AND owner_id = $2)",
        )
        .bind(owner)
        .bind(owner_id)
        .execute(&mut *tx)
        .await?;
    }
    sqlx::query("DELETE FROM search_docs WHERE owner = $1 AND owner_id = $2")
        .bind(owner)
        .bind(owner_id)
        .execute(&mut *tx)
        .await?;
    for d in docs {
        let (title, body) = (pieces(&d.title), pieces(&d.body));
        let insert = match backend {
            Backend::Sqlite => {
                "INSERT INTO search_docs (kind, owner, owner_id, title, body, context, tag, href, \
                 day, seq) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id"
            }
            Backend::Postgres => {
                "INSERT INTO search_docs (kind, owner, owner_id, title, body, context, tag, href, \
                 day, seq, grams) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, \
                 setweight(to_tsvector('simple', $11), 'A') || \
                 setweight(to_tsvector('simple', $12), 'D')) RETURNING id"
            }
        };
        let mut q = sqlx::query_scalar::<_, i64>(insert)
            .bind(d.kind.code())
            .bind(owner)
            .bind(owner_id)
            .bind(d.title.as_str())
            .bind(d.body.as_str())
            .bind(d.context.as_str())
            .bind(d.tag.as_str())
            .bind(d.href.as_str())
            .bind(d.day.as_str())
            .bind(d.seq);
        if backend == Backend::Postgres {
            q = q.bind(title.as_str()).bind(body.as_str());
        }
        let id = q.fetch_one(&mut *tx).await?;
        if backend == Backend::Sqlite {
            sqlx::query("INSERT INTO search_grams (rowid, title, body) VALUES ($1, $2, $3)")
                .bind(id)
                .bind(title.as_str())
                .bind(body.as_str())
                .execute(&mut *tx)
                .await?;
        }
    }
    Ok(())
}

/// Lines joined, empty ones left out.
fn lines<'a>(parts: impl IntoIterator<Item = &'a str>) -> String {
    parts
        .into_iter()
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

/// The rows the public may find of one source; none when it is gone or not public.
async fn docs_of(tx: &mut AnyConnection, owner: &str, id: i64) -> Result<Vec<Doc>, sqlx::Error> {
    match owner {
        "story" => {
            let row: Option<(String, String, String, String, String, String)> = sqlx::query_as(
                "SELECT slug, kind, title, summary, body_md, published_on FROM stories \
                 WHERE id = $1 AND is_published = 1",
            )
            .bind(id)
            .fetch_optional(&mut *tx)
            .await?;
            Ok(row
                .map(|(slug, kind, title, summary, body, day)| Doc {
                    kind: Kind::Story,
                    body: lines([summary.as_str(), plain_text(&body).as_str()]),
                    title,
                    context: String::new(),
                    tag: kind,
                    href: format!("/stories/{slug}"),
                    day,
                    seq: id,
                })
                .into_iter()
                .collect())
        }
        "solicitation" => solicitation_docs(tx, id).await,
        "consultation" => {
            #[allow(clippy::type_complexity)]
            let row: Option<(
                String,
                String,
                String,
                String,
                String,
                i64,
                String,
                String,
            )> = sqlx::query_as(
                "SELECT kind, title, topic, description_md, address, starts_at, minutes_md, \
                     outcomes_md FROM consultations WHERE id = $1 AND status <> 'draft'",
            )
            .bind(id)
            .fetch_optional(&mut *tx)
            .await?;
            Ok(row
                .map(
                    |(kind, title, topic, description, address, starts_at, minutes, outcomes)| {
                        Doc {
                            kind: Kind::Consultation,
                            body: lines([
                                topic.as_str(),
                                plain_text(&description).as_str(),
                                address.as_str(),
                                plain_text(&minutes).as_str(),
                                plain_text(&outcomes).as_str(),
                            ]),
                            title,
                            context: String::new(),
                            tag: kind,
                            href: format!("/consultations/{id}"),
                            day: iso_date(starts_at),
                            seq: starts_at,
                        }
                    },
                )
                .into_iter()
                .collect())
        }
        "deputy" => {
            let row: Option<(String, String, String, String, String)> = sqlx::query_as(
                "SELECT name, level, constituency, intro, reception_days FROM deputies \
                 WHERE id = $1 AND published = 1",
            )
            .bind(id)
            .fetch_optional(&mut *tx)
            .await?;
            Ok(row
                .map(|(name, level, constituency, intro, days)| Doc {
                    kind: Kind::Deputy,
                    body: lines([constituency.as_str(), intro.as_str(), days.as_str()]),
                    title: name,
                    context: constituency,
                    tag: level,
                    href: format!("/deputies/{id}"),
                    day: String::new(),
                    seq: id,
                })
                .into_iter()
                .collect())
        }
        _ => Ok(Vec::new()),
    }
}

/// A call for opinions and every article of every version of its draft.
async fn solicitation_docs(tx: &mut AnyConnection, id: i64) -> Result<Vec<Doc>, sqlx::Error> {
    #[allow(clippy::type_complexity)]
    let row: Option<(String, String, String, String, String, String, i64)> = sqlx::query_as(
        "SELECT title, stage, issuer, explanation_md, questions, outcome_md, closes_at \
         FROM solicitations WHERE id = $1 AND status <> 'draft'",
    )
    .bind(id)
    .fetch_optional(&mut *tx)
    .await?;
    let Some((title, stage, issuer, explanation, questions, outcome, closes_at)) = row else {
        return Ok(Vec::new());
    };
    let mut docs = vec![Doc {
        kind: Kind::Solicitation,
        body: lines([
            issuer.as_str(),
            plain_text(&explanation).as_str(),
            questions.as_str(),
            plain_text(&outcome).as_str(),
        ]),
        title: title.clone(),
        context: issuer,
        tag: stage.clone(),
        href: format!("/solicitations/{id}"),
        day: iso_date(closes_at - 1),
        seq: closes_at,
    }];
    let versions: Vec<(i64, String, String)> = sqlx::query_as(
        "SELECT id, label, parsed_json FROM draft_versions WHERE solicitation_id = $1 ORDER BY id",
    )
    .bind(id)
    .fetch_all(&mut *tx)
    .await?;
    for (version, label, json) in versions {
        let Ok(parsed) = serde_json::from_str::<ParsedDraft>(&json) else {
            tracing::error!(
                version,
                "draft version does not parse; its articles are not searchable"
            );
            continue;
        };
        for a in parsed.articles() {
            docs.push(Doc {
                kind: Kind::Article,
                title: a.label.clone(),
                body: a.plain_text(),
                context: format!("《{title}》{label}"),
                tag: stage.clone(),
                href: format!("/solicitations/{id}?version={version}#{}", a.anchor),
                day: String::new(),
                seq: version,
            });
        }
    }
    Ok(docs)
}

/// The condition that a row of `search_docs` (as `d`) may be shown now.
const VISIBLE: &str = "((d.owner = 'story' AND EXISTS (SELECT 1 FROM stories v \
     WHERE v.id = d.owner_id AND v.is_published = 1)) \
     OR (d.owner = 'solicitation' AND EXISTS (SELECT 1 FROM solicitations v \
     WHERE v.id = d.owner_id AND v.status <> 'draft')) \
     OR (d.owner = 'consultation' AND EXISTS (SELECT 1 FROM consultations v \
     WHERE v.id = d.owner_id AND v.status <> 'draft')) \
     OR (d.owner = 'deputy' AND EXISTS (SELECT 1 FROM deputies v \
     WHERE v.id = d.owner_id AND v.published = 1)))";

/// What an index of pieces (`search_grams`/`search_docs.grams` here, `opinion_grams` for the
/// staff queue) is asked for some words, all of them required: the one engine of both.
pub(super) enum Question {
    /// An FTS5 `MATCH` string: each word a quoted phrase of its pieces (one character a prefix).
    Fts5(String),
    /// A PostgreSQL `tsquery` expression under the `simple` configuration, with `?` standing
    /// for each of `args` in turn.
    TsQuery { sql: String, args: Vec<String> },
}

/// The question for `words`; `None` when none of them holds a character the index keeps.
pub(super) fn question(backend: Backend, words: &[&str]) -> Option<Question> {
    let asked: Vec<Grams> = words.iter().filter_map(|w| grams(w)).collect();
    if asked.is_empty() {
        return None;
    }
    Some(match backend {
        Backend::Sqlite => {
            let quote = |s: &str| format!("\"{}\"", s.replace('"', "\"\""));
            Question::Fts5(
                asked
                    .into_iter()
                    .map(|g| match g {
                        Grams::Phrase(p) => quote(&p.join(" ")),
                        Grams::Prefix(c) => format!("{}*", quote(&c)),
                    })
                    .collect::<Vec<_>>()
                    .join(" AND "),
            )
        }
        Backend::Postgres => {
            let mut parts = Vec::new();
            let mut args = Vec::new();
            for g in asked {
                match g {
                    Grams::Phrase(p) => {
                        parts.push("phraseto_tsquery('simple', ?)");
                        args.push(p.join(" "));
                    }
                    Grams::Prefix(c) => {
                        parts.push("(plainto_tsquery('simple', ?)::text || ':*')::tsquery");
                        args.push(c);
                    }
                }
            }
            Question::TsQuery {
                sql: format!("({})", parts.join(" && ")),
                args,
            }
        }
    })
}

/// `sql` with each `?` numbered in turn from `$first`.
fn numbered(sql: &str, first: usize) -> String {
    let mut out = String::with_capacity(sql.len() + 8);
    let mut n = first;
    for ch in sql.chars() {
        if ch == '?' {
            out.push_str(&format!("${n}"));
            n += 1;
        } else {
            out.push(ch);
        }
    }
    out
}

/// The match condition and ranking of a query over `search_docs` as `d`, with the values its
/// placeholders (numbered from `$1`) take.
struct Matching {
    from: String,
    /// Higher for a better match.
    score: &'static str,
    args: Vec<String>,
}

fn matching(backend: Backend, q: &Query) -> Matching {
    let words: Vec<&str> = q.words.iter().map(String::as_str).collect();
    match question(backend, &words) {
        Some(Question::Fts5(m)) => Matching {
            from: "search_grams g JOIN search_docs d ON d.id = g.rowid \
                   WHERE search_grams MATCH $1"
                .into(),
            // bm25 is lower for a better match; a word in the title counts five times one in
            // the body.
            score: "-bm25(search_grams, 5.0, 1.0)",
            args: vec![m],
        },
        Some(Question::TsQuery { sql, args }) => Matching {
            from: format!(
                "search_docs d, {} AS tq(q) WHERE d.grams @@ tq.q",
                numbered(&format!("(SELECT {sql})"), 1)
            ),
            score: "ts_rank('{0.1, 0.2, 0.4, 1.0}', d.grams, tq.q)",
            args,
        },
        // Words of nothing the index keeps cannot be in any text.
        None => Matching {
            from: "search_docs d WHERE 1 = 0".into(),
            score: "0.0",
            args: Vec::new(),
        },
    }
}

#[derive(sqlx::FromRow)]
struct DocRow {
    id: i64,
    kind: String,
    title: String,
    body: String,
    context: String,
    tag: String,
    href: String,
    day: String,
}

/// How many documents of each kind the public may see hold the words of `q`, and the ids of
/// page `page` of those of `kinds`, best first (among equals the newer: a later version, a later
/// session; then the later written). One pass of the index: the counts are window sums over the
/// same matches that are ranked, so no match is read twice and only a page of ids leaves the
/// database.
async fn doc_ranked(
    db: &Db,
    q: &Query,
    kinds: &[Kind],
    page: i64,
) -> Result<(Vec<KindCount>, Vec<i64>), sqlx::Error> {
    let m = matching(db.backend, q);
    let first = m.args.len() + 1;
    let chosen = match kinds.len() {
        0 => "1 = 0".to_string(),
        n => format!(
            "m.kind IN ({})",
            (first..first + n)
                .map(|i| format!("${i}"))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    };
    // The kinds' codes are this program's constants, never input.
    let sums = DOC_KINDS
        .iter()
        .map(|k| {
            format!(
                "CAST(SUM(CASE WHEN m.kind = '{}' THEN 1 ELSE 0 END) OVER () AS BIGINT)",
                k.code()
            )
        })
        .collect::<Vec<_>>()
        .join(", ");
    let (limit, offset) = match kinds.len() {
        0 => (1, 0),
        _ => (PER_PAGE, (page - 1) * PER_PAGE),
    };
    let sql = format!(
        "WITH m AS (SELECT d.id, d.kind, d.seq, CAST({} AS DOUBLE PRECISION) AS score FROM {} \
         AND {VISIBLE}) SELECT m.id, m.kind, {sums} FROM m \
         ORDER BY CASE WHEN {chosen} THEN 0 ELSE 1 END, m.score DESC, m.seq DESC, m.id DESC \
         LIMIT {limit} OFFSET {offset}",
        m.score, m.from
    );
    #[allow(clippy::type_complexity)]
    // Planned afresh with the words each time (not prepared once): PostgreSQL's generic plan for
    // a prepared text query does not know how many documents hold the words, and at 10,000
    // stories a word in all of them took twice as long under it.
    let mut query =
        sqlx::query_as::<_, (i64, String, i64, i64, i64, i64, i64)>(&sql).persistent(false);
    for a in &m.args {
        query = query.bind(a.as_str());
    }
    for k in kinds {
        query = query.bind(k.code());
    }
    let rows = query.fetch_all(&db.pool).await?;
    let Some(r) = rows.first() else {
        // A page past the last match holds no row to read the counts from.
        return match (kinds.is_empty(), page) {
            (false, p) if p > 1 => Ok((Box::pin(doc_ranked(db, q, &[], 1)).await?.0, Vec::new())),
            _ => Ok((zero_counts(), Vec::new())),
        };
    };
    let counts = DOC_KINDS
        .iter()
        .zip([r.2, r.3, r.4, r.5, r.6])
        .map(|(&kind, count)| KindCount { kind, count })
        .collect();
    let ids = rows
        .iter()
        .filter(|r| Kind::from_code(&r.1).is_some_and(|k| kinds.contains(&k)))
        .map(|r| r.0)
        .collect();
    Ok((counts, ids))
}

fn zero_counts() -> Vec<KindCount> {
    DOC_KINDS
        .iter()
        .map(|&kind| KindCount { kind, count: 0 })
        .collect()
}

/// The documents `ids`, in that order, as results for `q`.
async fn doc_hits(db: &Db, q: &Query, ids: &[i64]) -> Result<Vec<Hit>, sqlx::Error> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let list = ids
        .iter()
        .map(i64::to_string)
        .collect::<Vec<_>>()
        .join(", ");
    let rows: Vec<DocRow> = sqlx::query_as(&format!(
        "SELECT id, kind, title, body, context, tag, href, day FROM search_docs WHERE id IN ({list})"
    ))
    .fetch_all(&db.pool)
    .await?;
    Ok(ids
        .iter()
        .filter_map(|id| rows.iter().find(|r| r.id == *id))
        .filter_map(|r| {
            Some(Hit {
                kind: Kind::from_code(&r.kind)?,
                id: r.id,
                passage: passage(&r.body, &q.words, PASSAGE),
                title: r.title.clone(),
                context: r.context.clone(),
                tag: r.tag.clone(),
                href: r.href.clone(),
                day: r.day.clone(),
            })
        })
        .collect())
}

/// The filter that finds published opinions holding the words of `q`.
fn opinion_filter(q: &Query, after: Option<i64>) -> QueueFilter {
    QueueFilter {
        keyword: Some(q.keyword()),
        after,
        published: true,
        ..QueueFilter::default()
    }
}

#[derive(sqlx::FromRow)]
struct OpinionText {
    id: i64,
    solicitation_id: i64,
    solicitation_title: String,
    version: i64,
    target: String,
    target_label: String,
    content: String,
    identity: String,
    received_on: String,
}

/// Published opinions holding the words of `q`, newest first, through the staff queue: one
/// engine for both. Only what the public page of the call shows is read: never a name or a
/// way to reach the person.
async fn opinion_page(
    db: &Db,
    q: &Query,
    after: Option<i64>,
    limit: usize,
) -> Result<(Vec<Hit>, Option<i64>), sqlx::Error> {
    let page = moderation::queue(db, Scope::ALL, &opinion_filter(q, after)).await?;
    let ids: Vec<i64> = page.items.iter().take(limit).map(|o| o.id).collect();
    let next = if ids.len() < page.items.len() {
        ids.last().copied()
    } else {
        page.next_after
    };
    if ids.is_empty() {
        return Ok((Vec::new(), None));
    }
    let list = ids
        .iter()
        .map(i64::to_string)
        .collect::<Vec<_>>()
        .join(", ");
    let rows: Vec<OpinionText> = sqlx::query_as(&format!(
        "SELECT o.id, o.solicitation_id, s.title AS solicitation_title, \
         COALESCE(o.draft_version_id, 0) AS version, o.target, o.target_label, o.content, \
         o.identity, o.received_on FROM opinions o JOIN solicitations s ON s.id = o.solicitation_id \
         WHERE o.id IN ({list}) ORDER BY o.id DESC"
    ))
    .fetch_all(&db.pool)
    .await?;
    let hits = rows
        .into_iter()
        .map(|r| {
            let href = match (r.version, crate::domain::trail::is_article(&r.target)) {
                (v, true) if v > 0 => {
                    format!(
                        "/solicitations/{}?version={v}#{}",
                        r.solicitation_id, r.target
                    )
                }
                _ => format!("/solicitations/{}", r.solicitation_id),
            };
            Hit {
                kind: Kind::Opinion,
                id: r.id,
                title: r.target_label,
                context: r.solicitation_title,
                tag: r.identity,
                href,
                day: r.received_on,
                passage: passage(&r.content, &q.words, PASSAGE * 2),
            }
        })
        .collect();
    Ok((hits, next))
}

/// The results for `p`.
pub async fn search(db: &Db, p: &Params) -> Result<Results, sqlx::Error> {
    let Some(q) = &p.query else {
        return Ok(Results {
            kind: p.kind,
            page: 1,
            pages: 1,
            ..Results::default()
        });
    };
    flush_up_to(db, FLUSH_BEFORE_SEARCH).await?;
    let kinds: Vec<Kind> = match p.kind {
        Some(Kind::Opinion) => Vec::new(),
        Some(k) => vec![k],
        None => DOC_KINDS.to_vec(),
    };
    let (mut counts, page_ids) = doc_ranked(db, q, &kinds, p.page).await?;
    let opinions =
        moderation::count_capped(db, Scope::ALL, &opinion_filter(q, None), COUNT_CAP).await?;
    counts.push(KindCount {
        kind: Kind::Opinion,
        count: opinions,
    });
    let mut r = Results {
        kind: p.kind,
        words: q.words.clone(),
        after: p.after,
        page: p.page,
        pages: 1,
        ..Results::default()
    };
    match p.kind {
        Some(Kind::Opinion) => {
            let (hits, next) = opinion_page(db, q, p.after, PER_PAGE as usize).await?;
            r.hits = hits;
            r.next_after = next;
        }
        kind => {
            let total: i64 = counts
                .iter()
                .filter(|c| kinds.contains(&c.kind))
                .map(|c| c.count)
                .sum();
            r.pages = ((total + PER_PAGE - 1) / PER_PAGE).max(1);
            r.hits = doc_hits(db, q, &page_ids).await?;
            if kind.is_none() && p.page == 1 && opinions > 0 {
                r.opinions = opinion_page(db, q, None, OPINION_PREVIEW).await?.0;
            }
        }
    }
    r.counts = counts;
    Ok(r)
}
