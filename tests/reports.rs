//! Reports upward, on SQLite and PostgreSQL: a report holds the accepted opinions grouped by
//! article in text order, with counts of opinions and of people and their sources; its .docx,
//! .xlsx and CSV files open and say the same, with names and numbers only for staff holding the
//! personal-data privilege; recording it as sent makes its opinions reported, which residents
//! read; station staff can neither compile nor download.

mod common;

use common::{staff_account as account, start, APP_CALL, BROWSER_FORM, PASSWORD as PW};
use minyi::domain::account::Role;
use minyi::domain::moderation::{Action, Selected};
use minyi::domain::opinion::{Identity, NewOpinion, OpinionStatus};
use minyi::domain::solicitation::{NewSolicitation, Stage, Status, Target};
use minyi::domain::statute;
use minyi::domain::time::DAY_MS;
use minyi::server::db::{self, accounts::Flag, moderation::Scope, opinions::Source, Db};

const DRAFT: &str = "测试条例（草案）\n\
第一条　为了测试，制定本条例。\n\
第二条　本条例适用于本区。\n\
第三条　街道应当做好下列工作：\n（一）设置助餐点；\n（二）组织上门探访。\n";

struct Fixture {
    sol: i64,
    clerk: i64,
    station: i64,
    /// (id, code, access key) of each opinion, in the order submitted.
    opinions: Vec<(i64, String, String)>,
}

/// A solicitation with a three-article draft and seven opinions: four accepted on 第三条 from
/// three people, one accepted on 第一条, one accepted on the whole text, one still pending and
/// one rejected, and a copy of the first merged into it.
async fn fixture(db: &Db) -> Fixture {
    let station = db::stations::insert(db, "东湖联系点", "contact_point", "东湖街道", "")
        .await
        .unwrap();
    let clerk = account(db, "district", Role::Staff, None).await;
    let now = db::now_ms();
    let s = NewSolicitation {
        title: "测试条例草案征求意见".into(),
        stage: Stage::Drafting,
        issuer: "区人大常委会".into(),
        explanation_md: "说明".into(),
        questions: vec![],
        opens_at: now - DAY_MS,
        closes_at: now + 10 * DAY_MS,
        status: Status::Open,
        outcome_md: String::new(),
        station_ids: vec![station],
    };
    let sol = db::solicitations::save(db, None, None, &s, "<p>说明</p>", "", clerk)
        .await
        .unwrap();
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
    let rows = [
        (
            "art-3",
            "第三条",
            "助餐点应当覆盖每个社区。",
            "王秀兰",
            "13800138001",
            "东湖街道",
            Identity::Resident,
        ),
        (
            "art-3",
            "第三条",
            "上门探访每周至少一次。",
            "王秀兰",
            "13800138001",
            "东湖街道",
            Identity::Resident,
        ),
        (
            "art-3",
            "第三条",
            "探访要留下记录。",
            "李明",
            "13900139002",
            "西城街道",
            Identity::Lawyer,
        ),
        (
            "art-3",
            "第三条",
            "助餐点价格要公示。",
            "张华",
            "",
            "西城街道",
            Identity::Resident,
        ),
        (
            "art-1",
            "第一条",
            "立法目的应写明保障老年人权益。",
            "赵强",
            "13700137003",
            "东湖街道",
            Identity::Deputy,
        ),
        (
            "",
            "",
            "建议整部条例增加罚则。",
            "钱芳",
            "13600136004",
            "",
            Identity::Business,
        ),
        (
            "art-2",
            "第二条",
            "还在等待审核的意见。",
            "孙丽",
            "13500135005",
            "东湖街道",
            Identity::Resident,
        ),
        (
            "art-2",
            "第二条",
            "广告广告广告。",
            "周杰",
            "13400134006",
            "东湖街道",
            Identity::Other,
        ),
        (
            "art-3",
            "第三条",
            "助餐点应当覆盖每个社区！",
            "吴敏",
            "13300133007",
            "东湖街道",
            Identity::Resident,
        ),
    ];
    let mut opinions = Vec::new();
    for (target, label, content, name, phone, street, identity) in rows {
        let o = NewOpinion {
            target: Target {
                key: target.into(),
                label: label.into(),
            },
            content: content.into(),
            suggestion: String::new(),
            reason: String::new(),
            name: name.into(),
            phone: phone.into(),
            street: street.into(),
            community: String::new(),
            identity,
            publish_ok: false,
            privacy_version: "2026-11".into(),
            email: String::new(),
        };
        let r = db::opinions::submit(
            db,
            sol,
            None,
            &o,
            &Source::Online {
                submit_key: None,
                bucket: "t".into(),
                per_hour: 1000,
            },
        )
        .await
        .unwrap();
        opinions.push((r.id, r.code, r.access_key));
    }
    let pending = |i: usize| Selected {
        id: opinions[i].0,
        seen: OpinionStatus::Pending,
    };
    db::moderation::apply(
        db,
        clerk,
        Scope::ALL,
        &(0..6).map(pending).collect::<Vec<_>>(),
        &Action::Accept {
            note: String::new(),
        },
    )
    .await
    .unwrap();
    db::moderation::apply(
        db,
        clerk,
        Scope::ALL,
        &[pending(7)],
        &Action::Reject {
            reason: minyi::domain::moderation::RejectReason::Spam,
            note: String::new(),
        },
    )
    .await
    .unwrap();
    db::moderation::apply(
        db,
        clerk,
        Scope::ALL,
        &[pending(8)],
        &Action::Merge {
            into: opinions[0].1.clone(),
            note: String::new(),
        },
    )
    .await
    .unwrap();
    Fixture {
        sol,
        clerk,
        station,
        opinions,
    }
}

