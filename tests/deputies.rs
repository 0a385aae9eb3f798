//! Deputies and appointments (码上约代表) on SQLite and PostgreSQL, over HTTP: the QR code reads
//! back as the booking page's address, a slot never takes more bookings than its places under
//! concurrency, duplicates and vanished slots are refused with everything typed kept, another
//! time can be asked for, staff confirm, decline with a referral, record the outcome and publish
//! a summary, and the day before, a reminder is queued.

mod common;

use common::{config_with, staff_account, start, start_with, BROWSER_FORM, PASSWORD};
use minyi::domain::account::Role;
use minyi::domain::deputy::{Level, NewDeputy, NewSlot};
use minyi::domain::time::DAY_MS;
use minyi::server::db::{self, Db};
use std::sync::Arc;

async fn count(db: &Db, sql: &str) -> i64 {
    sqlx::query_scalar(sql).fetch_one(&db.pool).await.unwrap()
}

async fn deputy(db: &Db, station: Option<i64>) -> i64 {
    let by = staff_account(
        db,
        &format!("maker{}", db::now_ms() % 100_000),
        Role::Admin,
        None,
    )
    .await;
    db::deputies::save(
        db,
        None,
        0,
        &NewDeputy {
            name: "王建华".into(),
            level: Level::District,
            constituency: "东湖街道第三选区".into(),
            station_id: station,
            intro: "社区党委书记。".into(),
            reception_days: "每月第一个星期三上午".into(),
            published: true,
        },
        by,
    )
    .await
    .unwrap()
}

async fn slot(db: &Db, deputy: i64, in_hours: i64, capacity: i64) -> i64 {
    let starts_at = db::now_ms() + in_hours * 3_600_000;
    db::deputies::add_slot(
        db,
        deputy,
        &NewSlot {
            starts_at,
            ends_at: starts_at + 2 * 3_600_000,
            capacity,
            station_id: None,
        },
        1,
    )
    .await
    .unwrap()
}

fn form(
    deputy: i64,
    key: &str,
    slot: &str,
    name: &str,
    phone: &str,
) -> Vec<(&'static str, String)> {
    vec![
        ("deputy_id", deputy.to_string()),
        ("submit_key", key.to_string()),
        ("slot", slot.to_string()),
        ("preferred_time", String::new()),
        ("name", name.to_string()),
        ("phone", phone.to_string()),
        (
            "matter",
            "小区门口路口没有红绿灯，孩子上学很危险。".to_string(),
        ),
        ("email", String::new()),
        ("consent", "1".to_string()),
    ]
}

