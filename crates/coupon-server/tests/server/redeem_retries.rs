//! A till that retries `PUT /redeem` with its idempotency key never uses a coupon twice.

use coupon_rules::Plan;
use reqwest::Method;
use serde_json::{json, Value};
use tokio::task::JoinSet;

use crate::support::{Api, Reply, TestServer};

/// `PUT /redeem` with this body and, when given, an `Idempotency-Key` header.
async fn redeem(api: &Api, body: Value, header: Option<&str>) -> Reply {
    let mut request = api
        .http
        .request(Method::PUT, format!("{}/api/coupon/v1/redeem", api.base))
        .header("Authorization", format!("APIKey {}", api.key))
        .json(&body);
    if let Some(key) = header {
        request = request.header("Idempotency-Key", key);
    }
    Reply::from(request.send().await.expect("answered")).await
}

#[tokio::test]
async fn the_same_key_gives_the_same_receipt_and_one_use() {
    let server = TestServer::start().await;
    let api = server.account(Plan::Personal).await;
    let code = api.coupon(json!({"useLimit": 0})).await;
    let body = json!({"cpnNo": code, "userId": "till-3", "memo": "order 77", "idempotencyKey": "till-3-order-77"});
    let first = redeem(&api, body.clone(), None).await;
    assert_eq!(first.code(), 0, "{}", first.raw);
    let again = redeem(&api, body.clone(), None).await;
    assert_eq!(again.result(), first.result(), "a retry gets the first receipt");
    assert_eq!(api.get(&code).await.result()["useCnt"], 1);

    // The key in the header works the same; a new key is a new use.
    let in_header = json!({"cpnNo": code, "userId": "till-3", "memo": "order 78"});
    let by_header = redeem(&api, in_header.clone(), Some("till-3-order-78")).await;
    assert_eq!(by_header.result()["useCnt"], 2, "{}", by_header.raw);
    assert_eq!(redeem(&api, in_header, Some("till-3-order-78")).await.result(), by_header.result());
    assert_eq!(api.get(&code).await.result()["useCnt"], 2);
    server.stop().await;
}

#[tokio::test]
async fn the_same_key_with_another_request_is_refused_on_the_field() {
    let server = TestServer::start().await;
    let api = server.account(Plan::Personal).await;
    let code = api.coupon(json!({"useLimit": 0})).await;
    let first = redeem(&api, json!({"cpnNo": code, "memo": "order 1", "idempotencyKey": "k-1"}), None).await;
    assert_eq!(first.code(), 0);
    let other = redeem(&api, json!({"cpnNo": code, "memo": "order 2", "idempotencyKey": "k-1"}), None).await;
    assert_eq!((other.status, other.code()), (422, 1002), "{}", other.raw);
    assert_eq!(other.errors(), [("idempotencyKey".to_owned(), "idempotency_key_reused".to_owned())]);
    assert!(!other.result()["errors"][0]["message"].as_str().unwrap_or("").is_empty());
    let disagreeing = redeem(&api, json!({"cpnNo": code, "idempotencyKey": "k-2"}), Some("k-3")).await;
    assert_eq!(disagreeing.errors(), [("idempotencyKey".to_owned(), "conflict".to_owned())]);
    let long = redeem(&api, json!({"cpnNo": code, "idempotencyKey": "k".repeat(129)}), None).await;
    assert_eq!(long.errors(), [("idempotencyKey".to_owned(), "too_long".to_owned())]);
    assert_eq!(api.get(&code).await.result()["useCnt"], 1, "nothing else was used");
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn twenty_copies_of_one_retry_in_flight_use_the_coupon_once() {
    let server = TestServer::start().await;
    let api = server.account(Plan::Personal).await;
    let code = api.coupon(json!({"useLimit": 0})).await;
    let body = json!({"cpnNo": code, "memo": "order 5", "idempotencyKey": "till-1-order-5"});
    let mut copies = JoinSet::new();
    for _ in 0..20 {
        let (api, body) = (api.clone(), body.clone());
        copies.spawn(async move { redeem(&api, body, None).await.result().clone() });
    }
    let receipts = copies.join_all().await;
    assert!(receipts.iter().all(|r| r == &receipts[0] && r["useCnt"] == 1), "{receipts:?}");
    assert_eq!(api.get(&code).await.result()["useCnt"], 1);
    server.stop().await;
}
