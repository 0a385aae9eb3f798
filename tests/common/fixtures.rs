//! Data several test files start from: two stations with an open solicitation, and opinions
//! stored straight through the repository.

use minyi::domain::account::Role;
use minyi::domain::opinion::{Identity, NewOpinion};
use minyi::domain::solicitation::{NewSolicitation, Stage, Status, Target};
use minyi::domain::statute;
use minyi::domain::time::DAY_MS;
use minyi::server::db::{self, opinions::Source, Db};

/// A three-article draft.
pub const DRAFT: &str = "测试条例（草案）\n\
第一条　为了测试，制定本条例。\n\
第二条　本条例适用于本区。\n\
第三条　街道应当设置助餐点。\n";

/// What [`setup`] made.
pub struct Setup {
    pub sol: i64,
    /// 东湖联系点, of 东湖街道.
    pub east: i64,
    /// 西城联系点, of 西城街道.
    pub west: i64,
    /// A district clerk (no station), username `district`.
    pub clerk: i64,
}

/// Two stations (东湖 and 西城), an open solicitation collected by both (with [`DRAFT`] as its
/// current version when `with_draft`), and a district clerk.
pub async fn setup(db: &Db, with_draft: bool) -> Setup {
    let east = db::stations::insert(db, "东湖联系点", "contact_point", "东湖街道", "")
        .await
        .unwrap();
    let west = db::stations::insert(db, "西城联系点", "contact_point", "西城街道", "")
        .await
        .unwrap();
    let clerk = super::staff_account(db, "district", Role::Staff, None).await;
    let now = db::now_ms();
    let s = NewSolicitation {
        title: "养老服务条例草案征求意见".into(),
        stage: Stage::Drafting,
        issuer: "区人大常委会".into(),
        explanation_md: "说明".into(),
        questions: vec![],
        opens_at: now - DAY_MS,
        closes_at: now + 10 * DAY_MS,
        status: Status::Open,
        outcome_md: String::new(),
        station_ids: vec![east, west],
    };
    let sol = db::solicitations::save(db, None, None, &s, "<p>说明</p>", "", clerk)
        .await
        .unwrap();
    if with_draft {
        db::solicitations::add_version(
            db,
            sol,
            "征求意见稿",
            DRAFT,
            &statute::parse(DRAFT),
            None,
            None,
            clerk,
        )
        .await
        .unwrap();
    }
    Setup {
        sol,
        east,
        west,
        clerk,
    }
}

/// A resident's opinion on the whole text from `street`.
pub fn opinion(content: &str, street: &str) -> NewOpinion {
    NewOpinion {
        target: Target {
            key: String::new(),
            label: String::new(),
        },
        content: content.into(),
        suggestion: String::new(),
        reason: String::new(),
        name: "王秀兰".into(),
        phone: "13800138001".into(),
        street: street.into(),
        community: String::new(),
        identity: Identity::Resident,
        publish_ok: false,
        privacy_version: "2026-11".into(),
        email: String::new(),
    }
}

/// An online submission with no form key and no hourly limit to speak of.
pub fn online() -> Source {
    Source::Online {
        submit_key: None,
        bucket: "t".into(),
        per_hour: 1_000_000,
    }
}

/// Stores `o` on solicitation `sol` as an online opinion; its id and code.
pub async fn submit_opinion(db: &Db, sol: i64, o: &NewOpinion) -> (i64, String) {
    let r = db::opinions::submit(db, sol, None, o, &online())
        .await
        .unwrap();
    (r.id, r.code)
}

/// The status of opinion `id`.
pub async fn status_of(db: &Db, id: i64) -> String {
    sqlx::query_scalar("SELECT status FROM opinions WHERE id = $1")
        .bind(id)
        .fetch_one(&db.pool)
        .await
        .unwrap()
}

/// A case story by `author` dated 2026-11-28, published or not; its id.
pub async fn story(
    db: &Db,
    author: i64,
    title: &str,
    body: &str,
    slug: &str,
    published: bool,
) -> i64 {
    let s = minyi::domain::story::StoryInput {
        title: title.into(),
        summary: String::new(),
        body: body.into(),
        kind: "case".into(),
        slug: slug.into(),
        published_on: "2026-11-28".into(),
    }
    .validate()
    .unwrap();
    let id = db::stories::save(db, None, None, &s, &format!("<p>{body}</p>"), author)
        .await
        .unwrap();
    if published {
        db::stories::set_published(db, id, true, author)
            .await
            .unwrap();
    }
    id
}

/// `clerk` applies `action` to pending opinion `id`.
pub async fn moderate(db: &Db, clerk: i64, id: i64, action: minyi::domain::moderation::Action) {
    let selected = [minyi::domain::moderation::Selected {
        id,
        seen: minyi::domain::opinion::OpinionStatus::Pending,
    }];
    db::moderation::apply(db, clerk, db::moderation::Scope::ALL, &selected, &action)
        .await
        .unwrap();
}

/// A district deputy of 东湖街道选区, published or not; their id.
pub async fn deputy(db: &Db, name: &str, intro: &str, published: bool) -> i64 {
    let d = minyi::domain::deputy::NewDeputy {
        name: name.into(),
        level: minyi::domain::deputy::Level::District,
        constituency: "东湖街道选区".into(),
        station_id: None,
        intro: intro.into(),
        reception_days: String::new(),
        published,
    };
    db::deputies::save(db, None, 0, &d, 1).await.unwrap()
}

/// A call still being drafted (not published), 尚未发布的戊己征集, by `clerk`; its id.
pub async fn unpublished_call(db: &Db, clerk: i64) -> i64 {
    let now = db::now_ms();
    let hidden = NewSolicitation {
        title: "尚未发布的戊己征集".into(),
        stage: Stage::Drafting,
        issuer: "区人大常委会".into(),
        explanation_md: "戊己的说明".into(),
        questions: Vec::new(),
        opens_at: now - DAY_MS,
        closes_at: now + DAY_MS,
        status: Status::Draft,
        outcome_md: String::new(),
        station_ids: Vec::new(),
    };
    db::solicitations::save(db, None, None, &hidden, "<p>戊己的说明</p>", "", clerk)
        .await
        .unwrap()
}