async fn a_report_groups_counts_exports_and_is_sent(db: Db) {
    let f = fixture(&db).await;
    let id = db::reports::create(&db, f.sol, "测试汇总表", f.clerk)
        .await
        .unwrap();
    let r = db::reports::get(&db, id, true).await.unwrap().unwrap();
    let rows: Vec<(&str, i64, i64)> = r
        .items
        .iter()
        .map(|i| (i.target.as_str(), i.opinions, i.people))
        .collect();
    assert_eq!(
        rows,
        vec![("", 1, 1), ("art-1", 1, 1), ("art-3", 4, 3)],
        "the whole text first, then the articles in text order; the pending and rejected are out"
    );
    let third = &r.items[2];
    assert!(third
        .article_text
        .starts_with("第三条　街道应当做好下列工作："));
    assert!(third.article_text.contains("（二）组织上门探访。"));
    assert_eq!(
        third.streets,
        vec![("东湖街道".to_string(), 2), ("西城街道".to_string(), 2)]
    );
    assert_eq!(
        third.identities,
        vec![(Identity::Resident, 3), (Identity::Lawyer, 1)]
    );
    assert_eq!(r.annex.len(), 6);
    // Nothing is left to compile a second report from.
    assert!(matches!(
        db::reports::create(&db, f.sol, "再来一份", f.clerk).await,
        Err(db::reports::ReportError::NothingToReport)
    ));

    let app = start(db.clone()).await;
    account(&db, "admin1", Role::Admin, None).await;
    let plain = account(&db, "plain", Role::Staff, None).await;
    account(&db, "stationer", Role::Staff, Some(f.station)).await;
    let admin = app.sign_in("admin1", PW).await;
    let staff = app.sign_in("plain", PW).await;
    let stationer = app.sign_in("stationer", PW).await;

    // Summaries and handling suggestions, row by row; a too-long one is named and kept.
    let long = "很".repeat(3001);
    let id_s = id.to_string();
    let mut form: Vec<(&str, &str)> = vec![("id", &id_s)];
    for (target, summary, handling) in [
        ("", "建议增加罚则。", "建议吸收。"),
        ("art-1", long.as_str(), ""),
        (
            "art-3",
            "群众希望助餐点覆盖每个社区，探访有记录。",
            "建议在第三条增加一款。",
        ),
    ] {
        form.push(("targets[]", target));
        form.push(("summaries[]", summary));
        form.push(("handlings[]", handling));
    }
    let r = app
        .post("/api/staff/reports/save", &form, BROWSER_FORM, Some(&staff))
        .await;
    let page = app.get(&r.location.unwrap(), Some(&staff)).await;
    assert!(
        page.body.contains("第一条的意见摘要最多 3000 个字"),
        "the summary at the top names the row"
    );
    assert!(page
        .body
        .contains("意见摘要最多 3000 个字，现在是 3001 个字"));
    assert!(
        page.body.contains("建议在第三条增加一款。"),
        "typed text is kept"
    );
    form[5].1 = "立法目的部分意见一条。";
    let r = app
        .post("/api/staff/reports/save", &form, BROWSER_FORM, Some(&staff))
        .await;
    assert_eq!(
        r.location.as_deref(),
        Some(format!("/staff/reports/{id}?done=saved").as_str())
    );

    // The files: with the privilege (an admin) names and numbers are in the annex; without, not.
    let with = export(&app, id, "docx", &admin).await;
    let without = export(&app, id, "docx", &staff).await;
    let doc = docx_rs::read_docx(&with)
        .expect("a .docx Word opens")
        .json();
    assert!(doc.contains("测试汇总表"));
    assert!(doc.contains("群众希望助餐点覆盖每个社区，探访有记录。"));
    assert!(doc.contains("第三条　街道应当做好下列工作："));
    assert!(doc.contains("13800138001") && doc.contains("王秀兰"));
    let doc = docx_rs::read_docx(&without).unwrap().json();
    assert!(doc.contains("建议在第三条增加一款。"));
    assert!(!doc.contains("13800138001") && !doc.contains("王秀兰"));

    for (session, personal) in [(&admin, true), (&staff, false)] {
        let bytes = export(&app, id, "xlsx", session).await;
        use calamine::{open_workbook_from_rs, Data, Reader, Xlsx};
        let mut book: Xlsx<_> = open_workbook_from_rs(std::io::Cursor::new(bytes)).unwrap();
        assert_eq!(book.sheet_names(), vec!["意见汇总表", "意见明细"]);
        let table = book.worksheet_range("意见汇总表").unwrap();
        let cell = |r: u32, c: u32| table.get_value((r, c)).cloned().unwrap_or(Data::Empty);
        assert_eq!(cell(0, 0), Data::String("测试汇总表".into()));
        assert_eq!(cell(3, 0), Data::String("条文".into()));
        assert_eq!(cell(4, 0), Data::String("总体意见".into()));
        assert_eq!(cell(6, 0), Data::String("第三条".into()));
        assert_eq!(cell(6, 3), Data::Float(4.0), "opinions are a number");
        assert_eq!(cell(6, 4), Data::Float(3.0), "three people");
        assert_eq!(cell(6, 6), Data::String("建议在第三条增加一款。".into()));
        let annex = book.worksheet_range("意见明细").unwrap();
        let all: String = annex.cells().map(|(_, _, v)| v.to_string()).collect();
        assert!(all.contains("助餐点价格要公示。"));
        assert_eq!(all.contains("13800138001"), personal);
        assert_eq!(annex.height(), 4 + 6);
    }

    let csv = export(&app, id, "csv", &staff).await;
    assert!(
        csv.starts_with(&[0xEF, 0xBB, 0xBF]),
        "UTF-8 with a byte-order mark"
    );
    let text = String::from_utf8(csv[3..].to_vec()).unwrap();
    let mut lines = text.lines();
    assert_eq!(
        lines.next(),
        Some("条文,条文内容,意见摘要,意见数,人数,意见来源,处理意见")
    );
    assert!(text.contains("网上提交 4"), "{text}");
    let annex =
        String::from_utf8(export(&app, id, "annex.csv", &admin).await[3..].to_vec()).unwrap();
    assert_eq!(annex.lines().count(), 1 + 6);
    assert!(annex.contains("13800138001"));
    let audited: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'report.export'")
            .fetch_one(&db.pool)
            .await
            .unwrap();
    assert_eq!(audited, 6, "one entry per download");

    // Station staff neither download nor open reports; a stranger is sent to sign in.
    let r = app
        .get(
            &format!("/staff/reports/{id}/export/docx"),
            Some(&stationer),
        )
        .await;
    assert_eq!(r.status, 403);
    let r = app
        .post(
            "/api/staff/reports/get",
            &[("id", &id_s)],
            APP_CALL,
            Some(&stationer),
        )
        .await;
    assert_eq!(r.status, 403);
    let r = app
        .get(&format!("/staff/reports/{id}/export/docx"), None)
        .await;
    assert_eq!(r.status, 303);

    // Granting the privilege shows names in the plain staff member's export.
    db::accounts::set_flag(&db, plain, Flag::PersonalData, true, f.clerk)
        .await
        .unwrap();
    let doc = docx_rs::read_docx(&export(&app, id, "docx", &staff).await)
        .unwrap()
        .json();
    assert!(doc.contains("13800138001"));

    // Sending: a date to come is refused; then the opinions are reported and residents read it.
    let r = app
        .post(
            "/api/staff/reports/send",
            &[
                ("id", &id_s),
                ("recipient", "市人大常委会法工委"),
                ("sent_on", "2999-01-01"),
            ],
            BROWSER_FORM,
            Some(&staff),
        )
        .await;
    let page = app.get(&r.location.unwrap(), Some(&staff)).await;
    assert!(page.body.contains("报送日期不能晚于今天。"));
    let today = minyi::domain::time::iso_date(db::now_ms());
    let r = app
        .post(
            "/api/staff/reports/send",
            &[
                ("id", &id_s),
                ("recipient", "市人大常委会法工委"),
                ("sent_on", &today),
            ],
            BROWSER_FORM,
            Some(&staff),
        )
        .await;
    assert_eq!(
        r.location.as_deref(),
        Some(format!("/staff/reports/{id}?done=sent").as_str())
    );
    let statuses: Vec<String> = sqlx::query_scalar("SELECT status FROM opinions ORDER BY id")
        .fetch_all(&db.pool)
        .await
        .unwrap();
    assert_eq!(
        statuses,
        vec![
            "reported", "reported", "reported", "reported", "reported", "reported", "pending",
            "rejected", "merged"
        ]
    );
    let (_, code, key) = &f.opinions[0];
    let track = app.get(&format!("/track/{code}?k={key}"), None).await;
    assert!(track.body.contains("已汇总上报"));
    assert!(track
        .body
        .contains("您的意见已汇总报送市人大常委会法工委。"));
    // A sent report no longer changes.
    assert!(matches!(
        db::reports::save_items(&db, id, &[("".into(), "改".into(), "".into())], f.clerk).await,
        Err(db::reports::ReportError::AlreadySent)
    ));
    assert!(matches!(
        db::reports::mark_sent(&db, id, "别处", &today, "", f.clerk).await,
        Err(db::reports::ReportError::AlreadySent)
    ));

    // Adoption feedback for every opinion on 第三条 at once: the reason is required.
    let feedback = |action: &'static str, note: &'static str| {
        vec![
            ("id", id_s.clone()),
            ("target", "art-3".to_string()),
            ("action", action.to_string()),
            ("note", note.to_string()),
        ]
    };
    let post = |form: Vec<(&'static str, String)>| {
        let app = &app;
        let staff = staff.clone();
        async move {
            let pairs: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
            app.post(
                "/api/staff/reports/feedback",
                &pairs,
                BROWSER_FORM,
                Some(&staff),
            )
            .await
        }
    };
    let r = post(feedback("partially_adopted", "")).await;
    let page = app.get(&r.location.unwrap(), Some(&staff)).await;
    assert!(
        page.body.contains("请填写说明（居民可见）。"),
        "the row says what is missing"
    );
    let reason = "关于助餐点覆盖的意见已吸收进修改稿第三条第二款；探访频次交由街道确定。";
    let r = post(feedback("partially_adopted", reason)).await;
    let page = app.get(&r.location.unwrap(), Some(&staff)).await;
    assert!(
        page.body.contains("已将 4 条意见设为“部分采纳”。"),
        "{}",
        page.body
    );
    assert!(page.body.contains("本条意见都已记录采纳情况。"));
    // One opinion on its own, from its page.
    let whole = f.opinions[5].0;
    let sel = format!("{whole}:reported");
    let back = format!("/staff/opinions/{whole}");
    let r = app
        .post(
            "/api/staff/moderation/apply",
            &[
                ("selected[]", sel.as_str()),
                ("action", "not_adopted"),
                ("note", "罚则已由上位法规定。"),
                ("return_to", back.as_str()),
            ],
            BROWSER_FORM,
            Some(&staff),
        )
        .await;
    let page = app.get(&r.location.unwrap(), Some(&staff)).await;
    assert!(page.body.contains("已将 1 条意见设为“未采纳”。"));
    // Residents read the result and its reason; so does the author of a merged copy.
    let (_, code, key) = &f.opinions[1];
    let track = app.get(&format!("/track/{code}?k={key}"), None).await;
    assert!(track.body.contains("部分采纳") && track.body.contains(reason));
    let (_, code, key) = &f.opinions[5];
    let track = app.get(&format!("/track/{code}?k={key}"), None).await;
    assert!(track.body.contains("未采纳") && track.body.contains("罚则已由上位法规定。"));
    let (_, code, key) = &f.opinions[8];
    let track = app.get(&format!("/track/{code}?k={key}"), None).await;
    assert!(
        track.body.contains("所并入意见的处理结果"),
        "{}",
        track.body
    );
    assert!(track.body.contains(reason));

    // The public statistics add up: every opinion in one status, every channel and street.
    let st = db::stats::compute(&db, Some(f.sol)).await.unwrap();
    assert_eq!(st.received, 9);
    assert_eq!(st.by_status.iter().map(|x| x.1).sum::<i64>(), st.received);
    let pending = st
        .by_status
        .iter()
        .find(|x| x.0 == OpinionStatus::Pending)
        .unwrap()
        .1;
    assert_eq!(pending + st.accepted + st.rejected + st.merged, st.received);
    assert_eq!((pending, st.accepted, st.rejected, st.merged), (1, 6, 1, 1));
    assert_eq!(
        (st.reported, st.partially_adopted, st.not_adopted),
        (6, 4, 1)
    );
    assert_eq!(st.adoption_rate, Some(80.0));
    assert!(st.median_days_to_feedback.unwrap() < 1.0);
    assert_eq!(st.by_channel.iter().map(|x| x.1.received).sum::<i64>(), 9);
    assert_eq!(st.by_street.iter().map(|x| x.1.received).sum::<i64>(), 9);
    assert_eq!(
        db::stats::compute(&db, None).await.unwrap(),
        st,
        "one solicitation: the same"
    );
    // The tallies the statistics read agree with the opinions themselves, status by status,
    // before the deltas are folded and after; folding twice changes nothing.
    let direct: Vec<(String, i64)> =
        sqlx::query_as("SELECT status, COUNT(*) FROM opinions GROUP BY status ORDER BY status")
            .fetch_all(&db.pool)
            .await
            .unwrap();
    let tallied = || async {
        let rows: Vec<(String, i64)> = sqlx::query_as(&format!(
            "SELECT status, CAST(SUM(n) AS BIGINT) FROM {} t GROUP BY status \
             HAVING SUM(n) > 0 ORDER BY status",
            db::stats::OPINION_TALLIES
        ))
        .fetch_all(&db.pool)
        .await
        .unwrap();
        rows
    };
    assert_eq!(direct, tallied().await);
    assert!(db::stats::fold(&db).await.unwrap() > 0);
    assert_eq!(direct, tallied().await);
    assert_eq!(db::stats::fold(&db).await.unwrap(), 0);
    assert_eq!(direct, tallied().await);
    assert_eq!(db::stats::compute(&db, Some(f.sol)).await.unwrap(), st);
    let page = app.get("/stats", None).await;
    assert!(page.body.contains("80.0%"), "{}", page.body);
    assert!(page.body.contains("测试条例草案征求意见"));
    let page = app
        .get(&format!("/stats?solicitation={}", f.sol), None)
        .await;
    assert!(page.body.contains("未填写街镇"));
}
on_both!(report_cycle, a_report_groups_counts_exports_and_is_sent);

