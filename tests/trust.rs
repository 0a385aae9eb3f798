//! Trust, on SQLite and PostgreSQL, over HTTP: a form key reused by someone else never hands
//! over the first person's receipt nor drops their submission; a link cannot plant values,
//! hidden fields or problems into someone's form; a flood of oversized failed posts stores only
//! a bounded amount; station staff cannot record adoption outcomes or see another station's
//! opinions among the similar ones; e-mail addresses are masked without the privilege.

mod common;

use common::fixtures::{self, status_of};
use common::{config_with, staff_account, start, start_with, BROWSER_FORM, PASSWORD};
use minyi::domain::account::Role;
use minyi::domain::consultation::{Kind, NewConsultation, Status as SessionStatus};
use minyi::domain::deputy::{Level, NewDeputy, NewSlot};
use minyi::domain::opinion::{NewOpinion, OpinionStatus};
use minyi::domain::time::DAY_MS;
use minyi::server::db::{self, Db};

const KEY: &str = "c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00";

async fn count(db: &Db, sql: &str) -> i64 {
    sqlx::query_scalar(sql).fetch_one(&db.pool).await.unwrap()
}

/// Two stations, an open solicitation with a three-article draft, and the district clerk.
async fn setup(db: &Db) -> (i64, i64, i64, i64) {
    let s = fixtures::setup(db, true).await;
    (s.sol, s.east, s.west, s.clerk)
}

fn opinion_form<'a>(
    sol: &'a str,
    key: &'a str,
    target: &'a str,
    content: &'a str,
    name: &'a str,
    phone: &'a str,
) -> Vec<(&'static str, &'a str)> {
    vec![
        ("solicitation_id", sol),
        ("submit_key", key),
        ("target", target),
        ("content", content),
        ("suggestion", ""),
        ("reason", ""),
        ("name", name),
        ("phone", phone),
        ("street", "东湖街道"),
        ("community", ""),
        ("identity", "resident"),
        ("publish_ok", "1"),
        ("consent", "1"),
    ]
}

/// The receipt path of a redirect to `/track/{code}?k=…&new=1`, without `&new=1`.
fn receipt(location: &Option<String>) -> String {
    let l = location.clone().expect("a redirect");
    assert!(l.starts_with("/track/"), "{l}");
    l.trim_end_matches("&new=1").to_string()
}

async fn session_for(db: &Db, clerk: i64) -> i64 {
    let now = db::now_ms();
    let starts_at = now + 5 * DAY_MS;
    db::consultations::create(
        db,
        &NewConsultation {
            kind: Kind::Forum,
            title: "加装电梯座谈会".into(),
            topic: String::new(),
            description_md: String::new(),
            station_id: None,
            address: "东湖社区议事厅".into(),
            online_url: String::new(),
            starts_at,
            ends_at: starts_at + 2 * 3_600_000,
            capacity: 10,
            reg_opens_at: now - DAY_MS,
            reg_closes_at: now + 4 * DAY_MS,
            solicitation_id: None,
            status: SessionStatus::Published,
        },
        "",
        clerk,
    )
    .await
    .unwrap()
}

async fn deputy_with_slot(db: &Db, clerk: i64) -> (i64, i64) {
    let d = db::deputies::save(
        db,
        None,
        0,
        &NewDeputy {
            name: "王建华".into(),
            level: Level::District,
            constituency: "东湖街道第三选区".into(),
            station_id: None,
            intro: String::new(),
            reception_days: String::new(),
            published: true,
        },
        clerk,
    )
    .await
    .unwrap();
    let starts_at = db::now_ms() + 48 * 3_600_000;
    let slot = db::deputies::add_slot(
        db,
        d,
        &NewSlot {
            starts_at,
            ends_at: starts_at + 3_600_000,
            capacity: 5,
            station_id: None,
        },
        clerk,
    )
    .await
    .unwrap();
    (d, slot)
}

