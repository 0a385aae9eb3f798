//! Demo content for a new database: the committee's two contact points, three published stories,
//! solicitations in every stage with a draft and opinions, and an admin account with a generated
//! password.

use super::{auth, db, markdown};
use crate::domain::{account::Role, story::StoryInput};

struct DemoStory {
    slug: &'static str,
    kind: &'static str,
    date: &'static str,
    title: &'static str,
    summary: &'static str,
    body: &'static str,
}

const STORIES: [DemoStory; 3] = [
    DemoStory {
        slug: "laonian-ren-jiaotong-anquan",
        kind: "case",
        date: "2026-10-16",
        title: "一条意见进了法规：老年人出行安全写进条例",
        summary: "东湖街道基层立法联系点收集的一条居民意见，被市人大常委会采纳，写进了道路交通安全条例。",
        body: "## 起因\n\n去年秋天，东湖街道的退休教师王阿姨在联系点的座谈会上说：小区门口的路口红灯太短，\
老年人走到一半就变灯了。\n\n联系点的工作人员把这条意见和其他 36 条意见一起整理进了**意见汇总表**，\
报送给市人大常委会法制工作委员会。\n\n## 结果\n\n今年 9 月，修订后的条例第二十一条增加了一款：\
“在老年人集中居住区域周边，公安机关交通管理部门应当合理设置行人过街信号时长。”\n\n\
王阿姨收到了联系点寄来的采纳反馈：\n\n> 您的意见已被采纳，感谢您对地方立法的关心和支持。\n\n\
## 联系点怎么做\n\n- 每月固定一天开放座谈；\n- 意见当场登记，给每位居民一张回执；\n- 法规通过后，逐一反馈采纳情况。",
    },
    DemoStory {
        slug: "wuye-guanli-tiaoli-zhengqiu-yijian",
        kind: "legislative",
        date: "2026-09-02",
        title: "物业管理条例修订：三场座谈会听到的声音",
        summary: "围绕物业管理条例修订草案，两个联系点组织了三场座谈会，业主、物业企业和律师坐到了一张桌上。",
        body: "物业费怎么定、维修资金怎么用、业主大会怎么开，是居民最关心的几件事。\n\n\
## 三场座谈会\n\n1. 第一场在西城社区，请来了 12 位业主代表；\n2. 第二场请了 5 家物业服务企业；\n\
3. 第三场请了律师和社区工作者。\n\n共收集意见 58 条，其中关于**维修资金使用程序**的意见最多，达 19 条。\n\n\
## 一条典型意见\n\n有业主提出，紧急维修时申请维修资金的手续太多，电梯坏了要等一个月。\
联系点把这条意见连同修改建议一并上报：建议对危及安全的紧急维修设立简易程序。\n\n\
审议稿中，这一建议体现为第四十五条第二款。",
    },
    DemoStory {
        slug: "lianxidian-kaifang-ri",
        kind: "news",
        date: "2026-11-20",
        title: "两个基层立法联系点本月起每周三开放",
        summary: "东湖街道和西城街道基层立法联系点本月起每周三全天开放，居民可以当面提意见、约见人大代表。",
        body: "为方便居民参与立法，东湖街道基层立法联系点和西城街道基层立法联系点从本月起每周三全天开放。\n\n\
| 联系点 | 地址 | 开放时间 |\n|---|---|---|\n| 东湖街道基层立法联系点 | 东湖路 88 号社区服务中心二楼 | 每周三 9:00–17:00 |\n\
| 西城街道基层立法联系点 | 西城大街 12 号党群服务中心 | 每周三 9:00–17:00 |\n\n\
居民也可以在本网站上阅读征求意见的草案，并在线提交意见。",
    },
];

/// What the database holds after loading the demo: stations, calls for opinions, versions of
/// their drafts, opinions, sessions, registrations, deputies, appointments and stories.
pub struct Loaded {
    pub counts: [i64; 9],
}

/// Counts what [`demo`] loaded, for the command's report.
pub async fn loaded(db: &db::Db) -> Result<Loaded, sqlx::Error> {
    let mut counts = [0; 9];
    for (i, table) in [
        "stations",
        "solicitations",
        "draft_versions",
        "opinions",
        "consultations",
        "registrations",
        "deputies",
        "appointments",
        "stories",
    ]
    .iter()
    .enumerate()
    {
        counts[i] = sqlx::query_scalar(&format!("SELECT COUNT(*) FROM {table}"))
            .fetch_one(&db.pool)
            .await?;
    }
    Ok(Loaded { counts })
}

