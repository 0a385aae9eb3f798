//! HTTP tests: real requests to the app on an ephemeral port, on SQLite and PostgreSQL. They
//! check what a person (or an attacker) gets back and what the database holds afterwards.

mod common;

use common::{start, APP_CALL, BROWSER_FORM};
use minyi::domain::account::Role;
use minyi::server::db::{self, Db};

const ADMIN_PW: &str = "Lakeside-Ginkgo-7-Trees";
const STAFF_PW: &str = "Riverbank-Willow-9-Boats";

fn story_form<'a>(title: &'a str, body: &'a str, slug: &'a str) -> Vec<(&'static str, &'a str)> {
    vec![
        ("id", ""),
        ("version", ""),
        ("title", title),
        ("summary", ""),
        ("body", body),
        ("kind", "case"),
        ("slug", slug),
        ("published_on", "2026-11-28"),
    ]
}

async fn count(db: &Db, table: &str) -> i64 {
    sqlx::query_scalar(&format!("SELECT COUNT(*) FROM {table}"))
        .fetch_one(&db.pool)
        .await
        .unwrap()
}

/// Every staff and admin server function, with a form that would change something if allowed.
/// An endpoint, a form for it, and whether only admins may call it.
type Call = (&'static str, Vec<(&'static str, &'static str)>, bool);

fn protected_calls() -> Vec<Call> {
    // (endpoint, form, admin only)
    vec![
        ("/api/staff/stories/list", vec![], false),
        ("/api/staff/stories/get", vec![("id", "1")], false),
        ("/api/staff/stories/form", vec![], false),
        (
            "/api/staff/stories/save",
            story_form("越权写入", "正文", "intruder"),
            false,
        ),
        (
            "/api/staff/stories/publish",
            vec![("id", "1"), ("publish", "1")],
            false,
        ),
        ("/api/admin/accounts/list", vec![], true),
        (
            "/api/admin/accounts/create",
            vec![
                ("username", "intruder"),
                ("display_name", "入侵者"),
                ("role", "admin"),
                ("station_id", ""),
                ("password", "Strong-Enough-Pass-42"),
            ],
            true,
        ),
        (
            "/api/admin/accounts/disable",
            vec![("id", "1"), ("disabled", "1")],
            true,
        ),
        (
            "/api/admin/accounts/reset",
            vec![("id", "1"), ("password", "Strong-Enough-Pass-42")],
            true,
        ),
    ]
}

async fn refuses_anonymous_and_unprivileged_calls(db: Db) {
    let app = start(db.clone()).await;
    app.account("boss", ADMIN_PW, Role::Admin).await;
    app.account("clerk", STAFF_PW, Role::Staff).await;
    let staff = app.sign_in("clerk", STAFF_PW).await;
    let stories = count(&db, "stories").await;
    let accounts = count(&db, "accounts").await;
    for (path, form, admin_only) in protected_calls() {
        let r = app.post(path, &form, APP_CALL, None).await;
        assert_eq!(
            r.status, 401,
            "anonymous call to {path} must be refused: {r:?}"
        );
        if admin_only {
            let r = app.post(path, &form, APP_CALL, Some(&staff)).await;
            assert_eq!(
                r.status, 403,
                "staff call to admin-only {path} must be refused: {r:?}"
            );
        }
    }
    assert_eq!(count(&db, "stories").await, stories, "no story was written");
    assert_eq!(
        count(&db, "form_drafts").await,
        0,
        "a stranger's post keeps nothing"
    );
    let r = app
        .post(
            "/api/staff/stories/save",
            &story_form("伪造会话", "正文", ""),
            BROWSER_FORM,
            Some(&"ab".repeat(32)),
        )
        .await;
    assert_eq!(r.status, 302);
    assert_eq!(
        r.location.as_deref(),
        Some("/staff/login?next=%2Fstaff%2Fstories%2Fnew")
    );
    assert_eq!(
        count(&db, "form_drafts").await,
        0,
        "a made-up session cookie keeps nothing either"
    );
    assert_eq!(
        count(&db, "accounts").await,
        accounts,
        "no account was written"
    );
    let boss: i64 = db::accounts::id_of(&db, "boss").await.unwrap().unwrap();
    let r = app
        .post(
            "/api/admin/accounts/disable",
            &[("id", &boss.to_string()), ("disabled", "1")],
            APP_CALL,
            Some(&staff),
        )
        .await;
    assert_eq!(r.status, 403);
    assert!(db::accounts::list(&db)
        .await
        .unwrap()
        .iter()
        .all(|a| !a.disabled));
}
on_both!(role_checks, refuses_anonymous_and_unprivileged_calls);

async fn refuses_cross_site_posts_and_large_bodies(db: Db) {
    let app = start(db.clone()).await;
    app.account("boss", ADMIN_PW, Role::Admin).await;
    let s = app.sign_in("boss", ADMIN_PW).await;
    let form = story_form("跨站写入", "正文", "csrf");
    let r = app
        .post(
            "/api/staff/stories/save",
            &form,
            &[("Sec-Fetch-Site", "cross-site")],
            Some(&s),
        )
        .await;
    assert_eq!(r.status, 403);
    assert!(r.body.contains("其他网站"));
    let r = app
        .post(
            "/api/staff/stories/save",
            &form,
            &[("Origin", "https://evil.example")],
            Some(&s),
        )
        .await;
    assert_eq!(r.status, 403);
    let r = app
        .post(
            "/api/auth/login",
            &[
                ("username", "boss"),
                ("password", ADMIN_PW),
                ("next", "/staff"),
            ],
            &[("Origin", "https://evil.example")],
            None,
        )
        .await;
    assert_eq!(r.status, 403, "login CSRF is refused too");
    assert_eq!(count(&db, "stories").await, 0);
    // A body over the limit is refused from its declared length, before it is read; a raw
    // request shows that without racing the upload against the early answer.
    let head = format!(
        "POST /api/staff/stories/save HTTP/1.1\r\nHost: x\r\nCookie: minyi_session={s}\r\n\
         Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 70000\r\n\r\n"
    );
    let answer = app.raw(&head).await;
    assert!(answer.starts_with("HTTP/1.1 413"), "{answer}");
    assert_eq!(count(&db, "stories").await, 0);
}
on_both!(cross_site, refuses_cross_site_posts_and_large_bodies);

/// A sign-in post from client address `from`.
async fn sign_in_from(app: &common::App, from: &str, name: &str, password: &str) -> common::Resp {
    app.post(
        "/api/auth/login",
        &[
            ("username", name),
            ("password", password),
            ("next", "/staff"),
        ],
        &[
            ("Accept", "text/html"),
            ("Sec-Fetch-Site", "same-origin"),
            ("X-Test-Client", from),
        ],
        None,
    )
    .await
}

/// The error summary of a page.
fn summary(body: &str) -> String {
    let start = body
        .find("class=\"error-summary\"")
        .expect("an error summary");
    let end = start + body[start..].find("</div>").unwrap();
    body[start..end].to_string()
}

async fn a_stranger_cannot_lock_the_owner_out(db: Db) {
    let app = start(db.clone()).await;
    app.account("boss", ADMIN_PW, Role::Admin).await;
    // A stranger guesses at two names from one address, well past the free failures.
    let mut messages = Vec::new();
    for name in ["boss", "ghost"] {
        for _ in 0..db::throttle::FREE_PER_NAME + 3 {
            let r = sign_in_from(&app, "10.0.0.66", name, "wrong-password-1").await;
            assert_eq!(r.status, 302);
            assert!(r.session().is_none());
        }
        // Even the right password from the stranger's address waits now, and says so in the
        // same words whether or not the name exists.
        let pw = if name == "boss" {
            ADMIN_PW
        } else {
            "anything-at-all"
        };
        let r = sign_in_from(&app, "10.0.0.66", name, pw).await;
        assert!(r.session().is_none(), "the guessing address waits");
        let loc = r.location.expect("back to the form");
        assert!(
            loc.starts_with("/staff/login?next=%2Fstaff&draft=s%3A"),
            "{loc}"
        );
        let page = app.get(&loc, None).await;
        assert_eq!(page.status, 200);
        assert!(page.body.contains("登录失败的次数过多"), "{}", page.body);
        assert!(
            page.body.contains(&format!("value=\"{name}\"")),
            "the username is kept"
        );
        messages.push(summary(&page.body).replace(char::is_numeric, "#"));
    }
    assert_eq!(
        messages[0], messages[1],
        "a stranger cannot tell which username exists"
    );
    // The owner, from their own address, signs in at once.
    let r = sign_in_from(&app, "10.0.0.7", "boss", ADMIN_PW).await;
    assert_eq!(r.status, 302);
    assert_eq!(r.location.as_deref(), Some("/staff"));
    assert!(r.session().is_some(), "the owner is never locked out");
    assert_eq!(
        count(&db, "form_drafts").await,
        0,
        "failed sign-ins store no drafts"
    );
    // A sign-in form link cannot carry values or problems a stranger made up: an unsigned,
    // a forged and an old-style inline draft are all ignored.
    let json = r#"{"form":"login","values":{"username":"attacker"},"errors":{"_form":{"SignInWait":{"seconds":99999}}}}"#;
    for draft in [
        format!("i:{json}"),
        format!("s:99999999999999:{}:{json}", "0".repeat(32)),
        json.to_string(),
    ] {
        let page = app
            .get(
                &format!("/staff/login?draft={}", urlencoding::encode(&draft)),
                None,
            )
            .await;
        assert_eq!(page.status, 200);
        assert!(!page.body.contains("attacker"), "{draft}");
        assert!(!page.body.contains("99999"), "{draft}");
    }
    // A real link the server made for a stranger's failed attempt shows nothing in another
    // browser: signed drafts belong to the browser that posted the form.
    let stranger = app.other_browser();
    let r = stranger
        .post(
            "/api/auth/login",
            &[
                ("username", "planted.name"),
                ("password", "x"),
                ("next", "/staff"),
            ],
            &[
                ("Accept", "text/html"),
                ("Sec-Fetch-Site", "same-origin"),
                ("X-Test-Client", "10.0.0.77"),
            ],
            None,
        )
        .await;
    let link = r.location.unwrap();
    assert!(stranger
        .get(&link, None)
        .await
        .body
        .contains("planted.name"));
    let victim = app.other_browser().get(&link, None).await;
    assert!(!victim.body.contains("planted.name"));
    assert!(!victim.body.contains("用户名或密码错误"));

    // A burst of parallel guesses pays for every attempt: only the free ones are checked, the
    // rest of the burst is told to wait.
    let burst: Vec<_> = (0..40)
        .map(|_| {
            let app = app.other_browser();
            tokio::spawn(async move {
                sign_in_from(&app, "10.0.0.88", "boss", "parallel-guess-1")
                    .await
                    .location
                    .unwrap_or_default()
            })
        })
        .collect();
    let mut checked = 0;
    for b in burst {
        let to = urlencoding::decode(&b.await.unwrap()).unwrap().to_string();
        if to.contains("BadCredentials") {
            checked += 1;
        } else {
            assert!(to.contains("SignInWait"), "{to}");
        }
    }
    assert!(
        checked <= db::throttle::FREE_PER_NAME,
        "{checked} guesses of the burst were checked"
    );

    // Overlong names and passwords fail without any more work, and are not stored anywhere.
    let r = sign_in_from(&app, "10.0.0.9", &"a".repeat(60_000), "x").await;
    assert_eq!(r.status, 302);
    let longest: i64 = sqlx::query_scalar(
        "SELECT CAST(COALESCE(MAX(LENGTH(bucket)), 0) AS BIGINT) FROM login_throttle",
    )
    .fetch_one(&db.pool)
    .await
    .unwrap();
    assert!(longest < 100, "buckets are hashes: {longest}");
}
on_both!(lockout, a_stranger_cannot_lock_the_owner_out);

async fn sessions_are_renewed_secured_and_ended(db: Db) {
    let app = start(db.clone()).await;
    app.account("boss", ADMIN_PW, Role::Admin).await;
    let r = app
        .post(
            "/api/auth/login",
            &[
                ("username", "boss"),
                ("password", ADMIN_PW),
                ("next", "/staff/stories"),
            ],
            &[("Accept", "text/html"), ("X-Forwarded-Proto", "https")],
            None,
        )
        .await;
    let cookie = r
        .set_cookies
        .iter()
        .find(|c| c.starts_with("minyi_session="))
        .unwrap();
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax") && cookie.contains("Secure"),
        "{cookie}"
    );
    assert_eq!(r.location.as_deref(), Some("/staff/stories"));
    let first = r.session().unwrap();
    // Signing in again with the old cookie gives a new id and ends the old session.
    let r = app
        .post(
            "/api/auth/login",
            &[
                ("username", "boss"),
                ("password", ADMIN_PW),
                ("next", "//evil.example"),
            ],
            BROWSER_FORM,
            Some(&first),
        )
        .await;
    assert_eq!(
        r.location.as_deref(),
        Some("/staff"),
        "only local paths are followed"
    );
    let second = r.session().unwrap();
    assert_ne!(first, second);
    assert_eq!(
        app.post("/api/staff/stories/list", &[], APP_CALL, Some(&first))
            .await
            .status,
        401
    );
    assert_eq!(
        app.post("/api/staff/stories/list", &[], APP_CALL, Some(&second))
            .await
            .status,
        200
    );
    // Staff pages send a visitor to sign in and back.
    let r = app.get("/staff/stories", None).await;
    assert_eq!(r.status, 302);
    assert_eq!(
        r.location.as_deref(),
        Some("/staff/login?next=%2Fstaff%2Fstories")
    );
    // Idle for 31 minutes: the session is over.
    let hash = minyi::server::auth::token_hash(&second);
    db::sessions::age(&db, &hash, 31 * 60 * 1000).await.unwrap();
    assert_eq!(
        app.post("/api/staff/stories/list", &[], APP_CALL, Some(&second))
            .await
            .status,
        401
    );
    // Sign-out ends the session on the server.
    let third = app.sign_in("boss", ADMIN_PW).await;
    let r = app
        .post("/api/auth/logout", &[], BROWSER_FORM, Some(&third))
        .await;
    assert_eq!(r.status, 302);
    assert!(r
        .set_cookies
        .iter()
        .any(|c| c.starts_with("minyi_session=;") && c.contains("Max-Age=0")));
    assert_eq!(
        app.post("/api/staff/stories/list", &[], APP_CALL, Some(&third))
            .await
            .status,
        401
    );
}
on_both!(sessions, sessions_are_renewed_secured_and_ended);

