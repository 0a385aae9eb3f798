//! Moderation, on SQLite and PostgreSQL: opinions go to the station of their street; station staff
//! see and act on their own station's opinions only; batches accept, reject (with referral texts
//! a resident reads) and merge, leaving alone what someone else changed first; the queue pages by
//! keyset without gaps or repeats; a campaign of near-identical texts shows as one cluster and
//! merges in one action.

mod common;

use common::fixtures::{self, opinion, status_of};
use common::{staff_account as account, start, APP_CALL, BROWSER_FORM, PASSWORD as PW};
use minyi::domain::account::Role;
use minyi::domain::moderation::{Action, QueueFilter, RejectReason, Selected, Sort};
use minyi::domain::opinion::{Channel, OpinionStatus};
use minyi::server::db::{self, moderation::Scope, opinions::Source, Db};

/// Two stations (东湖 and 西城), an open solicitation collected by both, and a district clerk.
async fn setup(db: &Db) -> (i64, i64, i64, i64) {
    let s = fixtures::setup(db, false).await;
    (s.sol, s.east, s.west, s.clerk)
}

async fn submit(db: &Db, sol: i64, content: &str, street: &str) -> (i64, String) {
    fixtures::submit_opinion(db, sol, &opinion(content, street)).await
}

/// How many opinions the first page of the district-wide queue shows for `f`.
async fn rows(db: &Db, f: QueueFilter) -> usize {
    db::moderation::queue(db, Scope::ALL, &f)
        .await
        .unwrap()
        .items
        .len()
}

fn pending(id: i64) -> Selected {
    Selected {
        id,
        seen: OpinionStatus::Pending,
    }
}

async fn station_staff_see_and_act_on_their_own_station_only(db: Db) {
    let (sol, a, b, clerk) = setup(&db).await;
    account(&db, "donghu", Role::Staff, Some(a)).await;
    let (east, _) = submit(&db, sol, "东湖街道的居民建议增加助餐点。", "东湖街道").await;
    let (west, west_code) = submit(&db, sol, "西城街道的居民建议延长服务时间。", "西城街道").await;
    let (nowhere, _) = submit(&db, sol, "没有填写街道的意见。", "").await;
    let stations: Vec<(i64, Option<i64>)> =
        sqlx::query_as("SELECT id, station_id FROM opinions ORDER BY id")
            .fetch_all(&db.pool)
            .await
            .unwrap();
    assert_eq!(
        stations,
        vec![(east, Some(a)), (west, Some(b)), (nowhere, None)],
        "an opinion goes to the station of its street"
    );

    // In the repository: the scope limits the queue, visibility and actions.
    let scope_a = Scope { station: Some(a) };
    let page = db::moderation::queue(&db, scope_a, &QueueFilter::default())
        .await
        .unwrap();
    assert_eq!(
        page.items.iter().map(|o| o.id).collect::<Vec<_>>(),
        vec![east]
    );
    // Asking for station B's opinions does not widen a station's scope.
    let f = QueueFilter {
        station: Some(b),
        ..Default::default()
    };
    assert_eq!(
        db::moderation::queue(&db, scope_a, &f)
            .await
            .unwrap()
            .items
            .len(),
        1
    );
    assert!(!db::moderation::visible(&db, scope_a, west).await.unwrap());
    let all = db::moderation::queue(&db, Scope::ALL, &QueueFilter::default())
        .await
        .unwrap();
    assert_eq!(all.items.len(), 3, "district staff see every opinion");
    let r = db::moderation::apply(
        &db,
        clerk,
        scope_a,
        &[pending(east), pending(west)],
        &Action::Accept {
            note: String::new(),
        },
    )
    .await;
    assert!(matches!(r, Err(db::moderation::ApplyError::NotFound)));
    assert_eq!(
        status_of(&db, east).await,
        "pending",
        "nothing half-applied"
    );

    // Over HTTP, as the station's staff member.
    let app = start(db.clone()).await;
    let staff = app.sign_in("donghu", PW).await;
    let list = app.get("/staff/opinions", Some(&staff)).await;
    assert!(
        list.body.contains("东湖街道的居民建议增加助餐点"),
        "{}",
        list.body
    );
    assert!(!list.body.contains("西城街道的居民建议"));
    assert!(list.body.contains("您只能看到和处理“东湖联系点”的意见"));
    let other = app
        .get(&format!("/staff/opinions/{west}"), Some(&staff))
        .await;
    assert!(
        !other.body.contains("13800138001"),
        "no contact details of station B"
    );
    assert!(!other.body.contains(&west_code));
    let r = app
        .post(
            "/api/staff/opinions/get",
            &[("id", &west.to_string())],
            APP_CALL,
            Some(&staff),
        )
        .await;
    assert_eq!(r.status, 404);
    let sel = format!("{west}:pending");
    let r = app
        .post(
            "/api/staff/moderation/apply",
            &[
                ("selected[]", sel.as_str()),
                ("action", "accept"),
                ("return_to", "/staff/opinions"),
            ],
            APP_CALL,
            Some(&staff),
        )
        .await;
    assert_eq!(r.status, 404);
    assert_eq!(status_of(&db, west).await, "pending");
    // Their own opinion they can accept.
    let sel = format!("{east}:pending");
    let r = app
        .post(
            "/api/staff/moderation/apply",
            &[
                ("selected[]", sel.as_str()),
                ("action", "accept"),
                ("return_to", "/staff/opinions"),
            ],
            BROWSER_FORM,
            Some(&staff),
        )
        .await;
    let back = app.get(&r.location.unwrap(), Some(&staff)).await;
    assert!(
        back.body.contains("已将 1 条意见设为“审核通过”。"),
        "{}",
        back.body
    );
    assert_eq!(status_of(&db, east).await, "accepted");
}
on_both!(
    station_scope,
    station_staff_see_and_act_on_their_own_station_only
);