/// Loads the demo content when the database has no accounts and no stories. Returns the admin's
/// generated password, or `None` when the database already had content (nothing is changed).
pub async fn demo(db: &db::Db) -> Result<Option<String>, sqlx::Error> {
    let accounts: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM accounts")
        .fetch_one(&db.pool)
        .await?;
    let stories: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM stories")
        .fetch_one(&db.pool)
        .await?;
    if accounts > 0 || stories > 0 {
        return Ok(None);
    }
    db::stations::insert(
        db,
        "东湖街道基层立法联系点",
        "contact_point",
        "东湖街道",
        "东湖路 88 号社区服务中心二楼",
    )
    .await?;
    db::stations::insert(
        db,
        "西城街道基层立法联系点",
        "contact_point",
        "西城街道",
        "西城大街 12 号党群服务中心",
    )
    .await?;
    let password = auth::generate_password();
    let hash = auth::hash_password(&password);
    let admin = db::accounts::insert(
        db,
        &db::accounts::NewAccount {
            username: "admin",
            display_name: "系统管理员",
            password_hash: &hash,
            role: Role::Admin,
            station_id: None,
        },
        None,
    )
    .await?
    .ok_or(sqlx::Error::RowNotFound)?;
    for s in STORIES {
        let input = StoryInput {
            title: s.title.into(),
            summary: s.summary.into(),
            body: s.body.into(),
            kind: s.kind.into(),
            slug: s.slug.into(),
            published_on: s.date.into(),
        };
        let story = input
            .validate()
            .map_err(|e| sqlx::Error::Protocol(format!("demo story invalid: {e:?}")))?;
        let id = db::stories::save(
            db,
            None,
            None,
            &story,
            &markdown::render(&story.body_md),
            admin,
        )
        .await
        .map_err(|e| sqlx::Error::Protocol(format!("demo story not saved: {e:?}")))?;
        db::stories::set_published(db, id, true, admin).await?;
    }
    solicitations(db, admin).await?;
    consultations(db, admin).await?;
    deputies(db, admin).await?;
    Ok(Some(password))
}