async fn export(app: &common::App, id: i64, format: &str, session: &str) -> Vec<u8> {
    let url = format!("{}/staff/reports/{id}/export/{format}", app.base);
    let cookie = format!("minyi_session={session}");
    tokio::task::spawn_blocking(move || {
        let r = ureq::get(&url)
            .set("Cookie", &cookie)
            .call()
            .expect("export answers 200");
        assert!(r
            .header("content-disposition")
            .unwrap()
            .starts_with("attachment;"));
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(&mut r.into_reader(), &mut bytes).unwrap();
        bytes
    })
    .await
    .unwrap()
}

async fn of_two_sends_one_wins(db: Db) {
    let f = fixture(&db).await;
    let id = db::reports::create(&db, f.sol, "并发", f.clerk)
        .await
        .unwrap();
    let (a, b) = (db.clone(), db.clone());
    let clerk = f.clerk;
    let one = tokio::spawn(async move {
        db::reports::mark_sent(&a, id, "甲", "2026-11-01", "", clerk).await
    });
    let two = tokio::spawn(async move {
        db::reports::mark_sent(&b, id, "乙", "2026-11-01", "", clerk).await
    });
    let results = [one.await.unwrap(), two.await.unwrap()];
    assert_eq!(
        results.iter().filter(|r| matches!(r, Ok(6))).count(),
        1,
        "{results:?}"
    );
    assert!(results
        .iter()
        .any(|r| matches!(r, Err(db::reports::ReportError::AlreadySent))));
    let events: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM opinion_events WHERE to_status = 'reported'")
            .fetch_one(&db.pool)
            .await
            .unwrap();
    assert_eq!(events, 6, "one event per opinion, not two");
}
on_both!(concurrent_send, of_two_sends_one_wins);