async fn publishes_a_story_for_the_public(db: Db) {
    let app = start(db.clone()).await;
    app.account("boss", ADMIN_PW, Role::Admin).await;
    let s = app.sign_in("boss", ADMIN_PW).await;
    let body = "## 经过\n\n居民**踊跃发言**。\n\n<script>alert('x')</script><img src=x onerror=alert(1)>\n\n[链接](javascript:alert(1))";
    let r = app
        .post(
            "/api/staff/stories/save",
            &story_form("议事会的一条建议", body, "yishihui"),
            BROWSER_FORM,
            Some(&s),
        )
        .await;
    assert_eq!(r.status, 302, "{r:?}");
    let loc = r.location.unwrap();
    assert!(
        loc.starts_with("/staff/stories/") && loc.ends_with("?done=saved"),
        "{loc}"
    );
    let id = loc
        .trim_start_matches("/staff/stories/")
        .trim_end_matches("?done=saved")
        .to_string();

    // Not yet published: the public gets 404, the list does not show it.
    let r = app.get("/stories/yishihui", None).await;
    assert_eq!(r.status, 404);
    assert!(r.body.contains("页面不存在"));
    assert!(!app
        .get("/stories", None)
        .await
        .body
        .contains("议事会的一条建议"));
    // The staff preview shows it.
    let preview = app.get(&format!("/staff/stories/{id}"), Some(&s)).await;
    assert_eq!(preview.status, 200);
    assert!(preview.body.contains("这是预览"));

    let r = app
        .post(
            "/api/staff/stories/publish",
            &[("id", &id), ("publish", "1")],
            BROWSER_FORM,
            Some(&s),
        )
        .await;
    assert_eq!(
        r.location.as_deref(),
        Some(format!("/staff/stories/{id}?done=published").as_str())
    );
    let list = app.get("/stories", None).await;
    assert!(
        list.body.contains("议事会的一条建议") && list.body.contains("href=\"/stories/yishihui\"")
    );
    let page = app.get("/stories/yishihui", None).await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains("<html lang=\"zh-CN\""));
    assert!(
        page.body.contains("测试区人大常委会"),
        "the configured committee name is in the header"
    );
    assert!(page.body.contains("<strong>踊跃发言</strong>"));
    // Script elements, event handlers and javascript: links are gone from the rendered body.
    for bad in [
        "alert('x')",
        "onerror",
        "href=\"javascript:",
        "href=\\\"javascript:",
    ] {
        assert!(!page.body.contains(bad), "{bad} found in {}", page.body);
    }
    assert!(
        page.body
            .contains("<a rel=\"noopener noreferrer nofollow\">链接</a>"),
        "the link text stays, without its href"
    );

    // Unpublishing hides it again.
    app.post(
        "/api/staff/stories/publish",
        &[("id", &id), ("publish", "0")],
        BROWSER_FORM,
        Some(&s),
    )
    .await;
    assert_eq!(app.get("/stories/yishihui", None).await.status, 404);
    assert_eq!(
        db::audit::count_action(&db, "story.unpublish")
            .await
            .unwrap(),
        1
    );
}
on_both!(story_journey, publishes_a_story_for_the_public);

