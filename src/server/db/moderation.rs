//! The moderation queue and the actions taken from it: keyset pages of opinions within a staff
//! member's scope (their station's, or all for district staff), accepting, rejecting and merging
//! one or many opinions in one transaction each, and the groups of near-identical opinions.

use super::solicitations::ACCEPTED_SQL;
use super::{now_ms, Backend, Db};
use crate::domain::moderation::{
    Action, BatchOutcome, Cluster, ClusterView, QueueFilter, QueuePage, Selected, Sort, QUEUE_PAGE,
};
use crate::domain::opinion::{mask_phone, Channel, OpinionRow, OpinionStatus};
use sqlx::any::AnyArguments;
use sqlx::query::QueryAs;
use sqlx::{Any, FromRow};

/// Which opinions a staff member may see and act on: those of one station, or all.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Scope {
    pub station: Option<i64>,
}

impl Scope {
    pub const ALL: Scope = Scope { station: None };

    /// Staff attached to a station see that station's opinions; admins and district staff see all.
    pub fn of(user: &crate::domain::account::StaffUser) -> Scope {
        use crate::domain::account::Role;
        match (user.role, user.station_id) {
            (Role::Staff, Some(s)) => Scope { station: Some(s) },
            _ => Scope::ALL,
        }
    }

    fn allows(self, station: Option<i64>) -> bool {
        self.station.is_none() || self.station == station
    }
}

/// A value bound to a placeholder of a query built from the filters in use.
enum Arg {
    Int(i64),
    Text(String),
}

/// SQL conditions joined by AND, with `$n` placeholders numbered as they are added.
#[derive(Default)]
struct Conditions {
    parts: Vec<String>,
    args: Vec<Arg>,
}

impl Conditions {
    /// Adds a condition in which `?` stands for the next placeholder.
    fn push(&mut self, sql: &str, arg: Arg) {
        self.args.push(arg);
        let n = self.args.len();
        self.parts.push(sql.replace('?', &format!("${n}")));
    }
    /// Adds a condition in which each `?` stands for the next of `args`.
    fn push_many(&mut self, sql: &str, args: Vec<Arg>) {
        let mut out = String::with_capacity(sql.len() + 8);
        let mut args = args.into_iter();
        for ch in sql.chars() {
            if ch == '?' {
                self.args
                    .push(args.next().expect("an argument for every placeholder"));
                out.push_str(&format!("${}", self.args.len()));
            } else {
                out.push(ch);
            }
        }
        self.parts.push(out);
    }
    /// Adds the condition that an opinion was given on one of `pairs` (version, target).
    fn push_pairs(&mut self, pairs: &[(i64, String)]) {
        let mut any = Vec::new();
        for (v, t) in pairs {
            self.args.push(Arg::Int(*v));
            self.args.push(Arg::Text(t.clone()));
            let n = self.args.len();
            any.push(format!(
                "(o.target = ${n} AND COALESCE(o.draft_version_id, 0) = ${})",
                n - 1
            ));
        }
        self.parts.push(if any.is_empty() {
            "1 = 0".into()
        } else {
            format!("({})", any.join(" OR "))
        });
    }
    fn sql(&self) -> String {
        if self.parts.is_empty() {
            "1 = 1".into()
        } else {
            self.parts.join(" AND ")
        }
    }
    fn bind<'q, O>(
        &'q self,
        mut q: QueryAs<'q, Any, O, AnyArguments<'q>>,
    ) -> QueryAs<'q, Any, O, AnyArguments<'q>> {
        for a in &self.args {
            q = match a {
                Arg::Int(i) => q.bind(*i),
                Arg::Text(t) => q.bind(t.as_str()),
            };
        }
        q
    }
}

/// `%text%` for LIKE, with the pattern characters of `text` escaped by `\`.
fn like_pattern(text: &str) -> String {
    let mut p = String::from("%");
    for c in text.chars() {
        if matches!(c, '%' | '_' | '\\') {
            p.push('\\');
        }
        p.push(c);
    }
    p.push('%');
    p
}

/// How the keyword condition is written: by reading each text only, or by asking the index of
/// pieces first (and still reading the texts it names, so the index never decides a match).
#[derive(Clone, Copy)]
enum KeywordBy {
    Text,
    Index(Backend),
}

