//! Opinion collection, on SQLite and PostgreSQL: solicitations and their drafts in the repository,
//! and over HTTP the resident's submission (refusals with dates, validation, duplicate posts, the
//! hourly limit), the private status page, the staff's offline entry and the masked, audited
//! contact details.

mod common;

use common::{config_with, start, start_with, APP_CALL, BROWSER_FORM};
use minyi::domain::account::Role;
use minyi::domain::opinion::{Channel, Identity, NewOpinion, OpinionStatus};
use minyi::domain::solicitation::{NewSolicitation, Stage, Status, Target};
use minyi::domain::statute;
use minyi::domain::time::DAY_MS;
use minyi::server::db::{self, opinions::Source, Db};

const STAFF_PW: &str = "Riverbank-Willow-9-Boats";

const DRAFT: &str = "测试条例（草案）\n\
目录\n第一章　总则\n第二章　服务\n\
第一章　总则\n\
第一条　为了测试，制定本条例。\n\
第二条　本条例适用于本区。\n\
第二章　服务\n\
第三条　街道应当做好下列工作：\n（一）设置助餐点；\n（二）组织上门探访。\n\
第四条　本条例自公布之日起施行。\n";

async fn count(db: &Db, sql: &str) -> i64 {
    sqlx::query_scalar(sql).fetch_one(&db.pool).await.unwrap()
}

/// A solicitation opening `from` days from now and closing after `to` days, with the test draft.
async fn solicitation(db: &Db, status: Status, from: i64, to: i64) -> i64 {
    let now = db::now_ms();
    let admin = match sqlx::query_scalar::<_, i64>("SELECT id FROM accounts ORDER BY id LIMIT 1")
        .fetch_optional(&db.pool)
        .await
        .unwrap()
    {
        Some(id) => id,
        None => {
            let hash = minyi::server::auth::hash_password(STAFF_PW);
            db::accounts::insert(
                db,
                &db::accounts::NewAccount {
                    username: "clerk",
                    display_name: "李干事",
                    password_hash: &hash,
                    role: Role::Staff,
                    station_id: None,
                },
                None,
            )
            .await
            .unwrap()
            .unwrap()
        }
    };
    let s = NewSolicitation {
        title: "测试条例草案征求意见".into(),
        stage: Stage::Drafting,
        issuer: "区人大常委会".into(),
        explanation_md: "说明".into(),
        questions: vec![],
        opens_at: now + from * DAY_MS,
        closes_at: now + to * DAY_MS,
        status,
        outcome_md: String::new(),
        station_ids: vec![],
    };
    let id = db::solicitations::save(db, None, None, &s, "<p>说明</p>", "", admin)
        .await
        .unwrap();
    db::solicitations::add_version(
        db,
        id,
        "征求意见稿",
        DRAFT,
        &statute::parse(DRAFT),
        None,
        None,
        admin,
    )
    .await
    .unwrap();
    id
}

fn opinion(content: &str, target: &str, publish_ok: bool) -> NewOpinion {
    NewOpinion {
        target: Target {
            key: target.into(),
            label: if target.is_empty() {
                String::new()
            } else {
                "第三条".into()
            },
        },
        content: content.into(),
        suggestion: String::new(),
        reason: String::new(),
        name: "王秀兰".into(),
        phone: "13800138001".into(),
        street: "东湖街道".into(),
        community: "东湖社区".into(),
        identity: Identity::Resident,
        publish_ok,
        privacy_version: "2026-11".into(),
        email: String::new(),
    }
}

fn online(bucket: &str) -> Source {
    Source::Online {
        submit_key: None,
        bucket: bucket.into(),
        per_hour: 1000,
    }
}