async fn batches_reject_with_reasons_and_leave_what_others_changed(db: Db) {
    let (sol, _, _, clerk) = setup(&db).await;
    let mut ids = Vec::new();
    for i in 0..4 {
        ids.push(
            submit(
                &db,
                sol,
                &format!("第 {i} 条关于社区养老的意见。"),
                "东湖街道",
            )
            .await,
        );
    }
    // Someone else accepts the second one first.
    db::moderation::apply(
        &db,
        clerk,
        Scope::ALL,
        &[pending(ids[1].0)],
        &Action::Accept {
            note: String::new(),
        },
    )
    .await
    .unwrap();
    let outcome = db::moderation::apply(
        &db,
        clerk,
        Scope::ALL,
        // In any order, one of them twice: each opinion is handled once.
        &ids.iter()
            .rev()
            .chain(ids.first())
            .map(|(id, _)| pending(*id))
            .collect::<Vec<_>>(),
        &Action::Reject {
            reason: RejectReason::Spam,
            note: String::new(),
        },
    )
    .await
    .unwrap();
    assert_eq!(outcome.done.len(), 3);
    assert_eq!(
        outcome.skipped,
        vec![(ids[1].1.clone(), OpinionStatus::Accepted)]
    );
    assert_eq!(
        status_of(&db, ids[1].0).await,
        "accepted",
        "left as the other person set it"
    );
    let events: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM opinion_events WHERE to_status = 'rejected'")
            .fetch_one(&db.pool)
            .await
            .unwrap();
    assert_eq!(events, 3);
    let audits: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM audit_log WHERE action = 'opinion.transition' AND detail = 'rejected:spam'",
    )
    .fetch_one(&db.pool)
    .await
    .unwrap();
    assert_eq!(audits, 3);
    // A status the action does not apply to is named, not changed.
    let outcome = db::moderation::apply(
        &db,
        clerk,
        Scope::ALL,
        &[Selected {
            id: ids[1].0,
            seen: OpinionStatus::Accepted,
        }],
        &Action::Accept {
            note: String::new(),
        },
    )
    .await
    .unwrap();
    assert_eq!(
        outcome.not_allowed,
        vec![(ids[1].1.clone(), OpinionStatus::Accepted)]
    );

    // Over HTTP: a petition matter gets the standard referral text, which the resident reads.
    let app = start(db.clone()).await;
    account(&db, "clerk2", Role::Staff, None).await;
    let staff = app.sign_in("clerk2", PW).await;
    let (petition, code) =
        submit(&db, sol, "我家楼上漏水，物业不管，请帮忙解决。", "西城街道").await;
    let sel = format!("{petition}:pending");
    let back = format!("/staff/opinions/{petition}");
    // Without a reason the form comes back saying so, with the choice kept.
    let r = app
        .post(
            "/api/staff/moderation/apply",
            &[
                ("selected[]", sel.as_str()),
                ("action", "reject"),
                ("reason", ""),
                ("note", "写了一半的说明"),
                ("return_to", back.as_str()),
            ],
            BROWSER_FORM,
            Some(&staff),
        )
        .await;
    let page = app.get(&r.location.unwrap(), Some(&staff)).await;
    assert!(
        page.body.contains("请从列表中选择不予采用的原因。"),
        "{}",
        page.body
    );
    assert!(
        page.body.contains("写了一半的说明"),
        "what was typed is kept"
    );
    assert_eq!(status_of(&db, petition).await, "pending");
    let r = app
        .post(
            "/api/staff/moderation/apply",
            &[
                ("selected[]", sel.as_str()),
                ("action", "reject"),
                ("reason", "petition"),
                ("note", ""),
                ("return_to", back.as_str()),
            ],
            BROWSER_FORM,
            Some(&staff),
        )
        .await;
    let page = app.get(&r.location.unwrap(), Some(&staff)).await;
    assert!(
        page.body.contains("已将 1 条意见设为“未予采用”。"),
        "{}",
        page.body
    );
    let key: String = sqlx::query_scalar("SELECT access_key FROM opinions WHERE id = $1")
        .bind(petition)
        .fetch_one(&db.pool)
        .await
        .unwrap();
    let track = app.get(&format!("/track/{code}?k={key}"), None).await;
    assert!(track.body.contains("属于信访事项"), "{}", track.body);
    assert!(track.body.contains("区信访局"), "the referral text");
}
on_both!(
    batch_reject,
    batches_reject_with_reasons_and_leave_what_others_changed
);