/// The demo's solicitations: one open per stage (the 立法中 one with a draft of 35 articles in
/// six chapters), one concluded from last year with its outcome, and opinions in every status.
pub async fn solicitations(db: &db::Db, admin: i64) -> Result<(), sqlx::Error> {
    use super::seed_content as c;
    use crate::domain::opinion::{Identity, NewOpinion, OpinionStatus};
    use crate::domain::solicitation::{targets, NewSolicitation, Stage, Status};
    use crate::domain::statute;
    use crate::domain::time::DAY_MS;
    use db::opinions::Source;

    let now = db::now_ms();
    let today = now - now.rem_euclid(DAY_MS) - 8 * 3_600_000;
    let stations: Vec<i64> = db::stations::list_options(db)
        .await?
        .into_iter()
        .map(|s| s.id)
        .collect();
    let mut ids = std::collections::HashMap::new();
    let calls = [
        ("drafting", c::DRAFT_TITLE, Stage::Drafting, "市人大常委会", c::DRAFT_EXPLANATION, "", -10, 20, Status::Open, ""),
        ("planning", c::PLANNING_TITLE, Stage::Planning, "市人大常委会", c::PLANNING_EXPLANATION, c::PLANNING_QUESTIONS, -5, 40, Status::Open, ""),
        ("evaluation", c::EVALUATION_TITLE, Stage::Evaluation, "区人大常委会", c::EVALUATION_EXPLANATION, c::EVALUATION_QUESTIONS, -15, 15, Status::Open, ""),
        ("concluded", "2026年度立法计划项目建议征集", Stage::Planning, "市人大常委会",
         "征集市民对2026年度立法计划的建议。", "", -400, -340, Status::Concluded,
         "关于养老服务、物业管理的建议最多，《居家社区养老服务条例》已列入2026年度立法计划正式项目。"),
    ];
    for (key, title, stage, issuer, explanation, questions, from, to, status, outcome) in calls {
        let s = NewSolicitation {
            title: title.into(),
            stage,
            issuer: issuer.into(),
            explanation_md: explanation.into(),
            questions: questions
                .lines()
                .map(str::to_string)
                .filter(|q| !q.is_empty())
                .collect(),
            opens_at: today + from * DAY_MS,
            closes_at: today + (to + 1) * DAY_MS,
            status,
            outcome_md: outcome.into(),
            station_ids: stations.clone(),
        };
        let id = save_call(db, &s, admin).await?;
        ids.insert(key, (id, s.questions.clone()));
    }
    let (draft_id, _) = ids["drafting"].clone();
    let parsed = statute::parse(c::DRAFT_TEXT);
    let version = db::solicitations::add_version(
        db,
        draft_id,
        "征求意见稿",
        c::DRAFT_TEXT,
        &parsed,
        None,
        None,
        admin,
    )
    .await?;

    let mut first_on_article: Option<i64> = None;
    for (i, o) in c::DEMO_OPINIONS.iter().enumerate() {
        let (
            key,
            target,
            content,
            suggestion,
            reason,
            name,
            phone,
            street,
            community,
            identity,
            publish_ok,
            status,
        ) = *o;
        let (sid, questions) = ids[key].clone();
        let all_targets = if key == "drafting" {
            targets(&[], Some(&parsed))
        } else {
            targets(&questions, None)
        };
        let wanted = match (key, target) {
            (_, None) => String::new(),
            ("drafting", Some(n)) => format!("art-{n}"),
            (_, Some(n)) => format!("q-{n}"),
        };
        let target = all_targets.into_iter().find(|t| t.key == wanted).unwrap_or(
            crate::domain::solicitation::Target {
                key: String::new(),
                label: String::new(),
            },
        );
        let opinion = NewOpinion {
            target,
            content: content.into(),
            suggestion: suggestion.into(),
            reason: reason.into(),
            name: name.into(),
            phone: phone.into(),
            street: street.into(),
            community: community.into(),
            identity: Identity::from_code(identity).unwrap_or(Identity::Resident),
            publish_ok,
            privacy_version: crate::domain::opinion::PRIVACY_VERSION.into(),
            email: String::new(),
        };
        // Every third demo opinion came in on paper, entered by staff.
        let source = if i % 3 == 2 {
            Source::Offline {
                channel: crate::domain::opinion::Channel::Letter,
                received_on: crate::domain::time::iso_date(now - 2 * DAY_MS),
                staff_id: admin,
                registration: None,
            }
        } else {
            Source::Online {
                submit_key: None,
                bucket: "demo".into(),
                per_hour: i64::MAX,
            }
        };
        let version = (key == "drafting").then_some(version);
        let r = db::opinions::submit(db, sid, version, &opinion, &source)
            .await
            .map_err(|e| sqlx::Error::Protocol(format!("demo opinion not saved: {e:?}")))?;
        let status = OpinionStatus::from_code(status).unwrap_or(OpinionStatus::Pending);
        let path: &[(OpinionStatus, &str)] = match status {
            OpinionStatus::Pending => &[],
            OpinionStatus::Accepted => &[(OpinionStatus::Accepted, "经审核，您的意见已收录，将纳入意见汇总。")],
            OpinionStatus::Rejected => &[(OpinionStatus::Rejected, "您反映的是邻里纠纷，不属于本次草案征求意见的范围，已转请所在社区居委会协调处理。")],
            OpinionStatus::Merged => &[(OpinionStatus::Merged, "您的意见与其他居民的意见内容相同，已合并整理。")],
            OpinionStatus::Reported => &[(OpinionStatus::Accepted, "经审核，您的意见已收录。"), (OpinionStatus::Reported, "已整理进意见汇总表，报送市人大常委会法制工作委员会。")],
            OpinionStatus::Adopted => &[(OpinionStatus::Accepted, "经审核，您的意见已收录。"), (OpinionStatus::Reported, "已报送市人大常委会法制工作委员会。"), (OpinionStatus::Adopted, "您的意见已被采纳，草案二审稿已作相应修改。")],
            OpinionStatus::PartiallyAdopted => &[(OpinionStatus::Accepted, "经审核，您的意见已收录。"), (OpinionStatus::Reported, "已报送市人大常委会法制工作委员会。"), (OpinionStatus::PartiallyAdopted, "您的意见部分采纳：二审稿将随迁老人纳入服务对象，居住时间要求由一年缩短为六个月。")],
            OpinionStatus::NotAdopted => &[(OpinionStatus::Accepted, "经审核，您的意见已收录。"), (OpinionStatus::Reported, "已报送市人大常委会法制工作委员会。"), (OpinionStatus::NotAdopted, "经研究，该事项已由国家有关规定明确，条例不再重复规定。感谢您的关心。")],
        };
        for (to, note) in path {
            let merged = (*to == OpinionStatus::Merged)
                .then_some(first_on_article)
                .flatten();
            db::opinions::transition(db, r.id, Some(admin), None, *to, note, true, merged)
                .await
                .map_err(|e| sqlx::Error::Protocol(format!("demo status not set: {e:?}")))?;
        }
        if key == "drafting" && first_on_article.is_none() {
            first_on_article = Some(r.id);
        }
    }
    campaign(db, ids["drafting"].0, version).await?;
    // A report being written from the accepted opinions of the draft, for staff to try.
    let title = format!("《{}》意见汇总表", c::DRAFT_TITLE);
    match db::reports::create(db, ids["drafting"].0, &title, admin).await {
        Ok(_) | Err(db::reports::ReportError::NothingToReport) => {}
        Err(e) => {
            return Err(sqlx::Error::Protocol(format!(
                "demo report not made: {e:?}"
            )))
        }
    }
    enacted_call(db, admin, &stations).await?;
    // The draft's second reading: the opinions given on the first follow their articles.
    let second = second_reading(c::DRAFT_TEXT);
    db::solicitations::add_version(
        db,
        draft_id,
        "二审稿",
        &second,
        &statute::parse(&second),
        None,
        None,
        admin,
    )
    .await?;
    Ok(())
}