async fn drafts_counts_and_published_opinions(db: Db) {
    let open = solicitation(&db, Status::Open, -1, 10).await;
    let hidden = solicitation(&db, Status::Draft, -1, 10).await;
    let public = db::solicitations::list_public(&db).await.unwrap();
    assert!(public.iter().any(|s| s.id == open));
    assert!(
        !public.iter().any(|s| s.id == hidden),
        "drafts are not public"
    );

    let draft = db::solicitations::draft(&db, open, None)
        .await
        .unwrap()
        .unwrap();
    let anchors: Vec<String> = draft
        .parsed
        .articles()
        .iter()
        .map(|a| a.anchor.clone())
        .collect();
    assert_eq!(
        anchors,
        ["art-1", "art-2", "art-3", "art-4"],
        "the 目录 made no articles"
    );
    assert!(
        draft.parsed.warnings.is_empty(),
        "{:?}",
        draft.parsed.warnings
    );

    // A second version becomes the current one; the first stays readable.
    let first = draft.info.id;
    let two = format!("{DRAFT}第五条　新增条文。\n");
    let second = db::solicitations::add_version(
        &db,
        open,
        "二审稿",
        &two,
        &statute::parse(&two),
        None,
        None,
        1,
    )
    .await
    .unwrap();
    let current = db::solicitations::draft(&db, open, None)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(current.info.id, second);
    assert_eq!(current.info.article_count, 5);
    let old = db::solicitations::draft(&db, open, Some(first))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(old.info.label, "征求意见稿");
    assert_eq!(
        db::solicitations::versions(&db, open).await.unwrap().len(),
        2
    );

    // Only accepted opinions count on an article, and only those allowed are published.
    let a = db::opinions::submit(
        &db,
        open,
        Some(second),
        &opinion("第三条应当增加助浴服务。", "art-3", true),
        &online("a"),
    )
    .await
    .unwrap();
    let b = db::opinions::submit(
        &db,
        open,
        Some(second),
        &opinion("第三条应当写明探访频次。", "art-3", false),
        &online("a"),
    )
    .await
    .unwrap();
    db::opinions::submit(
        &db,
        open,
        Some(second),
        &opinion("还没审核的意见内容。", "art-3", true),
        &online("a"),
    )
    .await
    .unwrap();
    for id in [a.id, b.id] {
        db::opinions::transition(&db, id, None, None, OpinionStatus::Accepted, "", true, None)
            .await
            .unwrap();
    }
    let heat = db::trail::accepted_counts(&db, open).await.unwrap();
    assert_eq!(heat, vec![(second, "art-3".to_string(), 2)]);
    let published = db::solicitations::published_opinions(&db, open, 0, Some(500))
        .await
        .unwrap();
    assert_eq!(published.len(), 1);
    assert_eq!(published[0].opinion.content, "第三条应当增加助浴服务。");
    assert_eq!(published[0].version_id, second);

    // The timeline has both events, oldest first; the code has its documented shape.
    let view = db::opinions::track(&db, &a.code, &a.access_key)
        .await
        .unwrap()
        .unwrap();
    let steps: Vec<OpinionStatus> = view.timeline.iter().map(|e| e.status).collect();
    assert_eq!(steps, [OpinionStatus::Pending, OpinionStatus::Accepted]);
    assert_eq!(
        minyi::domain::opinion::normalize_code(&a.code).as_deref(),
        Some(a.code.as_str())
    );
    assert!(db::opinions::track(&db, &a.code, "wrong-key-wrong-key0")
        .await
        .unwrap()
        .is_none());
}
on_both!(drafts_and_counts, drafts_counts_and_published_opinions);

