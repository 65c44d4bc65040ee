//! The admin API: every endpoint's success and each of its error codes.

use coupon_rules::Plan;
use reqwest::Method;
use serde_json::json;

use crate::support::{send, TestServer};

#[tokio::test]
async fn create_generates_a_code_and_get_shows_the_coupon_without_its_password() {
    let server = TestServer::start().await;
    let api = server.account(Plan::Personal).await;
    let today = api.today().await;
    let reply = api
        .create(json!({"nm": "Welcome", "discTypeIdx": 458, "disc": 5.5, "discCurrency": "USD",
                       "endYmd": today.add_days(10).to_string(), "onsiteYn": "Y", "onsitePwd": "s3cret-pw",
                       "memo": "internal", "userEml": "a@example.com"}))
        .await;
    assert_eq!(reply.code(), 0, "{}", reply.raw);
    let code = reply.result().as_str().expect("the new code");
    assert!(code.len() == 16 && code.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit()), "{code}");

    let got = api.get(code).await;
    assert_eq!(got.code(), 0);
    let coupon = got.result();
    assert_eq!(coupon["cpnNo"], code);
    assert_eq!(coupon["disc"], 5.5);
    assert_eq!(coupon["discCurrency"], "USD");
    assert_eq!(coupon["strtYmd"], today.to_string(), "the start defaults to today");
    assert_eq!(coupon["hasOnsitePwd"], true);
    assert_eq!(coupon["memo"], "internal");
    assert_eq!(coupon["useCnt"], 0);
    assert!(!got.raw.contains("s3cret-pw") && !got.raw.contains("argon2"), "{}", got.raw);
    assert!(coupon.get("onsitePwd").is_none());
}

#[tokio::test]
async fn create_with_a_given_code_refuses_a_duplicate_and_reports_missing_fields() {
    let server = TestServer::start().await;
    let api = server.account(Plan::Personal).await;
    let other = server.account(Plan::Personal).await;
    let code = api.coupon(json!({"cpnNo": "MYCODE2026"})).await;
    assert_eq!(code, "MYCODE2026");
    let again = api
        .create(json!({"cpnNo": "MYCODE2026", "nm": "x", "discTypeIdx": 457, "disc": 1,
                                  "endYmd": api.today().await.to_string()}))
        .await;
    assert_eq!((again.status, again.code()), (409, 1010));
    let elsewhere = other
        .create(json!({"cpnNo": "MYCODE2026", "nm": "x", "discTypeIdx": 457, "disc": 1,
                                         "endYmd": api.today().await.to_string()}))
        .await;
    assert_eq!(elsewhere.code(), 1010, "codes are unique across accounts: the page URL names only the code");

    let empty = api.create(json!({})).await;
    assert_eq!((empty.status, empty.code()), (422, 1002));
    let fields: Vec<String> = empty.errors().into_iter().map(|(field, _)| field).collect();
    for required in ["nm", "discTypeIdx", "disc", "endYmd"] {
        assert!(fields.contains(&required.to_owned()), "{required} missing from {fields:?}");
    }
}

#[tokio::test]
async fn update_changes_only_the_fields_it_sends() {
    let server = TestServer::start().await;
    let api = server.account(Plan::Premium).await;
    let code = api
        .coupon(json!({"memo": "keep me", "url": "https://shop.example/a", "color": "#111111",
                       "userId": "u-1", "useLimit": 3, "onsiteYn": "Y", "onsitePwd": "pw1234"}))
        .await;
    let before = api.get(&code).await.result().clone();

    let reply = api.update(json!({"cpnNo": code, "nm": "Renamed", "domain": "coupons.example.com"})).await;
    assert_eq!(reply.code(), 0, "{}", reply.raw);
    assert_eq!(reply.result(), &json!(code));

    let after = api.get(&code).await.result().clone();
    assert_eq!(after["nm"], "Renamed");
    assert_eq!(after["domain"], "coupons.example.com");
    for unchanged in ["memo", "url", "color", "userId", "useLimit", "disc", "strtYmd", "endYmd", "hasOnsitePwd"] {
        assert_eq!(after[unchanged], before[unchanged], "{unchanged} changed");
    }

    // An empty password removes it; the coupon page then needs none.
    assert_eq!(api.update(json!({"cpnNo": code, "onsitePwd": ""})).await.code(), 0);
    assert_eq!(api.get(&code).await.result()["hasOnsitePwd"], false);
}