fn conditions(c: &mut Conditions, scope: Scope, f: &QueueFilter, keyword_by: KeywordBy) {
    if let Some(s) = scope.station.or(f.station) {
        c.push("o.station_id = ?", Arg::Int(s));
    }
    if let Some(s) = f.solicitation {
        c.push("o.solicitation_id = ?", Arg::Int(s));
    }
    match (f.target.as_deref(), &f.target_in) {
        (Some("whole"), _) => c.push("o.target = ?", Arg::Text(String::new())),
        (Some(_), Some(pairs)) => c.push_pairs(pairs),
        (Some(t), None) => c.push("o.target = ?", Arg::Text(t.into())),
        (None, _) => {}
    }
    if let Some(s) = f.status {
        c.push("o.status = ?", Arg::Text(s.code().into()));
    }
    if let Some(ch) = f.channel {
        c.push("o.channel = ?", Arg::Text(ch.code().into()));
    }
    if let Some(s) = &f.street {
        c.push("o.street = ?", Arg::Text(s.clone()));
    }
    if let Some(i) = f.identity {
        c.push("o.identity = ?", Arg::Text(i.code().into()));
    }
    if let Some(d) = &f.from {
        c.push("o.received_on >= ?", Arg::Text(d.clone()));
    }
    if let Some(d) = &f.to {
        c.push("o.received_on <= ?", Arg::Text(d.clone()));
    }
    if let Some(k) = &f.keyword {
        // The public never finds an opinion by its tracking code, which only its author holds.
        let code = (!f.published)
            .then(|| crate::domain::opinion::normalize_code(k))
            .flatten();
        match code {
            Some(code) => c.push("o.tracking_code = ?", Arg::Text(code)),
            // Words apart are each required, wherever they stand in the text.
            None => keyword(c, &k.split_whitespace().collect::<Vec<_>>(), keyword_by),
        }
    }
    if f.published {
        c.parts.push(format!(
            "o.publish_ok = 1 AND o.status IN {ACCEPTED_SQL} AND EXISTS (SELECT 1 FROM \
             solicitations ps WHERE ps.id = o.solicitation_id AND ps.status <> 'draft')"
        ));
    }
}

/// The condition that an opinion's text holds every one of `words`: asked of the index of pieces
/// at once (the public search's own question, [`super::search::question`]), and read in the
/// text itself.
fn keyword(c: &mut Conditions, words: &[&str], by: KeywordBy) {
    use super::search::{question, Question};
    if let KeywordBy::Index(backend) = by {
        match question(backend, words) {
            Some(Question::Fts5(m)) => c.push(
                "o.id IN (SELECT rowid FROM opinion_grams WHERE opinion_grams MATCH ?)",
                Arg::Text(m),
            ),
            Some(Question::TsQuery { sql, args }) => c.push_many(
                &format!("o.id IN (SELECT opinion_id FROM opinion_grams WHERE grams @@ {sql})"),
                args.into_iter().map(Arg::Text).collect(),
            ),
            None => {}
        }
    }
    for k in words {
        c.push("o.content LIKE ? ESCAPE '\\'", Arg::Text(like_pattern(k)));
    }
}

/// Whether a filter may match few of the newest opinions, so that reading them in order until a
/// page is full could read most of the table: a keyword, or a date range.
fn may_lie_far_back(f: &QueueFilter) -> bool {
    f.from.is_some()
        || f.to.is_some()
        || f.keyword
            .as_deref()
            .is_some_and(|k| crate::domain::opinion::normalize_code(k).is_none())
}

/// How many of the opinions next to the cursor (the newest, on a first page) a far-reaching filter
/// is first tried on: a keyword or a date found among them fills the page from them alone.
const FIRST_LOOK: i64 = 2_000;
/// The widest second look: reading more ids than this in order costs more than gathering.
const FARTHEST_LOOK: i64 = 120_000;

#[derive(FromRow)]
struct QueueRow {
    id: i64,
    tracking_code: String,
    solicitation_id: i64,
    solicitation_title: String,
    target_label: String,
    target: String,
    draft_version_id: Option<i64>,
    excerpt: String,
    name: String,
    phone: String,
    channel: String,
    status: String,
    received_on: String,
}