async fn the_hourly_limit_holds_under_concurrency(db: Db) {
    let open = solicitation(&db, Status::Open, -1, 10).await;
    let source = Source::Online {
        submit_key: None,
        bucket: "opinion:same-address".into(),
        per_hour: 5,
    };
    let mut tasks = Vec::new();
    for i in 0..12 {
        let (db, source) = (db.clone(), source.clone());
        tasks.push(tokio::spawn(async move {
            db::opinions::submit(
                &db,
                open,
                None,
                &opinion(&format!("并发提交的第{i}条意见"), "", false),
                &source,
            )
            .await
        }));
    }
    let mut stored = 0;
    let mut limited = 0;
    for t in tasks {
        match t.await.unwrap() {
            Ok(_) => stored += 1,
            Err(db::opinions::SubmitError::RateLimited) => limited += 1,
            Err(e) => panic!("unexpected: {e:?}"),
        }
    }
    assert_eq!((stored, limited), (5, 7));
    assert_eq!(
        count(&db, "SELECT COUNT(*) FROM opinions").await,
        5,
        "nothing half-stored"
    );
    assert_eq!(count(&db, "SELECT COUNT(*) FROM opinion_events").await, 5);
}
on_both!(hourly_limit, the_hourly_limit_holds_under_concurrency);

fn resident_form<'a>(id: &'a str, key: &'a str, content: &'a str) -> Vec<(&'static str, &'a str)> {
    vec![
        ("solicitation_id", id),
        ("submit_key", key),
        ("target", "art-3"),
        ("content", content),
        ("suggestion", "<script>alert(1)</script>建议写明频次"),
        ("reason", ""),
        ("name", "王秀兰"),
        ("phone", "138 0013 8001"),
        ("street", "东湖街道"),
        ("community", "东湖社区"),
        ("identity", "resident"),
        ("publish_ok", "1"),
        ("consent", "1"),
    ]
}

const KEY_A: &str = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
const KEY_B: &str = "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";

