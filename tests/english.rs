//! The English locale over real HTTP: with the language switch's cookie every public page, the
//! sign-in page, a resident's receipt and the answers to bad input are in English: not one
//! Chinese character is left in the page when the content itself is English (the switch back,
//! which names Chinese in Chinese, aside). The switch keeps the page, and what a page is cached
//! as in one language is never served in the other.

mod common;

use common::{config_with, staff_account, start_with};
use minyi::domain::account::Role;
use minyi::domain::consultation::{Kind as SessionKind, NewConsultation, Status as SessionStatus};
use minyi::domain::deputy::{Level, NewDeputy};
use minyi::domain::moderation::Action;
use minyi::domain::opinion::{Identity, NewOpinion};
use minyi::domain::solicitation::{NewSolicitation, Stage, Status, Target};
use minyi::domain::story::StoryInput;
use minyi::domain::time::DAY_MS;
use minyi::server::db::{self, Db};

fn config() -> minyi::server::config::Config {
    config_with(&[
        (
            "MINYI_ORG_NAME_EN",
            "Test District People's Congress Standing Committee",
        ),
        ("MINYI_STREETS", "Donghu Subdistrict,Xicheng Subdistrict"),
    ])
}

/// The Chinese characters (and full-width punctuation) of `html`, with where they are.
fn chinese(html: &str) -> Vec<String> {
    let html = html.replace(">中文</a>", "></a>");
    let chars: Vec<char> = html.chars().collect();
    let mut found = Vec::new();
    for (i, c) in chars.iter().enumerate() {
        let cjk = ('\u{4e00}'..='\u{9fff}').contains(c)
            || ('\u{3000}'..='\u{303f}').contains(c)
            || ('\u{ff00}'..='\u{ffef}').contains(c);
        if cjk {
            let around: String = chars[i.saturating_sub(60)..(i + 60).min(chars.len())]
                .iter()
                .collect();
            found.push(around);
            if found.len() > 5 {
                break;
            }
        }
    }
    found
}