/// How one try at a queue page finds its rows.
#[derive(Clone, Copy)]
enum Plan {
    /// Every condition at once, the rows read in id order through the indexes the conditions
    /// use: right for filters common among recent opinions or served by an index in id order.
    InOrder,
    /// [`Plan::InOrder`] within the `n` ids next to the cursor (ids are given in order, so about
    /// that many opinions): the page is whole if they hold enough matches, since every opinion
    /// nearer the cursor is among them.
    Near(i64),
    /// Every matching id first, through the date index or the index of pieces, then the page.
    Gathered,
}

const COLUMNS: &str = "o.id, o.tracking_code, o.solicitation_id, s.title AS solicitation_title, \
     o.target_label, o.target, o.draft_version_id, SUBSTR(o.content, 1, 60) AS excerpt, o.name, o.phone, o.channel, \
     o.status, o.received_on";

async fn try_page(
    db: &Db,
    scope: Scope,
    f: &QueueFilter,
    plan: Plan,
) -> Result<Vec<QueueRow>, sqlx::Error> {
    let oldest = f.sort == Some(Sort::Oldest);
    let order = if oldest { "ASC" } else { "DESC" };
    let mut c = Conditions::default();
    if let Some(after) = f.after {
        c.push(
            if oldest { "o.id > ?" } else { "o.id < ?" },
            Arg::Int(after),
        );
    }
    if let Plan::Near(n) = plan {
        // The id next to the cursor, through the primary key alone.
        let edge_sql = format!(
            "SELECT {}(o.id) FROM opinions o WHERE {}",
            if oldest { "MIN" } else { "MAX" },
            c.sql()
        );
        let mut q = sqlx::query_scalar::<_, Option<i64>>(&edge_sql);
        if let Some(after) = f.after {
            q = q.bind(after);
        }
        let edge = q.fetch_one(&db.pool).await?.unwrap_or(0);
        if oldest {
            c.push("o.id < ?", Arg::Int(edge.saturating_add(n)));
        } else {
            c.push("o.id > ?", Arg::Int(edge.saturating_sub(n)));
        }
    }
    let by = match plan {
        Plan::Gathered => KeywordBy::Index(db.backend),
        _ => KeywordBy::Text,
    };
    conditions(&mut c, scope, f, by);
    let filters = c.sql();
    let limit = QUEUE_PAGE + 1;
    let from = "JOIN solicitations s ON s.id = o.solicitation_id";
    // SQLite reads an IN list of the index's matches in id order and stops at a full page, so
    // a keyword is gathered in order; a date range (and anything on PostgreSQL, whose text index
    // has no order) is gathered whole, ids only, then sorted.
    let in_order = match plan {
        Plan::InOrder | Plan::Near(_) => true,
        Plan::Gathered => {
            db.backend == Backend::Sqlite
                && f.keyword.as_deref().is_some_and(|k| {
                    let words: Vec<&str> = k.split_whitespace().collect();
                    super::search::question(Backend::Sqlite, &words).is_some()
                })
        }
    };
    let sql = match plan {
        _ if in_order => format!(
            "SELECT {COLUMNS} FROM opinions o {from} WHERE {filters} \
             ORDER BY o.id {order} LIMIT {limit}"
        ),
        _ => format!(
            "WITH m AS MATERIALIZED (SELECT o.id FROM opinions o WHERE {filters}) \
             SELECT {COLUMNS} FROM opinions o {from} \
             WHERE o.id IN (SELECT id FROM m ORDER BY id {order} LIMIT {limit}) \
             ORDER BY o.id {order}"
        ),
    };
    c.bind(sqlx::query_as(&sql)).fetch_all(&db.pool).await
}

