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
         "共收到建议 **126** 条。其中关于养老服务、物业管理的建议最多，《居家社区养老服务条例》已列入2026年度立法计划正式项目。"),
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
        let id = db::solicitations::save(
            db,
            None,
            None,
            &s,
            &markdown::render(&s.explanation_md),
            &markdown::render(&s.outcome_md),
            admin,
        )
        .await
        .map_err(|e| sqlx::Error::Protocol(format!("demo solicitation not saved: {e:?}")))?;
        ids.insert(key, (id, s.questions.clone()));
    }
    let (draft_id, _) = ids["drafting"].clone();
    let parsed = statute::parse(c::DRAFT_TEXT);
    let version =
        db::solicitations::add_version(db, draft_id, "征求意见稿", c::DRAFT_TEXT, &parsed, admin)
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
        Ok(_) | Err(db::reports::ReportError::NothingToReport) => Ok(()),
        Err(e) => Err(sqlx::Error::Protocol(format!(
            "demo report not made: {e:?}"
        ))),
    }
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