#[tokio::test]
async fn update_reports_every_rule_broken_with_warnings_in_the_requested_language() {
    let server = TestServer::start().await;
    let api = server.account(Plan::Personal).await;
    let code = api.coupon(json!({})).await;
    let body = json!({"cpnNo": code, "cpNo": "X", "endYmd": "2999-01-01", "useLimit": 9,
                      "url": "javascript:alert(1)", "color": "#FFFFFF", "background": "#FFFFFF"});
    let reply = api.update(body.clone()).await;
    assert_eq!((reply.status, reply.code()), (422, 1002), "{}", reply.raw);
    let errors = reply.errors();
    for expected in [
        ("cpNo", "unknown_field"),
        ("endYmd", "date_beyond_limit"),
        ("useLimit", "out_of_range"),
        ("url", "unsafe_url"),
    ] {
        assert!(errors.contains(&(expected.0.into(), expected.1.into())), "{expected:?} not in {errors:?}");
    }
    assert!(reply.warnings().contains(&("color".into(), "low_contrast".into())), "{}", reply.raw);
    let suggestion =
        &reply.result()["errors"].as_array().unwrap().iter().find(|e| e["field"] == "cpNo").unwrap()["params"];
    assert_eq!(suggestion["suggestion"], "cpnNo");

    let korean =
        send(&api.http, Method::PUT, &format!("{}/api/coupon/v1/update", api.base), Some(&api.key), None).await;
    assert_eq!(korean.code(), 1012, "no body, no content type");
    let request = api
        .http
        .put(format!("{}/api/coupon/v1/update", api.base))
        .header("Authorization", format!("APIKey {}", api.key))
        .header("Content-Type", "application/json")
        .header("Accept-Language", "ko-KR,ko;q=0.9,en;q=0.8")
        .body(body.to_string());
    let korean = crate::support::Reply::from(request.send().await.unwrap()).await;
    assert_eq!(korean.code(), 1002);
    assert!(korean.message().contains("올바르지"), "{}", korean.message());
    let first = &korean.result()["errors"][0]["message"];
    assert!(first.as_str().unwrap().chars().any(|c| ('가'..='힣').contains(&c)), "{first}");
}

#[tokio::test]
async fn update_refuses_malformed_bodies() {
    let server = TestServer::start().await;
    let api = server.account(Plan::Personal).await;
    let code = api.coupon(json!({})).await;
    let url = format!("{}/api/coupon/v1/update", api.base);
    let raw = |content_type: &'static str, body: String| {
        let request = api
            .http
            .put(&url)
            .header("Authorization", format!("APIKey {}", api.key))
            .header("Content-Type", content_type)
            .body(body);
        async move { crate::support::Reply::from(request.send().await.unwrap()).await }
    };

    let not_object = raw("application/json", "[1,2]".into()).await;
    assert_eq!((not_object.status, not_object.code()), (400, 1001));
    let broken = raw("application/json", "{\"cpnNo\":".into()).await;
    assert_eq!((broken.status, broken.code()), (400, 1001));
    let wrong_type = api.update(json!({"cpnNo": code, "disc": "ten", "useLimit": 1.5})).await;
    assert_eq!((wrong_type.status, wrong_type.code()), (400, 1001));
    assert!(wrong_type.message().contains("disc") && wrong_type.message().contains("useLimit"), "{}", wrong_type.raw);
    assert!(wrong_type.result().is_null());

    let too_large =
        raw("application/json", format!("{{\"cpnNo\":\"{code}\",\"memo\":\"{}\"}}", "m".repeat(70_000))).await;
    assert_eq!((too_large.status, too_large.code()), (413, 1011));
    let form = raw("application/x-www-form-urlencoded", format!("cpnNo={code}")).await;
    assert_eq!((form.status, form.code()), (415, 1012));
    let with_charset = raw("application/json; charset=utf-8", json!({"cpnNo": code, "memo": "ok"}).to_string()).await;
    assert_eq!(with_charset.code(), 0, "{}", with_charset.raw);
}