fn pairs<'a>(f: &'a [(&'static str, String)]) -> Vec<(&'static str, &'a str)> {
    f.iter().map(|(k, v)| (*k, v.as_str())).collect()
}

fn code_and_key(location: &str) -> (String, String) {
    let rest = location.strip_prefix("/track/").expect(location);
    let (code, query) = rest.split_once('?').unwrap();
    let key = query.split('&').find_map(|p| p.strip_prefix("k=")).unwrap();
    (code.to_string(), key.to_string())
}

/// Draws the dark squares of the server's SVG (`M{x} {y}h{w}v{h}H{x}V{y}` …) and reads the code.
fn read_qr(svg: &str) -> String {
    let size: usize = svg
        .split("width=\"")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .and_then(|s| s.parse().ok())
        .expect("the SVG has a width");
    let d = svg
        .split(" d=\"")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap();
    let mut dark = vec![false; size * size];
    for part in d.split('M').filter(|p| !p.is_empty()) {
        let nums: Vec<usize> = part
            .split(|c: char| !c.is_ascii_digit())
            .filter(|s| !s.is_empty())
            .map(|s| s.parse().unwrap())
            .collect();
        let (x, y, w, h) = (nums[0], nums[1], nums[2], nums[3]);
        for yy in y..y + h {
            for xx in x..x + w {
                dark[yy * size + xx] = true;
            }
        }
    }
    let mut img = rqrr::PreparedImage::prepare_from_greyscale(size, size, |x, y| {
        if dark[y * size + x] {
            0
        } else {
            255
        }
    });
    let grids = img.detect_grids();
    assert_eq!(grids.len(), 1, "one QR code in the SVG");
    grids[0].decode().expect("the QR code decodes").1
}

/// The QR code leads to the booking page; the directory and profile show the deputy; a hidden
/// deputy has no page and no code.
async fn qr_and_profile(db: Db) {
    let app = start_with(
        db.clone(),
        config_with(&[("MINYI_SITE_URL", "https://minyi.example.cn")]),
    )
    .await;
    let id = deputy(&db, None).await;
    slot(&db, id, 48, 3).await;
    let svg = app.get(&format!("/deputies/{id}/qr.svg"), None).await;
    assert_eq!(svg.status, 200);
    assert_eq!(
        read_qr(&svg.body),
        format!("https://minyi.example.cn/deputies/{id}/book")
    );
    let list = app.get("/deputies", None).await;
    assert!(list.body.contains("王建华"));
    assert!(list.body.contains("区人大代表"));
    let page = app.get(&format!("/deputies/{id}"), None).await;
    for text in [
        "东湖街道第三选区",
        "每月第一个星期三上午",
        "还可约 3 人",
        &format!("/deputies/{id}/qr.svg"),
    ] {
        assert!(page.body.contains(text), "{text}");
    }
    let poster = app.get(&format!("/deputies/{id}/poster"), None).await;
    assert!(poster
        .body
        .contains(&format!("https://minyi.example.cn/deputies/{id}/book")));
    sqlx::query("UPDATE deputies SET published = 0 WHERE id = $1")
        .bind(id)
        .execute(&db.pool)
        .await
        .unwrap();
    assert_eq!(app.get(&format!("/deputies/{id}"), None).await.status, 404);
    assert_eq!(
        app.get(&format!("/deputies/{id}/qr.svg"), None)
            .await
            .status,
        404
    );
    assert!(!app.get("/deputies", None).await.body.contains("王建华"));
}
on_both!(qr, qr_and_profile);

/// 40 residents book a slot of 3 places at once: exactly 3 bookings; the rest are told the slot
/// is full, with what they typed kept.
async fn slot_capacity_is_exact(db: Db) {
    let app = Arc::new(
        start_with(
            db.clone(),
            config_with(&[("MINYI_REGISTRATIONS_PER_HOUR", "1000")]),
        )
        .await,
    );
    let id = deputy(&db, None).await;
    let s = slot(&db, id, 48, 3).await;
    let tasks: Vec<_> = (0..40)
        .map(|i| {
            // Forty people, each in a browser of their own.
            let app = app.other_browser();
            tokio::spawn(async move {
                let f = form(
                    id,
                    &format!("{:064x}", i + 1),
                    &s.to_string(),
                    &format!("居民{i}"),
                    &format!("137{:08}", i),
                );
                let client = format!("10.2.0.{i}");
                let mut headers = BROWSER_FORM.to_vec();
                headers.push(("X-Test-Client", client.as_str()));
                let r = app
                    .post("/api/deputies/book", &pairs(&f), &headers, None)
                    .await;
                (app, r)
            })
        })
        .collect();
    let mut booked = 0;
    let mut full = Vec::new();
    for t in tasks {
        let (browser, r) = t.await.unwrap();
        let to = r.location.expect("every post is answered with a redirect");
        if to.starts_with("/track/YY-") {
            booked += 1;
        } else {
            full.push((browser, to));
        }
    }
    println!("slot_booked_{:?} {booked} of 3", db.backend);
    assert_eq!(booked, 3);
    assert_eq!(count(&db, "SELECT COUNT(*) FROM appointments").await, 3);
    let (browser, to) = &full[0];
    let page = browser.get(to, None).await;
    assert!(page.body.contains("刚刚约满"), "{}", page.body);
    assert!(
        page.body.contains("小区门口路口没有红绿灯"),
        "the matter is kept"
    );
}
on_both!(capacity, slot_capacity_is_exact);

/// A resident books from the QR link, follows the booking by its private link and by code and
/// number, cannot book the same slot twice, can ask for another time, and can withdraw.
async fn resident_books_and_follows(db: Db) {
    let app = start(db.clone()).await;
    let id = deputy(&db, None).await;
    let s = slot(&db, id, 48, 2).await;
    let page = app.get(&format!("/deputies/{id}/book"), None).await;
    assert!(page.body.contains("预约 王建华 代表"));
    assert!(page.body.contains("还可约 2 人"));

    // Problems are named and what was typed is kept.
    let mut bad = form(id, &"a".repeat(64), "", "", "12");
    bad[6].1 = "短".into();
    bad[8].1 = String::new();
    let r = app
        .post("/api/deputies/book", &pairs(&bad), BROWSER_FORM, None)
        .await;
    let back = app.get(&r.location.unwrap(), None).await;
    for text in [
        "请填写接待时段",
        "请填写姓名",
        "手机号应为 11 位",
        "想反映的事项至少 5 个字",
        "请阅读并勾选同意",
    ] {
        assert!(back.body.contains(text), "{text}: {}", back.body);
    }

    let r = app
        .post(
            "/api/deputies/book",
            &pairs(&form(
                id,
                &"b".repeat(64),
                &s.to_string(),
                "孙立新",
                "13800138012",
            )),
            BROWSER_FORM,
            None,
        )
        .await;
    let receipt = r.location.unwrap();
    let (code, key) = code_and_key(&receipt);
    assert!(code.starts_with("YY-"));
    let shown = app.get(&receipt, None).await;
    for text in [
        "预约已提交",
        "待确认",
        "王建华",
        "孩子上学很危险",
        "取消预约",
    ] {
        assert!(shown.body.contains(text), "{text}");
    }
    assert_eq!(
        app.get(&format!("/track/{code}?k=wrong"), None)
            .await
            .status,
        404
    );
    let found = app
        .post(
            "/api/track/find",
            &[("code", &code.to_lowercase()), ("phone", "13800138012")],
            BROWSER_FORM,
            None,
        )
        .await;
    assert_eq!(
        found.location.as_deref(),
        Some(format!("/track/{code}?k={key}").as_str())
    );

    // The same number in the same slot again: refused.
    let again = app
        .post(
            "/api/deputies/book",
            &pairs(&form(
                id,
                &"c".repeat(64),
                &s.to_string(),
                "孙立新",
                "13800138012",
            )),
            BROWSER_FORM,
            None,
        )
        .await;
    let back = app.get(&again.location.unwrap(), None).await;
    assert!(back.body.contains("已经预约了这个时段"));

    // Another time, when no slot fits.
    let mut other = form(id, &"d".repeat(64), "other", "周明", "13800138013");
    let r = app
        .post("/api/deputies/book", &pairs(&other), BROWSER_FORM, None)
        .await;
    assert!(app
        .get(&r.location.unwrap(), None)
        .await
        .body
        .contains("请填写方便的时间"));
    other[3].1 = "工作日晚上".into();
    let r = app
        .post("/api/deputies/book", &pairs(&other), BROWSER_FORM, None)
        .await;
    let other_receipt = r.location.unwrap();
    assert!(app
        .get(&other_receipt, None)
        .await
        .body
        .contains("希望另约时间：工作日晚上"));

    // A slot that was cancelled cannot be booked.
    let gone = slot(&db, id, 72, 2).await;
    db::deputies::cancel_slot(&db, id, gone, 1).await.unwrap();
    let r = app
        .post(
            "/api/deputies/book",
            &pairs(&form(
                id,
                &"e".repeat(64),
                &gone.to_string(),
                "钱一",
                "13800138015",
            )),
            BROWSER_FORM,
            None,
        )
        .await;
    assert!(app
        .get(&r.location.unwrap(), None)
        .await
        .body
        .contains("已取消或已过去"));

    // Withdrawing frees the place.
    let r = app
        .post(
            "/api/appointments/cancel",
            &[("code", &code), ("k", &key)],
            BROWSER_FORM,
            None,
        )
        .await;
    assert_eq!(
        r.location.as_deref(),
        Some(format!("/track/{code}?k={key}&done=cancelled").as_str())
    );
    let after = app.get(r.location.as_deref().unwrap(), None).await;
    assert!(after.body.contains("已取消预约"));
    assert!(app
        .get(&format!("/deputies/{id}"), None)
        .await
        .body
        .contains("还可约 2 人"));
}
on_both!(booking, resident_books_and_follows);

/// Staff confirm one booking and decline a petition matter (the resident reads where to turn),
/// record the outcome with a published summary, and a reminder is queued the day before. Staff
/// of another station see none of it.
async fn staff_handle_appointments(db: Db) {
    let app = start(db.clone()).await;
    let east = db::stations::insert(&db, "东湖联系点", "contact_point", "东湖街道", "")
        .await
        .unwrap();
    let west = db::stations::insert(&db, "西城联系点", "contact_point", "西城街道", "")
        .await
        .unwrap();
    staff_account(&db, "east", Role::Staff, Some(east)).await;
    staff_account(&db, "west", Role::Staff, Some(west)).await;
    let east_s = app.sign_in("east", PASSWORD).await;
    let west_s = app.sign_in("west", PASSWORD).await;

    // The deputy editor names its problems.
    let r = app
        .post(
            "/api/staff/deputies/save",
            &[
                ("id", ""),
                ("version", ""),
                ("name", ""),
                ("level", "mayor"),
                ("constituency", ""),
                ("station", &east.to_string()),
                ("intro", ""),
                ("reception_days", ""),
                ("published", "1"),
            ],
            BROWSER_FORM,
            Some(&east_s),
        )
        .await;
    let page = app.get(&r.location.unwrap(), Some(&east_s)).await;
    assert!(page.body.contains("请填写姓名"));
    assert!(page.body.contains("请从列表中选择代表层级"));
    let r = app
        .post(
            "/api/staff/deputies/save",
            &[
                ("id", ""),
                ("version", ""),
                ("name", "王建华"),
                ("level", "district"),
                ("constituency", "东湖街道"),
                ("station", &east.to_string()),
                ("intro", "社区党委书记"),
                ("reception_days", "每月第一个星期三"),
                ("published", "1"),
            ],
            BROWSER_FORM,
            Some(&east_s),
        )
        .await;
    let to = r.location.unwrap();
    let id: i64 = to
        .trim_start_matches("/staff/deputies/")
        .split('?')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    assert_eq!(
        app.get(&format!("/staff/deputies/{id}"), Some(&west_s))
            .await
            .status,
        404
    );

    // A slot in the past is refused; one tomorrow morning is added.
    let yesterday = minyi::domain::time::iso_date(db::now_ms() - DAY_MS);
    let r = app
        .post(
            "/api/staff/deputies/add-slot",
            &[
                ("deputy_id", &id.to_string()),
                ("date", &yesterday),
                ("start_time", "09:00"),
                ("end_time", "11:00"),
                ("capacity", "2"),
                ("station", ""),
            ],
            BROWSER_FORM,
            Some(&east_s),
        )
        .await;
    assert!(app
        .get(&r.location.unwrap(), Some(&east_s))
        .await
        .body
        .contains("已经过去"));
    let s = slot(&db, id, 20, 2).await;

    let mut codes = Vec::new();
    for (i, (name, matter)) in [
        ("孙立新", "孩子上学路口没有红绿灯，很危险。"),
        ("吴强", "拆迁补偿款一直没有到位，要求代表帮我找开发商。"),
    ]
    .iter()
    .enumerate()
    {
        let mut f = form(
            id,
            &format!("{:064x}", 900 + i),
            &s.to_string(),
            name,
            &format!("1380013802{i}"),
        );
        f[6].1 = matter.to_string();
        let r = app
            .post("/api/deputies/book", &pairs(&f), BROWSER_FORM, None)
            .await;
        codes.push(code_and_key(&r.location.unwrap()));
    }
    let list = app.get("/staff/appointments", Some(&east_s)).await;
    assert!(list.body.contains(&codes[0].0));
    assert!(list.body.contains("138****8020"), "numbers are masked");
    assert!(!app
        .get("/staff/appointments", Some(&west_s))
        .await
        .body
        .contains(&codes[0].0));
    let appt = |code: String| {
        let db = db.clone();
        async move {
            sqlx::query_scalar::<_, i64>("SELECT id FROM appointments WHERE code = $1")
                .bind(code)
                .fetch_one(&db.pool)
                .await
                .unwrap()
        }
    };
    let first = appt(codes[0].0.clone()).await;
    let second = appt(codes[1].0.clone()).await;
    assert_eq!(
        app.get(&format!("/staff/appointments/{first}"), Some(&west_s))
            .await
            .status,
        404
    );

    // Confirm the first.
    app.post(
        "/api/staff/appointments/decide",
        &[
            ("appointment_id", &first.to_string()),
            ("decision", "confirm"),
            ("reason", ""),
            ("message", "请到东湖联系点一楼接待室。"),
        ],
        BROWSER_FORM,
        Some(&east_s),
    )
    .await;
    let shown = app
        .get(&format!("/track/{}?k={}", codes[0].0, codes[0].1), None)
        .await;
    assert!(shown.body.contains("已确认"));
    assert!(shown.body.contains("请到东湖联系点一楼接待室。"));
    // Declining without a message or reason is refused; a petition gets the referral text.
    let r = app
        .post(
            "/api/staff/appointments/decide",
            &[
                ("appointment_id", &second.to_string()),
                ("decision", "decline"),
                ("reason", "unavailable"),
                ("message", ""),
            ],
            BROWSER_FORM,
            Some(&east_s),
        )
        .await;
    assert!(app
        .get(&r.location.unwrap(), Some(&east_s))
        .await
        .body
        .contains("请填写工作人员回复"));
    app.post(
        "/api/staff/appointments/decide",
        &[
            ("appointment_id", &second.to_string()),
            ("decision", "decline"),
            ("reason", "petition"),
            ("message", ""),
        ],
        BROWSER_FORM,
        Some(&east_s),
    )
    .await;
    let shown = app
        .get(&format!("/track/{}?k={}", codes[1].0, codes[1].1), None)
        .await;
    assert!(shown.body.contains("未能安排"));
    assert!(shown.body.contains("信访渠道"), "{}", shown.body);

    // The day before: one reminder for the confirmed booking only.
    assert_eq!(
        db::deputies::queue_reminders(&db, db::now_ms())
            .await
            .unwrap(),
        1
    );
    assert_eq!(
        db::deputies::queue_reminders(&db, db::now_ms())
            .await
            .unwrap(),
        0
    );

    // After the meeting: the outcome for the resident, the summary on the deputy's page.
    let r = app
        .post(
            "/api/staff/appointments/outcome",
            &[
                ("appointment_id", &first.to_string()),
                ("handling", "referred"),
                ("outcome", ""),
                ("public_summary", ""),
                ("publish", "1"),
            ],
            BROWSER_FORM,
            Some(&east_s),
        )
        .await;
    let page = app.get(&r.location.unwrap(), Some(&east_s)).await;
    assert!(page.body.contains("请填写办理结果"));
    assert!(page.body.contains("请填写公开摘要"));
    app.post(
        "/api/staff/appointments/outcome",
        &[
            ("appointment_id", &first.to_string()),
            ("handling", "referred"),
            ("outcome", "已转交区交警支队，两周内答复。"),
            (
                "public_summary",
                "居民反映学校路口缺少信号灯，已转交交警部门。",
            ),
            ("publish", "1"),
        ],
        BROWSER_FORM,
        Some(&east_s),
    )
    .await;
    let shown = app
        .get(&format!("/track/{}?k={}", codes[0].0, codes[0].1), None)
        .await;
    assert!(shown.body.contains("已见面并办理"));
    assert!(shown.body.contains("已转交区交警支队"));
    let public = app.get(&format!("/deputies/{id}"), None).await;
    assert!(public.body.contains("居民反映学校路口缺少信号灯"));
    assert!(!public.body.contains("孙立新"), "the summary is anonymous");
    // Editing the public summary later tells the resident nothing new.
    app.post(
        "/api/staff/appointments/outcome",
        &[
            ("appointment_id", &first.to_string()),
            ("handling", "referred"),
            ("outcome", "已转交区交警支队，两周内答复。"),
            (
                "public_summary",
                "居民反映学校路口缺少信号灯，已转交区交警支队。",
            ),
            ("publish", "1"),
        ],
        BROWSER_FORM,
        Some(&east_s),
    )
    .await;
    let kinds: Vec<String> = sqlx::query_scalar("SELECT kind FROM messages ORDER BY id")
        .fetch_all(&db.pool)
        .await
        .unwrap();
    assert_eq!(
        kinds,
        [
            "appointment_confirmed",
            "appointment_declined",
            "appointment_reminder",
            "appointment_outcome"
        ]
    );
    assert_eq!(
        count(
            &db,
            "SELECT COUNT(*) FROM audit_log WHERE action LIKE 'appointment.%'"
        )
        .await,
        4,
        "confirmed, declined, and the outcome recorded twice"
    );
}
on_both!(staff, staff_handle_appointments);
