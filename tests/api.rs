//! The open API over real HTTP on SQLite and PostgreSQL: its OpenAPI document is valid OpenAPI
//! 3.1 (checked by openapi-spec-validator), every documented endpoint is called and its answer
//! checked against the document's schema, nothing unpublished, private or personal comes out
//! (each hidden thing looked for by its exact words), paging by cursor reaches every item once,
//! and ETag, CORS, bad parameters and the per-address limit behave as documented.

mod common;

use common::fixtures::{deputy, moderate, opinion, setup, story, submit_opinion, unpublished_call};
use common::{config_with, start, start_with};
use minyi::domain::consultation::{Kind as SessionKind, NewConsultation, Status as SessionStatus};
use minyi::domain::moderation::{Action, RejectReason};

use minyi::domain::time::DAY_MS;
use minyi::server::db::{self, Db};
use serde_json::Value;

fn accept() -> Action {
    Action::Accept {
        note: String::new(),
    }
}

async fn session(db: &Db, clerk: i64, title: &str, status: SessionStatus) -> i64 {
    let now = db::now_ms();
    let c = NewConsultation {
        kind: SessionKind::Forum,
        title: title.into(),
        topic: "社区养老".into(),
        description_md: format!("{title}的说明"),
        station_id: None,
        address: "东湖街道社区服务中心".into(),
        online_url: String::new(),
        starts_at: now + 3 * DAY_MS,
        ends_at: now + 3 * DAY_MS + 7_200_000,
        capacity: 30,
        reg_opens_at: now - DAY_MS,
        reg_closes_at: now + 2 * DAY_MS,
        solicitation_id: None,
        status,
    };
    db::consultations::create(db, &c, &format!("<p>{title}的说明</p>"), clerk)
        .await
        .unwrap()
}

/// The JSON of a GET, with its status.
async fn json(app: &common::App, path: &str) -> (u16, Value) {
    let r = app.get(path, None).await;
    let v = serde_json::from_str(&r.body)
        .unwrap_or_else(|e| panic!("{path}: not JSON ({e}): {}", r.body));
    (r.status, v)
}

/// Checks `value` against the schema the document gives for `path`'s `status` answer.
fn conforms(doc: &Value, template: &str, status: &str, value: &Value) {
    let schema = &doc["paths"][template]["get"]["responses"][status]["content"]["application/json"]
        ["schema"];
    assert!(!schema.is_null(), "{template} documents no {status} answer");
    let mut root = schema.clone();
    root["components"] = doc["components"].clone();
    let validator = jsonschema::draft202012::new(&root)
        .unwrap_or_else(|e| panic!("{template} {status}: bad schema: {e}"));
    let errors: Vec<String> = validator
        .iter_errors(value)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect();
    assert!(
        errors.is_empty(),
        "{template} {status} does not match its schema: {errors:?}\n{value}"
    );
}