/// A no-JavaScript form post of owned values.
async fn post(app: &common::App, path: &str, f: &[(&'static str, String)]) -> common::Resp {
    let f: Vec<(&str, &str)> = f.iter().map(|(k, v)| (*k, v.as_str())).collect();
    app.post(path, &f, BROWSER_FORM, None).await
}

/// Two people post under the same form key (planted through a link, or copied): each gets their
/// own record and their own receipt; only the same person posting the same form again gets the
/// first receipt back.
async fn reused_keys_never_hand_over_a_receipt(db: Db) {
    let app = start(db.clone()).await;
    let other = app.other_browser();
    let (sol, _, _, clerk) = setup(&db).await;
    let sol = sol.to_string();
    let words = "第三条应当写明助餐点的开放时间。";

    // Opinions: the same words on another article, by another person.
    let first = app
        .post(
            "/api/opinions/submit",
            &opinion_form(&sol, KEY, "art-3", words, "王秀兰", "13800138001"),
            BROWSER_FORM,
            None,
        )
        .await;
    let second = other
        .post(
            "/api/opinions/submit",
            &opinion_form(&sol, KEY, "art-1", words, "李建国", "13900139002"),
            BROWSER_FORM,
            None,
        )
        .await;
    assert_ne!(receipt(&first.location), receipt(&second.location));
    assert_eq!(count(&db, "SELECT COUNT(*) FROM opinions").await, 2);
    // The same person pressing Back and sending the same words on another article keeps both.
    let third = app
        .post(
            "/api/opinions/submit",
            &opinion_form(&sol, KEY, "art-2", words, "王秀兰", "13800138001"),
            BROWSER_FORM,
            None,
        )
        .await;
    assert_ne!(receipt(&first.location), receipt(&third.location));
    assert_eq!(count(&db, "SELECT COUNT(*) FROM opinions").await, 3);
    // The very same form again (a double click, a reload) is the first opinion.
    let again = app
        .post(
            "/api/opinions/submit",
            &opinion_form(&sol, KEY, "art-3", words, "王秀兰", "13800138001"),
            BROWSER_FORM,
            None,
        )
        .await;
    assert_eq!(receipt(&first.location), receipt(&again.location));
    assert_eq!(count(&db, "SELECT COUNT(*) FROM opinions").await, 3);

    // Registrations.
    let session = session_for(&db, clerk).await.to_string();
    let reg = |name: &str, phone: &str| -> Vec<(&'static str, String)> {
        vec![
            ("consultation_id", session.clone()),
            ("submit_key", KEY.to_string()),
            ("name", name.to_string()),
            ("phone", phone.to_string()),
            ("organisation", String::new()),
            ("questions", "电梯费用怎么分摊？".to_string()),
            ("email", String::new()),
            ("consent", "1".to_string()),
        ]
    };
    let path = "/api/consultations/register";
    let first = post(&app, path, &reg("王秀兰", "13800138001")).await;
    let second = post(&other, path, &reg("李建国", "13900139002")).await;
    assert_ne!(receipt(&first.location), receipt(&second.location));
    assert_eq!(count(&db, "SELECT COUNT(*) FROM registrations").await, 2);
    let again = post(&app, path, &reg("王秀兰", "13800138001")).await;
    assert_eq!(receipt(&first.location), receipt(&again.location));
    assert_eq!(count(&db, "SELECT COUNT(*) FROM registrations").await, 2);

    // Deputy bookings.
    let (deputy, slot) = deputy_with_slot(&db, clerk).await;
    let (deputy, slot) = (deputy.to_string(), slot.to_string());
    let book = |name: &str, phone: &str| -> Vec<(&'static str, String)> {
        vec![
            ("deputy_id", deputy.clone()),
            ("submit_key", KEY.to_string()),
            ("slot", slot.clone()),
            ("preferred_time", String::new()),
            ("name", name.to_string()),
            ("phone", phone.to_string()),
            ("matter", "小区门口路口没有红绿灯。".to_string()),
            ("email", String::new()),
            ("consent", "1".to_string()),
        ]
    };
    let path = "/api/deputies/book";
    let first = post(&app, path, &book("王秀兰", "13800138001")).await;
    let second = post(&other, path, &book("李建国", "13900139002")).await;
    assert_ne!(receipt(&first.location), receipt(&second.location));
    assert_eq!(count(&db, "SELECT COUNT(*) FROM appointments").await, 2);
    let again = post(&app, path, &book("王秀兰", "13800138001")).await;
    assert_eq!(receipt(&first.location), receipt(&again.location));
    assert_eq!(count(&db, "SELECT COUNT(*) FROM appointments").await, 2);
}
on_both!(reused_keys, reused_keys_never_hand_over_a_receipt);

/// The value of the hidden `submit_key` input of a form page.
fn page_key(body: &str) -> String {
    let at = body
        .find("name=\"submit_key\" value=\"")
        .expect("a submit_key field");
    body[at + 25..at + 25 + 64].to_string()
}

/// A sent-back form shows only to the browser that sent it; a link with a stored draft, an
/// inline draft or a forged signed one fills nobody's form, and no draft sets the form's key.
async fn links_cannot_plant_a_draft(db: Db) {
    let app = start(db.clone()).await;
    let (sol, _, _, _) = setup(&db).await;
    let sol = sol.to_string();
    let stranger = app.other_browser();
    let mut planted = opinion_form(
        &sol,
        KEY,
        "art-3",
        "陌生人预先写好的内容。",
        "冒名者",
        "13800138001",
    );
    planted.retain(|(k, _)| *k != "consent");
    let r = stranger
        .post("/api/opinions/submit", &planted, BROWSER_FORM, None)
        .await;
    let link = r.location.unwrap();
    assert!(link.contains("?draft="), "{link}");
    // The stranger's own browser gets the draft back, but not the key it posted.
    let own = stranger.get(&link, None).await;
    assert!(own.body.contains("陌生人预先写好的内容。"));
    assert_ne!(
        page_key(&own.body),
        KEY,
        "a draft never sets the form's key"
    );
    // A resident who follows the link sees an empty form with a key of its own.
    let victim = app.get(&link, None).await;
    assert_eq!(victim.status, 200);
    assert!(!victim.body.contains("陌生人预先写好的内容。"));
    assert!(!victim.body.contains("冒名者"));
    assert_ne!(page_key(&victim.body), KEY);
    // Inline drafts, signed or not, are not taken from a link.
    let json = format!(
        r#"{{"form":"opinion","values":{{"submit_key":"{KEY}","content":"链接里塞进来的内容","name":"冒名者"}},"errors":{{"_form":{{"RateLimited":{{"per_hour":1}}}}}}}}"#
    );
    for draft in [
        format!("i:{json}"),
        format!("s:99999999999999:{}:{json}", "ab".repeat(16)),
    ] {
        let page = app
            .get(
                &format!(
                    "/solicitations/{sol}/opinions/new?draft={}",
                    urlencoding::encode(&draft)
                ),
                None,
            )
            .await;
        assert_eq!(page.status, 200);
        assert!(!page.body.contains("链接里塞进来的内容"));
        assert!(!page.body.contains("冒名者"));
        assert!(
            !page.body.contains("每小时最多提交"),
            "no problem from a link"
        );
        assert_ne!(page_key(&page.body), KEY);
    }
    // The same holds for the registration form.
    let clerk = staff_account(&db, "clerk2", Role::Staff, None).await;
    let session = session_for(&db, clerk).await;
    let page = app
        .get(
            &format!(
                "/consultations/{session}?draft={}",
                urlencoding::encode(&format!(
                    r#"i:{{"form":"register","values":{{"submit_key":"{KEY}","name":"冒名者"}},"errors":{{}}}}"#
                ))
            ),
            None,
        )
        .await;
    assert!(!page.body.contains("冒名者"));
    assert_ne!(page_key(&page.body), KEY);
}
on_both!(planted_drafts, links_cannot_plant_a_draft);

/// Failed public posts cost a bounded amount to keep: each field at most its own limit, each
/// address and all addresses together at most their hourly budgets. What could not be kept is
/// said, and a resident elsewhere still gets their form back whole.
async fn floods_of_failed_posts_store_little(db: Db) {
    let app = start_with(
        db.clone(),
        config_with(&[
            ("MINYI_MAX_BODY_BYTES", "4194304"),
            ("MINYI_DRAFT_BYTES_PER_HOUR", "65536"),
            ("MINYI_DRAFT_BYTES_TOTAL_PER_HOUR", "262144"),
        ]),
    )
    .await;
    let (sol, _, _, _) = setup(&db).await;
    let sol = sol.to_string();
    // Five failed look-ups with a 1.9 MB code.
    let huge = "Y".repeat(1_900_000);
    for _ in 0..5 {
        let r = app
            .post(
                "/api/track/find",
                &[("code", &huge), ("phone", "")],
                &[
                    ("Accept", "text/html"),
                    ("Sec-Fetch-Site", "same-origin"),
                    ("X-Test-Client", "203.0.113.1"),
                ],
                None,
            )
            .await;
        assert_eq!(r.status, 302);
    }
    let after_lookups = db::drafts::stored_bytes(&db).await.unwrap();
    eprintln!("flood: 5 look-ups of 1.9 MB stored {after_lookups} bytes of drafts");
    assert!(after_lookups < 5 * 200, "{after_lookups}");

    // A megabyte in the opinion's text keeps the field's own 5,000 characters.
    let mega = "很".repeat(1_000_000 / 3);
    let mut f = opinion_form(&sol, KEY, "art-3", &mega, "王秀兰", "13800138001");
    f.retain(|(k, _)| *k != "consent");
    let headers = |ip: &'static str| {
        [
            ("Accept", "text/html"),
            ("Sec-Fetch-Site", "same-origin"),
            ("X-Test-Client", ip),
        ]
    };
    let r = app
        .post("/api/opinions/submit", &f, &headers("203.0.113.2"), None)
        .await;
    let page = app.get(&r.location.unwrap(), None).await;
    assert!(page.body.contains("最多 5000 个字"), "the limit is named");
    assert!(page.body.contains(&"很".repeat(5000)));
    assert!(!page.body.contains(&"很".repeat(5001)));

    // One address sending the same failing 5,000-character form 100 times: at most its budget.
    let text = "很".repeat(5000);
    let mut f = opinion_form(&sol, KEY, "art-3", &text, "王秀兰", "13800138001");
    f.retain(|(k, _)| *k != "consent");
    let before = db::drafts::stored_bytes(&db).await.unwrap();
    let mut last = None;
    for _ in 0..100 {
        last = app
            .post("/api/opinions/submit", &f, &headers("203.0.113.3"), None)
            .await
            .location;
    }
    let one_address = db::drafts::stored_bytes(&db).await.unwrap() - before;
    eprintln!("flood: 100 failed 15 KB posts from one address stored {one_address} bytes");
    assert!(one_address <= 65536, "{one_address}");
    let page = app.get(&last.unwrap(), None).await;
    assert!(
        page.body.contains("这次填写的内容未能保留"),
        "past the budget the form says what was not kept"
    );
    assert!(
        page.body.contains("请阅读并勾选同意"),
        "and still names the problem"
    );
    // Fifty addresses at once: at most the overall budget.
    let mut posts = Vec::new();
    for i in 0..50 {
        let app = app.other_browser();
        let f: Vec<(&'static str, String)> = f.iter().map(|(k, v)| (*k, v.to_string())).collect();
        posts.push(tokio::spawn(async move {
            let ip = format!("198.51.100.{i}");
            let f: Vec<(&str, &str)> = f.iter().map(|(k, v)| (*k, v.as_str())).collect();
            for _ in 0..5 {
                app.post(
                    "/api/opinions/submit",
                    &f,
                    &[
                        ("Accept", "text/html"),
                        ("Sec-Fetch-Site", "same-origin"),
                        ("X-Test-Client", ip.as_str()),
                    ],
                    None,
                )
                .await;
            }
        }));
    }
    for p in posts {
        p.await.unwrap();
    }
    let total = db::drafts::stored_bytes(&db).await.unwrap();
    eprintln!("flood: 250 failed posts from 50 addresses left {total} bytes of drafts in all");
    assert!(total <= 262_144 + 65_536, "{total}");
    assert_eq!(count(&db, "SELECT COUNT(*) FROM opinions").await, 0);
}
on_both!(flood, floods_of_failed_posts_store_little);

fn stored_opinion(content: &str, street: &str, email: &str) -> NewOpinion {
    NewOpinion {
        email: email.into(),
        ..fixtures::opinion(content, street)
    }
}

async fn submit(db: &Db, sol: i64, o: &NewOpinion) -> (i64, String) {
    fixtures::submit_opinion(db, sol, o).await
}

/// Recording what the upper legislature adopted is the district office's step: station staff are
/// refused it on one opinion and on a whole article, as they are reports, solicitations and
/// stories; they still moderate their own station's opinions.
async fn station_staff_do_not_record_outcomes(db: Db) {
    let app = start(db.clone()).await;
    let (sol, east, _, clerk) = setup(&db).await;
    staff_account(&db, "east.staff", Role::Staff, Some(east)).await;
    let (id, _) = submit(
        &db,
        sol,
        &stored_opinion("东湖的意见，需要反馈。", "东湖街道", ""),
    )
    .await;
    for to in [OpinionStatus::Accepted, OpinionStatus::Reported] {
        db::opinions::transition(&db, id, Some(clerk), None, to, "", true, None)
            .await
            .unwrap();
    }
    let station = app.sign_in("east.staff", PASSWORD).await;
    let adopt = |selected: String| {
        vec![
            ("selected[]", selected),
            ("action", "adopted".to_string()),
            ("note", "已在修改稿第三条中体现。".to_string()),
            ("return_to", format!("/staff/opinions/{id}")),
        ]
    };
    let form = adopt(format!("{id}:reported"));
    let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let r = app
        .post(
            "/api/staff/moderation/apply",
            &form,
            common::APP_CALL,
            Some(&station),
        )
        .await;
    assert_eq!(r.status, 403, "{r:?}");
    assert_eq!(status_of(&db, id).await, "reported");
    // The opinion's page offers them no outcome form.
    let page = app
        .get(&format!("/staff/opinions/{id}"), Some(&station))
        .await;
    assert_eq!(page.status, 200);
    assert!(!page.body.contains("value=\"adopted\""));
    // Nor the district office's other work.
    for (path, form) in [
        (
            "/api/staff/reports/feedback",
            vec![
                ("id", "1"),
                ("target", ""),
                ("action", "adopted"),
                ("note", "x"),
            ],
        ),
        ("/api/staff/solicitations/form", vec![]),
        ("/api/staff/stories/list", vec![]),
    ] {
        let r = app
            .post(path, &form, common::APP_CALL, Some(&station))
            .await;
        assert_eq!(r.status, 403, "{path}: {r:?}");
    }
    // The district clerk records it.
    let district = app.sign_in("district", PASSWORD).await;
    let r = app
        .post(
            "/api/staff/moderation/apply",
            &form,
            BROWSER_FORM,
            Some(&district),
        )
        .await;
    assert_eq!(r.status, 302);
    assert_eq!(status_of(&db, id).await, "adopted");
}
on_both!(outcomes, station_staff_do_not_record_outcomes);

/// The similar opinions listed beside one are only those the viewer may open; e-mail addresses,
/// like names and numbers, are masked for staff without the personal-data privilege, the
/// notification list included.
async fn staff_see_only_what_they_may(db: Db) {
    let app = start(db.clone()).await;
    let (sol, east, west, clerk) = setup(&db).await;
    staff_account(&db, "east.staff", Role::Staff, Some(east)).await;
    let text = "建议在第三条增加助餐点每周至少开放五天的规定，方便老人就餐。";
    let (mine, _) = submit(
        &db,
        sol,
        &stored_opinion(text, "东湖街道", "wang.xiu@example.cn"),
    )
    .await;
    let (_, same_station) = submit(
        &db,
        sol,
        &stored_opinion(&format!("{text}！"), "东湖街道", ""),
    )
    .await;
    let (_, other_station) = submit(
        &db,
        sol,
        &stored_opinion(&format!("{text}。"), "西城街道", ""),
    )
    .await;
    let station = app.sign_in("east.staff", PASSWORD).await;
    let page = app
        .get(&format!("/staff/opinions/{mine}"), Some(&station))
        .await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains(&same_station));
    assert!(
        !page.body.contains(&other_station),
        "another station's opinion is not listed"
    );
    let district = app.sign_in("district", PASSWORD).await;
    let page = app
        .get(&format!("/staff/opinions/{mine}"), Some(&district))
        .await;
    assert!(page.body.contains(&same_station) && page.body.contains(&other_station));

    // A kept notification: accepted, then due ten minutes later with no mail server.
    db::moderation::apply(
        &db,
        clerk,
        db::moderation::Scope::ALL,
        &[minyi::domain::moderation::Selected {
            id: mine,
            seen: OpinionStatus::Pending,
        }],
        &minyi::domain::moderation::Action::Accept {
            note: String::new(),
        },
    )
    .await
    .unwrap();
    minyi::server::notify::deliver_due(&db, None, "http://x", db::now_ms() + 11 * 60 * 1000)
        .await
        .unwrap();
    let page = app.get("/staff/notifications", Some(&station)).await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains("w***@example.cn"), "{}", page.body);
    assert!(!page.body.contains("wang.xiu@example.cn"));

    // The kept message is a work item until someone records how it was delivered; staff of
    // another station cannot record it.
    assert!(page.body.contains("待送达（1）") && page.body.contains("已送达（0）"));
    let id: i64 = sqlx::query_scalar("SELECT id FROM notifications WHERE opinion_id = $1")
        .bind(mine)
        .fetch_one(&db.pool)
        .await
        .unwrap();
    let item = format!("opinion:{id}");
    let delivered = [("item", item.as_str()), ("how", "phone")];
    staff_account(&db, "west.staff", Role::Staff, Some(west)).await;
    let other = app.sign_in("west.staff", PASSWORD).await;
    let r = app
        .post(
            "/api/staff/notifications/delivered",
            &delivered,
            BROWSER_FORM,
            Some(&other),
        )
        .await;
    assert_eq!(r.location.as_deref(), Some("/staff/notifications?saved=0"));
    let r = app
        .post(
            "/api/staff/notifications/delivered",
            &delivered,
            BROWSER_FORM,
            Some(&station),
        )
        .await;
    assert_eq!(r.location.as_deref(), Some("/staff/notifications?saved=1"));
    let page = app
        .get("/staff/notifications?saved=1", Some(&station))
        .await;
    assert!(page.body.contains("已记为送达。"));
    assert!(page.body.contains("待送达（0）") && page.body.contains("已送达（1）"));
    let page = app.get("/staff/notifications?done=1", Some(&station)).await;
    assert!(page.body.contains("电话告知") && page.body.contains("east.staff"));
    assert_eq!(
        db::audit::count_action(&db, "notice.delivered")
            .await
            .unwrap(),
        1
    );

    // However many wait, every one is listed: page by page, with the count.
    let mut batch = Vec::new();
    for i in 0..60 {
        let (id, _) = submit(
            &db,
            sol,
            &stored_opinion(&format!("第 {i} 条需要电话告知的意见。"), "东湖街道", ""),
        )
        .await;
        batch.push(minyi::domain::moderation::Selected {
            id,
            seen: OpinionStatus::Pending,
        });
    }
    db::moderation::apply(
        &db,
        clerk,
        db::moderation::Scope::ALL,
        &batch,
        &minyi::domain::moderation::Action::Accept {
            note: String::new(),
        },
    )
    .await
    .unwrap();
    minyi::server::notify::deliver_due(&db, None, "http://x", db::now_ms() + 11 * 60 * 1000)
        .await
        .unwrap();
    let first = app.get("/staff/notifications", Some(&district)).await;
    assert!(first.body.contains("待送达（60）"), "{}", first.body);
    assert_eq!(
        first.body.matches("class=\"card notice-letter\"").count(),
        50
    );
    let second = app
        .get("/staff/notifications?page=2", Some(&district))
        .await;
    assert_eq!(
        second.body.matches("class=\"card notice-letter\"").count(),
        10
    );
}
on_both!(staff_scope, staff_see_only_what_they_may);