/// One page of the queue within `scope`, newest (or oldest) first, phone numbers masked. Pages
/// by the id of the last row shown, so a page deep in a million opinions costs what the first
/// one does. A keyword or a date range is tried on the newest opinions first and, when they do
/// not fill the page, gathered through its index: a word in one opinion of a million and a
/// month a year back cost what a common word does.
pub async fn queue(db: &Db, scope: Scope, f: &QueueFilter) -> Result<QueuePage, sqlx::Error> {
    // An article of the current draft names the opinions given on it and on whatever article
    // of an earlier version became it, not the earlier versions' articles of that number.
    let resolved;
    let f = match (f.solicitation, f.target.as_deref()) {
        (Some(s), Some(t)) if crate::domain::trail::is_article(t) => {
            let lineage = super::trail::lineage(db, s).await?;
            resolved = QueueFilter {
                target_in: Some(lineage.sources_of(t)),
                ..f.clone()
            };
            &resolved
        }
        _ => f,
    };
    let full = |rows: &Vec<QueueRow>| rows.len() as i64 > QUEUE_PAGE;
    let mut rows = if may_lie_far_back(f) {
        let first = try_page(db, scope, f, Plan::Near(FIRST_LOOK)).await?;
        // A first look with a few matches says how many ids hold a page: look that far (twice,
        // for luck) if it is not too far. None at all: the index finds them faster.
        let wider = match first.len() as i64 {
            _ if full(&first) => Some(first),
            0 => None,
            m => {
                let span = FIRST_LOOK * (QUEUE_PAGE + 1) * 2 / m;
                if span <= FARTHEST_LOOK {
                    let rows = try_page(db, scope, f, Plan::Near(span)).await?;
                    full(&rows).then_some(rows)
                } else {
                    None
                }
            }
        };
        match wider {
            Some(rows) => rows,
            None => try_page(db, scope, f, Plan::Gathered).await?,
        }
    } else {
        try_page(db, scope, f, Plan::InOrder).await?
    };
    let more = full(&rows);
    rows.truncate(QUEUE_PAGE as usize);
    let next_after = more.then(|| rows.last().map(|r| r.id)).flatten();
    Ok(QueuePage {
        items: rows
            .into_iter()
            .map(|r| OpinionRow {
                id: r.id,
                code: r.tracking_code,
                solicitation_id: r.solicitation_id,
                solicitation_title: r.solicitation_title,
                target_label: r.target_label,
                target: r.target,
                version_id: r.draft_version_id,
                target_now: None,
                excerpt: r.excerpt,
                name: r.name,
                phone_masked: mask_phone(&r.phone),
                channel: Channel::from_code(&r.channel).unwrap_or(Channel::Online),
                status: OpinionStatus::from_code(&r.status).unwrap_or(OpinionStatus::Pending),
                received_on: r.received_on,
            })
            .collect(),
        next_after,
    })
}

/// How many opinions within `scope` match `f`, counted up to `cap` + 1 (what a count shown as
/// "more than `cap`" needs), through the index of pieces for a keyword.
pub async fn count_capped(
    db: &Db,
    scope: Scope,
    f: &QueueFilter,
    cap: i64,
) -> Result<i64, sqlx::Error> {
    let mut c = Conditions::default();
    conditions(&mut c, scope, f, KeywordBy::Index(db.backend));
    let sql = format!(
        "SELECT COUNT(*) FROM (SELECT 1 FROM opinions o WHERE {} LIMIT {}) m",
        c.sql(),
        cap + 1
    );
    let mut q = sqlx::query_scalar::<_, i64>(&sql);
    for a in &c.args {
        q = match a {
            Arg::Int(i) => q.bind(*i),
            Arg::Text(t) => q.bind(t.as_str()),
        };
    }
    q.fetch_one(&db.pool).await
}

/// Whether opinion `id` exists and lies within `scope`.
pub async fn visible(db: &Db, scope: Scope, id: i64) -> Result<bool, sqlx::Error> {
    let row: Option<(Option<i64>,)> =
        sqlx::query_as("SELECT station_id FROM opinions WHERE id = $1")
            .bind(id)
            .fetch_optional(&db.pool)
            .await?;
    Ok(row.is_some_and(|(station,)| scope.allows(station)))
}

/// Why an action was refused as a whole.
#[derive(Debug)]
pub enum ApplyError {
    /// A selected opinion does not exist or lies outside the person's scope.
    NotFound,
    /// The opinion to merge into: no such code on the solicitation (or outside the scope).
    MergeTargetMissing,
    /// The opinion to merge into was rejected or merged itself.
    MergeTargetClosed(OpinionStatus),
    /// The opinion to merge into is among the selected.
    MergeIntoItself,
    /// The selected opinions belong to different solicitations.
    MergeAcrossSolicitations,
    Db(sqlx::Error),
}

impl From<sqlx::Error> for ApplyError {
    fn from(e: sqlx::Error) -> Self {
        ApplyError::Db(e)
    }
}