/// The demo's 二审稿, made from the 征求意见稿 as a legislature's second reading changes a
/// draft: an article inserted after 第四条 (renumbering the rest), 第三条 and 第十七条 amended,
/// 第二十六条 moved to follow 第十七条, 第二十八条 deleted, and the cross-reference in 第三十二条
/// renumbered.
pub fn second_reading(first: &str) -> String {
    use crate::domain::statute;
    let text = first
        .replace("（草案·征求意见稿）", "（草案·二审稿）")
        .replace(
            "为居住在家中的老年人提供",
            "为居住在家中的老年人（包括随迁老年人）提供",
        )
        .replace("探访每月不少于一次", "探访每月不少于两次")
        .replace(
            "违反本条例第十二条第二款规定",
            "违反本条例第十三条第二款规定",
        );
    let article_no = |line: &str| -> Option<u32> {
        let rest = line.strip_prefix('第')?;
        let (n, after) = rest.split_once('条')?;
        after
            .starts_with(['\u{3000}', ' '])
            .then(|| statute::parse_numeral(n))
            .flatten()
    };
    // Blocks: the lines before the first article, then one block per article or heading.
    let mut blocks: Vec<Vec<String>> = vec![Vec::new()];
    for line in text.lines() {
        let starts = article_no(line).is_some()
            || (line.starts_with('第') && line.contains('章') && line.chars().count() < 20);
        if starts && !blocks.last().is_some_and(|b| b.is_empty()) {
            blocks.push(Vec::new());
        }
        if let Some(b) = blocks.last_mut() {
            b.push(line.to_string());
        }
    }
    let at = |blocks: &[Vec<String>], n: u32| {
        blocks
            .iter()
            .position(|b| b.first().and_then(|l| article_no(l)) == Some(n))
    };
    if let Some(k) = at(&blocks, 28) {
        blocks.remove(k);
    }
    if let Some(k) = at(&blocks, 26) {
        let moved = blocks.remove(k);
        if let Some(j) = at(&blocks, 17) {
            blocks.insert(j + 1, moved);
        }
    }
    if let Some(k) = at(&blocks, 4) {
        blocks.insert(
            k + 1,
            vec!["第四条　本市建立老年人意见表达机制。制定、修改涉及老年人权益的政策措施，应当通过基层立法联系点、居民委员会等渠道听取老年人及其家庭的意见。".into()],
        );
    }
    let mut n = 0;
    let mut out = Vec::new();
    for b in blocks {
        for (i, line) in b.into_iter().enumerate() {
            match (i, article_no(&line)) {
                (0, Some(_)) => {
                    n += 1;
                    let rest = line.split_once('条').map(|(_, r)| r).unwrap_or("");
                    out.push(format!("第{}条{rest}", statute::chinese_numeral(n)));
                }
                _ => out.push(line),
            }
        }
    }
    out.join("\n")
}

/// Saves a demo solicitation with its Markdown rendered.
async fn save_call(
    db: &db::Db,
    s: &crate::domain::solicitation::NewSolicitation,
    admin: i64,
) -> Result<i64, sqlx::Error> {
    db::solicitations::save(
        db,
        None,
        None,
        s,
        &markdown::render(&s.explanation_md),
        &markdown::render(&s.outcome_md),
        admin,
    )
    .await
    .map_err(|e| sqlx::Error::Protocol(format!("demo solicitation not saved: {e:?}")))
}

