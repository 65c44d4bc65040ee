//! One account can neither see nor change another's coupons: to it they do not exist (1005), with
//! an API key or with the second vendor's credentials.

use coupon_rules::Plan;
use reqwest::Method;
use serde_json::json;

use crate::support::{TestServer, Vendor};

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

#[tokio::test]
async fn vendor_credentials_reach_only_their_own_accounts_coupons() {
    let server = TestServer::start().await;
    let owner = server.account(Plan::Personal).await;
    let intruder = server.account(Plan::Personal).await;
    let owner_vendor = server.vendor(&owner).await;
    let intruder_vendor = server.vendor(&intruder).await;
    let code = owner.coupon(json!({})).await;
    assert_eq!(owner_vendor.update(json!({"coupon_code": code, "new_group": "Owners"})).await.updated(), 1);

    let by_code = intruder_vendor.update(json!({"coupon_code": code, "discount_amount": 99})).await;
    assert_eq!(by_code.code(), 1005, "{}", by_code.reply.raw);
    let by_group = intruder_vendor.update(json!({"group": "Owners", "discount_amount": 99})).await;
    assert_eq!(by_group.code(), 1005, "another account's group does not exist for this one");
    let mixed = Vendor { auth_code: owner_vendor.auth_code.clone(), ..intruder_vendor.clone() };
    assert_eq!(mixed.update(json!({"coupon_code": code, "discount_amount": 99})).await.code(), 107);
    let wrong = Vendor { auth_code: "0123456789abcdef0123456789abcdef".into(), ..owner_vendor.clone() };
    let refused = wrong.update(json!({"coupon_code": code, "discount_amount": 99})).await;
    assert_eq!((refused.code(), refused.errors()), (107, vec![]));
    let unknown = Vendor { vendor_id: 987_654, ..owner_vendor.clone() };
    assert_eq!(unknown.update(json!({"coupon_code": code, "discount_amount": 99})).await.code(), 107);
    let intruder_groups = intruder.send(Method::GET, "/context", None).await;
    assert!(!intruder_groups.raw.contains("Owners"));
    assert_eq!(intruder.send(Method::GET, "/list?grpIdx=1", None).await.code(), 1002, "no group 1 for it");

    assert_eq!(owner.get(&code).await.result()["disc"], 10.0, "nothing reached the owner's coupon");
    server.stop().await;
}

#[tokio::test]
async fn an_account_whose_plan_lacks_the_api_is_refused_by_the_vendor_dialect_too() {
    let server = TestServer::start().await;
    let free = server.account(Plan::Free).await;
    let vendor = server.vendor(&free).await;
    let reply = vendor.update(json!({"coupon_code": "ANYCODE0001", "discount_amount": 5})).await;
    assert_eq!(reply.code(), 107);
    assert!(reply.message().contains("plan"), "{}", reply.message());
    server.stop().await;
}
