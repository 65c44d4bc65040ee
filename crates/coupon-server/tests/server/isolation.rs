//! One account can neither see nor change another's coupons: to it they do not exist (1005).

use coupon_rules::Plan;
use reqwest::Method;
use serde_json::json;

use crate::support::TestServer;

#[tokio::test]
async fn another_accounts_coupon_is_not_found_for_every_endpoint() {
    let server = TestServer::start().await;
    let owner = server.account(Plan::Personal).await;
    let intruder = server.account(Plan::Enterprise).await;
    let code = owner.coupon(json!({"memo": "owner's note", "useLimit": 1})).await;

    assert_eq!(intruder.get(&code).await.code(), 1005);
    assert_eq!(intruder.validate(&code).await.code(), 1005);
    assert_eq!(intruder.update(json!({"cpnNo": code, "memo": "mine now"})).await.code(), 1005);
    assert_eq!(intruder.redeem(json!({"cpnNo": code})).await.code(), 1005);
    assert_eq!(intruder.delete(&code).await.code(), 1005);
    let listed = intruder.send(Method::GET, "/context", None).await;
    assert!(!listed.raw.contains(&code));

    let untouched = owner.get(&code).await;
    assert_eq!(untouched.result()["memo"], "owner's note");
    assert_eq!(untouched.result()["useCnt"], 0);
    server.stop().await;
}