async fn bad_input_comes_back_with_messages_and_everything_typed(db: Db) {
    let app = start(db.clone()).await;
    app.account("boss", ADMIN_PW, Role::Admin).await;
    let s = app.sign_in("boss", ADMIN_PW).await;
    let long_body = "很长的正文。".repeat(10);
    let long_title = "题".repeat(101);
    let cases: Vec<(Vec<(&str, &str)>, &str)> = vec![
        (
            story_form("   ", &long_body, ""),
            "标题不能只有空格，请填写内容。",
        ),
        (story_form("", &long_body, ""), "请填写标题。"),
        (
            story_form(&long_title, &long_body, ""),
            "标题最多 100 个字，现在是 101 个字，请删减。",
        ),
        (
            story_form("好标题", &long_body, "Bad Slug!"),
            "网址只能用小写英文字母、数字和连字符",
        ),
        (
            story_form("<b>标题</b>\u{7}", &long_body, ""),
            "标题含有不可见的控制字符",
        ),
    ];
    for (form, message) in cases {
        let r = app
            .post("/api/staff/stories/save", &form, BROWSER_FORM, Some(&s))
            .await;
        assert_eq!(r.status, 302);
        let loc = r.location.unwrap();
        assert!(loc.starts_with("/staff/stories/new?draft="), "{loc}");
        let page = app.get(&loc, Some(&s)).await;
        assert!(page.body.contains(message), "expected {message:?}");
        assert!(page.body.contains(&long_body), "the body is kept");
    }
    // With JavaScript the same happens through the app's own call: a redirect header to the draft.
    let r = app
        .post(
            "/api/staff/stories/save",
            &story_form("", "x", ""),
            APP_CALL,
            Some(&s),
        )
        .await;
    assert_eq!(r.status, 200);
    assert!(r.location.unwrap().starts_with("/staff/stories/new?draft="));
    // Markup typed into a field is shown as text, never as markup.
    let r = app
        .post(
            "/api/staff/stories/save",
            &story_form("<script>x</script>", "", ""),
            BROWSER_FORM,
            Some(&s),
        )
        .await;
    let page = app.get(&r.location.unwrap(), Some(&s)).await;
    assert!(
        page.body.contains("&lt;script&gt;x&lt;/script&gt;")
            && !page.body.contains("<script>x</script>")
    );
    // A duplicate slug names the story that has it.
    app.post(
        "/api/staff/stories/save",
        &story_form("第一篇", "正文", "same"),
        BROWSER_FORM,
        Some(&s),
    )
    .await;
    let r = app
        .post(
            "/api/staff/stories/save",
            &story_form("第二篇", "第二篇的正文", "same"),
            BROWSER_FORM,
            Some(&s),
        )
        .await;
    let page = app.get(&r.location.unwrap(), Some(&s)).await;
    assert!(page.body.contains("网址已被《第一篇》使用，请换一个。"));
    assert!(page.body.contains("第二篇的正文"));
    assert_eq!(count(&db, "stories").await, 1);
}
on_both!(
    validation,
    bad_input_comes_back_with_messages_and_everything_typed
);