async fn the_audit_log_is_filterable_and_append_only(db: Db) {
    let f = fixture(&db).await;
    let app = start(db.clone()).await;
    account(&db, "auditor", Role::Admin, None).await;
    account(&db, "nosy", Role::Staff, None).await;
    let admin = app.sign_in("auditor", PW).await;
    let staff = app.sign_in("nosy", PW).await;
    let id = db::reports::create(&db, f.sol, "审计测试", f.clerk)
        .await
        .unwrap();

    let page = app.get("/staff/audit", Some(&admin)).await;
    assert!(page.body.contains("审核或反馈意见"), "moderation is logged");
    assert!(page.body.contains("生成意见汇总表"));
    assert!(page.body.contains("登录"), "sign-ins are logged");
    let page = app
        .get(
            &format!("/staff/audit?action=report.create&record=report&record_id={id}"),
            Some(&admin),
        )
        .await;
    assert!(page.body.contains(&format!("report #{id}")));
    assert!(!page.body.contains("审核或反馈意见</td>"));
    let page = app
        .get(&format!("/staff/audit?actor={}", f.clerk), Some(&admin))
        .await;
    assert!(page.body.contains("district（district）"));
    assert!(!page.body.contains("nosy（nosy）</td>"));
    // Staff who are not admins cannot read it.
    let r = app
        .post("/api/admin/audit", &[("query", "")], APP_CALL, Some(&staff))
        .await;
    assert_eq!(r.status, 403);

    // The database refuses to change or delete an entry.
    let changed = sqlx::query("UPDATE audit_log SET detail = 'rewritten'")
        .execute(&db.pool)
        .await;
    assert!(changed.is_err(), "entries cannot be changed");
    let deleted = sqlx::query("DELETE FROM audit_log").execute(&db.pool).await;
    assert!(deleted.is_err(), "entries cannot be deleted");
    let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM audit_log WHERE detail = 'rewritten'")
        .fetch_one(&db.pool)
        .await
        .unwrap();
    assert_eq!(n, 0);
}
on_both!(audit_log, the_audit_log_is_filterable_and_append_only);