async fn everything_reads_in_english(db: Db) {
    let app = start_with(db.clone(), config()).await;
    let clerk = staff_account(&db, "district", Role::Staff, None).await;
    let now = db::now_ms();
    let call = NewSolicitation {
        title: "Parking in old housing estates".into(),
        stage: Stage::Planning,
        issuer: "Standing Committee".into(),
        explanation_md: "Tell us where parking is hardest.".into(),
        questions: vec!["Where is parking hardest?".into()],
        opens_at: now - DAY_MS,
        closes_at: now + 10 * DAY_MS,
        status: Status::Open,
        outcome_md: String::new(),
        station_ids: Vec::new(),
    };
    let sol = db::solicitations::save(
        &db,
        None,
        None,
        &call,
        "<p>Tell us where parking is hardest.</p>",
        "",
        clerk,
    )
    .await
    .unwrap();
    let s = StoryInput {
        title: "New parking spaces".into(),
        summary: "Twenty spaces were added.".into(),
        body: "Twenty spaces were added.".into(),
        kind: "case".into(),
        slug: "parking".into(),
        published_on: "2026-11-28".into(),
    }
    .validate()
    .unwrap();
    let story = db::stories::save(
        &db,
        None,
        None,
        &s,
        "<p>Twenty spaces were added.</p>",
        clerk,
    )
    .await
    .unwrap();
    db::stories::set_published(&db, story, true, clerk)
        .await
        .unwrap();
    let d = NewDeputy {
        name: "Li Hongmei".into(),
        level: Level::District,
        constituency: "Donghu".into(),
        station_id: None,
        intro: "Works on care for the elderly.".into(),
        reception_days: String::new(),
        published: true,
    };
    let deputy = db::deputies::save(&db, None, 0, &d, clerk).await.unwrap();
    let c = NewConsultation {
        kind: SessionKind::Forum,
        title: "Forum on parking".into(),
        topic: "Parking".into(),
        description_md: "Come and talk.".into(),
        station_id: None,
        address: "Donghu community centre".into(),
        online_url: String::new(),
        starts_at: now + 3 * DAY_MS,
        ends_at: now + 3 * DAY_MS + 7_200_000,
        capacity: 30,
        reg_opens_at: now - DAY_MS,
        reg_closes_at: now + 2 * DAY_MS,
        solicitation_id: None,
        status: SessionStatus::Published,
    };
    let session = db::consultations::create(&db, &c, "<p>Come and talk.</p>", clerk)
        .await
        .unwrap();
    let o = NewOpinion {
        target: Target {
            key: "q-1".into(),
            label: "Where is parking hardest?".into(),
        },
        content: "Behind building three.".into(),
        suggestion: String::new(),
        reason: String::new(),
        name: "Wang".into(),
        phone: "13800138001".into(),
        street: "Donghu Subdistrict".into(),
        community: String::new(),
        identity: Identity::Resident,
        publish_ok: true,
        privacy_version: "2026-11".into(),
        email: String::new(),
    };
    let receipt = db::opinions::submit(&db, sol, None, &o, &common::fixtures::online())
        .await
        .unwrap();
    let accept = Action::Accept {
        note: String::new(),
    };
    common::fixtures::moderate(&db, clerk, receipt.id, accept).await;
    db::stats::fold(&db).await.unwrap();

    let en = [("cookie", "lang=en")];
    let pages = [
        "/".to_string(),
        "/stories".into(),
        "/stories/parking".into(),
        "/solicitations".into(),
        format!("/solicitations/{sol}"),
        format!("/solicitations/{sol}/opinions/new"),
        "/consultations".into(),
        format!("/consultations/{session}"),
        "/deputies".into(),
        format!("/deputies/{deputy}"),
        format!("/deputies/{deputy}/book"),
        "/track".into(),
        format!("/track/{}?k={}", receipt.code, receipt.access_key),
        "/stats".into(),
        "/privacy".into(),
        "/open-data".into(),
        "/search?q=parking".into(),
        "/search?q=zzzz".into(),
        "/staff/login".into(),
        "/no-such-page".into(),
    ];
    for path in &pages {
        let r = app.get_with(path, &en, None).await;
        assert!(
            r.status == 200 || path == "/no-such-page",
            "{path}: {}",
            r.status
        );
        assert!(r.body.contains("<html lang=\"en\""), "{path}: no lang=en");
        let left = chinese(&r.body);
        assert!(left.is_empty(), "{path} has Chinese left: {left:#?}");
        assert_eq!(
            r.header("content-language").as_deref(),
            Some("en"),
            "{path}"
        );
    }
    // Bad input is answered in English too, naming the field.
    let form = app
        .get_with(&format!("/solicitations/{sol}/opinions/new"), &en, None)
        .await;
    assert!(form.body.contains("Privacy notice"), "{}", form.body);
    let bad = app.get_with("/search?q=%EF%BC%8C", &en, None).await;
    assert_eq!(bad.status, 400);
    // What was typed is shown back as it was; nothing else is Chinese.
    let left = chinese(&bad.body.replace('，', ""));
    assert!(left.is_empty(), "{left:#?}");
    assert!(bad.body.contains("lang=\"en\""));

    // The same pages in Chinese, from the cache that served them in English a moment ago.
    for path in ["/", "/stories", "/open-data"] {
        let zh = app.get(path, None).await;
        assert!(zh.body.contains("<html lang=\"zh-CN\""), "{path}");
        assert!(
            !chinese(&zh.body).is_empty(),
            "{path} served in English to a Chinese reader"
        );
        let again = app.get_with(path, &en, None).await;
        assert!(chinese(&again.body).is_empty(), "{path}");
    }
    // A browser that asks for English gets it without the cookie.
    let asked = app
        .get_with("/stories", &[("accept-language", "en-US,en;q=0.9")], None)
        .await;
    assert!(asked.body.contains("<html lang=\"en\""));

    // The switch: remembered for a year, back to the same page, never to another site.
    let r = app.get("/lang/en?back=%2Fstories%3Fpage%3D1", None).await;
    assert_eq!(r.status, 303);
    assert_eq!(r.location.as_deref(), Some("/stories?page=1"));
    assert!(r
        .set_cookies
        .iter()
        .any(|c| c.starts_with("lang=en;") && c.contains("Max-Age=31536000")));
    let r = app
        .get("/lang/en?back=https%3A%2F%2Fevil.example", None)
        .await;
    assert_eq!(r.location.as_deref(), Some("/"));
    let r = app.get("/lang/fr?back=%2F", None).await;
    assert_eq!(r.status, 404);
    let page = app.get_with("/stories?page=1", &en, None).await;
    assert!(page
        .body
        .contains("href=\"/lang/zh-CN?back=%2Fstories%3Fpage%3D1\""));
    // A form brought back with what someone typed is not carried into the switch's link.
    let page = app
        .get_with("/staff/login?draft=i%3Aattacker&next=%2Fstaff", &en, None)
        .await;
    assert!(!page.body.contains("attacker"));
    assert!(page
        .body
        .contains("href=\"/lang/zh-CN?back=%2Fstaff%2Flogin%3Fnext%3D%252Fstaff\""));
}
on_both!(english, everything_reads_in_english);