/// On SQLite, a story, an offline opinion and a report that meet another writer holding the
/// database's write lock (longer than the busy timeout) wait their turn and are stored; none is
/// answered with an error that loses what was typed.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn writes_wait_their_turn_behind_a_long_writer() {
    let db = common::sqlite().await;
    let app = start(db.clone()).await;
    let (sol, _, _, clerk) = setup(&db).await;
    let (id, _) = submit(
        &db,
        sol,
        &stored_opinion("一条已采用、等待汇总的意见。", "东湖街道", ""),
    )
    .await;
    db::opinions::transition(
        &db,
        id,
        Some(clerk),
        None,
        OpinionStatus::Accepted,
        "",
        true,
        None,
    )
    .await
    .unwrap();
    let s = app.sign_in("district", PASSWORD).await;
    let sol = sol.to_string();
    let story = [
        ("id", ""),
        ("version", ""),
        ("title", "排队写入的故事"),
        ("summary", ""),
        ("body", "另一个写入者占着数据库时写下的正文。"),
        ("kind", "case"),
        ("slug", "queued"),
        ("published_on", "2026-11-28"),
    ];
    let offline = [
        ("solicitation_id", sol.as_str()),
        ("channel", "letter"),
        ("received_on", "2026-11-28"),
        ("target", ""),
        ("content", "来信：排队写入的意见不能丢。"),
        ("suggestion", ""),
        ("reason", ""),
        ("name", "赵大爷"),
        ("phone", "13700137000"),
        ("street", "东湖街道"),
        ("community", ""),
        ("identity", "resident"),
        ("registration", ""),
    ];
    let report = [("solicitation_id", sol.as_str())];
    // Another writer takes the write lock and keeps it past the five-second busy timeout.
    let mut hold = db.pool.begin_with("BEGIN IMMEDIATE").await.unwrap();
    sqlx::query("INSERT INTO rate_counters (bucket, window_start, hits) VALUES ('hold', 0, 1)")
        .execute(&mut *hold)
        .await
        .unwrap();
    let release = async {
        tokio::time::sleep(std::time::Duration::from_millis(6500)).await;
        hold.commit().await.unwrap();
    };
    let (a, b, c, ()) = tokio::join!(
        app.post("/api/staff/stories/save", &story, BROWSER_FORM, Some(&s)),
        app.post(
            "/api/staff/opinions/offline",
            &offline,
            BROWSER_FORM,
            Some(&s)
        ),
        app.post("/api/staff/reports/create", &report, BROWSER_FORM, Some(&s)),
        release,
    );
    for (what, r) in [("story", &a), ("offline opinion", &b), ("report", &c)] {
        assert_eq!(r.status, 302, "{what}: {r:?}");
        let to = r.location.clone().unwrap();
        assert!(
            !to.contains("draft=") && !to.contains("login"),
            "{what}: {to}"
        );
    }
    assert_eq!(count(&db, "SELECT COUNT(*) FROM stories").await, 1);
    assert_eq!(count(&db, "SELECT COUNT(*) FROM opinions").await, 2);
    assert_eq!(count(&db, "SELECT COUNT(*) FROM reports").await, 1);
}