/// The concluded draft of last spring: a 征求意见稿 of ten articles, residents' opinions on it with
/// their feedback, and the enacted text (通过稿) that amended, inserted and deleted articles after
/// them, so that each opinion's status page shows its article from draft to enactment.
async fn enacted_call(db: &db::Db, admin: i64, stations: &[i64]) -> Result<(), sqlx::Error> {
    use super::seed_content as c;
    use crate::domain::opinion::{Channel, Identity, NewOpinion, OpinionStatus};
    use crate::domain::solicitation::{targets, Enactment, NewSolicitation, Stage, Status};
    use crate::domain::statute;
    use crate::domain::time::day_start_ms;
    use db::opinions::Source;
    let day = |y: i32, m: u32, d: u32| {
        chrono::NaiveDate::from_ymd_opt(y, m, d)
            .map(day_start_ms)
            .unwrap_or_default()
    };
    let s = NewSolicitation {
        title: c::ENACTED_TITLE.into(),
        stage: Stage::Drafting,
        issuer: "市人大常委会".into(),
        explanation_md: c::ENACTED_EXPLANATION.into(),
        questions: Vec::new(),
        opens_at: day(2026, 3, 2),
        closes_at: day(2026, 4, 2),
        status: Status::Concluded,
        outcome_md: c::ENACTED_OUTCOME.into(),
        station_ids: stations.to_vec(),
    };
    let id = save_call(db, &s, admin).await?;
    let parsed = statute::parse(c::ENACTED_DRAFT);
    let version = db::solicitations::add_version(
        db,
        id,
        "征求意见稿",
        c::ENACTED_DRAFT,
        &parsed,
        None,
        None,
        admin,
    )
    .await?;
    let all = targets(&[], Some(&parsed));
    for (i, (article, content, suggestion, name, publish_ok, status, note)) in
        c::ENACTED_OPINIONS.iter().enumerate()
    {
        let key = article.map(|n| format!("art-{n}")).unwrap_or_default();
        let target = all.iter().find(|t| t.key == key).cloned().unwrap_or(
            crate::domain::solicitation::Target {
                key: String::new(),
                label: String::new(),
            },
        );
        let opinion = NewOpinion {
            target,
            content: (*content).into(),
            suggestion: (*suggestion).into(),
            reason: String::new(),
            name: (*name).into(),
            phone: String::new(),
            street: if i % 2 == 0 {
                "东湖街道"
            } else {
                "西城街道"
            }
            .into(),
            community: String::new(),
            identity: Identity::Resident,
            publish_ok: *publish_ok,
            privacy_version: crate::domain::opinion::PRIVACY_VERSION.into(),
            email: String::new(),
        };
        // Taken down at the contact point while the call was open.
        let source = Source::Offline {
            channel: if i % 2 == 0 {
                Channel::Visit
            } else {
                Channel::Meeting
            },
            received_on: format!("2026-03-{:02}", 5 + 4 * i),
            staff_id: admin,
            registration: None,
        };
        let r = db::opinions::submit(db, id, Some(version), &opinion, &source)
            .await
            .map_err(|e| sqlx::Error::Protocol(format!("demo opinion not saved: {e:?}")))?;
        let last = OpinionStatus::from_code(status).unwrap_or(OpinionStatus::Adopted);
        for (to, text) in [
            (OpinionStatus::Accepted, "经审核，您的意见已收录。"),
            (
                OpinionStatus::Reported,
                "已整理进意见汇总表，报送市人大常委会法制工作委员会。",
            ),
            (last, *note),
        ] {
            db::opinions::transition(db, r.id, Some(admin), None, to, text, true, None)
                .await
                .map_err(|e| sqlx::Error::Protocol(format!("demo status not set: {e:?}")))?;
        }
        // The call ran last spring: received while it was open, reviewed two days later,
        // reported when it closed, answered after the enactment.
        let received = day(2026, 3, 5 + 4 * i as u32) + 10 * 3_600_000;
        let answered = day(2026, 7, 2) + (9 + i as i64) * 3_600_000;
        let times = [
            received,
            received + 2 * 24 * 3_600_000,
            day(2026, 4, 10) + 15 * 3_600_000,
            answered,
        ];
        let events: Vec<i64> =
            sqlx::query_scalar("SELECT id FROM opinion_events WHERE opinion_id = $1 ORDER BY id")
                .bind(r.id)
                .fetch_all(&db.pool)
                .await?;
        for (event, at) in events.iter().zip(times) {
            sqlx::query("UPDATE opinion_events SET at = $1 WHERE id = $2")
                .bind(at)
                .bind(event)
                .execute(&db.pool)
                .await?;
        }
        sqlx::query("UPDATE opinions SET created_at = $1, updated_at = $2 WHERE id = $3")
            .bind(received)
            .bind(answered)
            .bind(r.id)
            .execute(&db.pool)
            .await?;
        sqlx::query("UPDATE feedback_waits SET wait_ms = $1 WHERE opinion_id = $2")
            .bind(answered - received)
            .bind(r.id)
            .execute(&db.pool)
            .await?;
    }
    let enacted = statute::parse(c::ENACTED_TEXT);
    let enacted_id = db::solicitations::add_version(
        db,
        id,
        "通过稿",
        c::ENACTED_TEXT,
        &enacted,
        None,
        Some(&Enactment {
            adopted_on: "2026-06-26".into(),
            promulgated_on: "2026-06-28".into(),
            official_url: "https://www.example.org/gazette/2026/06/dianzixingche.html".into(),
        }),
        admin,
    )
    .await?;
    for (v, at) in [(version, day(2026, 3, 1)), (enacted_id, day(2026, 6, 28))] {
        sqlx::query("UPDATE draft_versions SET created_at = $1 WHERE id = $2")
            .bind(at + 9 * 3_600_000)
            .bind(v)
            .execute(&db.pool)
            .await?;
    }
    Ok(())
}