async fn expired_session_leads_to_sign_in_and_back_to_the_form(db: Db) {
    let app = start(db.clone()).await;
    app.account("boss", ADMIN_PW, Role::Admin).await;
    let s = app.sign_in("boss", ADMIN_PW).await;
    db::sessions::age(&db, &minyi::server::auth::token_hash(&s), 31 * 60 * 1000)
        .await
        .unwrap();
    let r = app
        .post(
            "/api/staff/stories/save",
            &story_form("会话过期时写的", "辛苦写下的正文", ""),
            BROWSER_FORM,
            Some(&s),
        )
        .await;
    assert_eq!(r.status, 302);
    let login = r.location.unwrap();
    assert!(
        login.starts_with("/staff/login?next=%2Fstaff%2Fstories%2Fnew%3Fdraft%3D"),
        "{login}"
    );
    assert_eq!(count(&db, "stories").await, 0);
    let next = urlencoding::decode(login.split("next=").nth(1).unwrap())
        .unwrap()
        .to_string();
    let r = app
        .post(
            "/api/auth/login",
            &[
                ("username", "boss"),
                ("password", ADMIN_PW),
                ("next", &next),
            ],
            BROWSER_FORM,
            None,
        )
        .await;
    assert_eq!(r.location.as_deref(), Some(next.as_str()));
    let page = app.get(&next, r.session().as_deref()).await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains("会话过期时写的") && page.body.contains("辛苦写下的正文"));
    // Through the app's own call, the error carries the same way back.
    let r = app
        .post(
            "/api/staff/stories/save",
            &story_form("再写一篇", "正文", ""),
            APP_CALL,
            Some(&s),
        )
        .await;
    assert_eq!(r.status, 401);
    assert!(r.body.contains("/staff/login?next="), "{}", r.body);
    // Long after, when the ended session's row has been purged, the post is still kept: the
    // cookie's signature shows this server issued it. Only this browser sees the draft.
    sqlx::query("DELETE FROM sessions")
        .execute(&db.pool)
        .await
        .unwrap();
    let r = app
        .post(
            "/api/staff/stories/save",
            &story_form("清理之后写的", "仍然保留的正文", ""),
            BROWSER_FORM,
            Some(&s),
        )
        .await;
    let login = r.location.unwrap();
    let next = urlencoding::decode(login.split("next=").nth(1).unwrap())
        .unwrap()
        .to_string();
    assert!(next.starts_with("/staff/stories/new?draft="), "{next}");
    let fresh = app.sign_in("boss", ADMIN_PW).await;
    let page = app.get(&next, Some(&fresh)).await;
    assert!(page.body.contains("仍然保留的正文"));
    let other = app.other_browser();
    let page = other.get(&next, Some(&fresh)).await;
    assert_eq!(page.status, 200);
    assert!(
        !page.body.contains("仍然保留的正文"),
        "another browser with the link sees an empty form"
    );
}
on_both!(
    expired_form,
    expired_session_leads_to_sign_in_and_back_to_the_form
);