/// A real SMTP server on loopback (tests/smtp_sink.py, aiosmtpd) writing what it receives to a
/// file, one JSON line per message; it stops when the handle is dropped.
struct SmtpSink {
    port: u16,
    out: std::path::PathBuf,
    child: std::process::Child,
}

impl SmtpSink {
    fn start() -> SmtpSink {
        use std::io::BufRead;
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let out = std::env::temp_dir().join(format!("minyi-smtp-{port}.jsonl"));
        let _ = std::fs::remove_file(&out);
        let mut child = std::process::Command::new("python3")
            .arg(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/smtp_sink.py"))
            .arg(port.to_string())
            .arg(&out)
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .spawn()
            .expect("python3 runs tests/smtp_sink.py (pip install aiosmtpd; .ci/setup test does)");
        let mut ready = String::new();
        std::io::BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut ready)
            .unwrap();
        assert_eq!(
            ready.trim(),
            "ready",
            "the SMTP sink started (is aiosmtpd installed?)"
        );
        SmtpSink { port, out, child }
    }

    fn messages(&self) -> Vec<serde_json::Value> {
        std::fs::read_to_string(&self.out)
            .unwrap_or_default()
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect()
    }
}

impl Drop for SmtpSink {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_file(&self.out);
    }
}

/// Records adoption feedback on opinion `id` (reported).
async fn answer(db: &Db, clerk: i64, id: i64, outcome: OpinionStatus, note: &str) {
    db::moderation::apply(
        db,
        clerk,
        Scope::ALL,
        &[Selected {
            id,
            seen: OpinionStatus::Reported,
        }],
        &Action::Feedback {
            outcome,
            note: note.into(),
        },
    )
    .await
    .unwrap();
}

