//! Undoing a use: the admin's `POST /undo-use` (count down, log kept, status recomputed, a second
//! undo changes nothing, race-free with 50 uses at once) and the page's one-time token (60 s).

use coupon_rules::Plan;
use reqwest::Method;
use serde_json::{json, Value};

use crate::support::{Api, Reply, TestServer};

async fn undo(api: &Api, body: Value) -> Reply {
    api.send(Method::POST, "/undo-use", Some(&body)).await
}

async fn history(api: &Api, code: &str) -> Vec<Value> {
    let reply = api.send(Method::GET, &format!("/history?cpnNo={code}&limit=200"), None).await;
    assert_eq!(reply.code(), 0, "{}", reply.raw);
    reply.result()["entries"].as_array().unwrap().clone()
}

#[tokio::test]
async fn an_undone_use_counts_no_more_stays_in_the_log_and_unlocks_the_coupon() {
    let server = TestServer::start().await;
    let api = server.account(Plan::Personal).await;
    let code = api.coupon(json!({"useLimit": 1, "userId": "u-1"})).await;
    let used = api.redeem(json!({"cpnNo": code})).await;
    assert_eq!((used.result()["status"].as_str(), used.result()["useNo"].as_i64()), (Some("used_up"), Some(1)));
    assert!(used.result().get("undoToken").is_none(), "an API use has no page token: {}", used.raw);
    assert_eq!(api.update(json!({"cpnNo": code, "nm": "Renamed"})).await.code(), 1006, "locked after use");

    let reply = undo(&api, json!({"cpnNo": code, "useNo": 1, "reason": "pressed by mistake"})).await;
    assert_eq!(reply.code(), 0, "{}", reply.raw);
    assert_eq!(
        reply.result(),
        &json!({"cpnNo": code, "useNo": 1, "undone": true, "useCnt": 0, "usesLeft": 1, "status": "active"})
    );
    let again = undo(&api, json!({"cpnNo": code, "useNo": 1, "reason": "twice"})).await;
    assert_eq!((again.result()["undone"].as_bool(), again.result()["useCnt"].as_i64()), (Some(false), Some(0)));
    assert_eq!(api.get(&code).await.result()["useCnt"], 0);
    assert_eq!(api.update(json!({"cpnNo": code, "nm": "Renamed"})).await.code(), 0, "no longer used: editable");

    let next = api.redeem(json!({"cpnNo": code})).await;
    assert_eq!((next.result()["useNo"].as_i64(), next.result()["useCnt"].as_i64()), (Some(2), Some(1)));
    let timeline = history(&api, &code).await;
    let undos: Vec<&Value> = timeline.iter().filter(|e| e["kind"] == "undo").collect();
    assert_eq!(undos.len(), 1, "{timeline:?}");
    assert_eq!(undos[0]["reason"], "pressed by mistake");
    assert_eq!(undos[0]["by"], json!({"kind": "api_key", "name": "Test key"}));
    let first = timeline.iter().find(|e| e["kind"] == "use" && e["useNo"] == 1).expect("the use is kept");
    assert!(first["undoneAt"].is_string(), "{first}");
    let second = timeline.iter().find(|e| e["kind"] == "use" && e["useNo"] == 2).expect("the new use");
    assert!(second["undoneAt"].is_null());

    assert_eq!(undo(&api, json!({"cpnNo": code, "useNo": 9})).await.code(), 1005, "no such use");
    let other = server.account(Plan::Personal).await;
    assert_eq!(undo(&other, json!({"cpnNo": code, "useNo": 2})).await.code(), 1005, "another account's coupon");
    let refused = undo(&api, json!({"useNo": 0, "reason": "x".repeat(201)})).await;
    let mut errors = refused.errors();
    errors.sort();
    let expected = [("cpnNo", "required"), ("reason", "too_long"), ("useNo", "out_of_range")];
    assert_eq!(errors, expected.map(|(f, c)| (f.to_owned(), c.to_owned())), "{}", refused.raw);
    assert_eq!(undo(&api, json!({"cpnNo": code, "useNo": "1"})).await.code(), 1001);
}

/// The uses counted, from the log: every use not undone.
fn counted(timeline: &[Value]) -> i64 {
    timeline.iter().filter(|e| e["kind"] == "use" && e["undoneAt"].is_null()).count() as i64
}

#[tokio::test]
async fn fifty_uses_at_once_with_undos_count_exactly() {
    let server = TestServer::start().await;
    let api = server.account(Plan::Personal).await;
    let code = api.coupon(json!({})).await;
    for _ in 0..10 {
        assert_eq!(api.redeem(json!({"cpnNo": code})).await.code(), 0);
    }
    // 50 uses, and undos of uses 1–10, each asked for twice, all at once.
    let mut tasks = Vec::new();
    for i in 0..50 {
        let (api, code) = (api.clone(), code.clone());
        tasks.push(tokio::spawn(
            async move { api.redeem(json!({"cpnNo": code, "memo": format!("u{i}")})).await.code() },
        ));
    }
    for use_no in (1..=10).chain(1..=10) {
        let (api, code) = (api.clone(), code.clone());
        tasks.push(tokio::spawn(async move {
            undo(&api, json!({"cpnNo": code, "useNo": use_no, "reason": "race"})).await.code()
        }));
    }
    for task in tasks {
        assert_eq!(task.await.unwrap(), 0);
    }
    let timeline = history(&api, &code).await;
    assert_eq!(api.get(&code).await.result()["useCnt"], 50, "10 + 50 uses, 10 undone once each");
    assert_eq!(counted(&timeline), 50);
    assert_eq!(timeline.iter().filter(|e| e["kind"] == "undo").count(), 10, "each use undone once");
    let mut numbers: Vec<i64> =
        timeline.iter().filter(|e| e["kind"] == "use").map(|e| e["useNo"].as_i64().unwrap()).collect();
    numbers.sort_unstable();
    assert_eq!(numbers, (1..=60).collect::<Vec<_>>(), "every use has its own number");
}

