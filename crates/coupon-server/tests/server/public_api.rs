//! The coupon page's endpoints: the public view and the staff's "Use" button.

use coupon_rules::Plan;
use serde_json::json;

use crate::support::TestServer;

#[tokio::test]
async fn the_public_view_shows_the_coupon_in_its_group_colours_with_its_template() {
    let server = TestServer::start_with_demo().await;
    let active = server.public("DEMOACTIVE000001").await;
    assert_eq!(active.code(), 0, "{}", active.raw);
    let view = active.result();
    assert_eq!(view["nm"], "10% off everything");
    assert_eq!((view["discTypeIdx"].as_i64(), view["disc"].as_f64()), (Some(457), Some(10.0)));
    assert_eq!(view["timezone"], "Asia/Seoul");
    assert_eq!(view["status"], "active");
    assert_eq!(
        (view["useLimit"].as_i64(), view["useCnt"].as_i64(), view["usesLeft"].as_i64()),
        (Some(1), Some(0), Some(1))
    );
    assert_eq!(view["onsite"], true);
    assert_eq!(view["url"], "https://example.com/shop");
    assert_eq!((view["color"].as_str(), view["background"].as_str()), (Some("#FFFFFFFF"), Some("#1E3A8AFF")));
    assert_eq!(view["template"]["title"], "Welcome offer");

    let group = server.public("DEMOGROUP0000001").await;
    let view = group.result();
    assert_eq!((view["color"].as_str(), view["background"].as_str()), (Some("#FFD700FF"), Some("#1A1A1AFF")));
    assert_eq!(view["url"], "https://example.com/vip", "the group's URL wins");
    assert!(view["template"].is_null());

    for (code, status) in [
        ("DEMOSCHEDULED001", "scheduled"),
        ("DEMOEXPIRED00001", "expired"),
        ("DEMOUSED00000001", "used_up"),
        ("DEMOOPEN00000001", "active"),
    ] {
        assert_eq!(server.public(code).await.result()["status"], status, "{code}");
    }
    let open = server.public("DEMOOPEN00000001").await;
    assert!(open.result()["usesLeft"].is_null(), "unlimited");
    let used = server.public("DEMOUSED00000001").await;
    assert!(used.result()["lastUsedAt"].is_string());
    assert_eq!(server.public("DEMONOURL0000001").await.result()["url"], "");
    assert_eq!(server.public("NOSUCHCOUPON0001").await.code(), 1005);
}

#[tokio::test]
async fn the_public_view_carries_no_secret() {
    let server = TestServer::start().await;
    let api = server.account(Plan::Enterprise).await;
    let code = api
        .coupon(json!({"onsiteYn": "Y", "onsitePwd": "Pw-secret-77", "memo": "memo-secret", "userId": "uid-secret",
                       "userNm": "name-secret", "userPhnno": "+82 10-5555-0000", "userEml": "mail@secret.example",
                       "userEtc1": "etc1-secret", "userEtc2": "etc2-secret", "domain": "coupons.secret.example",
                       "useLimit": 2}))
        .await;
    let reply = server.public(&code).await;
    assert_eq!(reply.code(), 0);
    for secret in [
        "Pw-secret-77",
        "argon2",
        "memo-secret",
        "uid-secret",
        "name-secret",
        "5555",
        "mail@secret",
        "etc1-secret",
        "etc2-secret",
        "secret.example",
        "onsitePwd",
        "memo",
        "userId",
        "userNm",
        "userPhnno",
        "userEml",
        "userEtc",
        "domain",
        "webhook",
        "hasOnsitePwd",
    ] {
        assert!(!reply.raw.contains(secret), "the public view leaks {secret:?}: {}", reply.raw);
    }
}

#[tokio::test]
async fn the_public_view_follows_edits_and_uses_at_once() {
    let server = TestServer::start().await;
    let api = server.account(Plan::Personal).await;
    let code = api.coupon(json!({"useLimit": 2, "userId": "u", "onsiteYn": "Y"})).await;
    assert_eq!(server.public(&code).await.result()["nm"], "Test coupon");
    assert_eq!(api.update(json!({"cpnNo": code, "nm": "Renamed"})).await.code(), 0);
    assert_eq!(server.public(&code).await.result()["nm"], "Renamed", "no stale cache after an edit");
    assert_eq!(server.use_coupon(&code, json!({})).await.code(), 0);
    let view = server.public(&code).await;
    assert_eq!((view.result()["useCnt"].as_i64(), view.result()["usesLeft"].as_i64()), (Some(1), Some(1)));
}

