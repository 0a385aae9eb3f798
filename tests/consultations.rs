//! Consultation sessions on SQLite and PostgreSQL, over HTTP: exact capacity under 100 parallel
//! registrations, the waitlist and its promotion, the registration window, one place per number,
//! private links, cancellation, staff check-in, attendance, export, minutes, views entered as
//! opinions, calendar files that parse, and reminders the day before.

mod common;

use common::{config_with, staff_account, start, start_with, BROWSER_FORM, PASSWORD};
use minyi::domain::account::Role;
use minyi::domain::consultation::{Kind, NewConsultation, NewRegistration, Status};
use minyi::domain::time::DAY_MS;
use minyi::server::db::{self, consultations::RegSource, Db};
use std::sync::Arc;

async fn count(db: &Db, sql: &str) -> i64 {
    sqlx::query_scalar(sql).fetch_one(&db.pool).await.unwrap()
}

async fn admin(db: &Db) -> i64 {
    match sqlx::query_scalar::<_, i64>("SELECT id FROM accounts WHERE username = 'organiser'")
        .fetch_optional(&db.pool)
        .await
        .unwrap()
    {
        Some(id) => id,
        None => staff_account(db, "organiser", Role::Admin, None).await,
    }
}

/// A published session starting in `days` days with `capacity` places, registration open from
/// `open_from` days to `open_to` days from now (negative: in the past).
async fn session(db: &Db, capacity: i64, days: i64, open_from: i64, open_to: i64) -> i64 {
    session_at(
        db,
        capacity,
        db::now_ms() + days * DAY_MS,
        open_from,
        open_to,
        None,
    )
    .await
}

async fn session_at(
    db: &Db,
    capacity: i64,
    starts_at: i64,
    open_from: i64,
    open_to: i64,
    station: Option<i64>,
) -> i64 {
    let now = db::now_ms();
    let c = NewConsultation {
        kind: Kind::Forum,
        title: "物业管理条例立法座谈会".into(),
        topic: "物业费和维修资金".into(),
        description_md: "欢迎业主报名。".into(),
        station_id: station,
        address: "东湖路 88 号二楼".into(),
        online_url: String::new(),
        starts_at,
        ends_at: starts_at + 2 * 3_600_000,
        capacity,
        reg_opens_at: now + open_from * DAY_MS,
        reg_closes_at: now + open_to * DAY_MS,
        solicitation_id: None,
        status: Status::Published,
    };
    let by = admin(db).await;
    db::consultations::create(db, &c, "<p>欢迎业主报名。</p>", by)
        .await
        .unwrap()
}

fn phone(i: usize) -> String {
    format!("139{:08}", i)
}

fn form(id: i64, key: &str, name: &str, phone: &str) -> Vec<(&'static str, String)> {
    vec![
        ("consultation_id", id.to_string()),
        ("submit_key", key.to_string()),
        ("name", name.to_string()),
        ("phone", phone.to_string()),
        ("organisation", "东湖社区".to_string()),
        ("questions", "维修资金怎么用？<b>要公开</b>".to_string()),
        ("email", String::new()),
        ("consent", "1".to_string()),
    ]
}