fn placeholders(from: usize, n: usize) -> String {
    (from..from + n)
        .map(|i| format!("${i}"))
        .collect::<Vec<_>>()
        .join(", ")
}

#[derive(FromRow)]
struct Locked {
    id: i64,
    tracking_code: String,
    status: String,
    solicitation_id: i64,
    station_id: Option<i64>,
}

/// Applies `action` to the `selected` opinions within `scope`, in one transaction: each opinion
/// still in the status the person saw moves, with an event row and an audit entry; those someone
/// else changed first, or whose status does not allow the action, are left as they are and
/// named in the outcome. Nothing is half-applied.
pub async fn apply(
    db: &Db,
    actor_id: i64,
    scope: Scope,
    selected: &[Selected],
    action: &Action,
) -> Result<BatchOutcome, ApplyError> {
    let mut outcome = BatchOutcome::default();
    if selected.is_empty() {
        return Ok(outcome);
    }
    let now = now_ms();
    // In id order, once each: the locked rows come back sorted the same way.
    let mut selected = selected.to_vec();
    selected.sort_by_key(|s| s.id);
    selected.dedup_by_key(|s| s.id);
    let ids: Vec<i64> = selected.iter().map(|s| s.id).collect();
    let mut tx = db.begin_write().await?;
    // A write that changes nothing takes the row locks (the write lock on SQLite) before reading,
    // so a concurrent action on the same opinions waits for this one and then sees its result.
    let sql = format!(
        "UPDATE opinions SET updated_at = updated_at WHERE id IN ({}) \
         RETURNING id, tracking_code, status, solicitation_id, station_id",
        placeholders(1, ids.len())
    );
    let mut q = sqlx::query_as::<_, Locked>(&sql);
    for id in &ids {
        q = q.bind(*id);
    }
    let mut locked: Vec<Locked> = q.fetch_all(&mut *tx).await?;
    locked.sort_by_key(|l| l.id);
    if locked.len() != ids.len() || locked.iter().any(|l| !scope.allows(l.station_id)) {
        return Err(ApplyError::NotFound);
    }
    let to = action.target_status();
    let mut merged_into: Option<i64> = None;
    if let Action::Merge { into, .. } = action {
        let solicitation = locked[0].solicitation_id;
        if locked.iter().any(|l| l.solicitation_id != solicitation) {
            return Err(ApplyError::MergeAcrossSolicitations);
        }
        let target: Option<Locked> = sqlx::query_as(
            "SELECT id, tracking_code, status, solicitation_id, station_id FROM opinions \
             WHERE tracking_code = $1",
        )
        .bind(into)
        .fetch_optional(&mut *tx)
        .await?;
        let target = target
            .filter(|t| t.solicitation_id == solicitation && scope.allows(t.station_id))
            .ok_or(ApplyError::MergeTargetMissing)?;
        if ids.contains(&target.id) {
            return Err(ApplyError::MergeIntoItself);
        }
        let status = OpinionStatus::from_code(&target.status).unwrap_or(OpinionStatus::Pending);
        if matches!(status, OpinionStatus::Rejected | OpinionStatus::Merged) {
            return Err(ApplyError::MergeTargetClosed(status));
        }
        merged_into = Some(target.id);
    }
    let mut moving: Vec<i64> = Vec::new();
    for (l, s) in locked.iter().zip(selected.iter().map(|s| s.seen)) {
        let now_status = OpinionStatus::from_code(&l.status).unwrap_or(OpinionStatus::Pending);
        if now_status != s {
            outcome.skipped.push((l.tracking_code.clone(), now_status));
        } else if !now_status.can_move_to(to) {
            outcome
                .not_allowed
                .push((l.tracking_code.clone(), now_status));
        } else {
            moving.push(l.id);
            outcome.done.push(l.tracking_code.clone());
        }
    }
    if moving.is_empty() {
        tx.commit().await?;
        return Ok(outcome);
    }
    let reason = match action {
        Action::Reject { reason, .. } => reason.code(),
        _ => "",
    };
    let note = action.note();
    // Every moving opinion was in the action's one starting status.
    for chunk in moving.chunks(500) {
        let list = placeholders(5, chunk.len());
        let sql = format!(
            "UPDATE opinions SET status = $1, reject_reason = $2, \
             merged_into = COALESCE($3, merged_into), updated_at = $4 WHERE id IN ({list})"
        );
        let mut q = sqlx::query(&sql)
            .bind(to.code())
            .bind(reason)
            .bind(merged_into)
            .bind(now);
        for id in chunk {
            q = q.bind(*id);
        }
        q.execute(&mut *tx).await?;
        let sql = format!(
            "INSERT INTO opinion_events (opinion_id, at, actor_id, from_status, to_status, note, visible) \
             SELECT id, $1, $2, $3, $4, $5, 1 FROM opinions WHERE id IN ({})",
            placeholders(6, chunk.len())
        );
        let mut q = sqlx::query(&sql)
            .bind(now)
            .bind(actor_id)
            .bind(action.from_status().code())
            .bind(to.code())
            .bind(note);
        for id in chunk {
            q = q.bind(*id);
        }
        q.execute(&mut *tx).await?;
        let sql = format!(
            "INSERT INTO audit_log (at, actor_id, action, record_type, record_id, detail) \
             SELECT $1, $2, 'opinion.transition', 'opinion', id, $3 FROM opinions WHERE id IN ({})",
            placeholders(4, chunk.len())
        );
        let referral = matches!(action, Action::Reject { reason, .. } if reason.is_referral());
        if super::notifications::is_news(to, referral) {
            super::notifications::enqueue(&mut tx, chunk, now).await?;
        }
        let detail = if reason.is_empty() {
            to.code().to_string()
        } else {
            format!("{}:{reason}", to.code())
        };
        let mut q = sqlx::query(&sql).bind(now).bind(actor_id).bind(detail);
        for id in chunk {
            q = q.bind(*id);
        }
        q.execute(&mut *tx).await?;
    }
    tx.commit().await?;
    Ok(outcome)
}