/// The OpenAPI document passes the OpenAPI 3.1 validator of the `openapi-spec-validator`
/// package (which `make test`'s set-up installs).
fn valid_openapi(doc: &str) {
    let dir = std::env::temp_dir().join(format!("minyi-openapi-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join(format!("{:x}.json", rand_suffix()));
    std::fs::write(&file, doc).unwrap();
    let out = std::process::Command::new("python3")
        .args(["-m", "openapi_spec_validator"])
        .arg(&file)
        .output()
        .expect("python3");
    let _ = std::fs::remove_file(&file);
    assert!(
        out.status.success(),
        "the OpenAPI document is not valid: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

fn rand_suffix() -> u64 {
    use std::hash::{BuildHasher, Hasher};
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    h.write_u64(db::now_ms() as u64);
    h.finish()
}

async fn the_api_shows_what_is_public_as_documented(db: Db) {
    let app = start(db.clone()).await;
    let s = setup(&db, true).await;
    let shown_story = story(
        &db,
        s.clerk,
        "停车新办法",
        "增设二十个停车位。",
        "parking",
        true,
    )
    .await;
    let hidden_story = story(&db, s.clerk, "甲乙草稿", "甲乙只在草稿里。", "draft", false).await;
    let hidden_call = unpublished_call(&db, s.clerk).await;
    let shown_deputy = deputy(&db, "李红梅", "长期关注养老服务。", true).await;
    let hidden_deputy = deputy(&db, "午未代表", "没有公开的代表。", false).await;
    let shown_session = session(&db, s.clerk, "养老服务座谈会", SessionStatus::Published).await;
    let hidden_session = session(&db, s.clerk, "卯辰草稿活动", SessionStatus::Draft).await;

    let mut shown = opinion("建议在老旧小区增设停车位。", "东湖街道");
    shown.publish_ok = true;
    let (shown, _) = submit_opinion(&db, s.sol, &shown).await;
    moderate(&db, s.clerk, shown, accept()).await;
    let mut rejected = opinion("壬癸这条意见被退回了。", "东湖街道");
    rejected.publish_ok = true;
    let (rejected, _) = submit_opinion(&db, s.sol, &rejected).await;
    let reject = Action::Reject {
        reason: RejectReason::OffTopic,
        note: String::new(),
    };
    moderate(&db, s.clerk, rejected, reject).await;
    let private = opinion("子丑这条意见作者不同意公开。", "东湖街道");
    let (private, _) = submit_opinion(&db, s.sol, &private).await;
    moderate(&db, s.clerk, private, accept()).await;
    let mut pending = opinion("辰巳这条意见还没有审核。", "东湖街道");
    pending.publish_ok = true;
    submit_opinion(&db, s.sol, &pending).await;
    db::stats::fold(&db).await.unwrap();

    // The document is valid OpenAPI 3.1 and the one the server serves.
    let raw = app.get("/api/v1/openapi.json", None).await;
    assert_eq!(raw.status, 200);
    valid_openapi(&raw.body);
    let doc: Value = serde_json::from_str(&raw.body).unwrap();
    assert!(doc["openapi"].as_str().unwrap().starts_with("3.1"));

    // Every documented endpoint, with real ids, answers as its schema says.
    let version = db::solicitations::versions(&db, s.sol).await.unwrap()[0].id;
    let paths: Vec<String> = doc["paths"].as_object().unwrap().keys().cloned().collect();
    assert!(paths.len() >= 11, "{paths:?}");
    let mut everything = String::new();
    for template in &paths {
        let id = if template.starts_with("/api/v1/solicitations") {
            s.sol
        } else if template.starts_with("/api/v1/sessions") {
            shown_session
        } else if template.starts_with("/api/v1/deputies") {
            shown_deputy
        } else {
            shown_story
        };
        let path = template
            .replace("{id}", &id.to_string())
            .replace("{version}", &version.to_string());
        let (status, body) = json(&app, &path).await;
        assert_eq!(status, 200, "{path}: {body}");
        conforms(&doc, template, "200", &body);
        everything.push_str(&body.to_string());
    }
    // What is public is there.
    for word in [
        "停车新办法",
        "建议在老旧小区增设停车位。",
        "李红梅",
        "养老服务座谈会",
        "街道应当设置助餐点",
    ] {
        assert!(everything.contains(word), "{word} missing");
    }
    // Nothing unpublished, rejected, pending, private or personal, by its exact words.
    for word in [
        "甲乙",
        "戊己",
        "壬癸",
        "子丑",
        "辰巳",
        "午未",
        "卯辰",
        "王秀兰",
        "13800138001",
    ] {
        assert!(!everything.contains(word), "{word} came out of the API");
    }
    // Not even by id.
    for path in [
        format!("/api/v1/stories/{hidden_story}"),
        format!("/api/v1/solicitations/{hidden_call}"),
        format!("/api/v1/solicitations/{hidden_call}/opinions"),
        format!("/api/v1/deputies/{hidden_deputy}"),
        format!("/api/v1/sessions/{hidden_session}"),
        format!("/api/v1/solicitations/{}/versions/999999", s.sol),
    ] {
        let (status, body) = json(&app, &path).await;
        assert_eq!(status, 404, "{path}");
        assert_eq!(body["code"], "not_found");
    }
    let (_, opinions) = json(&app, &format!("/api/v1/solicitations/{}/opinions", s.sol)).await;
    let ids: Vec<i64> = opinions["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["id"].as_i64().unwrap())
        .collect();
    assert_eq!(ids, [shown]);
    assert!(!ids.contains(&private));

    // Per-article counts: the accepted opinion is on the whole text, so every article has none.
    let (_, v) = json(
        &app,
        &format!("/api/v1/solicitations/{}/versions/{version}", s.sol),
    )
    .await;
    let articles: Vec<&Value> = v["provisions"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|p| std::iter::once(p).chain(p["children"].as_array().unwrap().iter()))
        .filter(|p| p["kind"] == "article")
        .collect();
    assert!(!articles.is_empty());
    assert!(articles
        .iter()
        .all(|a| a["opinions"]["total"] == 0 && a["url"].as_str().unwrap().contains("#art-")));

    // Bad parameters: 400 with the parameter named, in Chinese by default, in English on request.
    let cases = [
        ("/api/v1/stories?limit=0", "limit"),
        ("/api/v1/stories?limit=abc", "limit"),
        ("/api/v1/stories?limit=101", "limit"),
        ("/api/v1/stories?after=xyz", "after"),
        ("/api/v1/stories?kind=nope", "kind"),
        ("/api/v1/stories?page=2", "page"),
        ("/api/v1/stories/abc", "id"),
        ("/api/v1/solicitations/-3", "id"),
        ("/api/v1/statistics?limit=5", "limit"),
    ];
    for (path, parameter) in cases {
        let (status, body) = json(&app, path).await;
        assert_eq!(status, 400, "{path}: {body}");
        assert_eq!(body["parameter"], parameter, "{path}: {body}");
        let message = body["message"].as_str().unwrap();
        assert!(message.contains(parameter), "{path}: {message}");
        assert!(
            message
                .chars()
                .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
            "{path}: {message}"
        );
        let template = if path.starts_with("/api/v1/stories/") {
            "/api/v1/stories/{id}"
        } else if path.starts_with("/api/v1/solicitations/") {
            "/api/v1/solicitations/{id}"
        } else {
            path.split('?').next().unwrap()
        };
        conforms(&doc, template, "400", &body);
        let sep = if path.contains('?') { '&' } else { '?' };
        let (_, en) = json(&app, &format!("{path}{sep}lang=en")).await;
        let en = en["message"].as_str().unwrap();
        assert!(en.is_ascii(), "{path}: {en}");
        assert!(en.contains(parameter), "{path}: {en}");
    }
    let r = app
        .get_with(
            "/api/v1/stories?limit=0",
            &[("accept-language", "en-GB,en;q=0.9")],
            None,
        )
        .await;
    assert!(r.body.contains("must be a whole number"), "{}", r.body);
    let (status, body) = json(&app, "/api/v1/nothing-here").await;
    assert_eq!((status, body["code"].as_str()), (404, Some("not_found")));

    // ETag: the same answer again is 304 without a body; caches may keep it a minute.
    let first = app.get("/api/v1/stories", None).await;
    let etag = first.header("etag").expect("an ETag");
    assert!(first
        .header("cache-control")
        .unwrap()
        .contains("max-age=60"));
    let again = app
        .get_with("/api/v1/stories", &[("if-none-match", &etag)], None)
        .await;
    assert_eq!(again.status, 304);
    assert!(again.body.is_empty());
    let other = app
        .get_with("/api/v1/stories", &[("if-none-match", "W/\"old\"")], None)
        .await;
    assert_eq!(other.status, 200);

    // CORS: any site may read it from a browser.
    let cross = app
        .get_with(
            "/api/v1/stories",
            &[("origin", "https://other.example")],
            None,
        )
        .await;
    assert_eq!(
        cross.header("access-control-allow-origin").as_deref(),
        Some("*")
    );
    let preflight = app
        .raw(
            "OPTIONS /api/v1/stories HTTP/1.1\r\nHost: x\r\nOrigin: https://other.example\r\n\
             Access-Control-Request-Method: GET\r\nConnection: close\r\n\r\n",
        )
        .await;
    assert!(preflight.starts_with("HTTP/1.1 200"), "{preflight}");
    assert!(preflight
        .to_lowercase()
        .contains("access-control-allow-methods"));
}
on_both!(public, the_api_shows_what_is_public_as_documented);

async fn cursors_reach_every_item_once(db: Db) {
    let app = start(db.clone()).await;
    let s = setup(&db, false).await;
    let mut made = Vec::new();
    for i in 0..7 {
        made.push(
            story(
                &db,
                s.clerk,
                &format!("第{i}篇"),
                "正文",
                &format!("s-{i}"),
                true,
            )
            .await,
        );
    }
    story(&db, s.clerk, "未发布", "正文", "hidden", false).await;
    let mut seen = Vec::new();
    let mut path = "/api/v1/stories?limit=3".to_string();
    let mut pages = 0;
    loop {
        let (status, body) = json(&app, &path).await;
        assert_eq!(status, 200, "{body}");
        pages += 1;
        seen.extend(
            body["items"]
                .as_array()
                .unwrap()
                .iter()
                .map(|i| i["id"].as_i64().unwrap()),
        );
        match body["next"].as_str() {
            Some(next) => path = format!("/api/v1/stories?limit=3&after={next}"),
            None => break,
        }
    }
    made.reverse();
    assert_eq!(seen, made, "newest first, each once");
    assert_eq!(pages, 3);

    // Opinions: oldest first, and a cursor taken before new ones arrive finds them.
    let mut ids = Vec::new();
    for i in 0..3 {
        let mut o = opinion(&format!("第{i}条公开意见"), "东湖街道");
        o.publish_ok = true;
        let (id, _) = submit_opinion(&db, s.sol, &o).await;
        moderate(&db, s.clerk, id, accept()).await;
        ids.push(id);
    }
    let (_, first) = json(
        &app,
        &format!("/api/v1/solicitations/{}/opinions?limit=2", s.sol),
    )
    .await;
    let next = first["next"].as_str().unwrap().to_string();
    let mut o = opinion("后来的公开意见", "东湖街道");
    o.publish_ok = true;
    let (late, _) = submit_opinion(&db, s.sol, &o).await;
    moderate(&db, s.clerk, late, accept()).await;
    let (_, rest) = json(
        &app,
        &format!(
            "/api/v1/solicitations/{}/opinions?limit=2&after={next}",
            s.sol
        ),
    )
    .await;
    let rest: Vec<i64> = rest["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["id"].as_i64().unwrap())
        .collect();
    assert_eq!(rest, [ids[2], late]);
}
on_both!(paging, cursors_reach_every_item_once);

async fn each_address_has_its_own_limit(db: Db) {
    let app = start_with(db.clone(), config_with(&[("MINYI_API_PER_MINUTE", "3")])).await;
    let one = [("x-test-client", "203.0.113.7")];
    for _ in 0..3 {
        let r = app.get_with("/api/v1/statistics", &one, None).await;
        assert_eq!(r.status, 200, "{}", r.body);
    }
    let r = app.get_with("/api/v1/statistics?lang=en", &one, None).await;
    assert_eq!(r.status, 429);
    let body: Value = serde_json::from_str(&r.body).unwrap();
    assert_eq!(body["code"], "rate_limited");
    let wait = body["retry_after_seconds"].as_u64().unwrap();
    assert!((1..=60).contains(&wait), "{wait}");
    assert_eq!(r.header("retry-after"), Some(wait.to_string()));
    assert!(body["message"]
        .as_str()
        .unwrap()
        .contains("Too many requests"));
    assert_eq!(
        r.header("access-control-allow-origin").as_deref(),
        Some("*")
    );
    // Another address is not held back, and the site's pages are not limited by the API's count.
    let other = app
        .get_with(
            "/api/v1/statistics",
            &[("x-test-client", "203.0.113.8")],
            None,
        )
        .await;
    assert_eq!(other.status, 200);
    let page = app.get_with("/stats", &one, None).await;
    assert_eq!(page.status, 200);
}
on_both!(limit, each_address_has_its_own_limit);
