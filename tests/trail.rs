//! The legislative trail, over real HTTP on SQLite and PostgreSQL: staff see how a new version
//! of a draft pairs with the current one and correct a pairing before saving (a correction naming
//! no article is refused, in words, with nothing lost); an opinion follows its article into the
//! later version: the public counts, the report's table and the resident's status page all put it
//! on the article it became, marked as carried over, and a form read on the earlier version and
//! sent after the later one was saved stays an opinion on what the resident read.

mod common;

use common::fixtures::{online, opinion, setup};
use common::{start, App, BROWSER_FORM, PASSWORD as PW};
use minyi::domain::opinion::OpinionStatus;
use minyi::domain::solicitation::Target;
use minyi::domain::trail::{Carried, Placed};
use minyi::server::db::{self, Db};

/// The second version of the fixtures' draft: an article inserted after 第一条, and 第三条
/// (now 第四条) amended.
const SECOND: &str = "测试条例（草案二审稿）\n\
第一条　为了测试，制定本条例。\n\
第二条　区人民政府应当建立养老服务补贴制度，补贴标准向社会公布。\n\
第三条　本条例适用于本区。\n\
第四条　街道应当设置助餐点，每周至少开放五天。\n";

/// The value of the hidden or text input named `name` in `html` (the first one).
fn input(html: &str, name: &str) -> String {
    html.split(&format!(r#"name="{name}""#))
        .nth(1)
        .and_then(|rest| rest.split(r#"value=""#).nth(1))
        .and_then(|v| v.split('"').next())
        .unwrap_or_default()
        .to_string()
}

async fn post_draft(app: &App, staff: &str, form: &[(&str, String)]) -> String {
    let refs: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let r = app
        .post(
            "/api/staff/solicitations/draft-save",
            &refs,
            BROWSER_FORM,
            Some(staff),
        )
        .await;
    r.location.unwrap_or_default()
}

async fn second_of(db: &Db, sol: i64) -> i64 {
    sqlx::query_scalar("SELECT MAX(id) FROM draft_versions WHERE solicitation_id = $1")
        .bind(sol)
        .fetch_one(&db.pool)
        .await
        .unwrap()
}

/// The page without the markers the renderer leaves between pieces of text.
fn plain(html: &str) -> String {
    html.replace("<!---->", "").replace("<!>", "")
}

/// An online opinion on `target` (key, label) of `version`, accepted.
async fn accepted_on(
    db: &Db,
    sol: i64,
    version: i64,
    target: (&str, &str),
    content: &str,
) -> minyi::server::db::opinions::Receipt {
    let mut o = opinion(content, "东湖街道");
    o.target = Target {
        key: target.0.into(),
        label: target.1.into(),
    };
    let r = db::opinions::submit(db, sol, Some(version), &o, &online())
        .await
        .unwrap();
    db::opinions::transition(
        db,
        r.id,
        None,
        None,
        OpinionStatus::Accepted,
        "",
        true,
        None,
    )
    .await
    .unwrap();
    r
}

async fn count(db: &Db, sql: &str) -> i64 {
    sqlx::query_scalar(sql).fetch_one(&db.pool).await.unwrap()
}

async fn opinions_follow_their_article_into_the_next_version(db: Db) {
    let app = start(db.clone()).await;
    let s = setup(&db, true).await;
    let sol = s.sol;
    let id = sol.to_string();
    let first: i64 = count(&db, "SELECT MAX(id) FROM draft_versions").await;

    // A resident opens the form for 第三条 while the 征求意见稿 is current.
    let form_page = app
        .get(
            &format!("/solicitations/{sol}/opinions/new?article=3"),
            None,
        )
        .await;
    assert_eq!(input(&form_page.body, "version"), first.to_string());
    let submit_key = input(&form_page.body, "submit_key");

    // Staff check the 二审稿 and see how it pairs with the 征求意见稿.
    let staff = app.sign_in("district", PW).await;
    let base = vec![
        ("id", id.clone()),
        ("label", "二审稿".to_string()),
        ("text", SECOND.to_string()),
    ];
    let with = |extra: &[(&'static str, &str)]| {
        let mut f = base.clone();
        f.extend(extra.iter().map(|(k, v)| (*k, v.to_string())));
        f
    };
    let back = post_draft(&app, &staff, &with(&[("checked", ""), ("intent", "check")])).await;
    let page = app.get(&back, Some(&staff)).await;
    assert!(
        page.body.contains("与征求意见稿的对应关系"),
        "{}",
        page.body
    );
    assert!(page.body.contains("新增第二条"), "{}", page.body);
    assert!(page.body.contains("内容修改，第三条改为第四条"));
    assert!(page.body.contains("另有 1 条条号和内容都未变"));
    let checked = input(&page.body, "checked");
    let shown_base = input(&page.body, "base");
    assert_eq!(shown_base, first.to_string());

    // A correction naming no article of the 征求意见稿 is refused, in words, and nothing typed
    // is lost; no version is saved.
    let bad = with(&[
        ("checked", &checked),
        ("intent", "save"),
        ("base", &shown_base),
        ("pair_new[]", "art-2"),
        ("pair_old[]", "九十九"),
        ("pair_was[]", ""),
    ]);
    let back = post_draft(&app, &staff, &bad).await;
    let page = app.get(&back, Some(&staff)).await;
    assert!(
        page.body
            .contains("第二条的对应条文：征求意见稿中没有“九十九”这一条"),
        "{}",
        page.body
    );
    assert!(page.body.contains(r#"value="九十九""#));
    assert!(page.body.contains("每周至少开放五天"));
    assert_eq!(count(&db, "SELECT COUNT(*) FROM draft_versions").await, 1);

    // A save against a version that is no longer the current one is sent back.
    let stale = with(&[("checked", &checked), ("intent", "save"), ("base", "0")]);
    let back = post_draft(&app, &staff, &stale).await;
    let page = app.get(&back, Some(&staff)).await;
    assert!(
        page.body.contains("刚有人保存了新版本“征求意见稿”"),
        "{}",
        page.body
    );

    // Staff say the new 第二条 is the old 第二条 reworded (a pairing the aligner did not make)
    // and save.
    let good = with(&[
        ("checked", &checked),
        ("intent", "save"),
        ("base", &shown_base),
        ("pair_new[]", "art-2"),
        ("pair_old[]", "第二条"),
        ("pair_was[]", ""),
    ]);
    assert_eq!(
        post_draft(&app, &staff, &good).await,
        format!("/staff/solicitations/{sol}?done=version")
    );
    let second: i64 = count(&db, "SELECT MAX(id) FROM draft_versions").await;
    let lineage = db::trail::lineage(&db, sol).await.unwrap();
    let to = |a: &str| match lineage.carry(first, a, second) {
        Carried::To(r) => r.anchor,
        other => format!("{other:?}"),
    };
    assert_eq!(to("art-2"), "art-2", "the correction is kept");
    assert_eq!(to("art-3"), "art-4");
    assert_eq!(to("art-1"), "art-1");

    // Sent back with a problem, the form lists the 二审稿's articles: the one chosen is shown
    // under its new number, with a word on why, and everything typed is kept.
    let first_s = first.to_string();
    let bounced = app
        .post(
            "/api/opinions/submit",
            &[
                ("solicitation_id", id.as_str()),
                ("submit_key", ""),
                ("version", first_s.as_str()),
                ("target", "art-3"),
                ("content", "第三条助餐点"),
                ("suggestion", ""),
                ("reason", ""),
                ("name", "王秀兰"),
                ("phone", "123"),
                ("street", "东湖街道"),
                ("community", ""),
                ("identity", "resident"),
                ("consent", "1"),
            ],
            BROWSER_FORM,
            None,
        )
        .await;
    let back = app.get(&bounced.location.unwrap(), None).await;
    assert!(
        back.body
            .contains("您选择的征求意见稿第三条，在二审稿中为第四条，已为您改选"),
        "{}",
        back.body
    );
    assert!(back.body.contains(r#"<option value="art-4" selected"#));
    assert_eq!(
        input(&back.body, "version"),
        second_of(&db, sol).await.to_string()
    );
    assert!(back.body.contains("第三条助餐点"));

    // The form read on the 征求意见稿 is sent now: it stays an opinion on what was read.
    let sent = app
        .post(
            "/api/opinions/submit",
            &[
                ("solicitation_id", id.as_str()),
                ("submit_key", submit_key.as_str()),
                ("version", first.to_string().as_str()),
                ("target", "art-3"),
                ("content", "第三条应当写明助餐点的开放天数。"),
                ("suggestion", ""),
                ("reason", ""),
                ("name", "王秀兰"),
                ("phone", "13800138001"),
                ("street", "东湖街道"),
                ("community", ""),
                ("identity", "resident"),
                ("publish_ok", "1"),
                ("consent", "1"),
            ],
            BROWSER_FORM,
            None,
        )
        .await;
    let receipt = sent.location.clone().unwrap();
    assert!(receipt.starts_with("/track/"), "{sent:?}");
    let (early, version, label): (i64, i64, String) = sqlx::query_as(
        "SELECT id, draft_version_id, target_label FROM opinions ORDER BY id DESC LIMIT 1",
    )
    .fetch_one(&db.pool)
    .await
    .unwrap();
    assert_eq!((version, label.as_str()), (first, "第三条"));

    // Another on the 二审稿's 第四条, and one on its 第三条 (another article since).
    let online = online();
    let on = |key: &str, label: &str, content: &str| {
        let mut o = opinion(content, "东湖街道");
        o.target = Target {
            key: key.into(),
            label: label.into(),
        };
        o
    };
    let late = db::opinions::submit(
        &db,
        sol,
        Some(second),
        &on("art-4", "第四条", "助餐点应当每天开放。"),
        &online,
    )
    .await
    .unwrap();
    let other = db::opinions::submit(
        &db,
        sol,
        Some(second),
        &on("art-3", "第三条", "适用范围应当包括驻区单位。"),
        &online,
    )
    .await
    .unwrap();
    for o in [early, late.id, other.id] {
        db::opinions::transition(&db, o, None, None, OpinionStatus::Accepted, "", true, None)
            .await
            .unwrap();
    }

    // The public page of the 二审稿: 第四条 has both, one carried over; 第三条 only its own.
    let page = app.get(&format!("/solicitations/{sol}"), None).await;
    let article = |n: u32| {
        page.body
            .split(&format!(r#"id="art-{n}""#))
            .nth(1)
            .and_then(|r| r.split("</article>").next())
            .unwrap_or_default()
            .to_string()
    };
    assert!(article(4).contains("2 条意见"), "{}", article(4));
    assert!(article(4).contains("含此前版本转入 1 条"), "{}", article(4));
    assert!(article(3).contains("1 条意见"), "{}", article(3));
    assert!(!article(3).contains("含此前版本转入"));
    // Published, it is shown under the article it became, not under the 二审稿's 第三条.
    let published = page
        .body
        .split(r#"class="published""#)
        .nth(1)
        .unwrap_or_default();
    let under_fourth = published
        .split("<h3>第四条</h3>")
        .nth(1)
        .and_then(|r| r.split("<h3>").next())
        .unwrap_or_default();
    assert!(
        under_fourth.contains("第三条应当写明助餐点的开放天数。"),
        "{published}"
    );
    assert!(!published.contains("<h3>第三条</h3>"), "{published}");
    // The 征求意见稿's page counts what was given on it.
    let old = app
        .get(&format!("/solicitations/{sol}?version={first}"), None)
        .await;
    let third = old
        .body
        .split(r#"id="art-3""#)
        .nth(1)
        .and_then(|r| r.split("</article>").next())
        .unwrap_or_default();
    assert!(
        third.contains("1 条意见") && !third.contains("含此前"),
        "{third}"
    );
    // Folding the tallies changes no figure.
    db::stats::fold(&db).await.unwrap();
    let counts = db::trail::accepted_counts(&db, sol).await.unwrap();
    let mut counts: Vec<(i64, String, i64)> = counts;
    counts.sort();
    assert_eq!(
        counts,
        vec![
            (first, "art-3".into(), 1),
            (second, "art-3".into(), 1),
            (second, "art-4".into(), 1)
        ]
    );

    // The resident's status page says where their article went.
    let track = app.get(&receipt, None).await;
    assert!(
        track
            .body
            .contains("您提意见的第三条（征求意见稿），在之后的版本中："),
        "{}",
        track.body
    );
    assert!(track.body.contains("在二审稿中为第四条，内容已修改"));
    assert!(track
        .body
        .contains(&format!("/solicitations/{sol}?version={second}#art-4")));

    // The report compiled now groups by the 二审稿: both on 第四条, one carried over.
    let report = db::reports::create(&db, sol, "意见汇总表", s.clerk)
        .await
        .unwrap();
    let r = db::reports::get(&db, report, false).await.unwrap().unwrap();
    let row = r.items.iter().find(|i| i.target == "art-4").unwrap();
    assert_eq!(
        (row.label.as_str(), row.opinions, row.carried),
        ("第四条", 2, 1)
    );
    assert!(row.article_text.contains("每周至少开放五天"));
    let row3 = r.items.iter().find(|i| i.target == "art-3").unwrap();
    assert_eq!((row3.opinions, row3.carried), (1, 0));
    assert!(minyi::i18n::report_sources(row).starts_with("含此前版本转入 1 条"));
    // Staff filtering the queue by the 二审稿's 第四条 get what was given on it and on the
    // 征求意见稿's 第三条, and not what was given on the 二审稿's 第三条.
    let f = minyi::domain::moderation::QueueFilter {
        solicitation: Some(sol),
        target: Some("art-4".into()),
        ..Default::default()
    };
    let page = db::moderation::queue(&db, db::moderation::Scope::ALL, &f)
        .await
        .unwrap();
    let mut ids: Vec<i64> = page.items.iter().map(|o| o.id).collect();
    ids.sort();
    assert_eq!(ids, vec![early, late.id]);
    // The queue says where the 征求意见稿's 第三条 lies now; the 二审稿's own say nothing more.
    let list = plain(&app.get("/staff/opinions", Some(&staff)).await.body);
    assert_eq!(list.matches("现为二审稿第四条").count(), 1, "{list}");
    assert_eq!(
        minyi::domain::trail::place(&lineage, first, second, "art-2"),
        Placed::At {
            key: "art-2".into(),
            carried: true
        }
    );
}
on_both!(
    carried_over,
    opinions_follow_their_article_into_the_next_version
);

async fn an_article_deleted_later_keeps_its_opinions_apart(db: Db) {
    let s = setup(&db, true).await;
    let sol = s.sol;
    let first: i64 = count(&db, "SELECT MAX(id) FROM draft_versions").await;
    let r = accepted_on(
        &db,
        sol,
        first,
        ("art-2", "第二条"),
        "第二条的适用范围太窄。",
    )
    .await;
    let report = db::reports::create(&db, sol, "汇总", s.clerk)
        .await
        .unwrap();
    // The 二审稿 deletes 第二条; saved without a confirmed pairing, the aligner's is kept.
    let text =
        "测试条例（草案二审稿）\n第一条　为了测试，制定本条例。\n第二条　街道应当设置助餐点。\n";
    let second = db::solicitations::add_version(
        &db,
        sol,
        "二审稿",
        text,
        &minyi::domain::statute::parse(text),
        None,
        None,
        s.clerk,
    )
    .await
    .unwrap();
    let stored: Option<String> =
        sqlx::query_scalar("SELECT links_json FROM draft_versions WHERE id = $1")
            .bind(second)
            .fetch_one(&db.pool)
            .await
            .unwrap();
    assert!(stored.is_some_and(|j| j.contains("Deleted")));
    let view = db::opinions::track(&db, &r.code, &r.access_key)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(view.version_label, "征求意见稿");
    assert_eq!(view.trail.len(), 1);
    assert!(view.trail[0].now.is_empty());
    // The report compiled on the 征求意见稿 still shows it under its own 第二条.
    let rep = db::reports::get(&db, report, false).await.unwrap().unwrap();
    assert_eq!(rep.items.len(), 1);
    assert_eq!(rep.items[0].label, "第二条");
    // A report compiled on the 二审稿 puts it apart, named with its version.
    sqlx::query("UPDATE reports SET draft_version_id = $1 WHERE id = $2")
        .bind(second)
        .bind(report)
        .execute(&db.pool)
        .await
        .unwrap();
    let rep = db::reports::get(&db, report, false).await.unwrap().unwrap();
    assert_eq!(rep.items[0].target, format!("art-2@{first}"));
    assert_eq!(rep.items[0].label, "第二条（征求意见稿，本稿中无此条）");
    // The public page of the 二审稿 says so under its text.
    let app = start(db.clone()).await;
    let page = app.get(&format!("/solicitations/{sol}"), None).await;
    assert!(
        page.body.contains("另有 1 条意见针对的条文在本稿中已删去"),
        "{}",
        page.body
    );
}
on_both!(
    deleted_article,
    an_article_deleted_later_keeps_its_opinions_apart
);

async fn the_enacted_text_closes_every_opinions_trail(db: Db) {
    let app = start(db.clone()).await;
    let s = setup(&db, true).await;
    let sol = s.sol;
    let first: i64 = count(&db, "SELECT MAX(id) FROM draft_versions").await;
    let mut o = opinion("助餐点应当写明开放天数。", "东湖街道");
    o.target = Target {
        key: "art-3".into(),
        label: "第三条".into(),
    };
    let online = online();
    let r = db::opinions::submit(&db, sol, Some(first), &o, &online)
        .await
        .unwrap();
    let whole = db::opinions::submit(
        &db,
        sol,
        Some(first),
        &opinion("总体赞成。", "东湖街道"),
        &online,
    )
    .await
    .unwrap();
    for (id, to) in [
        (r.id, OpinionStatus::Accepted),
        (whole.id, OpinionStatus::Accepted),
    ] {
        db::opinions::transition(&db, id, None, None, to, "", true, None)
            .await
            .unwrap();
    }
    db::opinions::transition(
        &db,
        r.id,
        None,
        None,
        OpinionStatus::Reported,
        "",
        true,
        None,
    )
    .await
    .unwrap();
    db::opinions::transition(
        &db,
        r.id,
        None,
        None,
        OpinionStatus::Adopted,
        "已采纳。",
        true,
        None,
    )
    .await
    .unwrap();

    // Staff record the 通过稿; bad dates and a bad address are each named, nothing is lost.
    let staff = app.sign_in("district", PW).await;
    let form =
        |adopted: &str, promulgated: &str, url: &str, intent: &str, checked: &str, base: &str| {
            vec![
                ("id", sol.to_string()),
                ("label", "通过稿".to_string()),
                ("text", SECOND.replace("草案二审稿", "通过稿")),
                ("enacted", "1".to_string()),
                ("adopted_on", adopted.to_string()),
                ("promulgated_on", promulgated.to_string()),
                ("official_url", url.to_string()),
                ("intent", intent.to_string()),
                ("checked", checked.to_string()),
                ("base", base.to_string()),
            ]
        };
    let back = post_draft(
        &app,
        &staff,
        &form("2026-11-20", "2026-11-10", "www.example", "check", "", ""),
    )
    .await;
    let page = app.get(&back, Some(&staff)).await;
    assert!(
        page.body.contains("公布日期不能早于通过日期"),
        "{}",
        page.body
    );
    assert!(page
        .body
        .contains("官方发布网址应为以 http:// 或 https:// 开头的网址"));
    assert!(page.body.contains(r#"value="www.example""#));
    let back = post_draft(
        &app,
        &staff,
        &form(
            "2999-01-01",
            "2999-01-02",
            "https://rd.example.gov.cn/1",
            "check",
            "",
            "",
        ),
    )
    .await;
    let page = app.get(&back, Some(&staff)).await;
    assert!(page.body.contains("通过日期不能晚于今天"), "{}", page.body);
    let back = post_draft(
        &app,
        &staff,
        &form(
            "2026-11-20",
            "2026-11-25",
            "https://rd.example.gov.cn/1",
            "check",
            "",
            "",
        ),
    )
    .await;
    let page = app.get(&back, Some(&staff)).await;
    let (checked, base) = (input(&page.body, "checked"), input(&page.body, "base"));
    let done = post_draft(
        &app,
        &staff,
        &form(
            "2026-11-20",
            "2026-11-25",
            "https://rd.example.gov.cn/1",
            "save",
            &checked,
            &base,
        ),
    )
    .await;
    assert_eq!(done, format!("/staff/solicitations/{sol}?done=version"));

    // The resident's status page: the article then, as enacted, and the change marked.
    let track = app
        .get(&format!("/track/{}?k={}", r.code, r.access_key), None)
        .await;
    let track = common::Resp {
        body: plain(&track.body),
        ..track
    };
    assert!(
        track.body.contains("您提意见的条文，在通过稿中"),
        "{}",
        track.body
    );
    assert!(
        track
            .body
            .contains("本法规已于2026年11月20日通过，2026年11月25日公布。"),
        "{}",
        track.body
    );
    assert!(track.body.contains("您提意见时：征求意见稿第三条"));
    assert!(track.body.contains("通过稿第四条"));
    assert!(
        track.body.contains("增加：</span>，每周至少开放五天"),
        "{}",
        track.body
    );
    assert!(track.body.contains(r#"href="https://rd.example.gov.cn/1""#));

    // The public page: the notice, and a 立法足迹 that adds up with /stats.
    let page = app.get(&format!("/solicitations/{sol}"), None).await;
    assert!(page.body.contains("本法规已于2026年11月20日通过"));
    let body = plain(&page.body);
    let fp = body
        .split(r#"class="story footprint""#)
        .nth(1)
        .unwrap_or_default();
    assert!(fp.contains("征求意见稿 → 通过稿"), "{fp}");
    assert!(fp.contains("修改、新增或删除条文 2 条"), "{fp}");
    assert!(
        fp.contains("2 条，其中针对具体条文 1 条、针对草案整体或征集问题 1 条"),
        "{fp}"
    );
    assert!(fp.contains("采纳 1 条，部分采纳 0 条，未采纳 0 条"), "{fp}");
    let line = db::stats::per_solicitation(&db)
        .await
        .unwrap()
        .into_iter()
        .find(|x| x.id == sol)
        .unwrap();
    assert_eq!((line.received, line.accepted, line.adopted), (2, 2, 1));
    assert!(fp.contains("<dd>2</dd>"), "received as on /stats: {fp}");
    assert!(fp.contains("<dd>100.0%</dd>"), "{fp}");

    // Staff start a case story from the opinion's trail: prefilled, without the name, with the
    // words only as far as their author allowed, linking back to the 立法足迹.
    let r2 = app
        .post(
            "/api/staff/stories/from-opinion",
            &[("id", r.id.to_string().as_str())],
            BROWSER_FORM,
            Some(&staff),
        )
        .await;
    let editor = r2.location.unwrap_or_default();
    assert!(editor.starts_with("/staff/stories/new?draft="), "{editor}");
    let page = app.get(&editor, Some(&staff)).await;
    let body = plain(&page.body);
    assert!(body.contains("《养老服务条例草案征求意见》"), "{body}");
    assert!(body.contains(&format!("/solicitations/{sol}#footprint-title")));
    assert!(body.contains("在通过稿中为第四条，内容已修改"));
    assert!(body.contains("已采纳。"));
    assert!(!body.contains("王秀兰"), "no name in the story draft");
    assert!(
        !body.contains("助餐点应当写明开放天数。"),
        "no words without consent"
    );
    assert!(body.contains("提意见人未同意公开意见原文"));
    assert_eq!(
        count(&db, "SELECT COUNT(*) FROM stories").await,
        0,
        "nothing saved yet"
    );
}
on_both!(enacted_text, the_enacted_text_closes_every_opinions_trail);

/// An amending draft (修改决定草案) that inserts an article, rewords one, and names an article the
/// text does not have.
const DECISION: &str = "关于修改《测试条例》的决定（草案）\n\
决定对《测试条例》作如下修改：\n\
一、在第一条后增加一条，作为第二条：“第二条　区人民政府应当建立养老服务补贴制度。”\n\
二、将第三条中的“助餐点”修改为“助餐点和老年活动室”。\n\
三、删去第九条。\n\
本决定自公布之日起施行。\n";

async fn an_amending_draft_makes_the_amended_text(db: Db) {
    let app = start(db.clone()).await;
    let s = setup(&db, true).await;
    let sol = s.sol;
    let id = sol.to_string();
    let first: i64 = count(&db, "SELECT MAX(id) FROM draft_versions").await;
    // An opinion on 第三条 of the text being amended.
    accepted_on(
        &db,
        sol,
        first,
        ("art-3", "第三条"),
        "助餐点要有无障碍通道。",
    )
    .await;

    let staff = app.sign_in("district", PW).await;
    let base = vec![
        ("id", id.clone()),
        ("label", "修改决定草案".to_string()),
        ("text", DECISION.to_string()),
        ("amending", "1".to_string()),
    ];
    let with = |extra: &[(&'static str, &str)]| {
        let mut f = base.clone();
        f.extend(extra.iter().map(|(k, v)| (*k, v.to_string())));
        f
    };
    // Without the text it amends, the form says which field is missing and keeps the decision.
    let back = post_draft(
        &app,
        &staff,
        &with(&[("checked", ""), ("intent", "check"), ("amends", "")]),
    )
    .await;
    let page = plain(&app.get(&back, Some(&staff)).await.body);
    assert!(page.contains("所修改的文本"), "{page}");
    assert!(page.contains(r#"class="field has-error""#), "{page}");
    assert!(page.contains("删去第九条"), "nothing typed is lost");
    assert_eq!(count(&db, "SELECT COUNT(*) FROM draft_versions").await, 1);

    // Applied to the 征求意见稿: the amended full text, each point with what it did, and the
    // point that names no article as a warning; the alignment with the current version.
    let first_s = first.to_string();
    let check = with(&[("checked", ""), ("intent", "check"), ("amends", &first_s)]);
    let back = post_draft(&app, &staff, &check).await;
    let page = plain(&app.get(&back, Some(&staff)).await.body);
    assert!(
        page.contains("第三处修改：所修改的文本中没有第九条"),
        "{page}"
    );
    assert!(page.contains("修改后为第二条。"), "{page}");
    assert!(page.contains("原第三条，修改后为第四条。"), "{page}");
    assert!(page.contains("街道应当设置助餐点和老年活动室。"), "{page}");
    assert!(page.contains("与征求意见稿的对应关系"), "{page}");
    let checked = input(&page, "checked");
    // Checked against one text and saved against another, it is sent back.
    let other = with(&[
        ("checked", &checked),
        ("intent", "save"),
        ("base", &first_s),
        ("amends", "text"),
        ("base_text", "第一条　别的。"),
    ]);
    post_draft(&app, &staff, &other).await;
    assert_eq!(count(&db, "SELECT COUNT(*) FROM draft_versions").await, 1);
    let save = with(&[
        ("checked", &checked),
        ("intent", "save"),
        ("base", &first_s),
        ("amends", &first_s),
    ]);
    assert_eq!(
        post_draft(&app, &staff, &save).await,
        format!("/staff/solicitations/{sol}?done=version")
    );
    let second = second_of(&db, sol).await;
    let source: String = sqlx::query_scalar("SELECT source_text FROM draft_versions WHERE id = $1")
        .bind(second)
        .fetch_one(&db.pool)
        .await
        .unwrap();
    assert_eq!(
        source,
        "测试条例（草案）\n第一条　为了测试，制定本条例。\n第二条　区人民政府应当建立养老服务补贴制度。\n\
第三条　本条例适用于本区。\n第四条　街道应当设置助餐点和老年活动室。"
    );
    // The opinion on the old 第三条 follows it to 第四条.
    let lineage = db::trail::lineage(&db, sol).await.unwrap();
    assert!(matches!(lineage.carry(first, "art-3", second), Carried::To(r) if r.anchor == "art-4"));

    // The public page shows the decision's points, each to comment on, above the amended text.
    let page = plain(&app.get(&format!("/solicitations/{sol}"), None).await.body);
    assert!(
        page.contains("关于修改《测试条例》的决定（草案）（对征求意见稿的修改）"),
        "{page}"
    );
    assert!(
        page.contains(&format!("/solicitations/{sol}/opinions/new?article=amd-2")),
        "{page}"
    );
    assert!(page.contains(r##"<a href="#art-4">第四条</a>"##), "{page}");
    assert!(page.contains("本决定自公布之日起施行。"));
    // A resident comments on the second point.
    let form = app
        .get(
            &format!("/solicitations/{sol}/opinions/new?article=amd-2"),
            None,
        )
        .await;
    assert!(
        form.body.contains(r#"<option value="amd-2" selected"#),
        "{}",
        form.body
    );
    let sent = app
        .post(
            "/api/opinions/submit",
            &[
                ("solicitation_id", id.as_str()),
                ("submit_key", input(&form.body, "submit_key").as_str()),
                ("version", second.to_string().as_str()),
                ("target", "amd-2"),
                ("content", "老年活动室要有专人管理。"),
                ("suggestion", ""),
                ("reason", ""),
                ("name", "王秀兰"),
                ("phone", "13800138001"),
                ("street", "东湖街道"),
                ("community", ""),
                ("identity", "resident"),
                ("consent", "1"),
            ],
            BROWSER_FORM,
            None,
        )
        .await;
    assert!(sent.location.unwrap_or_default().starts_with("/track/"));
    let label: String =
        sqlx::query_scalar("SELECT target_label FROM opinions ORDER BY id DESC LIMIT 1")
            .fetch_one(&db.pool)
            .await
            .unwrap();
    assert!(
        label.starts_with("二、将第三条中的“助餐点”修改为"),
        "{label}"
    );
    // The 意见汇总表 shows the point's own words as the text commented on.
    let id: i64 = sqlx::query_scalar("SELECT MAX(id) FROM opinions")
        .fetch_one(&db.pool)
        .await
        .unwrap();
    db::opinions::transition(&db, id, None, None, OpinionStatus::Accepted, "", true, None)
        .await
        .unwrap();
    let report = db::reports::create(&db, sol, "意见汇总表", s.clerk)
        .await
        .unwrap();
    let r = db::reports::get(&db, report, false).await.unwrap().unwrap();
    let row = r
        .items
        .iter()
        .find(|i| i.target == "amd-2")
        .expect("a row for the point");
    assert!(
        row.article_text
            .starts_with("二、将第三条中的“助餐点”修改为“助餐点和老年活动室”"),
        "{}",
        row.article_text
    );
}
on_both!(amending_draft, an_amending_draft_makes_the_amended_text);
