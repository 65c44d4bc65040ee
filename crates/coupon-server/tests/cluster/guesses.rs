//! Wrong store passwords are counted once for every server, and a lockout outlives any of them.

use coupon_rules::Plan;
use serde_json::json;
use tokio::task::JoinSet;

use crate::cluster::Cluster;
use crate::support::{send, Reply};

async fn guess(base: &str, code: &str, password: &str) -> Reply {
    let url = format!("{base}/api/public/v1/coupons/{code}/use");
    send(&crate::support::client(), reqwest::Method::POST, &url, None, Some(&json!({"onsitePwd": password}))).await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn five_wrong_guesses_over_three_servers_lock_the_coupon_on_all_of_them_through_restarts() {
    let mut cluster = Cluster::start(3).await;
    let apis = cluster.account(Plan::Personal).await;
    let code = apis[0].coupon(json!({"onsiteYn": "Y", "onsitePwd": "8642"})).await;
    for (n, left) in (0..5).rev().enumerate() {
        let wrong = guess(&cluster.nodes[n % 3].base, &code, "0000").await;
        assert_eq!((wrong.code(), &wrong.result()["attemptsLeft"]), (1008, &json!(left)), "{}", wrong.raw);
    }
    for node in &cluster.nodes {
        assert_eq!(guess(&node.base, &code, "8642").await.code(), 1007, "locked on {}", node.base);
    }
    for i in 0..3 {
        cluster.kill(i).await;
        cluster.restart(i).await;
    }
    for node in &cluster.nodes {
        assert_eq!(guess(&node.base, &code, "8642").await.code(), 1007, "still locked on {}", node.base);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_burst_of_guesses_at_every_server_gets_no_more_than_five_checked_in_all() {
    let cluster = Cluster::start(3).await;
    let apis = cluster.account(Plan::Personal).await;
    let code = apis[0].coupon(json!({"onsiteYn": "Y", "onsitePwd": "8642"})).await;
    let mut guesses = JoinSet::new();
    for n in 0..30 {
        let (base, code) = (cluster.nodes[n % 3].base.clone(), code.clone());
        guesses.spawn(async move { guess(&base, &code, &format!("{n:04}")).await.code() });
    }
    let codes = guesses.join_all().await;
    let checked = codes.iter().filter(|c| **c == 1008).count();
    assert!(codes.iter().all(|c| *c == 1008 || *c == 1007), "{codes:?}");
    assert!(checked <= 5, "{checked} checked: {codes:?}");
    let mut more = 0;
    while guess(&cluster.nodes[more % 3].base, &code, "0000").await.code() == 1008 {
        more += 1;
    }
    assert_eq!(checked + more, 5, "five wrong guesses in all over the three servers");
}