#[tokio::test]
async fn unknown_coupons_and_keys_are_refused() {
    let server = TestServer::start().await;
    let api = server.account(Plan::Personal).await;
    let missing = api.update(json!({"cpnNo": "NOSUCHCOUPON01", "nm": "x"})).await;
    assert_eq!((missing.status, missing.code()), (404, 1005));
    assert_eq!(api.get("NOSUCHCOUPON01").await.code(), 1005);
    assert_eq!(api.delete("NOSUCHCOUPON01").await.code(), 1005);
    assert_eq!(api.validate("NOSUCHCOUPON01").await.code(), 1005);
    assert_eq!(api.redeem(json!({"cpnNo": "NOSUCHCOUPON01"})).await.code(), 1005);

    let no_param = api.get("").await;
    assert_eq!((no_param.status, no_param.code()), (422, 1002));
    assert_eq!(no_param.errors(), vec![("cpnNo".to_owned(), "required".to_owned())]);

    let no_key = server.send(Method::GET, "/api/coupon/v1/context", None).await;
    assert_eq!((no_key.status, no_key.code()), (401, 1003));
    let mut stranger = api.clone();
    stranger.key = "ck_not-a-real-key".into();
    let unknown = stranger.update(json!({"cpnNo": "NOSUCHCOUPON01"})).await;
    assert_eq!((unknown.status, unknown.code()), (401, 1003));
}

#[tokio::test]
async fn plans_gate_the_api_and_premium_fields() {
    let server = TestServer::start().await;
    let free = server.account(Plan::Free).await;
    let refused = free.send(Method::GET, "/context", None).await;
    assert_eq!((refused.status, refused.code()), (403, 1004));
    assert_eq!(refused.result(), &json!({"required": "personal"}));
    assert_eq!(free.create(json!({})).await.code(), 1004);

    let personal = server.account(Plan::Personal).await;
    let code = personal.coupon(json!({})).await;
    let domain = personal.update(json!({"cpnNo": code, "domain": "coupons.example.com"})).await;
    assert_eq!((domain.status, domain.code()), (403, 1004), "{}", domain.raw);
    assert_eq!(domain.result()["required"], "premium");
    let webhook = personal.update(json!({"cpnNo": code, "webhookEnableYn": "Y"})).await;
    assert_eq!(webhook.result()["required"], "enterprise");
    assert_eq!(personal.get(&code).await.result()["domain"], "", "nothing was written");
}

#[tokio::test]
async fn a_used_coupon_keeps_everything_but_its_memo() {
    let server = TestServer::start().await;
    let api = server.account(Plan::Personal).await;
    let code = api.coupon(json!({"useLimit": 1, "onsiteYn": "Y"})).await;
    assert_eq!(server.use_coupon(&code, json!({})).await.code(), 0);

    let locked = api.update(json!({"cpnNo": code, "nm": "Changed", "disc": 50, "memo": "noted"})).await;
    assert_eq!((locked.status, locked.code()), (409, 1006), "{}", locked.raw);
    let fields: Vec<String> = locked.errors().into_iter().map(|(field, _)| field).collect();
    assert_eq!(fields, ["nm", "disc"]);
    assert!(locked.errors().iter().all(|(_, code)| code == "locked_after_use"));

    assert_eq!(api.update(json!({"cpnNo": code, "memo": "noted"})).await.code(), 0);
    let resent = api.update(json!({"cpnNo": code, "nm": "Test coupon", "disc": 10})).await;
    assert_eq!(resent.code(), 0, "unchanged values may be resent: {}", resent.raw);
    let stored = api.get(&code).await;
    assert_eq!(
        (stored.result()["memo"].as_str(), stored.result()["nm"].as_str()),
        (Some("noted"), Some("Test coupon"))
    );
}

#[tokio::test]
async fn validate_says_whether_a_coupon_can_be_used_now() {
    let server = TestServer::start().await;
    let api = server.account(Plan::Personal).await;
    let today = api.today().await;
    let active = api.coupon(json!({})).await;
    let ok = api.validate(&active).await;
    assert_eq!(ok.code(), 0);
    assert_eq!(ok.result()["cpnNo"], active);

    let scheduled = api.coupon(json!({"strtYmd": today.add_days(2).to_string()})).await;
    let expired =
        api.coupon(json!({"strtYmd": today.add_days(-9).to_string(), "endYmd": today.add_days(-1).to_string()})).await;
    let used = api.coupon(json!({"useLimit": 1})).await;
    assert_eq!(api.redeem(json!({"cpnNo": used})).await.code(), 0);
    for (code, reason) in [(scheduled, "scheduled"), (expired, "expired"), (used, "used_up")] {
        let reply = api.validate(&code).await;
        assert_eq!((reply.status, reply.code()), (409, 1009));
        assert_eq!(reply.result(), &json!({"reason": reason}));
    }
}