fn pairs<'a>(f: &'a [(&'static str, String)]) -> Vec<(&'static str, &'a str)> {
    f.iter().map(|(k, v)| (*k, v.as_str())).collect()
}

/// The code and key of a receipt location `/track/BM-…?k=…&new=1`.
fn code_and_key(location: &str) -> (String, String) {
    let rest = location.strip_prefix("/track/").expect(location);
    let (code, query) = rest.split_once('?').unwrap();
    let key = query.split('&').find_map(|p| p.strip_prefix("k=")).unwrap();
    (code.to_string(), key.to_string())
}

async fn status_of(db: &Db, code: &str) -> String {
    sqlx::query_scalar("SELECT status FROM registrations WHERE code = $1")
        .bind(code)
        .fetch_one(&db.pool)
        .await
        .unwrap()
}

/// 100 residents register at once for 10 places: exactly 10 are confirmed, 90 wait in order, and
/// when one cancels, the one who registered first among those waiting gets the place and a
/// message.
async fn capacity_is_exact_under_concurrency(db: Db) {
    let app = Arc::new(
        start_with(
            db.clone(),
            config_with(&[("MINYI_REGISTRATIONS_PER_HOUR", "1000")]),
        )
        .await,
    );
    let id = session(&db, 10, 10, -1, 5).await;
    let started = std::time::Instant::now();
    let tasks: Vec<_> = (0..100)
        .map(|i| {
            let app = app.clone();
            tokio::spawn(async move {
                let key = format!("{:064x}", i + 1);
                let f = form(id, &key, &format!("居民{i}"), &phone(i));
                let client = format!("10.1.{}.{}", i / 200, i % 200);
                let mut headers = BROWSER_FORM.to_vec();
                headers.push(("X-Test-Client", client.as_str()));
                app.post("/api/consultations/register", &pairs(&f), &headers, None)
                    .await
            })
        })
        .collect();
    let mut receipts = Vec::new();
    for t in tasks {
        let r = t.await.unwrap();
        assert_eq!(r.status, 302, "{r:?}");
        let location = r.location.unwrap();
        assert!(location.starts_with("/track/BM-"), "{location}");
        receipts.push(location);
    }
    let secs = started.elapsed().as_secs_f64();
    println!(
        "registrations_per_second_{:?} {:.0} /s (100 parallel clients, 10 places)",
        db.backend,
        100.0 / secs
    );
    let confirmed = count(
        &db,
        "SELECT COUNT(*) FROM registrations WHERE status = 'confirmed'",
    )
    .await;
    println!("race_confirmed_{:?} {confirmed} of 10", db.backend);
    assert_eq!(confirmed, 10);
    assert_eq!(
        count(
            &db,
            "SELECT COUNT(*) FROM registrations WHERE status = 'waitlisted'"
        )
        .await,
        90
    );

    // The public page counts the same.
    let page = app.get(&format!("/consultations/{id}"), None).await;
    assert!(
        page.body.contains("共 10 个名额，已报名 10 人，候补 90 人"),
        "{}",
        page.body
    );
    assert!(page.body.contains("名额已满"));

    // A waitlisted resident sees their place in the queue.
    let first_waiting: String = sqlx::query_scalar(
        "SELECT code FROM registrations WHERE status = 'waitlisted' ORDER BY id LIMIT 1",
    )
    .fetch_one(&db.pool)
    .await
    .unwrap();
    let waiting_link = receipts
        .iter()
        .find(|l| l.contains(&first_waiting))
        .unwrap();
    let shown = app.get(waiting_link, None).await;
    assert!(shown.body.contains("候补中（第 1 位）"), "{}", shown.body);

    // A confirmed resident cancels through the private link: the first in line moves up.
    let confirmed_code: String = sqlx::query_scalar(
        "SELECT code FROM registrations WHERE status = 'confirmed' ORDER BY id DESC LIMIT 1",
    )
    .fetch_one(&db.pool)
    .await
    .unwrap();
    let link = receipts
        .iter()
        .find(|l| l.contains(&confirmed_code))
        .unwrap();
    let (code, key) = code_and_key(link);
    let r = app
        .post(
            "/api/registrations/cancel",
            &[("code", &code), ("k", &key)],
            BROWSER_FORM,
            None,
        )
        .await;
    assert_eq!(
        r.location.as_deref(),
        Some(format!("/track/{code}?k={key}&done=cancelled").as_str())
    );
    assert_eq!(status_of(&db, &code).await, "cancelled");
    assert_eq!(status_of(&db, &first_waiting).await, "confirmed");
    assert_eq!(
        count(
            &db,
            "SELECT COUNT(*) FROM registrations WHERE status = 'confirmed'"
        )
        .await,
        10
    );
    let told: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM messages m JOIN registrations r ON r.id = m.registration_id \
         WHERE m.kind = 'session_promoted' AND r.code = $1",
    )
    .bind(&first_waiting)
    .fetch_one(&db.pool)
    .await
    .unwrap();
    assert_eq!(told, 1);
    let after = app
        .get(&format!("/track/{code}?k={key}&done=cancelled"), None)
        .await;
    assert!(after.body.contains("已取消报名"));
    assert!(
        !after.body.contains("取消报名</button>"),
        "no second cancel button"
    );
    // Cancelling again changes nothing and promotes nobody else.
    app.post(
        "/api/registrations/cancel",
        &[("code", &code), ("k", &key)],
        BROWSER_FORM,
        None,
    )
    .await;
    assert_eq!(
        count(
            &db,
            "SELECT COUNT(*) FROM registrations WHERE status = 'confirmed'"
        )
        .await,
        10
    );
}
on_both!(race, capacity_is_exact_under_concurrency);