/// Near-identical letters from a signature campaign, still pending, so that the cluster view
/// has a group to show.
async fn campaign(db: &db::Db, solicitation: i64, version: i64) -> Result<(), sqlx::Error> {
    use crate::domain::opinion::{Identity, NewOpinion};
    use db::opinions::Source;
    let base = "强烈建议在第十二条中明确：每个社区都要建设不少于二百平方米的老年活动中心，由街道负责日常运营和经费保障";
    for (i, ending) in ["。", "！", "，谢谢。", "。盼复！", "。"]
        .iter()
        .enumerate()
    {
        let opinion = NewOpinion {
            target: crate::domain::solicitation::Target {
                key: String::new(),
                label: String::new(),
            },
            content: format!("{base}{ending}"),
            suggestion: String::new(),
            reason: String::new(),
            name: format!("联名居民{}", i + 1),
            phone: String::new(),
            street: "南山街道".into(),
            community: String::new(),
            identity: Identity::Resident,
            publish_ok: false,
            privacy_version: crate::domain::opinion::PRIVACY_VERSION.into(),
            email: String::new(),
        };
        let source = Source::Online {
            submit_key: None,
            bucket: "demo".into(),
            per_hour: i64::MAX,
        };
        db::opinions::submit(db, solicitation, Some(version), &opinion, &source)
            .await
            .map_err(|e| sqlx::Error::Protocol(format!("demo opinion not saved: {e:?}")))?;
    }
    Ok(())
}