async fn merging_checks_its_target(db: Db) {
    let (sol, _, _, clerk) = setup(&db).await;
    let (main, main_code) = submit(&db, sol, "建议每个社区都设老年助餐点。", "东湖街道").await;
    let (copy, copy_code) = submit(&db, sol, "建议每个社区都设老年助餐点！", "西城街道").await;
    let (spam, spam_code) = submit(&db, sol, "广告广告广告广告。", "西城街道").await;
    let merge = |into: &str| Action::Merge {
        into: into.to_string(),
        note: String::new(),
    };
    db::moderation::apply(
        &db,
        clerk,
        Scope::ALL,
        &[pending(spam)],
        &Action::Reject {
            reason: RejectReason::Spam,
            note: String::new(),
        },
    )
    .await
    .unwrap();
    use db::moderation::ApplyError;
    for (into, sel, want) in [
        ("YJ-2026-ZZZZZ", vec![pending(copy)], "missing"),
        (spam_code.as_str(), vec![pending(copy)], "closed"),
        (
            main_code.as_str(),
            vec![pending(copy), pending(main)],
            "itself",
        ),
    ] {
        let r = db::moderation::apply(&db, clerk, Scope::ALL, &sel, &merge(into)).await;
        let got = match r {
            Err(ApplyError::MergeTargetMissing) => "missing",
            Err(ApplyError::MergeTargetClosed(OpinionStatus::Rejected)) => "closed",
            Err(ApplyError::MergeIntoItself) => "itself",
            other => panic!("{other:?}"),
        };
        assert_eq!(got, want);
    }
    let outcome =
        db::moderation::apply(&db, clerk, Scope::ALL, &[pending(copy)], &merge(&main_code))
            .await
            .unwrap();
    assert_eq!(outcome.done, vec![copy_code.clone()]);
    let key: String = sqlx::query_scalar("SELECT access_key FROM opinions WHERE id = $1")
        .bind(copy)
        .fetch_one(&db.pool)
        .await
        .unwrap();
    let view = db::opinions::track(&db, &copy_code, &key)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(view.status, OpinionStatus::Merged);
    assert_eq!(view.merged_into.as_deref(), Some(main_code.as_str()));
}
on_both!(merge_target, merging_checks_its_target);