/// Pending opinions compared at most when looking for clusters (the newest ones).
pub const CLUSTER_LIMIT: i64 = 20_000;

/// Groups of near-identical pending opinions on solicitation `solicitation_id` within `scope`
/// (estimated character-bigram similarity of at least 60%), largest first. `None` if there is no
/// such solicitation.
pub async fn clusters(
    db: &Db,
    scope: Scope,
    solicitation_id: i64,
) -> Result<Option<ClusterView>, sqlx::Error> {
    let title: Option<String> = sqlx::query_scalar("SELECT title FROM solicitations WHERE id = $1")
        .bind(solicitation_id)
        .fetch_optional(&db.pool)
        .await?;
    let Some(title) = title else { return Ok(None) };
    let mut c = Conditions::default();
    c.push("solicitation_id = ?", Arg::Int(solicitation_id));
    c.push(
        "status = ?",
        Arg::Text(OpinionStatus::Pending.code().into()),
    );
    if let Some(s) = scope.station {
        c.push("station_id = ?", Arg::Int(s));
    }
    let sql = format!(
        "SELECT id, tracking_code, content FROM opinions WHERE {} ORDER BY id DESC LIMIT {}",
        c.sql(),
        CLUSTER_LIMIT + 1
    );
    let mut rows: Vec<(i64, String, String)> =
        c.bind(sqlx::query_as(&sql)).fetch_all(&db.pool).await?;
    let capped = rows.len() as i64 > CLUSTER_LIMIT;
    rows.truncate(CLUSTER_LIMIT as usize);
    rows.reverse();
    // Grouping thousands of texts is CPU work: off the async workers.
    let (rows, groups) = crate::server::work::heavy_db(move || {
        let texts: Vec<&str> = rows.iter().map(|r| r.2.as_str()).collect();
        let groups = crate::domain::similarity::clusters(&texts, 0.6);
        (rows, groups)
    })
    .await?;
    let clusters = groups
        .into_iter()
        .map(|g| {
            // Indices ascend with the id, so the first is the earliest opinion.
            let main = &rows[g[0]];
            Cluster {
                main_id: main.0,
                main_code: main.1.clone(),
                main_content: main.2.clone(),
                members: g.iter().map(|&i| (rows[i].0, rows[i].1.clone())).collect(),
            }
        })
        .collect();
    Ok(Some(ClusterView {
        solicitation_id,
        solicitation_title: title,
        clusters,
        compared: rows.len(),
        capped,
    }))
}