/// The demo's sessions: a forum on the draft with places left, a hearing that is full with a
/// waitlist, a reception day whose registration has not opened, a deliberation held last month
/// with its minutes, outcomes and attendance, and a cancelled forum.
pub async fn consultations(db: &db::Db, admin: i64) -> Result<(), sqlx::Error> {
    use crate::domain::consultation::{Kind, NewConsultation, NewRegistration, Status};
    use crate::domain::time::{date_of_ms, day_start_ms, DAY_MS};
    use db::consultations::RegSource;
    let fail = |what: &str| sqlx::Error::Protocol(format!("demo session not made: {what}"));
    let stations: Vec<i64> = sqlx::query_scalar("SELECT id FROM stations ORDER BY id")
        .fetch_all(&db.pool)
        .await?;
    let draft: Option<i64> = sqlx::query_scalar(
        "SELECT id FROM solicitations WHERE stage = 'drafting' AND status = 'open' ORDER BY id LIMIT 1",
    )
    .fetch_optional(&db.pool)
    .await?;
    let now = db::now_ms();
    let today = date_of_ms(now).map(day_start_ms).unwrap_or(now);
    let at =
        |days: i64, hour: i64, minute: i64| today + days * DAY_MS + (hour * 60 + minute) * 60_000;
    let session = |kind, title: &str, topic: &str, station: usize, days: i64, capacity: i64| {
        NewConsultation {
        kind,
        title: title.into(),
        topic: topic.into(),
        description_md: format!(
            "## 活动安排\n\n1. 工作人员介绍议题和背景；\n2. 参加者逐一发言；\n3. 现场登记意见，会后整理报送。\n\n\
             欢迎关心“{topic}”的居民、企业和社会组织代表报名参加。"
        ),
        station_id: stations.get(station).copied(),
        address: if station == 0 { "东湖路 88 号社区服务中心二楼会议室".into() } else { "西城大街 12 号党群服务中心一楼".into() },
        online_url: String::new(),
        starts_at: at(days, 14, 30),
        ends_at: at(days, 16, 30),
        capacity,
        reg_opens_at: today - 3 * DAY_MS,
        reg_closes_at: at(days, 14, 30) - DAY_MS,
        solicitation_id: None,
        status: Status::Published,
    }
    };
    let people = [
        (
            "王秀英",
            "13800138001",
            "东湖社区",
            "红绿灯时长能不能按老年人步速来定？",
        ),
        (
            "李建国",
            "13800138002",
            "",
            "建议电动自行车停放点和充电桩一起规划。",
        ),
        (
            "张敏",
            "13800138003",
            "西城小学家委会",
            "学校门口接送时段的临时停车怎么管？",
        ),
        ("刘洋", "13800138004", "", ""),
        (
            "陈静",
            "13800138005",
            "东湖街道商会",
            "外卖骑手逆行问题，平台企业应承担什么责任？",
        ),
    ];
    let register = |id: i64, n: usize| {
        let (name, phone, org, q) = people[n % people.len()];
        let r = NewRegistration {
            name: name.into(),
            phone: phone.into(),
            organisation: org.into(),
            questions: q.into(),
            email: String::new(),
        };
        async move {
            db::consultations::register(
                db,
                id,
                &r,
                &RegSource {
                    submit_key: None,
                    limit: None,
                },
            )
            .await
            .map_err(|e| sqlx::Error::Protocol(format!("demo registration not made: {e:?}")))
        }
    };
    let html = |c: &NewConsultation| markdown::render(&c.description_md);

    // A forum on the draft under consultation, with places left.
    let mut forum = session(
        Kind::Forum,
        "道路交通安全条例（修订草案）立法座谈会",
        "道路交通安全条例修订草案",
        0,
        10,
        12,
    );
    forum.solicitation_id = draft;
    let id = db::consultations::create(db, &forum, &html(&forum), admin).await?;
    for n in 0..4 {
        register(id, n).await?;
    }

    // A hearing that is full, with two people waiting.
    let hearing = session(
        Kind::Hearing,
        "老旧小区加装电梯费用分摊听证会",
        "加装电梯费用分摊办法",
        1,
        14,
        3,
    );
    let id = db::consultations::create(db, &hearing, &html(&hearing), admin).await?;
    for n in 0..5 {
        register(id, n).await?;
    }

    // A reception day whose registration opens later.
    let mut reception = session(
        Kind::Reception,
        "十二月代表接待日",
        "听取居民对社区治理的意见建议",
        0,
        30,
        20,
    );
    reception.reg_opens_at = today + 20 * DAY_MS;
    db::consultations::create(db, &reception, &html(&reception), admin).await?;

    // A deliberation held last month: its registrations were taken while it was open, then it
    // is moved to its real date with its record.
    let held = session(
        Kind::Deliberation,
        "社区养老服务设施建设协商会",
        "社区嵌入式养老服务设施布局",
        1,
        5,
        10,
    );
    let id = db::consultations::create(db, &held, &html(&held), admin).await?;
    for n in 0..5 {
        register(id, n).await?;
    }
    let minutes = "## 基本情况\n\n本次协商会由西城街道基层立法联系点主持，居民代表、养老服务机构和街道相关部门共 12 人参加。\n\n\
                   ## 主要意见\n\n- 日间照料中心应就近设置，步行十五分钟可达；\n- 助餐点价格应公示，困难老人给予补贴；\n- 建议引入专业机构运营，街道负责监督。";
    let outcomes = "1. 街道将在年内新增两处社区助餐点，价格在服务中心公示；\n2. 关于运营模式的意见已整理报送区民政局；\n3. 三条涉及地方立法的意见已纳入《养老服务条例》立法前调研材料。";
    db::consultations::save_record(
        db,
        id,
        (minutes, &markdown::render(minutes)),
        (outcomes, &markdown::render(outcomes)),
        admin,
    )
    .await?;
    sqlx::query(
        "UPDATE consultations SET status = 'completed', starts_at = $2, ends_at = $3, reg_opens_at = $4, \
         reg_closes_at = $5 WHERE id = $1",
    )
    .bind(id)
    .bind(at(-20, 9, 30))
    .bind(at(-20, 11, 30))
    .bind(at(-35, 0, 0))
    .bind(at(-21, 0, 0))
    .execute(&db.pool)
    .await?;
    sqlx::query(
        "UPDATE registrations SET status = CASE WHEN id % 5 = 0 THEN 'absent' ELSE 'attended' END \
         WHERE consultation_id = $1 AND status = 'confirmed'",
    )
    .bind(id)
    .execute(&db.pool)
    .await?;

    // A forum that had to be cancelled.
    let cancelled = session(
        Kind::Forum,
        "非机动车管理座谈会",
        "非机动车停放和充电管理",
        1,
        7,
        15,
    );
    let id = db::consultations::create(db, &cancelled, &html(&cancelled), admin).await?;
    register(id, 1).await?;
    let c = db::consultations::get(db, id)
        .await?
        .ok_or_else(|| fail("cancelled forum"))?;
    let mut done = cancelled.clone();
    done.status = Status::Cancelled;
    db::consultations::update(
        db,
        id,
        c.updated_at,
        &done,
        &html(&done),
        "场地临时维修，改期另行通知",
        admin,
    )
    .await
    .map_err(|e| fail(&format!("{e:?}")))?;
    Ok(())
}