async fn admins_manage_accounts(db: Db) {
    let app = start(db.clone()).await;
    app.account("boss", ADMIN_PW, Role::Admin).await;
    let s = app.sign_in("boss", ADMIN_PW).await;
    let create = |pw: &'static str| {
        vec![
            ("username", "li.na"),
            ("display_name", "李娜"),
            ("role", "staff"),
            ("station_id", ""),
            ("password", pw),
        ]
    };
    let r = app
        .post(
            "/api/admin/accounts/create",
            &create("password123"),
            BROWSER_FORM,
            Some(&s),
        )
        .await;
    let page = app.get(&r.location.unwrap(), Some(&s)).await;
    assert!(page.body.contains("这个密码太常见或太容易猜到"));
    assert!(
        page.body.contains("value=\"li.na\""),
        "the username is kept"
    );
    let r = app
        .post(
            "/api/admin/accounts/create",
            &create("short"),
            BROWSER_FORM,
            Some(&s),
        )
        .await;
    assert!(app
        .get(&r.location.unwrap(), Some(&s))
        .await
        .body
        .contains("至少 10 个字"));
    let r = app
        .post(
            "/api/admin/accounts/create",
            &create(STAFF_PW),
            BROWSER_FORM,
            Some(&s),
        )
        .await;
    assert_eq!(r.location.as_deref(), Some("/staff/accounts?done=created"));
    let staff = app.sign_in("li.na", STAFF_PW).await;
    let id = db::accounts::id_of(&db, "li.na")
        .await
        .unwrap()
        .unwrap()
        .to_string();
    // Disabling ends the staff member's session at once and stops sign-in.
    app.post(
        "/api/admin/accounts/disable",
        &[("id", &id), ("disabled", "1")],
        BROWSER_FORM,
        Some(&s),
    )
    .await;
    assert_eq!(
        app.post("/api/staff/stories/list", &[], APP_CALL, Some(&staff))
            .await
            .status,
        401
    );
    let r = app
        .post(
            "/api/auth/login",
            &[
                ("username", "li.na"),
                ("password", STAFF_PW),
                ("next", "/staff"),
            ],
            BROWSER_FORM,
            None,
        )
        .await;
    assert!(r.session().is_none());
    assert!(app
        .get(&r.location.unwrap(), None)
        .await
        .body
        .contains("该账号已停用"));
    // Re-enabled and reset: the new password works, the old one does not.
    app.post(
        "/api/admin/accounts/disable",
        &[("id", &id), ("disabled", "0")],
        BROWSER_FORM,
        Some(&s),
    )
    .await;
    let r = app
        .post(
            "/api/admin/accounts/reset",
            &[("id", &id), ("password", "Mountain-Cedar-3-Lanterns")],
            BROWSER_FORM,
            Some(&s),
        )
        .await;
    assert_eq!(r.location.as_deref(), Some("/staff/accounts?done=reset"));
    app.sign_in("li.na", "Mountain-Cedar-3-Lanterns").await;
    let page = app.get("/staff/accounts?done=reset", Some(&s)).await;
    assert!(page.body.contains("密码已重置"));
    assert!(page.body.contains("李娜"));
}
on_both!(accounts, admins_manage_accounts);