/// Outside the window the form comes back with the window shown and everything typed; one number
/// holds one place; the same form posted twice is one registration; problems are named field by
/// field.
async fn windows_duplicates_and_validation(db: Db) {
    let app = start(db.clone()).await;
    let later = session(&db, 5, 20, 3, 10).await;
    let closed = session(&db, 5, 2, -10, -1).await;
    let open = session(&db, 5, 10, -1, 5).await;
    let key = "a".repeat(64);

    for (id, words) in [(later, "报名尚未开始"), (closed, "报名已于")] {
        let r = app
            .post(
                "/api/consultations/register",
                &pairs(&form(id, &key, "王秀英", "13800138001")),
                BROWSER_FORM,
                None,
            )
            .await;
        let back = r.location.unwrap();
        assert!(
            back.starts_with(&format!("/consultations/{id}?draft=")),
            "{back}"
        );
        let page = app.get(&back, None).await;
        assert!(page.body.contains(words), "{words}: {}", page.body);
        assert!(page.body.contains("王秀英"), "the name typed is kept");
        assert!(
            page.body
                .contains("维修资金怎么用？&lt;b&gt;要公开&lt;/b&gt;"),
            "the questions are kept, escaped"
        );
    }
    assert_eq!(count(&db, "SELECT COUNT(*) FROM registrations").await, 0);

    // Every problem at once, each named.
    let mut bad = form(open, &key, "", "12345");
    bad[6].1 = "not-an-address".into();
    bad[7].1 = String::new();
    let r = app
        .post(
            "/api/consultations/register",
            &pairs(&bad),
            BROWSER_FORM,
            None,
        )
        .await;
    let page = app.get(&r.location.unwrap(), None).await;
    for message in [
        "请填写姓名",
        "手机号应为 11 位",
        "邮箱格式不对",
        "请阅读并勾选同意",
    ] {
        assert!(page.body.contains(message), "{message}: {}", page.body);
    }
    assert!(page.body.contains("12345"), "the number typed is kept");

    // The same form twice is one registration.
    let first = app
        .post(
            "/api/consultations/register",
            &pairs(&form(open, &key, "王秀英", "13800138001")),
            BROWSER_FORM,
            None,
        )
        .await;
    let again = app
        .post(
            "/api/consultations/register",
            &pairs(&form(open, &key, "王秀英", "13800138001")),
            BROWSER_FORM,
            None,
        )
        .await;
    assert_eq!(first.location, again.location);
    assert_eq!(count(&db, "SELECT COUNT(*) FROM registrations").await, 1);

    // The same form posted twice at the same moment (a double tap without JavaScript): both
    // answers are the one receipt.
    let app = Arc::new(app);
    let twice: Vec<_> = (0..2)
        .map(|_| {
            let app = app.clone();
            tokio::spawn(async move {
                let f = form(open, &"e".repeat(64), "孙二", "13800138009");
                app.post(
                    "/api/consultations/register",
                    &pairs(&f),
                    BROWSER_FORM,
                    None,
                )
                .await
            })
        })
        .collect();
    let mut places = Vec::new();
    for t in twice {
        places.push(t.await.unwrap().location.unwrap());
    }
    assert_eq!(places[0], places[1]);
    assert!(places[0].starts_with("/track/BM-"), "{places:?}");
    sqlx::query("UPDATE registrations SET status = 'cancelled' WHERE phone = '13800138009'")
        .execute(&db.pool)
        .await
        .unwrap();

    // The same number on another form: refused, with the way to find the first registration.
    let other_key = "b".repeat(64);
    let dup = app
        .post(
            "/api/consultations/register",
            &pairs(&form(open, &other_key, "王秀英", "138-0013-8001")),
            BROWSER_FORM,
            None,
        )
        .await;
    let page = app.get(&dup.location.unwrap(), None).await;
    assert!(page.body.contains("已经报名了本场活动"), "{}", page.body);
    assert_eq!(
        count(
            &db,
            "SELECT COUNT(*) FROM registrations WHERE phone = '13800138001'"
        )
        .await,
        1
    );

    // After cancelling, the number may register again.
    let (code, k) = code_and_key(first.location.as_deref().unwrap());
    app.post(
        "/api/registrations/cancel",
        &[("code", &code), ("k", &k)],
        BROWSER_FORM,
        None,
    )
    .await;
    let re = app
        .post(
            "/api/consultations/register",
            &pairs(&form(open, &other_key, "王秀英", "13800138001")),
            BROWSER_FORM,
            None,
        )
        .await;
    assert!(re.location.unwrap().starts_with("/track/BM-"));
    assert_eq!(
        count(
            &db,
            "SELECT COUNT(*) FROM registrations WHERE status = 'confirmed'"
        )
        .await,
        1
    );

    // A draft session is not there for the public.
    let hidden = session(&db, 5, 10, -1, 5).await;
    sqlx::query("UPDATE consultations SET status = 'draft' WHERE id = $1")
        .bind(hidden)
        .execute(&db.pool)
        .await
        .unwrap();
    assert_eq!(
        app.get(&format!("/consultations/{hidden}"), None)
            .await
            .status,
        404
    );
    let r = app
        .post(
            "/api/consultations/register",
            &pairs(&form(hidden, &"c".repeat(64), "李四", "13800138002")),
            BROWSER_FORM,
            None,
        )
        .await;
    assert!(
        !r.location.unwrap_or_default().starts_with("/track/"),
        "no receipt for a draft session"
    );
    assert_eq!(
        count(
            &db,
            &format!("SELECT COUNT(*) FROM registrations WHERE consultation_id = {hidden}")
        )
        .await,
        0
    );
}
on_both!(windows, windows_duplicates_and_validation);