async fn the_queue_pages_by_keyset_and_filters(db: Db) {
    let (sol, _, _, _) = setup(&db).await;
    let mut all = Vec::new();
    for i in 0..120 {
        let street = if i % 3 == 0 {
            "西城街道"
        } else {
            "东湖街道"
        };
        let text = if i % 10 == 0 {
            format!("第 {i} 条：食堂要有 100% 的透明度_公示")
        } else {
            format!("第 {i} 条普通意见，内容各不相同。")
        };
        all.push(submit(&db, sol, &text, street).await.0);
    }
    // A letter received last week, entered by staff.
    let clerk: i64 = sqlx::query_scalar("SELECT id FROM accounts WHERE username = 'district'")
        .fetch_one(&db.pool)
        .await
        .unwrap();
    let letter = db::opinions::submit(
        &db,
        sol,
        None,
        &opinion("一封来信。", "东湖街道"),
        &Source::Offline {
            channel: Channel::Letter,
            received_on: "2026-11-01".into(),
            staff_id: clerk,
            registration: None,
        },
    )
    .await
    .unwrap();
    all.push(letter.id);

    let mut seen = Vec::new();
    let mut f = QueueFilter::default();
    loop {
        let page = db::moderation::queue(&db, Scope::ALL, &f).await.unwrap();
        seen.extend(page.items.iter().map(|o| o.id));
        match page.next_after {
            Some(a) => f.after = Some(a),
            None => break,
        }
    }
    let mut newest_first = all.clone();
    newest_first.reverse();
    assert_eq!(seen, newest_first, "every opinion once, newest first");

    let f = QueueFilter {
        sort: Some(Sort::Oldest),
        street: Some("西城街道".into()),
        ..Default::default()
    };
    let page = db::moderation::queue(&db, Scope::ALL, &f).await.unwrap();
    assert_eq!(page.items.len(), 40);
    assert!(page.items.windows(2).all(|w| w[0].id < w[1].id));

    // The keyword is matched literally: % and _ are not wildcards.
    assert_eq!(
        rows(
            &db,
            QueueFilter {
                keyword: Some("100% 的透明度_".into()),
                ..Default::default()
            }
        )
        .await,
        12
    );
    assert_eq!(
        rows(
            &db,
            QueueFilter {
                keyword: Some("0%".into()),
                ..Default::default()
            }
        )
        .await,
        12
    );
    assert_eq!(
        rows(
            &db,
            QueueFilter {
                keyword: Some("_公".into()),
                ..Default::default()
            }
        )
        .await,
        12
    );
    // A tracking code finds its opinion; channel and dates narrow the list.
    let f = QueueFilter {
        keyword: Some(letter.code.to_lowercase()),
        ..Default::default()
    };
    let found = db::moderation::queue(&db, Scope::ALL, &f).await.unwrap();
    assert_eq!(
        found.items.iter().map(|o| o.id).collect::<Vec<_>>(),
        vec![letter.id]
    );
    assert_eq!(
        rows(
            &db,
            QueueFilter {
                channel: Some(Channel::Letter),
                from: Some("2026-10-01".into()),
                to: Some("2026-11-02".into()),
                ..Default::default()
            }
        )
        .await,
        1
    );
    assert_eq!(
        rows(
            &db,
            QueueFilter {
                to: Some("2026-10-31".into()),
                ..Default::default()
            }
        )
        .await,
        0
    );
    assert_eq!(
        rows(
            &db,
            QueueFilter {
                status: Some(OpinionStatus::Accepted),
                ..Default::default()
            }
        )
        .await,
        0
    );

    // Over HTTP the filter form and the next-page link carry the filters.
    let app = start(db.clone()).await;
    account(&db, "viewer", Role::Staff, None).await;
    let staff = app.sign_in("viewer", PW).await;
    let page = app
        .get(
            "/staff/opinions?street=%E4%B8%9C%E6%B9%96%E8%A1%97%E9%81%93&sort=oldest",
            Some(&staff),
        )
        .await;
    assert!(
        page.body.contains("rel=\"next\""),
        "81 opinions need two pages"
    );
    assert!(page.body.contains("after="));
}
on_both!(keyset_queue, the_queue_pages_by_keyset_and_filters);