#[tokio::test]
async fn use_answers_with_the_count_and_refuses_coupons_that_cannot_be_used() {
    let server = TestServer::start().await;
    let api = server.account(Plan::Personal).await;
    let today = api.today().await;
    let code = api.coupon(json!({"useLimit": 1, "onsiteYn": "Y"})).await;
    let used = server.use_coupon(&code, json!({"idempotencyKey": "press-1"})).await;
    assert_eq!(used.code(), 0, "{}", used.raw);
    let receipt = used.result();
    assert_eq!(receipt["cpnNo"], code);
    assert_eq!(
        (receipt["useCnt"].as_i64(), receipt["useLimit"].as_i64(), receipt["usesLeft"].as_i64()),
        (Some(1), Some(1), Some(0))
    );
    assert_eq!(receipt["status"], "used_up");
    assert!(receipt["usedAt"].as_str().is_some_and(|t| t.len() == 20 && t.ends_with('Z')), "{}", used.raw);

    let again = server.use_coupon(&code, json!({"idempotencyKey": "press-2"})).await;
    assert_eq!((again.status, again.code()), (409, 1009));
    assert_eq!(again.result(), &json!({"reason": "used_up"}));

    let not_onsite = api.coupon(json!({"onsiteYn": "N"})).await;
    assert_eq!(server.use_coupon(&not_onsite, json!({})).await.result(), &json!({"reason": "not_onsite"}));
    let scheduled = api.coupon(json!({"onsiteYn": "Y", "strtYmd": today.add_days(1).to_string()})).await;
    assert_eq!(server.use_coupon(&scheduled, json!({})).await.result(), &json!({"reason": "scheduled"}));
    let expired = api
        .coupon(json!({"onsiteYn": "Y", "strtYmd": today.add_days(-5).to_string(),
                                    "endYmd": today.add_days(-1).to_string()}))
        .await;
    assert_eq!(server.use_coupon(&expired, json!({})).await.result(), &json!({"reason": "expired"}));
    assert_eq!(server.use_coupon("NOSUCHCOUPON0001", json!({})).await.code(), 1005);
}

#[tokio::test]
async fn a_retried_use_gets_the_first_answer_and_uses_the_coupon_once() {
    let server = TestServer::start().await;
    let api = server.account(Plan::Personal).await;
    let code = api.coupon(json!({"useLimit": 3, "userId": "u", "onsiteYn": "Y", "onsitePwd": "2468"})).await;
    let press = json!({"onsitePwd": "2468", "idempotencyKey": "6f1c-press"});
    let first = server.use_coupon(&code, press.clone()).await;
    assert_eq!(first.code(), 0, "{}", first.raw);
    let retry = server.use_coupon(&code, press).await;
    // The one-time undo token is shown once (stored as a digest): a retry gets the rest.
    let mut expected = first.body.clone();
    assert!(expected["result"].as_object_mut().unwrap().remove("undoToken").is_some(), "{}", first.raw);
    assert_eq!(retry.body, expected, "the retry gets the first answer");
    assert_eq!(api.get(&code).await.result()["useCnt"], 1);

    let next = server.use_coupon(&code, json!({"onsitePwd": "2468", "idempotencyKey": "7a2d-press"})).await;
    assert_eq!(next.result()["useCnt"], 2);
    let long_key = server.use_coupon(&code, json!({"onsitePwd": "2468", "idempotencyKey": "k".repeat(129)})).await;
    assert_eq!(long_key.errors(), vec![("idempotencyKey".to_owned(), "too_long".to_owned())]);
}

#[tokio::test]
async fn use_needs_the_store_password_and_a_json_body() {
    let server = TestServer::start().await;
    let api = server.account(Plan::Personal).await;
    let code = api.coupon(json!({"onsiteYn": "Y", "onsitePwd": "1357"})).await;
    let missing = server.use_coupon(&code, json!({})).await;
    assert_eq!((missing.status, missing.code()), (403, 1008));
    assert_eq!(missing.result(), &json!({"attemptsLeft": 5}), "no password typed: nothing was guessed");
    let wrong_type = server.use_coupon(&code, json!({"onsitePwd": 1357})).await;
    assert_eq!((wrong_type.status, wrong_type.code()), (400, 1001));
    assert!(wrong_type.message().contains("onsitePwd"), "{}", wrong_type.raw);
    let unknown = server.use_coupon(&code, json!({"password": "1357"})).await;
    assert_eq!(unknown.errors(), vec![("password".to_owned(), "unknown_field".to_owned())]);

    let url = format!("{}/api/public/v1/coupons/{code}/use", server.base);
    let post = |content_type: &'static str, body: String| {
        let request = server.http.post(&url).header("Content-Type", content_type).body(body);
        async move { crate::support::Reply::from(request.send().await.unwrap()).await }
    };
    assert_eq!(post("text/plain", "{}".into()).await.code(), 1012);
    assert_eq!(post("application/json", "\"1357\"".into()).await.code(), 1001);
    assert_eq!(post("application/json", format!("{{\"onsitePwd\":\"{}\"}}", "9".repeat(70_000))).await.code(), 1011);
    let right = server.use_coupon(&code, json!({"onsitePwd": "1357"})).await;
    assert_eq!(right.code(), 0, "{}", right.raw);
}
