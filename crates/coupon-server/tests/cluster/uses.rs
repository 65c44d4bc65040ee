//! Uses spread over three servers: never more than a limit, none lost, and an idempotency key
//! retried on another server gets the first answer.

use coupon_rules::Plan;
use serde_json::{json, Value};
use tokio::task::JoinSet;

use crate::cluster::Cluster;
use crate::support::{send, Reply};

const ROUNDS: usize = 20;
const CONCURRENT: usize = 50;

async fn press(http: reqwest::Client, base: String, code: String, body: Value) -> Reply {
    let url = format!("{base}/api/public/v1/coupons/{code}/use");
    send(&http, reqwest::Method::POST, &url, None, Some(&body)).await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn fifty_uses_spread_over_three_servers_never_exceed_a_limit_and_none_is_lost() {
    let cluster = Cluster::start(3).await;
    let apis = cluster.account(Plan::Personal).await;
    for round in 0..ROUNDS {
        for limit in [1_i64, 3] {
            let code = apis[0].coupon(json!({"useLimit": limit, "userId": "racer", "onsiteYn": "Y"})).await;
            let mut presses = JoinSet::new();
            for press_no in 0..CONCURRENT {
                let api = &apis[press_no % apis.len()];
                let body = json!({"idempotencyKey": format!("r{round}-press-{press_no}")});
                presses.spawn(press(api.http.clone(), api.base.clone(), code.clone(), body));
            }
            let mut used = 0;
            for reply in presses.join_all().await {
                match reply.code() {
                    0 => used += 1,
                    1009 => assert_eq!(reply.result()["reason"], "used_up", "{}", reply.raw),
                    other => panic!("unexpected answer {other}: {}", reply.raw),
                }
            }
            assert_eq!(used, limit, "round {round}, limit {limit}: answered uses");
            for api in &apis {
                assert_eq!(
                    api.get(&code).await.result()["useCnt"],
                    limit,
                    "round {round}: stored uses on {}",
                    api.base
                );
            }
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_idempotency_key_retried_on_another_server_gets_the_first_answer() {
    let cluster = Cluster::start(3).await;
    let apis = cluster.account(Plan::Personal).await;
    let code = apis[0].coupon(json!({"useLimit": 0, "onsiteYn": "Y"})).await;
    let body = json!({"idempotencyKey": "till-7-press-1"});
    let first = press(apis[0].http.clone(), apis[0].base.clone(), code.clone(), body.clone()).await;
    assert_eq!(first.code(), 0, "{}", first.raw);
    let retried = press(apis[1].http.clone(), apis[1].base.clone(), code.clone(), body.clone()).await;
    // The one-time undo token is shown once (stored as a digest): a retry gets the rest.
    let mut expected = first.result().clone();
    assert!(expected.as_object_mut().unwrap().remove("undoToken").is_some(), "{}", first.raw);
    assert_eq!(retried.result(), &expected, "the retry on another server gets the first receipt");

    // The same key sent to every server at once: one use, one answer for all.
    let racing = json!({"idempotencyKey": "till-7-press-2"});
    let mut presses = JoinSet::new();
    for _ in 0..4 {
        for api in &apis {
            presses.spawn(press(api.http.clone(), api.base.clone(), code.clone(), racing.clone()));
        }
    }
    let mut answers: Vec<Value> = presses.join_all().await.iter().map(|r| r.result().clone()).collect();
    let tokens =
        answers.iter_mut().map(|a| a.as_object_mut().unwrap().remove("undoToken")).filter(Option::is_some).count();
    assert_eq!(tokens, 1, "only the answer of the press that used the coupon carries its undo token");
    assert!(answers.iter().all(|a| a == &answers[0] && a["useCnt"] == 2), "{answers:?}");
    assert_eq!(apis[2].get(&code).await.result()["useCnt"], 2);
}