/// The demo's deputies: a district deputy with reception slots ahead (one nearly full), a city
/// deputy, a meeting held with its published summary, a booking waiting to be confirmed, and a
/// petition matter referred elsewhere.
pub async fn deputies(db: &db::Db, admin: i64) -> Result<(), sqlx::Error> {
    use crate::domain::deputy::{DeclineReason, Handling, Level, NewBooking, NewDeputy, NewSlot};
    use crate::domain::time::{date_of_ms, day_start_ms, DAY_MS};
    use db::deputies::{Decision, Outcome};
    let fail =
        |e: &dyn std::fmt::Debug| sqlx::Error::Protocol(format!("demo deputy not made: {e:?}"));
    let stations: Vec<i64> = sqlx::query_scalar("SELECT id FROM stations ORDER BY id")
        .fetch_all(&db.pool)
        .await?;
    let now = db::now_ms();
    let today = date_of_ms(now).map(day_start_ms).unwrap_or(now);
    let at = |days: i64, hour: i64| today + days * DAY_MS + hour * 3_600_000;
    let wang = db::deputies::save(
        db,
        None,
        0,
        &NewDeputy {
            name: "王建华".into(),
            level: Level::District,
            constituency: "东湖街道第三选区".into(),
            station_id: stations.first().copied(),
            intro: "东湖社区党委书记，长期从事社区治理和为老服务工作。关注老旧小区改造、养老服务和交通出行。".into(),
            reception_days: "每月第一个星期三上午".into(),
            published: true,
        },
        admin,
    )
    .await
    .map_err(|e| fail(&e))?;
    let li = db::deputies::save(
        db,
        None,
        0,
        &NewDeputy {
            name: "李晓梅".into(),
            level: Level::City,
            constituency: "西城街道".into(),
            station_id: stations.get(1).copied(),
            intro: "律师，市人大常委会法制委员会委员。关注物业管理、消费者权益保护和法律援助。"
                .into(),
            reception_days: "每月第三个星期五下午".into(),
            published: true,
        },
        admin,
    )
    .await
    .map_err(|e| fail(&e))?;
    let slot = |days: i64, hour: i64, capacity: i64, station: Option<i64>| NewSlot {
        starts_at: at(days, hour),
        ends_at: at(days, hour + 2),
        capacity,
        station_id: station,
    };
    let first =
        db::deputies::add_slot(db, wang, &slot(6, 9, 4, stations.first().copied()), admin).await?;
    db::deputies::add_slot(db, wang, &slot(13, 9, 4, stations.first().copied()), admin).await?;
    db::deputies::add_slot(db, li, &slot(9, 14, 2, stations.get(1).copied()), admin).await?;
    let booking = |slot_id: Option<i64>, name: &str, phone: &str, matter: &str| NewBooking {
        slot_id,
        preferred_time: if slot_id.is_none() {
            "工作日晚上".into()
        } else {
            String::new()
        },
        name: name.into(),
        phone: phone.into(),
        matter: matter.into(),
        email: String::new(),
    };
    let book = |b: NewBooking, deputy: i64| async move {
        db::deputies::book(db, deputy, &b, None, None)
            .await
            .map_err(|e| fail(&e))
    };
    // A meeting already held: booked in a slot that is then moved into the past.
    let held_slot =
        db::deputies::add_slot(db, wang, &slot(1, 9, 3, stations.first().copied()), admin).await?;
    let r = book(
        booking(
            Some(held_slot),
            "赵桂兰",
            "13800138011",
            "小区没有电梯，老人上下楼困难，希望推动加装电梯。",
        ),
        wang,
    )
    .await?;
    let held: i64 = sqlx::query_scalar("SELECT id FROM appointments WHERE code = $1")
        .bind(&r.code)
        .fetch_one(&db.pool)
        .await?;
    db::deputies::decide(
        db,
        held,
        &Decision::Confirm {
            message: "请于当天 9 点到东湖联系点一楼接待室。".into(),
        },
        admin,
    )
    .await?;
    db::deputies::record_outcome(
        db,
        held,
        &Outcome {
            handling: Handling::Referred,
            outcome: "已将加装电梯的诉求转交街道城建科，街道将在两周内上门了解楼栋意愿并答复您。".into(),
            public_summary: "居民反映老旧小区无电梯、老人出行难。代表转交街道城建科办理，街道已启动该楼栋加装电梯意愿征询。".into(),
            publish: true,
        },
        admin,
    )
    .await?;
    sqlx::query("UPDATE deputy_slots SET starts_at = $2, ends_at = $3 WHERE id = $1")
        .bind(held_slot)
        .bind(at(-12, 9))
        .bind(at(-12, 11))
        .execute(&db.pool)
        .await?;
    // Waiting to be confirmed, and a request for another time.
    book(
        booking(
            Some(first),
            "孙立新",
            "13800138012",
            "孩子上学路口没有红绿灯，早晚高峰很危险。",
        ),
        wang,
    )
    .await?;
    book(
        booking(
            None,
            "周明",
            "13800138013",
            "想反映物业公司不公开维修资金使用情况的问题。",
        ),
        li,
    )
    .await?;
    // A petition matter: referred elsewhere with the standard text.
    let r = book(
        booking(
            Some(first),
            "吴强",
            "13800138014",
            "我的拆迁补偿款一直没有到位，要求代表帮我找开发商。",
        ),
        wang,
    )
    .await?;
    let petition: i64 = sqlx::query_scalar("SELECT id FROM appointments WHERE code = $1")
        .bind(&r.code)
        .fetch_one(&db.pool)
        .await?;
    let referral = (crate::i18n::t().dp.referral)(DeclineReason::Petition).to_string();
    db::deputies::decide(
        db,
        petition,
        &Decision::Decline {
            reason: DeclineReason::Petition,
            message: referral,
        },
        admin,
    )
    .await?;
    Ok(())
}