#[tokio::test]
async fn a_limited_coupon_used_up_and_undone_during_50_uses_never_exceeds_its_limit() {
    let server = TestServer::start().await;
    let api = server.account(Plan::Personal).await;
    let code = api.coupon(json!({"useLimit": 5, "userId": "u"})).await;
    for _ in 0..5 {
        assert_eq!(api.redeem(json!({"cpnNo": code})).await.code(), 0);
    }
    let mut uses = Vec::new();
    for _ in 0..50 {
        let (api, code) = (api.clone(), code.clone());
        uses.push(tokio::spawn(async move { api.redeem(json!({"cpnNo": code})).await.code() }));
    }
    let undos: Vec<_> = (1..=2)
        .map(|use_no| {
            let (api, code) = (api.clone(), code.clone());
            tokio::spawn(async move { undo(&api, json!({"cpnNo": code, "useNo": use_no})).await.code() })
        })
        .collect();
    let mut accepted = 0;
    for task in uses {
        match task.await.unwrap() {
            0 => accepted += 1,
            code => assert_eq!(code, 1009, "refused as used up"),
        }
    }
    for task in undos {
        assert_eq!(task.await.unwrap(), 0);
    }
    assert!(accepted <= 2, "at most the two undone uses were used again: {accepted}");
    let use_cnt = api.get(&code).await.result()["useCnt"].as_i64().unwrap();
    assert_eq!(use_cnt, 3 + accepted, "5 - 2 undone + accepted");
    assert_eq!(counted(&history(&api, &code).await), use_cnt, "the count agrees with the log");
}

#[tokio::test]
async fn the_page_receipt_token_undoes_its_use_once_within_a_minute() {
    let server = TestServer::start_with_demo().await;
    let api = server.demo_api();
    let code = "DEMOACTIVE000001";
    let password = coupon_server::demo::STORE_PASSWORD;
    let before = api.get(code).await.result()["useCnt"].as_i64().unwrap();
    let used = server.use_coupon(code, json!({"onsitePwd": password, "idempotencyKey": "press-1"})).await;
    assert_eq!(used.code(), 0, "{}", used.raw);
    let token = used.result()["undoToken"].as_str().expect("a page receipt carries an undo token").to_owned();
    let retry = server.use_coupon(code, json!({"onsitePwd": password, "idempotencyKey": "press-1"})).await;
    assert!(retry.result().get("undoToken").is_none(), "a retry's answer has no token: {}", retry.raw);
    assert_eq!(api.get(code).await.result()["useCnt"].as_i64(), Some(before + 1));

    let path = format!("/api/public/v1/coupons/{code}/undo-use");
    let wrong = server.send(Method::POST, &path, Some(&json!({"undoToken": "ck_guess"}))).await;
    assert_eq!(wrong.errors(), vec![("undoToken".to_owned(), "undo_expired".to_owned())]);
    let undone = server.send(Method::POST, &path, Some(&json!({"undoToken": token}))).await;
    assert_eq!(undone.code(), 0, "{}", undone.raw);
    assert_eq!((undone.result()["undone"].as_bool(), undone.result()["useCnt"].as_i64()), (Some(true), Some(before)));
    let twice = server.send(Method::POST, &path, Some(&json!({"undoToken": token}))).await;
    assert_eq!((twice.code(), twice.errors()), (1002, vec![("undoToken".to_owned(), "undo_expired".to_owned())]));
    assert_eq!(api.get(code).await.result()["useCnt"].as_i64(), Some(before), "taken once only");
    let undo_entry = history(&api, code).await.into_iter().find(|e| e["kind"] == "undo").expect("an undo");
    assert_eq!(undo_entry["by"]["kind"], "page");

    // A minute later the token no longer works (the use is made older behind the server's back).
    let late = server.use_coupon(code, json!({"onsitePwd": password})).await;
    let late_token = late.result()["undoToken"].as_str().unwrap().to_owned();
    server
        .db
        .execute(
            "UPDATE coupon_uses SET used_at = $1 WHERE undone_at IS NULL AND undo_token_sha256 IS NOT NULL",
            "2020-01-01T00:00:00Z",
        )
        .await;
    let expired = server.send(Method::POST, &path, Some(&json!({"undoToken": late_token}))).await;
    assert_eq!(expired.errors(), vec![("undoToken".to_owned(), "undo_expired".to_owned())]);
    assert_eq!(api.get(code).await.result()["useCnt"].as_i64(), Some(before + 1));
    let other = server
        .send(Method::POST, "/api/public/v1/coupons/NOSUCHCOUPON0000/undo-use", Some(&json!({"undoToken": token})))
        .await;
    assert_eq!(other.code(), 1005);
}