async fn a_campaign_is_one_cluster_merged_in_one_action(db: Db) {
    let (sol, _, _, _) = setup(&db).await;
    let base = "强烈建议在草案第十条中明确规定，每个社区必须配建不少于二百平方米的老年活动中心，并由街道负责日常运营和经费保障。";
    let mut campaign = Vec::new();
    for i in 0..500 {
        // Copies differ in punctuation, a name at the end, or a small addition.
        let text = match i % 3 {
            0 => base.to_string(),
            1 => format!("{}（居民{i}）", base.replace('，', " ")),
            _ => format!("{base}谢谢！"),
        };
        campaign.push(submit(&db, sol, &text, "东湖街道").await);
    }
    let unrelated = [
        "建议公园晚上多开一盏路灯，老人散步看不清台阶。",
        "第三条的“适老化改造”应当包括加装电梯的补贴标准。",
        "希望把助餐点的菜单每周在社区公告栏公示。",
    ];
    for u in unrelated {
        submit(&db, sol, u, "西城街道").await;
    }
    let view = db::moderation::clusters(&db, Scope::ALL, sol)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(view.compared, 503);
    assert_eq!(
        view.clusters.len(),
        1,
        "{:?}",
        view.clusters
            .iter()
            .map(|c| c.members.len())
            .collect::<Vec<_>>()
    );
    let c = &view.clusters[0];
    assert_eq!(c.members.len(), 500);
    assert_eq!(
        c.main_id, campaign[0].0,
        "the earliest opinion is the main one"
    );

    // One post, as the cluster page's button sends it, merges the other 499.
    let app = start(db.clone()).await;
    account(&db, "merger", Role::Staff, None).await;
    let staff = app.sign_in("merger", PW).await;
    let page = app
        .get(
            &format!("/staff/solicitations/{sol}/clusters"),
            Some(&staff),
        )
        .await;
    assert!(page.body.contains("500 条相近意见"), "{}", page.body);
    assert!(page
        .body
        .contains(&format!("将其余 499 条并入 {}", c.main_code)));
    let values: Vec<String> = c
        .members
        .iter()
        .filter(|(id, _)| *id != c.main_id)
        .map(|(id, _)| format!("{id}:pending"))
        .collect();
    let back = format!("/staff/solicitations/{sol}/clusters");
    let mut form: Vec<(&str, &str)> = values.iter().map(|v| ("selected[]", v.as_str())).collect();
    form.push(("action", "merge"));
    form.push(("merge_into", &c.main_code));
    form.push(("return_to", &back));
    let r = app
        .post(
            "/api/staff/moderation/apply",
            &form,
            BROWSER_FORM,
            Some(&staff),
        )
        .await;
    let after = app.get(&r.location.unwrap(), Some(&staff)).await;
    assert!(
        after
            .body
            .contains("已将 499 条意见设为“已与相同意见合并”。"),
        "{}",
        after.body
    );
    assert!(after.body.contains("没有发现内容相近的待审核意见"));
    let merged: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM opinions WHERE status = 'merged' AND merged_into = $1",
    )
    .bind(c.main_id)
    .fetch_one(&db.pool)
    .await
    .unwrap();
    assert_eq!(merged, 499);
    assert_eq!(status_of(&db, c.main_id).await, "pending");
}
on_both!(
    campaign_cluster,
    a_campaign_is_one_cluster_merged_in_one_action
);