async fn residents_hear_once_per_group_of_changes(db: Db) {
    use minyi::server::db::notifications::GROUP_MS;
    use minyi::server::notify::{deliver_due, Delivered, Mailer};
    let sink = SmtpSink::start();
    let config = common::config_with(&[
        ("MINYI_SMTP_URL", &format!("smtp://127.0.0.1:{}", sink.port)),
        ("MINYI_MAIL_FROM", "民意直通车 <noreply@minyi.test>"),
        ("MINYI_SITE_URL", "https://minyi.test"),
    ]);
    let mailer = Mailer::from_config(&config).unwrap().unwrap();
    let f = fixture(&db).await;
    // The first opinion's author left an address.
    sqlx::query("UPDATE opinions SET email = 'wang@example.com' WHERE id = $1")
        .bind(f.opinions[0].0)
        .execute(&db.pool)
        .await
        .unwrap();
    let now = db::now_ms();
    // Accepted, then reported minutes later: one message each, telling the latest state.
    let id = db::reports::create(&db, f.sol, "通知测试", f.clerk)
        .await
        .unwrap();
    db::reports::mark_sent(
        &db,
        id,
        "市人大常委会法工委",
        "2026-11-01",
        "您的意见已汇总报送市人大常委会法工委。",
        f.clerk,
    )
    .await
    .unwrap();
    let waiting: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM notifications WHERE status = 'pending'")
            .fetch_one(&db.pool)
            .await
            .unwrap();
    assert_eq!(
        waiting, 6,
        "one per accepted-then-reported opinion; the rejected spam gets none"
    );
    let early = deliver_due(&db, Some(&mailer), &config.site_url, now)
        .await
        .unwrap();
    assert_eq!(
        early,
        Delivered::default(),
        "nothing goes out before the grouping delay"
    );
    let later = now + GROUP_MS + 60_000;
    let d = deliver_due(&db, Some(&mailer), &config.site_url, later)
        .await
        .unwrap();
    assert_eq!((d.sent, d.kept, d.failed), (1, 5, 0));
    let mail = sink.messages();
    assert_eq!(mail.len(), 1, "{mail:?}");
    let (_, code, key) = &f.opinions[0];
    assert_eq!(mail[0]["to"][0], "wang@example.com");
    assert_eq!(mail[0]["subject"], format!("您的意见 {code} 有新进展"));
    let body = mail[0]["body"].as_str().unwrap();
    assert!(body.contains("已汇总上报"), "{body}");
    assert!(body.contains("您的意见已汇总报送市人大常委会法工委。"));
    assert!(body.contains(&format!("https://minyi.test/track/{code}?k={key}")));
    // Nothing is sent twice.
    let again = deliver_due(&db, Some(&mailer), &config.site_url, later + GROUP_MS)
        .await
        .unwrap();
    assert_eq!(again, Delivered::default());

    // The adoption result is one more message.
    answer(
        &db,
        f.clerk,
        f.opinions[0].0,
        OpinionStatus::Adopted,
        "已写入修改稿第三条。",
    )
    .await;
    let d = deliver_due(
        &db,
        Some(&mailer),
        &config.site_url,
        db::now_ms() + GROUP_MS + 1000,
    )
    .await
    .unwrap();
    assert_eq!(d.sent, 1);
    let mail = sink.messages();
    assert_eq!(mail.len(), 2);
    let body = mail[1]["body"].as_str().unwrap();
    assert!(
        body.contains("已采纳") && body.contains("已写入修改稿第三条。"),
        "{body}"
    );

    // Those without an address wait on the staff page, ready to print; numbers masked there for
    // staff without the personal-data privilege.
    let app = common::start_with(db.clone(), config.clone()).await;
    account(&db, "postman", Role::Staff, None).await;
    let staff = app.sign_in("postman", PW).await;
    let page = app.get("/staff/notifications", Some(&staff)).await;
    let (_, second, _) = &f.opinions[2];
    assert!(
        page.body.contains(&format!("您的意见 {second} 有新进展")),
        "{}",
        page.body
    );
    assert!(page.body.contains("待人工送达"));
    assert!(page.body.contains("139****9002") && !page.body.contains("13900139002"));

    // A server that refuses is tried again later, not lost.
    drop(sink);
    sqlx::query("UPDATE opinions SET email = 'li@example.com' WHERE id = $1")
        .bind(f.opinions[4].0)
        .execute(&db.pool)
        .await
        .unwrap();
    answer(
        &db,
        f.clerk,
        f.opinions[4].0,
        OpinionStatus::NotAdopted,
        "上位法已有规定。",
    )
    .await;
    let d = deliver_due(
        &db,
        Some(&mailer),
        &config.site_url,
        db::now_ms() + GROUP_MS + 1000,
    )
    .await
    .unwrap();
    assert_eq!(d.failed, 1);
    let (status, attempts): (String, i64) = sqlx::query_as(
        "SELECT status, attempts FROM notifications WHERE opinion_id = $1 ORDER BY id DESC LIMIT 1",
    )
    .bind(f.opinions[4].0)
    .fetch_one(&db.pool)
    .await
    .unwrap();
    assert_eq!(
        (status.as_str(), attempts),
        ("pending", 1),
        "kept to try again"
    );
}
on_both!(notifications, residents_hear_once_per_group_of_changes);
