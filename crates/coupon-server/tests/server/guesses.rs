//! Wrong store passwords are counted in the store: per coupon and per account, when they arrive,
//! through restarts, and never for a coupon they were not made at.

use std::time::Duration;

use coupon_rules::Plan;
use serde_json::json;

use crate::support::{abandoned_guess, Reply, TestServer};

const PASSWORD: &str = "8642";

/// A wrong guess's answer code.
async fn guess(server: &TestServer, code: &str, password: &str) -> Reply {
    server.use_coupon(code, json!({"onsitePwd": password})).await
}

/// Seconds of a lockout's `Retry-After` (a lockout, not a moment's refusal: more than a minute).
fn locked_for(reply: &Reply) -> u64 {
    assert_eq!((reply.status, reply.code()), (429, 1007), "{}", reply.raw);
    reply.headers["retry-after"].to_str().unwrap().parse().expect("seconds")
}

#[tokio::test]
async fn a_lockout_survives_a_restart() {
    let server = TestServer::start().await;
    let api = server.account(Plan::Personal).await;
    let code = api.coupon(json!({"onsiteYn": "Y", "onsitePwd": PASSWORD})).await;
    for _ in 0..5 {
        assert_eq!(guess(&server, &code, "0000").await.code(), 1008);
    }
    let server = server.restart().await;
    assert!(locked_for(&guess(&server, &code, PASSWORD).await) > 60, "still locked after the restart");
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn guesses_whose_clients_hang_up_still_count() {
    let server = TestServer::start().await;
    let api = server.account(Plan::Personal).await;
    let code = api.coupon(json!({"onsiteYn": "Y", "onsitePwd": PASSWORD})).await;
    let addr = server.base.strip_prefix("http://").expect("http").to_owned();
    for _ in 0..200 {
        abandoned_guess(&addr, &code, "0000").await;
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    // The checks finish on their own; the count is what they leave behind.
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert!(locked_for(&guess(&server, &code, PASSWORD).await) > 60, "200 abandoned guesses lock the coupon");
    assert_eq!(api.get(&code).await.result()["useCnt"], 0);
    server.stop().await;
}

#[tokio::test]
async fn an_account_has_a_budget_of_fifty_wrong_guesses_over_all_its_coupons() {
    let server = TestServer::start().await;
    let api = server.account(Plan::Personal).await;
    let campaign = json!({"onsiteYn": "Y", "onsitePwd": PASSWORD});
    let mut coupons = Vec::new();
    for _ in 0..11 {
        coupons.push(api.coupon(campaign.clone()).await);
    }
    for code in &coupons[..10] {
        for _ in 0..5 {
            assert_eq!(guess(&server, code, "0000").await.code(), 1008);
        }
    }
    let fresh = &coupons[10];
    assert!(locked_for(&guess(&server, fresh, PASSWORD).await) > 60, "the 51st guess at the account is refused");
    let other = server.account(Plan::Personal).await;
    let elsewhere = other.coupon(campaign).await;
    assert_eq!(guess(&server, &elsewhere, "0000").await.code(), 1008, "other accounts are not affected");
    server.stop().await;
}

#[tokio::test]
async fn a_deleted_coupons_lockout_never_passes_to_a_new_coupon() {
    let server = TestServer::start().await;
    let api = server.account(Plan::Personal).await;
    let code = api.coupon(json!({"onsiteYn": "Y", "onsitePwd": PASSWORD})).await;
    for _ in 0..5 {
        assert_eq!(guess(&server, &code, "0000").await.code(), 1008);
    }
    assert_eq!(api.delete(&code).await.code(), 0);
    // The same code again (and on SQLite, likely the same row id).
    let again = api.coupon(json!({"cpnNo": code, "onsiteYn": "Y", "onsitePwd": PASSWORD})).await;
    let wrong = guess(&server, &again, "0000").await;
    assert_eq!((wrong.code(), &wrong.result()["attemptsLeft"]), (1008, &json!(4)), "{}", wrong.raw);
    assert_eq!(guess(&server, &again, PASSWORD).await.code(), 0, "the new coupon is usable");
    server.stop().await;
}