#[tokio::test]
async fn redeem_uses_a_coupon_checks_a_given_password_and_logs_who() {
    let server = TestServer::start().await;
    let api = server.account(Plan::Personal).await;
    let code = api.coupon(json!({"useLimit": 2, "userId": "member-7", "onsiteYn": "Y", "onsitePwd": "4321"})).await;

    let wrong = api.redeem(json!({"cpnNo": code, "onsitePwd": "0000"})).await;
    assert_eq!((wrong.status, wrong.code()), (403, 1008));
    assert_eq!(wrong.result(), &json!({"attemptsLeft": 4}));

    let first = api.redeem(json!({"cpnNo": code, "userId": "member-7", "memo": "till 2"})).await;
    assert_eq!(first.code(), 0, "{}", first.raw);
    assert_eq!(first.result()["useCnt"], 1);
    assert_eq!(first.result()["usesLeft"], 1);
    assert_eq!(first.result()["status"], "active");
    let second = api.redeem(json!({"cpnNo": code, "onsitePwd": "4321"})).await;
    assert_eq!((second.result()["useCnt"].as_i64(), second.result()["status"].as_str()), (Some(2), Some("used_up")));
    let third = api.redeem(json!({"cpnNo": code})).await;
    assert_eq!((third.status, third.code()), (409, 1009));

    let stored = api.get(&code).await;
    assert_eq!(stored.result()["useCnt"], 2);
    assert!(stored.result()["lastUsedAt"].as_str().is_some_and(|t| t.ends_with('Z')), "{}", stored.raw);

    let missing = api.redeem(json!({"onsitePwd": "4321"})).await;
    assert_eq!(missing.errors(), vec![("cpnNo".to_owned(), "required".to_owned())]);
    let unknown = api.redeem(json!({"cpnNo": code, "pasword": "4321"})).await;
    assert_eq!(unknown.errors(), vec![("pasword".to_owned(), "unknown_field".to_owned())]);
    assert_eq!(api.redeem(json!({"cpnNo": 7})).await.code(), 1001);
    let long_note = api.redeem(json!({"cpnNo": code, "memo": "m".repeat(2001)})).await;
    assert_eq!((long_note.status, long_note.code()), (422, 1002));
    assert_eq!(long_note.errors(), vec![("memo".to_owned(), "too_long".to_owned())]);
}

#[tokio::test]
async fn delete_removes_the_coupon_for_good() {
    let server = TestServer::start().await;
    let api = server.account(Plan::Personal).await;
    let code = api.coupon(json!({})).await;
    assert_eq!(server.public(&code).await.code(), 0);
    let deleted = api.delete(&code).await;
    assert_eq!((deleted.code(), deleted.result().as_str()), (0, Some(code.as_str())));
    assert_eq!(api.get(&code).await.code(), 1005);
    assert_eq!(server.public(&code).await.code(), 1005, "the public view is gone too");
    assert_eq!(api.delete(&code).await.code(), 1005);
}

#[tokio::test]
async fn context_gives_the_form_everything_it_validates_against() {
    let server = TestServer::start_with_demo().await;
    let reply = server.demo_api().send(Method::GET, "/context", None).await;
    assert_eq!(reply.code(), 0);
    let context: coupon_rules::Context = serde_json::from_value(reply.result().clone()).expect("a rules context");
    assert_eq!(context.plan, Plan::Business);
    assert_eq!(context.timezone, "Asia/Seoul");
    assert!(!context.global_webhook);
    assert_eq!(context.group(1).map(|g| g.name.as_str()), Some("VIP"));
    assert_eq!(context.template(1).map(|t| t.content.title.as_str()), Some("Welcome offer"));
    assert!(context.stored.is_none());
}

#[tokio::test]
async fn unknown_paths_and_methods_answer_with_an_envelope() {
    let server = TestServer::start().await;
    let nothing = server.send(Method::GET, "/api/coupon/v1/nothing", None).await;
    assert_eq!((nothing.status, nothing.code()), (404, 1005));
    let method = server.send(Method::DELETE, "/api/coupon/v1/update", None).await;
    assert_eq!((method.status, method.code()), (405, 1001));
}