/// The private link opens the registration; a wrong secret or code does not; the lookup by code
/// and number leads to it; cancelling needs the secret.
async fn private_links(db: Db) {
    let app = start(db.clone()).await;
    let id = session(&db, 5, 10, -1, 5).await;
    let r = app
        .post(
            "/api/consultations/register",
            &pairs(&form(id, &"d".repeat(64), "赵六", "13800138006")),
            BROWSER_FORM,
            None,
        )
        .await;
    let receipt = r.location.unwrap();
    assert!(receipt.ends_with("&new=1"));
    let (code, key) = code_and_key(&receipt);
    let page = app.get(&receipt, None).await;
    assert_eq!(page.status, 200);
    for text in [
        "报名已提交",
        "报名成功",
        &code,
        "赵六",
        "物业管理条例立法座谈会",
        "取消报名",
    ] {
        assert!(page.body.contains(text), "{text}");
    }
    for path in [
        format!("/track/{code}"),
        format!("/track/{code}?k={}", "x".repeat(key.len())),
        format!("/track/BM-2026-22222?k={key}"),
    ] {
        let r = app.get(&path, None).await;
        assert_eq!(r.status, 404, "{path}");
        assert!(!r.body.contains("赵六"), "{path}");
    }
    assert_eq!(
        app.get(&format!("/track/{}?k={key}", code.to_lowercase()), None)
            .await
            .status,
        200
    );

    let found = app
        .post(
            "/api/track/find",
            &[("code", &code.to_lowercase()), ("phone", "138 0013 8006")],
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
    assert!(missed.location.unwrap().starts_with("/track?draft="));

    let r = app
        .post(
            "/api/registrations/cancel",
            &[("code", &code), ("k", "wrong")],
            BROWSER_FORM,
            None,
        )
        .await;
    assert!(!r.location.unwrap_or_default().contains("done=cancelled"));
    assert_eq!(status_of(&db, &code).await, "confirmed");

    // Once the session has begun, the place is no longer given up, and the page offers no button.
    sqlx::query("UPDATE consultations SET starts_at = $2 WHERE id = $1")
        .bind(id)
        .bind(db::now_ms() - 60_000)
        .execute(&db.pool)
        .await
        .unwrap();
    let r = app
        .post(
            "/api/registrations/cancel",
            &[("code", &code), ("k", &key)],
            BROWSER_FORM,
            None,
        )
        .await;
    assert_eq!(
        r.location.as_deref(),
        Some(format!("/track/{code}?k={key}").as_str())
    );
    assert_eq!(status_of(&db, &code).await, "confirmed");
    assert!(!app
        .get(&format!("/track/{code}?k={key}"), None)
        .await
        .body
        .contains("取消报名</button>"));
}
on_both!(links, private_links);

/// Staff create and edit a session, check people in by code, mark attendance, export the list
/// (numbers masked without the privilege), publish minutes and outcomes, enter a person's views as
/// an opinion, and cancel the session, which tells everyone registered. Another station's staff
/// cannot see it.
async fn staff_run_a_session(db: Db) {
    let app = start(db.clone()).await;
    let east = db::stations::insert(
        &db,
        "东湖联系点",
        "contact_point",
        "东湖街道",
        "东湖路 1 号",
    )
    .await
    .unwrap();
    let west = db::stations::insert(
        &db,
        "西城联系点",
        "contact_point",
        "西城街道",
        "西城路 1 号",
    )
    .await
    .unwrap();
    staff_account(&db, "east", Role::Staff, Some(east)).await;
    staff_account(&db, "west", Role::Staff, Some(west)).await;
    let east_s = app.sign_in("east", PASSWORD).await;
    let west_s = app.sign_in("west", PASSWORD).await;
    let sol = {
        let now = db::now_ms();
        let s = minyi::domain::solicitation::NewSolicitation {
            title: "物业管理条例草案征求意见".into(),
            stage: minyi::domain::solicitation::Stage::Planning,
            issuer: "测试区人大常委会".into(),
            explanation_md: String::new(),
            questions: vec!["您对物业管理有什么意见？".into()],
            opens_at: now - DAY_MS,
            closes_at: now + 30 * DAY_MS,
            status: minyi::domain::solicitation::Status::Open,
            outcome_md: String::new(),
            station_ids: vec![],
        };
        let by = admin(&db).await;
        db::solicitations::save(&db, None, None, &s, "", "", by)
            .await
            .unwrap()
    };

    // The editor names every problem and keeps what was typed.
    let today = minyi::domain::time::iso_date(db::now_ms());
    let day = minyi::domain::time::iso_date(db::now_ms() + 5 * DAY_MS);
    let sol_s = sol.to_string();
    let east_id = east.to_string();
    let mut editor = vec![
        ("id", ""),
        ("version", ""),
        ("kind", "forum"),
        ("title", "物业管理条例座谈会"),
        ("topic", "维修资金"),
        ("description", "## 议程\n\n1. 介绍"),
        ("station", east_id.as_str()),
        ("address", ""),
        ("online_url", "meeting"),
        ("date", day.as_str()),
        ("start_time", "14:30"),
        ("end_time", "14:00"),
        ("capacity", "0"),
        ("reg_opens_on", today.as_str()),
        ("reg_closes_on", day.as_str()),
        ("solicitation", sol_s.as_str()),
        ("status", "published"),
        ("cancel_reason", ""),
    ];
    let r = app
        .post(
            "/api/staff/consultations/save",
            &editor,
            BROWSER_FORM,
            Some(&east_s),
        )
        .await;
    let back = r.location.unwrap();
    assert!(
        back.starts_with("/staff/consultations/new?draft="),
        "{back}"
    );
    let page = app.get(&back, Some(&east_s)).await;
    for message in [
        "结束时间应晚于开始时间",
        "名额应为 1 到 10000 之间的整数",
        "网址",
        "物业管理条例座谈会",
    ] {
        assert!(page.body.contains(message), "{message}");
    }
    editor[7].1 = "东湖路 1 号二楼";
    editor[8].1 = "";
    editor[11].1 = "16:30";
    editor[12].1 = "2";
    let r = app
        .post(
            "/api/staff/consultations/save",
            &editor,
            BROWSER_FORM,
            Some(&east_s),
        )
        .await;
    let to = r.location.unwrap();
    assert!(to.ends_with("?done=saved"), "{to}");
    let id: i64 = to
        .trim_start_matches("/staff/consultations/")
        .split('?')
        .next()
        .unwrap()
        .parse()
        .unwrap();

    // Another station's staff see nothing of it.
    assert_eq!(
        app.get(&format!("/staff/consultations/{id}"), Some(&west_s))
            .await
            .status,
        404
    );
    assert_eq!(
        app.get(
            &format!("/staff/consultations/{id}/registrations.csv"),
            Some(&west_s)
        )
        .await
        .status,
        404
    );

    // Three residents register for two places.
    let mut codes = Vec::new();
    for (i, name) in ["钱一", "孙二", "周三"].iter().enumerate() {
        let r = app
            .post(
                "/api/consultations/register",
                &pairs(&form(
                    id,
                    &format!("{:064x}", 100 + i),
                    name,
                    &phone(500 + i),
                )),
                BROWSER_FORM,
                None,
            )
            .await;
        codes.push(code_and_key(&r.location.unwrap()).0);
    }
    let page = app
        .get(&format!("/staff/consultations/{id}"), Some(&east_s))
        .await;
    assert!(page.body.contains("139****0500"), "numbers are masked");
    assert!(!page.body.contains("13900000500"));
    assert!(page.body.contains("候补中"));

    // Check-in by code: a confirmed place, then a waitlisted one, then a code of no one.
    let r = app
        .post(
            "/api/staff/consultations/check-in",
            &[
                ("consultation_id", &id.to_string()),
                ("code", &codes[0].to_lowercase()),
            ],
            BROWSER_FORM,
            Some(&east_s),
        )
        .await;
    let to = r.location.unwrap();
    assert!(to.contains(&format!("checked={}", codes[0])), "{to}");
    assert!(app
        .get(&to, Some(&east_s))
        .await
        .body
        .contains(&format!("钱一（{}）已签到", codes[0])));
    assert_eq!(status_of(&db, &codes[0]).await, "attended");
    let r = app
        .post(
            "/api/staff/consultations/check-in",
            &[("consultation_id", &id.to_string()), ("code", &codes[2])],
            BROWSER_FORM,
            Some(&east_s),
        )
        .await;
    let page = app.get(&r.location.unwrap(), Some(&east_s)).await;
    assert!(page.body.contains("候补中"), "{}", page.body);
    assert!(page.body.contains("不能签到"));
    let r = app
        .post(
            "/api/staff/consultations/check-in",
            &[
                ("consultation_id", &id.to_string()),
                ("code", "BM-2026-22222"),
            ],
            BROWSER_FORM,
            Some(&east_s),
        )
        .await;
    assert!(app
        .get(&r.location.unwrap(), Some(&east_s))
        .await
        .body
        .contains("本场活动没有报名码所填的报名"));

    // Attendance for the second person.
    let reg2: i64 = sqlx::query_scalar("SELECT id FROM registrations WHERE code = $1")
        .bind(&codes[1])
        .fetch_one(&db.pool)
        .await
        .unwrap();
    app.post(
        "/api/staff/consultations/attendance",
        &[
            ("consultation_id", &id.to_string()),
            ("registration_id", &reg2.to_string()),
            ("attended", "0"),
        ],
        BROWSER_FORM,
        Some(&east_s),
    )
    .await;
    assert_eq!(status_of(&db, &codes[1]).await, "absent");

    // The export: names, masked numbers, statuses; audited.
    let csv = app
        .get(
            &format!("/staff/consultations/{id}/registrations.csv"),
            Some(&east_s),
        )
        .await;
    assert_eq!(csv.status, 200);
    assert!(csv.body.starts_with('\u{feff}'));
    for text in ["钱一", "已签到", "未到场", "候补中", "139****0501"] {
        assert!(csv.body.contains(text), "{text}: {}", csv.body);
    }
    assert!(!csv.body.contains("13900000501"));
    let xlsx = app
        .get(
            &format!("/staff/consultations/{id}/registrations.xlsx"),
            Some(&east_s),
        )
        .await;
    assert_eq!(xlsx.status, 200);
    assert_eq!(
        count(
            &db,
            "SELECT COUNT(*) FROM audit_log WHERE action = 'consultation.export'"
        )
        .await,
        2
    );
    assert_eq!(
        app.get(
            &format!("/staff/consultations/{id}/registrations.csv"),
            None
        )
        .await
        .status,
        303
    );

    // Minutes and outcomes are published on the session's page.
    app.post(
        "/api/staff/consultations/record",
        &[
            ("consultation_id", &id.to_string()),
            ("minutes", "## 发言\n\n- 钱一：维修资金要公开"),
            ("outcomes", "1. 建议已报送市人大"),
        ],
        BROWSER_FORM,
        Some(&east_s),
    )
    .await;
    let public = app.get(&format!("/consultations/{id}"), None).await;
    assert!(public.body.contains("<h2>发言</h2>"), "{}", public.body);
    assert!(public.body.contains("建议已报送市人大"));

    // The first person's views become an opinion on the linked solicitation, in one step.
    let reg1: i64 = sqlx::query_scalar("SELECT id FROM registrations WHERE code = $1")
        .bind(&codes[0])
        .fetch_one(&db.pool)
        .await
        .unwrap();
    let page = app
        .get(
            &format!("/staff/solicitations/{sol}/opinions/new?registration={reg1}"),
            Some(&east_s),
        )
        .await;
    // Without the personal-data privilege the form names the registration, not the person.
    assert!(page.body.contains(&format!("录入报名 {}", codes[0])));
    assert!(page.body.contains("维修资金怎么用？"));
    assert!(!page.body.contains("13900000500"));
    // Another station's staff cannot open a registration of this session.
    staff_account(&db, "west_clerk", Role::Staff, Some(west)).await;
    let west_clerk = app.sign_in("west_clerk", PASSWORD).await;
    let other = app
        .get(
            &format!("/staff/solicitations/{sol}/opinions/new?registration={reg1}"),
            Some(&west_clerk),
        )
        .await;
    assert!(!other.body.contains(&codes[0]));
    let offline = [
        ("solicitation_id", sol_s.as_str()),
        ("channel", "meeting"),
        ("received_on", day.as_str()),
        ("target", ""),
        ("content", "维修资金怎么用？要公开"),
        ("suggestion", ""),
        ("reason", ""),
        ("name", ""),
        ("phone", ""),
        ("street", ""),
        ("community", ""),
        ("identity", "resident"),
        ("registration", &reg1.to_string()),
    ];
    let offline: Vec<(&str, &str)> = offline.to_vec();
    // A date in the future is refused; the session's day is today for this check.
    let mut offline_today = offline.clone();
    offline_today[2].1 = today.as_str();
    let r = app
        .post(
            "/api/staff/opinions/offline",
            &offline_today,
            BROWSER_FORM,
            Some(&east_s),
        )
        .await;
    assert!(
        r.location.as_deref().unwrap_or("").contains("done=entered"),
        "{r:?}"
    );
    let (channel, opinion_of_reg): (String, Option<i64>) = sqlx::query_as(
        "SELECT o.channel, r.opinion_id FROM registrations r LEFT JOIN opinions o ON o.id = r.opinion_id WHERE r.id = $1",
    )
    .bind(reg1)
    .fetch_one(&db.pool)
    .await
    .unwrap();
    assert_eq!(channel, "meeting");
    let (name, number): (String, String) =
        sqlx::query_as("SELECT name, phone FROM opinions WHERE id = $1")
            .bind(opinion_of_reg.unwrap())
            .fetch_one(&db.pool)
            .await
            .unwrap();
    assert_eq!(
        (name.as_str(), number.as_str()),
        ("钱一", "13900000500"),
        "taken from the registration"
    );
    // The same person's views a second time: refused, nothing stored.
    let before = count(&db, "SELECT COUNT(*) FROM opinions").await;
    let r = app
        .post(
            "/api/staff/opinions/offline",
            &offline_today,
            BROWSER_FORM,
            Some(&east_s),
        )
        .await;
    let page = app.get(&r.location.unwrap(), Some(&east_s)).await;
    assert!(page.body.contains("已经录入过了"), "{}", page.body);
    assert_eq!(count(&db, "SELECT COUNT(*) FROM opinions").await, before);
    assert!(app
        .get(&format!("/staff/consultations/{id}"), Some(&east_s))
        .await
        .body
        .contains("已录入意见"));

    // Moving the session tells the one person still waiting.
    let c = db::consultations::get(&db, id).await.unwrap().unwrap();
    let version = c.updated_at.to_string();
    let id_s = id.to_string();
    let mut moved = editor.clone();
    moved[0].1 = id_s.as_str();
    moved[1].1 = version.as_str();
    moved[10].1 = "15:00";
    let r = app
        .post(
            "/api/staff/consultations/save",
            &moved,
            BROWSER_FORM,
            Some(&east_s),
        )
        .await;
    assert!(r.location.unwrap().ends_with("?done=saved"));
    let changed: Vec<String> =
        sqlx::query_scalar("SELECT code FROM messages WHERE kind = 'session_changed'")
            .fetch_all(&db.pool)
            .await
            .unwrap();
    assert_eq!(changed, [codes[2].clone()]);

    // Cancelling the session tells the people still registered.
    let c = db::consultations::get(&db, id).await.unwrap().unwrap();
    let version = c.updated_at.to_string();
    let mut cancel = moved.clone();
    cancel[1].1 = version.as_str();
    cancel[16].1 = "cancelled";
    cancel[17].1 = "场地维修";
    let r = app
        .post(
            "/api/staff/consultations/save",
            &cancel,
            BROWSER_FORM,
            Some(&east_s),
        )
        .await;
    assert!(r.location.unwrap().ends_with("?done=saved"));
    let told: Vec<(String, String)> = sqlx::query_as(
        "SELECT code, body FROM messages WHERE kind = 'session_cancelled' ORDER BY code",
    )
    .fetch_all(&db.pool)
    .await
    .unwrap();
    assert_eq!(
        told.len(),
        1,
        "only confirmed and waitlisted places are told: {told:?}"
    );
    assert_eq!(told[0].0, codes[2]);
    assert!(told[0].1.contains("场地维修"));
    assert!(app
        .get(&format!("/consultations/{id}"), None)
        .await
        .body
        .contains("本场活动已取消"));
    // A stale editor (the old version) is refused with its content kept.
    let r = app
        .post(
            "/api/staff/consultations/save",
            &cancel,
            BROWSER_FORM,
            Some(&east_s),
        )
        .await;
    let page = app.get(&r.location.unwrap(), Some(&east_s)).await;
    assert!(page.body.contains("刚被其他人修改过"));
}
on_both!(staff, staff_run_a_session);

/// The feed and a session's file parse as iCalendar, with the session's title, time and place;
/// drafts are left out and a cancelled session says so.
async fn calendars_parse(db: Db) {
    use icalendar::{Calendar, Component, EventLike};
    let app = start(db.clone()).await;
    let a = session(&db, 5, 3, -1, 2).await;
    let b = session(&db, 5, 6, -1, 2).await;
    sqlx::query("UPDATE consultations SET status = 'cancelled', title = '取消的会' WHERE id = $1")
        .bind(b)
        .execute(&db.pool)
        .await
        .unwrap();
    let hidden = session(&db, 5, 4, -1, 2).await;
    sqlx::query("UPDATE consultations SET status = 'draft', title = '草稿会' WHERE id = $1")
        .bind(hidden)
        .execute(&db.pool)
        .await
        .unwrap();

    let feed = app.get("/consultations.ics", None).await;
    assert_eq!(feed.status, 200);
    assert!(feed.body.starts_with("BEGIN:VCALENDAR\r\n"));
    let cal: Calendar = feed.body.parse().expect("the feed parses");
    let events: Vec<_> = cal.events().collect();
    assert_eq!(events.len(), 2);
    assert!(!feed.body.contains("草稿会"));
    let first = events
        .iter()
        .find(|e| e.get_summary().unwrap().contains("物业管理条例立法座谈会"))
        .unwrap();
    assert_eq!(first.get_location(), Some("东湖路 88 号二楼"));
    let starts: i64 = sqlx::query_scalar("SELECT starts_at FROM consultations WHERE id = $1")
        .bind(a)
        .fetch_one(&db.pool)
        .await
        .unwrap();
    match first.get_start() {
        Some(icalendar::DatePerhapsTime::DateTime(icalendar::CalendarDateTime::Utc(t))) => {
            assert_eq!(t.timestamp(), starts / 1000)
        }
        other => panic!("start should be a UTC time: {other:?}"),
    }
    let cancelled = events
        .iter()
        .find(|e| e.get_summary().unwrap().contains("取消的会"))
        .unwrap();
    assert_eq!(
        cancelled.get_status(),
        Some(icalendar::EventStatus::Cancelled)
    );

    let one = app
        .get(&format!("/consultations/{a}/calendar.ics"), None)
        .await;
    assert_eq!(one.status, 200);
    let cal: Calendar = one.body.parse().expect("the file parses");
    assert_eq!(cal.events().count(), 1);
    assert_eq!(
        app.get(&format!("/consultations/{hidden}/calendar.ics"), None)
            .await
            .status,
        404
    );
}
on_both!(calendar, calendars_parse);

/// The day before a session, every confirmed place gets one reminder in the outbox, kept for
/// staff when no mail server is set; running the job again adds none.
async fn reminders_the_day_before(db: Db) {
    let app = start(db.clone()).await;
    let soon = session_at(&db, 1, db::now_ms() + 12 * 3_600_000, -1, 0, None).await;
    let later = session(&db, 5, 5, -1, 2).await;
    // Registered directly: the window of the first session has just closed.
    for (id, n) in [(soon, 1), (soon, 2), (later, 3)] {
        sqlx::query("UPDATE consultations SET reg_closes_at = $2 WHERE id = $1")
            .bind(id)
            .bind(db::now_ms() + DAY_MS)
            .execute(&db.pool)
            .await
            .unwrap();
        let r = NewRegistration {
            name: format!("居民{n}"),
            phone: phone(900 + n),
            organisation: String::new(),
            questions: String::new(),
            email: if n == 1 {
                "resident@example.cn".into()
            } else {
                String::new()
            },
        };
        db::consultations::register(
            &db,
            id,
            &r,
            &RegSource {
                submit_key: None,
                limit: None,
            },
        )
        .await
        .unwrap();
    }
    let now = db::now_ms();
    assert_eq!(
        db::consultations::queue_reminders(&db, now).await.unwrap(),
        1,
        "one confirmed place; the waitlisted one is not reminded"
    );
    assert_eq!(
        db::consultations::queue_reminders(&db, now).await.unwrap(),
        0
    );
    let delivered = minyi::server::notify::deliver_due(&db, None, "https://minyi.example.cn", now)
        .await
        .unwrap();
    assert_eq!(delivered.kept, 1);
    let (status, body, link): (String, String, String) =
        sqlx::query_as("SELECT status, body, link FROM messages WHERE kind = 'session_reminder'")
            .fetch_one(&db.pool)
            .await
            .unwrap();
    assert_eq!(status, "kept");
    assert!(body.contains("物业管理条例立法座谈会"));
    assert!(link.starts_with("/track/BM-"));
    // Staff see it among the messages to deliver by hand.
    staff_account(&db, "clerk", Role::Staff, None).await;
    let s = app.sign_in("clerk", PASSWORD).await;
    let page = app.get("/staff/notifications", Some(&s)).await;
    assert!(page.body.contains("活动提醒"), "{}", page.body);
    assert!(
        page.body.contains("居**"),
        "names are masked without the privilege"
    );
}
on_both!(reminders, reminders_the_day_before);