async fn health_reports_the_database(db: Db) {
    let app = start(db.clone()).await;
    let r = app.get("/healthz", None).await;
    assert_eq!((r.status, r.body.as_str()), (200, "ok\n"));
    let r = app.get("/no/such/page", None).await;
    assert_eq!(r.status, 404);
    assert!(r.body.contains("页面不存在"));
    db.pool.close().await;
    assert_eq!(app.get("/healthz", None).await.status, 503);
}
on_both!(health, health_reports_the_database);

/// Private pages are never stored by browsers or proxies and leak nothing through Referer; every
/// page carries a Content-Security-Policy naming the nonce of its own scripts; HSTS over https.
async fn headers_keep_private_pages_private(db: Db) {
    let app = start(db.clone()).await;
    app.account("boss", ADMIN_PW, Role::Admin).await;
    let s = app.sign_in("boss", ADMIN_PW).await;
    let head = |r: &common::Resp, name: &str| r.header(name).unwrap_or_default();
    for (path, session) in [
        ("/staff", Some(s.as_str())),
        ("/staff/opinions", Some(s.as_str())),
        ("/track", None),
        ("/track/YJ-2026-AAAAA?k=abcdefghjkmnpqrstuvw", None),
        ("/staff/login", None),
    ] {
        let r = app.get(path, session).await;
        assert_eq!(head(&r, "cache-control"), "no-store", "{path}");
        assert_eq!(head(&r, "referrer-policy"), "no-referrer", "{path}");
    }
    let r = app.get("/stories", None).await;
    assert_eq!(r.status, 200);
    assert_ne!(head(&r, "cache-control"), "no-store");
    assert_eq!(
        head(&r, "referrer-policy"),
        "strict-origin-when-cross-origin"
    );
    // A page shared by everyone (the page cache) names its inline scripts by hash, since its
    // nonce is seen by all; a page rendered for one person names that render's nonce.
    let csp = head(&r, "content-security-policy");
    let at = r
        .body
        .find("<script type=\"module\"")
        .expect("the loader script");
    let open = at + r.body[at..].find('>').unwrap() + 1;
    let script = &r.body[open..open + r.body[open..].find("</script>").unwrap()];
    let hash = {
        use base64::Engine;
        use sha2::Digest;
        base64::engine::general_purpose::STANDARD.encode(sha2::Sha256::digest(script.as_bytes()))
    };
    assert!(csp.contains(&format!("'sha256-{hash}'")), "{csp}");
    assert!(!csp.contains("'nonce-"), "{csp}");
    let own = app.get("/stories", Some(&s)).await;
    let own_csp = head(&own, "content-security-policy");
    let at = own
        .body
        .find(" nonce=\"")
        .expect("the page's scripts carry a nonce")
        + 8;
    let nonce = &own.body[at..at + own.body[at..].find('"').unwrap()];
    assert!(own_csp.contains(&format!("'nonce-{nonce}'")), "{own_csp}");
    assert!(!csp.contains("unsafe-inline") && csp.contains("frame-ancestors 'none'"));
    assert!(
        head(&r, "strict-transport-security").is_empty(),
        "no HSTS over plain http"
    );
    let r = app
        .get_with("/stories", &[("X-Forwarded-Proto", "https")], None)
        .await;
    assert!(head(&r, "strict-transport-security").starts_with("max-age="));
    // Server-function answers and sign-in responses are private too.
    let r = app
        .post(
            "/api/auth/login",
            &[
                ("username", "boss"),
                ("password", "wrong"),
                ("next", "/staff"),
            ],
            BROWSER_FORM,
            None,
        )
        .await;
    assert_eq!(head(&r, "cache-control"), "no-store");
}
on_both!(headers, headers_keep_private_pages_private);

/// A page number far past the end (or past what fits in 64 bits) gives the last page, never an
/// error.
async fn huge_page_numbers_give_the_last_page(db: Db) {
    let app = start(db.clone()).await;
    for q in [
        "page=9223372036854775807",
        "page=-9223372036854775808",
        "page=99999999999999999999999",
        "page=abc",
        "kind=news&page=9223372036854775807",
    ] {
        let r = app.get(&format!("/stories?{q}"), None).await;
        assert_eq!(r.status, 200, "{q}: {}", r.body);
        assert!(!r.body.contains("出错了"), "{q}");
    }
    let r = app
        .get("/solicitations?page=9223372036854775807", None)
        .await;
    assert_eq!(r.status, 200);
}
on_both!(paging, huge_page_numbers_give_the_last_page);
