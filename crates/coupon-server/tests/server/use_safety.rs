//! A limit is never exceeded, whatever arrives at once; store passwords cannot be guessed.

use coupon_rules::Plan;
use serde_json::json;
use tokio::task::JoinSet;

use crate::support::TestServer;

const ROUNDS: usize = 20;
const CONCURRENT: usize = 50;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn fifty_concurrent_uses_never_exceed_the_limit() {
    let server = TestServer::start().await;
    let api = server.account(Plan::Personal).await;
    for round in 0..ROUNDS {
        for limit in [1_i64, 3] {
            let code = api.coupon(json!({"useLimit": limit, "userId": "racer", "onsiteYn": "Y"})).await;
            let mut uses = JoinSet::new();
            for press in 0..CONCURRENT {
                let (http, url) = (server.http.clone(), format!("{}/api/public/v1/coupons/{code}/use", server.base));
                uses.spawn(async move {
                    let body = json!({"idempotencyKey": format!("press-{press}")});
                    let response = http.post(url).json(&body).send().await.expect("answered");
                    crate::support::Reply::from(response).await
                });
            }
            let (mut used, mut refused) = (0, 0);
            while let Some(reply) = uses.join_next().await {
                let reply = reply.expect("the task ran");
                match reply.code() {
                    0 => used += 1,
                    1009 => {
                        assert_eq!(reply.result()["reason"], "used_up");
                        refused += 1;
                    }
                    other => panic!("unexpected answer {other}: {}", reply.raw),
                }
            }
            assert_eq!((used, refused), (limit, CONCURRENT as i64 - limit), "round {round}, limit {limit}");
            assert_eq!(api.get(&code).await.result()["useCnt"], limit, "round {round}");
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn allowed_uses_cap_every_user_together_whatever_arrives_at_once() {
    let server = TestServer::start().await;
    let api = server.account(Plan::Personal).await;
    let vendor = server.vendor(&api).await;
    // Allowed uses alone, and below a use limit: the smaller cap holds.
    for (use_limit, allowed, expected) in [(0_i64, 3_i64, 3_i64), (5, 2, 2)] {
        let code = api.coupon(json!({"useLimit": use_limit, "userId": "shared", "onsiteYn": "Y"})).await;
        assert_eq!(vendor.update(json!({"coupon_code": code, "allowed_uses": allowed})).await.updated(), 1);
        let mut uses = JoinSet::new();
        for _ in 0..CONCURRENT {
            let (http, url) = (server.http.clone(), format!("{}/api/public/v1/coupons/{code}/use", server.base));
            uses.spawn(async move {
                let response = http.post(url).json(&json!({})).send().await.expect("answered");
                crate::support::Reply::from(response).await.code()
            });
        }
        let mut codes = Vec::new();
        while let Some(code) = uses.join_next().await {
            codes.push(code.expect("the task ran"));
        }
        assert_eq!(codes.iter().filter(|c| **c == 0).count() as i64, expected, "{codes:?}");
        assert!(codes.iter().all(|c| *c == 0 || *c == 1009), "{codes:?}");
        let page = server.public(&code).await;
        assert_eq!((page.result()["status"].as_str(), page.result()["usesLeft"].as_i64()), (Some("used_up"), Some(0)));
        assert_eq!(api.get(&code).await.result()["useCnt"], expected);
    }
}

#[tokio::test]
async fn the_sixth_wrong_password_is_refused_even_when_the_seventh_is_right() {
    let server = TestServer::start().await;
    let api = server.account(Plan::Personal).await;
    let code = api.coupon(json!({"onsiteYn": "Y", "onsitePwd": "8642"})).await;
    for left in (0..5).rev() {
        let wrong = server.use_coupon(&code, json!({"onsitePwd": "0000"})).await;
        assert_eq!((wrong.status, wrong.code()), (403, 1008));
        assert_eq!(wrong.result(), &json!({"attemptsLeft": left}));
    }
    let sixth = server.use_coupon(&code, json!({"onsitePwd": "0000"})).await;
    assert_eq!((sixth.status, sixth.code()), (429, 1007));
    let seventh = server.use_coupon(&code, json!({"onsitePwd": "8642"})).await;
    assert_eq!((seventh.status, seventh.code()), (429, 1007), "the right password waits too");
    let retry_after: u64 = seventh.headers["retry-after"].to_str().unwrap().parse().expect("seconds");
    assert!((1..=900).contains(&retry_after), "{retry_after}");
    assert_eq!(seventh.result(), &json!({"retryAfter": retry_after}));
    assert_eq!(api.redeem(json!({"cpnNo": code, "onsitePwd": "8642"})).await.code(), 1007, "the API counts too");
    assert_eq!(api.get(&code).await.result()["useCnt"], 0);

    let other = api.coupon(json!({"onsiteYn": "Y", "onsitePwd": "8642"})).await;
    assert_eq!(server.use_coupon(&other, json!({})).await.code(), 1008, "the limit is per coupon");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_burst_of_guesses_gets_no_more_than_five_checked() {
    let server = TestServer::start().await;
    let api = server.account(Plan::Personal).await;
    let code = api.coupon(json!({"onsiteYn": "Y", "onsitePwd": "8642"})).await;
    let mut guesses = JoinSet::new();
    for guess in 0..8 {
        let (http, url) = (server.http.clone(), format!("{}/api/public/v1/coupons/{code}/use", server.base));
        guesses.spawn(async move {
            let body = json!({"onsitePwd": format!("000{guess}")});
            crate::support::Reply::from(http.post(url).json(&body).send().await.expect("answered")).await
        });
    }
    let mut checked = 0;
    while let Some(reply) = guesses.join_next().await {
        match reply.expect("the task ran").code() {
            1008 => checked += 1,
            // Locked, or refused at once while argon2 was saturated (then not counted).
            1007 => {}
            other => panic!("unexpected answer {other}"),
        }
    }
    assert!(checked <= 5, "{checked} guesses were checked");
    // One at a time, the coupon takes exactly the rest of its five guesses.
    while server.use_coupon(&code, json!({"onsitePwd": "0000"})).await.code() == 1008 {
        checked += 1;
    }
    assert_eq!(checked, 5, "five guesses in all, then locked");
}