async fn residents_submit_and_follow_their_opinion(db: Db) {
    let app = start(db.clone()).await;
    let id = solicitation(&db, Status::Open, -1, 10).await.to_string();

    // The draft page links every article to the form, preselected.
    let page = app.get(&format!("/solicitations/{id}"), None).await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains(r#"id="art-3""#), "{}", page.body);
    assert!(page
        .body
        .contains(&format!("/solicitations/{id}/opinions/new?article=3")));
    let form = app
        .get(&format!("/solicitations/{id}/opinions/new?article=3"), None)
        .await;
    assert_eq!(form.status, 200);
    assert!(
        form.body.contains(r#"<option value="art-3" selected"#),
        "article 3 is preselected"
    );

    // A plain form post is stored and leads to the receipt with the private link.
    let content = "第三条应当写明探访频次，每周至少一次。";
    let r = app
        .post(
            "/api/opinions/submit",
            &resident_form(&id, KEY_A, content),
            BROWSER_FORM,
            None,
        )
        .await;
    assert_eq!(r.status, 302, "{r:?}");
    let receipt = r.location.clone().unwrap();
    assert!(receipt.starts_with("/track/YJ-"), "{receipt}");
    assert!(receipt.contains("?k=") && receipt.ends_with("&new=1"));

    // Posting the same form again (a double click, a reload) does not make a second opinion.
    let again = app
        .post(
            "/api/opinions/submit",
            &resident_form(&id, KEY_A, content),
            BROWSER_FORM,
            None,
        )
        .await;
    assert_eq!(again.location.as_deref(), Some(receipt.as_str()));
    assert_eq!(count(&db, "SELECT COUNT(*) FROM opinions").await, 1);
    // The same form key with other content is a new opinion: nothing typed is dropped.
    let other = app
        .post(
            "/api/opinions/submit",
            &resident_form(&id, KEY_A, "另一条不同的意见内容。"),
            BROWSER_FORM,
            None,
        )
        .await;
    assert_ne!(other.location.as_deref(), Some(receipt.as_str()));
    assert_eq!(count(&db, "SELECT COUNT(*) FROM opinions").await, 2);

    let stored: (String, String, String) =
        sqlx::query_as("SELECT phone, privacy_version, channel FROM opinions ORDER BY id LIMIT 1")
            .fetch_one(&db.pool)
            .await
            .unwrap();
    assert_eq!(
        stored,
        ("13800138001".into(), "2026-11".into(), "online".into())
    );

    // The receipt shows the code, the opinion with its markup as text, and the timeline.
    let status = app.get(&receipt, None).await;
    assert_eq!(status.status, 200);
    let code = receipt
        .trim_start_matches("/track/")
        .split('?')
        .next()
        .unwrap()
        .to_string();
    assert!(status.body.contains(&code));
    assert!(status.body.contains(content));
    assert!(status
        .body
        .contains("&lt;script&gt;alert(1)&lt;/script&gt;建议写明频次"));
    assert!(!status.body.contains("<script>alert(1)"));
    assert!(status.body.contains("已收到，待审核"));

    // Without the private link's secret, or with a wrong or malformed code: the same not-found.
    let key = receipt
        .split("k=")
        .nth(1)
        .unwrap()
        .split('&')
        .next()
        .unwrap()
        .to_string();
    let wrong_key = format!("/track/{code}?k={}", "x".repeat(key.len()));
    let lower = format!("/track/{}?k={key}", code.to_lowercase());
    for path in [
        format!("/track/{code}"),
        wrong_key,
        format!("/track/YJ-2026-00000?k={key}"),
        "/track/%3Cscript%3E?k=1".to_string(),
    ] {
        let r = app.get(&path, None).await;
        assert_eq!(r.status, 404, "{path}");
        assert!(r.body.contains("没有找到这条意见"), "{path}");
        assert!(!r.body.contains(content), "{path}");
    }
    assert_eq!(
        app.get(&lower, None).await.status,
        200,
        "codes are not case-sensitive"
    );

    // The lookup by code and phone number leads to the same page; a wrong number does not.
    let found = app
        .post(
            "/api/track/find",
            &[("code", &code.to_lowercase()), ("phone", "13800138001")],
            BROWSER_FORM,
            None,
        )
        .await;
    assert_eq!(
        found.location.as_deref(),
        Some(format!("/track/{code}?k={key}").as_str())
    );
    let missed = app
        .post(
            "/api/track/find",
            &[("code", &code), ("phone", "13900139000")],
            BROWSER_FORM,
            None,
        )
        .await;
    let back = missed.location.unwrap();
    assert!(back.starts_with("/track?draft="), "{back}");
    let shown = app.get(&back, None).await;
    assert!(shown.body.contains("没有找到这条意见"));
    assert!(shown.body.contains(&code), "the code typed is kept");
}
on_both!(resident_journey, residents_submit_and_follow_their_opinion);

async fn refusals_keep_what_was_typed(db: Db) {
    let app = start(db.clone()).await;
    let closed = solicitation(&db, Status::Open, -20, -5).await.to_string();
    let later = solicitation(&db, Status::Open, 5, 20).await.to_string();
    let hidden = solicitation(&db, Status::Draft, -1, 10).await.to_string();
    let content = "这条意见在截止后才提交，内容不能丢。";

    for (id, words) in [(&closed, "截止"), (&later, "尚未开始")] {
        let r = app
            .post(
                "/api/opinions/submit",
                &resident_form(id, KEY_B, content),
                BROWSER_FORM,
                None,
            )
            .await;
        let back = r.location.unwrap();
        assert!(
            back.starts_with(&format!("/solicitations/{id}/opinions/new?draft=")),
            "{back}"
        );
        let page = app.get(&back, None).await;
        assert!(page.body.contains(words), "{}", page.body);
        assert!(page.body.contains("年"), "the dates are shown");
        assert!(page.body.contains(content), "the content is kept");
    }
    // A draft solicitation does not exist for the public.
    assert_eq!(
        app.get(&format!("/solicitations/{hidden}"), None)
            .await
            .status,
        404
    );
    let r = app
        .post(
            "/api/opinions/submit",
            &resident_form(&hidden, KEY_B, content),
            APP_CALL,
            None,
        )
        .await;
    assert_eq!(r.status, 404);
    assert_eq!(count(&db, "SELECT COUNT(*) FROM opinions").await, 0);

    // Every field problem is named, in Chinese, and the rest is kept.
    let open = solicitation(&db, Status::Open, -1, 10).await.to_string();
    let mut bad = resident_form(&open, KEY_B, "短");
    for (k, v) in bad.iter_mut() {
        match *k {
            "phone" => *v = "1380013800",
            "consent" => *v = "",
            "name" => *v = "王\u{0007}秀兰",
            "target" => *v = "art-99",
            "reason" => *v = "</textarea><img src=x onerror=alert(1)>",
            _ => {}
        }
    }
    let r = app
        .post("/api/opinions/submit", &bad, BROWSER_FORM, None)
        .await;
    let page = app.get(&r.location.unwrap(), None).await;
    for message in [
        "意见内容至少 5 个字，现在是 1 个字。",
        "手机号应为 11 位中国大陆手机号码",
        "请阅读并勾选同意《个人信息保护说明》后再提交。",
        "姓名含有不可见的控制字符",
        "请从列表中选择针对。",
    ] {
        assert!(page.body.contains(message), "missing {message}");
    }
    assert!(page.body.contains("1380013800"), "the number typed is kept");
    assert!(page
        .body
        .contains("&lt;/textarea&gt;&lt;img src=x onerror=alert(1)&gt;"));
    assert!(
        !page.body.contains("<img src=x"),
        "typed markup cannot end the text area"
    );
    let at = page.body.find("建议写明频次").unwrap_or(0);
    assert!(
        page.body
            .contains("&lt;script&gt;alert(1)&lt;/script&gt;建议写明频次"),
        "{}",
        &page.body[at.saturating_sub(300)..(at + 100).min(page.body.len())]
    );
    assert_eq!(count(&db, "SELECT COUNT(*) FROM opinions").await, 0);
}
on_both!(refusals, refusals_keep_what_was_typed);

async fn one_address_is_limited_per_hour(db: Db) {
    let app = start_with(db.clone(), config_with(&[("MINYI_OPINIONS_PER_HOUR", "3")])).await;
    let id = solicitation(&db, Status::Open, -1, 10).await.to_string();
    let from = |ip: &'static str| -> Vec<(&'static str, &'static str)> {
        vec![
            ("Accept", "text/html"),
            ("Sec-Fetch-Site", "same-origin"),
            ("X-Test-Client", ip),
        ]
    };
    for i in 0..3 {
        let content = format!("来自同一地址的第{i}条意见。");
        let r = app
            .post(
                "/api/opinions/submit",
                &resident_form(&id, "", &content),
                &from("10.0.0.1"),
                None,
            )
            .await;
        assert!(r.location.unwrap().starts_with("/track/"));
    }
    let r = app
        .post(
            "/api/opinions/submit",
            &resident_form(&id, "", "超过限额的意见，内容要保留。"),
            &from("10.0.0.1"),
            None,
        )
        .await;
    let page = app.get(&r.location.unwrap(), None).await;
    assert!(
        page.body.contains("每小时最多提交 3 条意见"),
        "{}",
        page.body
    );
    assert!(page.body.contains("超过限额的意见，内容要保留。"));
    assert_eq!(count(&db, "SELECT COUNT(*) FROM opinions").await, 3);
    // Another address is not affected.
    let r = app
        .post(
            "/api/opinions/submit",
            &resident_form(&id, "", "另一个地址的意见。"),
            &from("10.0.0.2"),
            None,
        )
        .await;
    assert!(r.location.unwrap().starts_with("/track/"));
    assert_eq!(count(&db, "SELECT COUNT(*) FROM opinions").await, 4);
}
on_both!(rate_limit, one_address_is_limited_per_hour);

async fn staff_enter_letters_and_see_masked_numbers(db: Db) {
    let app = start(db.clone()).await;
    let id = solicitation(&db, Status::Open, -1, 10).await;
    let sid = id.to_string();
    let staff = app.sign_in("clerk", STAFF_PW).await;

    // Anonymous callers get none of it.
    for path in ["/api/staff/moderation/queue", "/api/staff/opinions/get"] {
        let r = app
            .post(path, &[("id", "1"), ("query", "")], APP_CALL, None)
            .await;
        assert_eq!(r.status, 401, "{path}");
    }

    let letter = vec![
        ("solicitation_id", sid.as_str()),
        ("channel", "letter"),
        ("received_on", "2026-11-20"),
        ("target", "art-3"),
        ("content", "来信建议第三条增加上门理发服务。"),
        ("suggestion", ""),
        ("reason", ""),
        ("name", "赵大爷"),
        ("phone", "13912345670"),
        ("street", ""),
        ("community", ""),
        ("identity", "resident"),
    ];
    let r = app
        .post(
            "/api/staff/opinions/offline",
            &letter,
            BROWSER_FORM,
            Some(&staff),
        )
        .await;
    let to = r.location.unwrap();
    assert!(
        to.starts_with("/staff/opinions/") && to.ends_with("?done=entered"),
        "{to}"
    );
    let row: (String, String, Option<i64>, String) =
        sqlx::query_as("SELECT channel, received_on, entered_by, privacy_version FROM opinions")
            .fetch_one(&db.pool)
            .await
            .unwrap();
    assert_eq!(
        (row.0.as_str(), row.1.as_str(), row.3.as_str()),
        ("letter", "2026-11-20", "")
    );
    assert!(row.2.is_some(), "who entered it is kept");

    // The list masks the number; the detail view shows it and is audited each time.
    let list = app
        .get(&format!("/staff/opinions?solicitation={id}"), Some(&staff))
        .await;
    assert!(list.body.contains("139****5670"), "{}", list.body);
    assert!(!list.body.contains("13912345670"));
    // A resident's similar online opinion shows up next to the letter, with its code.
    let twin = db::opinions::submit(
        &db,
        id,
        None,
        &opinion("来信建议：第三条增加上门理发服务！", "art-3", false),
        &online("t"),
    )
    .await
    .unwrap();
    let audits = count(
        &db,
        "SELECT COUNT(*) FROM audit_log WHERE action = 'opinion.view_contact'",
    )
    .await;
    // Without the personal-data privilege the name and number stay masked, and nothing is
    // audited because nothing personal was shown.
    let detail = app.get(&to, Some(&staff)).await;
    assert!(!detail.body.contains("13912345670"));
    assert!(detail.body.contains("139****5670") && detail.body.contains("赵**"));
    assert!(detail.body.contains("您没有查看居民个人信息的权限"));
    assert_eq!(
        count(
            &db,
            "SELECT COUNT(*) FROM audit_log WHERE action = 'opinion.view_contact'"
        )
        .await,
        audits
    );
    let clerk: i64 = sqlx::query_scalar("SELECT id FROM accounts WHERE username = 'clerk'")
        .fetch_one(&db.pool)
        .await
        .unwrap();
    db::accounts::set_flag(&db, clerk, db::accounts::Flag::PersonalData, true, clerk)
        .await
        .unwrap();
    let detail = app.get(&to, Some(&staff)).await;
    assert!(detail.body.contains("13912345670"));
    assert!(detail.body.contains("意见回执"), "the slip to print");
    assert!(detail.body.contains("相似意见"));
    assert!(
        detail.body.contains(&twin.code),
        "the similar opinion is listed"
    );
    app.get(&to, Some(&staff)).await;
    // The entry is written by a task of its own, so that a render abandoned mid-call (a suspense
    // rendered again) still writes it: under load it can land a moment after the page is sent.
    let mut seen = 0;
    for _ in 0..50 {
        seen = count(
            &db,
            "SELECT COUNT(*) FROM audit_log WHERE action = 'opinion.view_contact'",
        )
        .await;
        if seen >= audits + 2 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert_eq!(
        seen,
        audits + 2,
        "each view with contact details is audited once"
    );

    // The resident follows it with the code and the number given.
    let code: String =
        sqlx::query_scalar("SELECT tracking_code FROM opinions WHERE channel = 'letter'")
            .fetch_one(&db.pool)
            .await
            .unwrap();
    let found = app
        .post(
            "/api/track/find",
            &[("code", &code), ("phone", "139-1234-5670")],
            BROWSER_FORM,
            None,
        )
        .await;
    let page = app.get(&found.location.unwrap(), None).await;
    assert!(page.body.contains("信件"));
    assert!(page.body.contains("来信建议第三条增加上门理发服务。"));

    // A date in the future and an unknown channel are named.
    let mut bad = letter.clone();
    bad[1].1 = "fax";
    bad[2].1 = "2999-01-01";
    let r = app
        .post(
            "/api/staff/opinions/offline",
            &bad,
            BROWSER_FORM,
            Some(&staff),
        )
        .await;
    let page = app.get(&r.location.unwrap(), Some(&staff)).await;
    assert!(page.body.contains("请从列表中选择渠道。"));
    assert!(page.body.contains("收到日期不能晚于今天。"));
    assert_eq!(count(&db, "SELECT COUNT(*) FROM opinions").await, 2);
    assert_eq!(Channel::from_code("letter"), Some(Channel::Letter));
}
on_both!(offline_entry, staff_enter_letters_and_see_masked_numbers);

async fn staff_check_a_draft_before_saving_it(db: Db) {
    let app = start(db.clone()).await;
    let id = solicitation(&db, Status::Draft, -1, 10).await.to_string();
    let staff = app.sign_in("clerk", STAFF_PW).await;
    let text = "第一条　目的。\n第三条　跳号了。\n";
    let form = |intent: &'static str, checked: &str| {
        vec![
            ("id", id.clone()),
            ("label", "二审稿".to_string()),
            ("text", text.to_string()),
            ("checked", checked.to_string()),
            ("intent", intent.to_string()),
        ]
    };
    let with_base = |mut f: Vec<(&'static str, String)>, base: &str| {
        f.push(("base", base.to_string()));
        f
    };
    let as_refs = |f: &Vec<(&'static str, String)>| -> Vec<(&'static str, String)> { f.clone() };
    let post = |f: Vec<(&'static str, String)>| {
        let app = &app;
        let staff = staff.clone();
        async move {
            let refs: Vec<(&str, &str)> = f.iter().map(|(k, v)| (*k, v.as_str())).collect();
            app.post(
                "/api/staff/solicitations/draft-save",
                &refs,
                BROWSER_FORM,
                Some(&staff),
            )
            .await
        }
    };
    // Saving without having seen the parse is refused.
    let r = post(as_refs(&form("save", ""))).await;
    let page = app.get(&r.location.unwrap(), Some(&staff)).await;
    assert!(page.body.contains("请先点“检查解析结果”"), "{}", page.body);
    assert_eq!(count(&db, "SELECT COUNT(*) FROM draft_versions").await, 1);
    // Checking shows the parse with its warning and offers to save.
    let r = post(as_refs(&form("check", ""))).await;
    let page = app.get(&r.location.unwrap(), Some(&staff)).await;
    assert!(
        page.body.contains("编号跳过了，应为第2条，这里是第3条"),
        "{}",
        page.body
    );
    let checked = page
        .body
        .split(r#"name="checked" value=""#)
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap()
        .to_string();
    assert_eq!(checked.len(), 16);
    // The alignment shown was made against the current version, which saving names.
    let base = page
        .body
        .split(r#"name="base" value=""#)
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap()
        .to_string();
    let r = post(with_base(as_refs(&form("save", &checked)), &base)).await;
    assert_eq!(
        r.location.as_deref(),
        Some(format!("/staff/solicitations/{id}?done=version").as_str())
    );
    assert_eq!(count(&db, "SELECT COUNT(*) FROM draft_versions").await, 2);
}
on_both!(draft_check, staff_check_a_draft_before_saving_it);

async fn published_opinions_show_no_names(db: Db) {
    let app = start(db.clone()).await;
    let id = solicitation(&db, Status::Open, -1, 10).await;
    let r = db::opinions::submit(
        &db,
        id,
        None,
        &opinion("公开的意见：第三条写得好。", "art-3", true),
        &online("p"),
    )
    .await
    .unwrap();
    db::opinions::transition(
        &db,
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
    let page = app.get(&format!("/solicitations/{id}"), None).await;
    assert!(page.body.contains("公开的意见：第三条写得好。"));
    assert!(
        page.body.contains("1 条意见"),
        "the article shows its count"
    );
    assert!(!page.body.contains("王秀兰"));
    assert!(!page.body.contains("13800138001"));
    let list = app.get("/solicitations", None).await;
    assert!(list.body.contains("测试条例草案征求意见"));
    assert!(list.body.contains("还剩"), "days left are shown");
    let privacy = app.get("/privacy", None).await;
    for words in [
        "我们收集什么",
        "为什么收集",
        "保存多久",
        "如何查询、更正或删除",
    ] {
        assert!(privacy.body.contains(words), "{words}");
    }
}
on_both!(published, published_opinions_show_no_names);

async fn of_two_moderators_one_wins(db: Db) {
    use db::opinions::TransitionError;
    let open = solicitation(&db, Status::Open, -1, 10).await;
    for round in 0..5 {
        let content = format!("两位工作人员同时处理的第{round}条意见。");
        let r = db::opinions::submit(&db, open, None, &opinion(&content, "", false), &online("m"))
            .await
            .unwrap();
        let (a, b) = (db.clone(), db.clone());
        let accept = tokio::spawn(async move {
            db::opinions::transition(
                &a,
                r.id,
                Some(1),
                Some(OpinionStatus::Pending),
                OpinionStatus::Accepted,
                "",
                true,
                None,
            )
            .await
        });
        let reject = tokio::spawn(async move {
            db::opinions::transition(
                &b,
                r.id,
                Some(1),
                Some(OpinionStatus::Pending),
                OpinionStatus::Rejected,
                "重复提交",
                true,
                None,
            )
            .await
        });
        let results = [accept.await.unwrap(), reject.await.unwrap()];
        let wins = results.iter().filter(|r| r.is_ok()).count();
        assert_eq!(wins, 1, "{results:?}");
        assert!(results
            .iter()
            .any(|r| matches!(r, Err(TransitionError::Changed { .. }))));
        let events: i64 =
            sqlx::query_scalar("SELECT COUNT(*) FROM opinion_events WHERE opinion_id = $1")
                .bind(r.id)
                .fetch_one(&db.pool)
                .await
                .unwrap();
        assert_eq!(events, 2, "the submission and the one change that won");
    }
    // The lifecycle is enforced on the server, not only in the pages.
    let r = db::opinions::submit(
        &db,
        open,
        None,
        &opinion("直接跳到采纳的意见。", "", false),
        &online("m"),
    )
    .await
    .unwrap();
    let skip = db::opinions::transition(
        &db,
        r.id,
        None,
        None,
        OpinionStatus::Adopted,
        "",
        true,
        None,
    )
    .await;
    assert!(matches!(
        skip,
        Err(TransitionError::NotAllowed {
            from: OpinionStatus::Pending
        })
    ));
    assert!(matches!(
        db::opinions::transition(
            &db,
            999_999,
            None,
            None,
            OpinionStatus::Accepted,
            "",
            true,
            None
        )
        .await,
        Err(TransitionError::NotFound)
    ));
}
on_both!(concurrent_moderation, of_two_moderators_one_wins);