/// Every page of the district-wide queue for `keyword`, as ids in the order shown.
async fn all_pages(db: &Db, keyword: &str) -> Vec<i64> {
    let mut f = QueueFilter {
        keyword: Some(keyword.into()),
        ..Default::default()
    };
    let mut seen = Vec::new();
    loop {
        let page = db::moderation::queue(db, Scope::ALL, &f).await.unwrap();
        seen.extend(page.items.iter().map(|o| o.id));
        match page.next_after {
            Some(a) => f.after = Some(a),
            None => return seen,
        }
    }
}

/// The keyword filter finds, through the index of two-character pieces (migration 0013), exactly
/// the opinions whose text holds the keyword, as reading every text would: two-character words,
/// one character, digits in Chinese, text across punctuation and line breaks, a keyword that is
/// punctuation only; an opinion far back behind thousands of newer ones; and nothing else.
async fn the_keyword_index_finds_what_reading_every_text_finds(db: Db) {
    let (sol, _, _, _) = setup(&db).await;
    let texts = [
        "养老服务要加强，建议增加助餐点。",
        "物业费太高。\n停车位也不够",
        "停车难",
        "建议：第12条改为“每年公示一次”",
        "小区电梯",
        "梯",
        "ABC物业管理公司应当公示收费",
        "100%满意",
        "养 老",
        "",
    ];
    // The oldest opinion holds a word no other does, behind 2,100 newer ones.
    let (far_back, _) = submit(&db, sol, "远处的唯一词语：鹭鸶桥。", "东湖街道").await;
    let mut contents = vec![(far_back, "远处的唯一词语：鹭鸶桥。".to_string())];
    let mut tx = db.pool.begin().await.unwrap();
    for i in 0..2_100 {
        let text = format!("{}（第{i}份）", texts[i % texts.len()]);
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO opinions (tracking_code, access_key, solicitation_id, content, identity, \
             channel, received_on, status, station_id, created_at, updated_at) \
             SELECT $1, access_key, solicitation_id, $2, identity, channel, received_on, status, \
             station_id, created_at, updated_at FROM opinions WHERE id = $3 RETURNING id",
        )
        .bind(format!("YJ-TEST-{i:05}"))
        .bind(&text)
        .bind(far_back)
        .fetch_one(&mut *tx)
        .await
        .unwrap();
        contents.push((id, text));
    }
    tx.commit().await.unwrap();
    let pieces: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM opinion_grams")
        .fetch_one(&db.pool)
        .await
        .unwrap();
    assert_eq!(pieces, 2_101, "every opinion has its row of pieces");

    for keyword in [
        "养老",
        "物业",
        "停车",
        "梯",
        "鹭鸶桥",
        "第12条",
        "12",
        "。\n停",
        "，建议",
        "ABC物业",
        "100%",
        "养 老",
        "“每年",
        "（第7份）",
        "第20",
        "。",
        "：",
        "不存在的词",
    ] {
        let mut expected: Vec<i64> = contents
            .iter()
            // Words apart are each required, wherever they stand.
            .filter(|(_, t)| keyword.split_whitespace().all(|w| t.contains(w)))
            .map(|(id, _)| *id)
            .collect();
        expected.reverse();
        assert_eq!(
            all_pages(&db, keyword).await,
            expected,
            "the queue for {keyword:?} shows every opinion holding its words, newest first"
        );
    }
}
on_both!(
    keyword_index,
    the_keyword_index_finds_what_reading_every_text_finds
);
