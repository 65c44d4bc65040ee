//! Faults: a database that is not there, one that restarts under load, a server killed under
//! load. Nothing answered is lost, nothing waits forever, and no answer says more than 1099.

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use coupon_rules::Plan;
use local_postgres::LocalPostgres;
use serde_json::{json, Value};

use crate::cluster::Cluster;
use crate::support::{assert_envelope, Api, Reply};
use crate::test_db::TestDb;

#[tokio::test]
async fn an_unreachable_database_is_named_without_its_password_and_the_server_exits() {
    let closed = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let url = format!("postgres://shop:s3cret-pw@127.0.0.1:{closed}/coupons");
    let started = Instant::now();
    let output = tokio::process::Command::new(env!("CARGO_BIN_EXE_coupon-server"))
        .args(["serve", "--addr", "127.0.0.1:0", "--db", &url])
        .output()
        .await
        .expect("the binary runs");
    assert!(!output.status.success(), "a non-zero exit");
    let said = String::from_utf8_lossy(&output.stderr);
    for part in ["127.0.0.1", &closed.to_string(), "coupons"] {
        assert!(said.contains(part), "names {part}: {said}");
    }
    assert!(!said.contains("s3cret-pw"), "never the password: {said}");
    assert!(started.elapsed() < Duration::from_secs(30), "gives up in time");
}

/// Sets the memo of `code` to `n=1, 2, 3 …` one after another through `apis` in turn until told
/// to stop; returns (the last sent, the last answered with code 0) and counts 1099 answers.
async fn memo_stream(apis: Vec<Api>, code: String, stop: Arc<AtomicBool>, failed: Arc<AtomicU64>) -> (u64, u64) {
    let (mut sent, mut acked) = (0_u64, 0_u64);
    let mut turn = 0;
    while !stop.load(Ordering::Relaxed) {
        let api = &apis[turn % apis.len()];
        turn += 1;
        let n = sent + 1;
        let request = api
            .http
            .put(format!("{}/api/coupon/v1/update", api.base))
            .header("Authorization", format!("APIKey {}", api.key))
            .timeout(Duration::from_secs(20))
            .json(&json!({"cpnNo": code, "memo": format!("n={n}")}));
        sent = n;
        // A server that is down: try the next one.
        let Ok(response) = request.send().await else { continue };
        let reply = Reply::from(response).await;
        match reply.code() {
            0 => acked = n,
            1099 => {
                assert_eq!(reply.message(), "Internal error. Please try again.", "{}", reply.raw);
                assert!(reply.result().is_null(), "{}", reply.raw);
                failed.fetch_add(1, Ordering::Relaxed);
            }
            other => panic!("unexpected answer {other}: {}", reply.raw),
        }
    }
    (sent, acked)
}

fn memo_number(memo: &Value) -> u64 {
    memo.as_str().and_then(|m| m.strip_prefix("n=")).and_then(|n| n.parse().ok()).unwrap_or(0)
}

/// Streams memo updates to `coupons` through `apis` while `disturb` runs; checks through `reader`
/// that every answered update is stored, and returns how many were refused with 1099.
async fn under_load<F: std::future::Future<Output = ()>>(
    apis: &[Api],
    reader: &Api,
    coupons: &[String],
    disturb: F,
) -> u64 {
    let (stop, failed) = (Arc::new(AtomicBool::new(false)), Arc::new(AtomicU64::new(0)));
    let mut streams = Vec::new();
    for code in coupons {
        streams.push(tokio::spawn(memo_stream(apis.to_vec(), code.clone(), Arc::clone(&stop), Arc::clone(&failed))));
    }
    disturb.await;
    stop.store(true, Ordering::Relaxed);
    for (code, stream) in coupons.iter().zip(streams) {
        let (sent, acked) = stream.await.expect("the stream ran");
        assert!(acked > 0, "{code}: updates were answered");
        let stored = memo_number(&reader.get(code).await.result()["memo"]);
        assert!(acked <= stored && stored <= sent, "{code}: stored n={stored}, answered {acked}, sent {sent}");
    }
    failed.load(Ordering::Relaxed)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn killing_one_of_three_servers_under_load_loses_no_answered_write() {
    let mut cluster = Cluster::start(3).await;
    let apis = cluster.account(Plan::Personal).await;
    let mut coupons = Vec::new();
    for _ in 0..6 {
        coupons.push(apis[0].coupon(json!({})).await);
    }
    let survivors = apis[1..].to_vec();
    let kill = async {
        tokio::time::sleep(Duration::from_millis(1500)).await;
        cluster.kill(0).await;
        // The others keep answering.
        for api in &survivors {
            let reply = api.get(&coupons[0]).await;
            assert_eq!(reply.code(), 0, "{} answers after another server died", api.base);
        }
        tokio::time::sleep(Duration::from_millis(1500)).await;
    };
    under_load(&apis, &survivors[0], &coupons, kill).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_restarted_database_fails_requests_in_flight_cleanly_and_the_server_recovers_by_itself() {
    // A PostgreSQL of this test's own: restarting the shared one would disturb the other tests.
    let dir = tempfile::tempdir().expect("a folder");
    let mut postgres = LocalPostgres::start_fresh(&dir.path().join("pg")).expect("PostgreSQL starts");
    let db = TestDb::Postgres(format!("{}/postgres", postgres.url()));
    let cluster = Cluster::start_on(db, 1, &["--db-acquire-timeout", "2"]).await;
    let apis = cluster.account(Plan::Personal).await;
    let mut coupons = Vec::new();
    for _ in 0..4 {
        coupons.push(apis[0].coupon(json!({})).await);
    }
    let restart = async {
        tokio::time::sleep(Duration::from_millis(1000)).await;
        postgres.stop(true).expect("PostgreSQL stops");
        // Longer than the acquire timeout (2 s), so requests in flight must give up with 1099.
        tokio::time::sleep(Duration::from_millis(3500)).await;
        postgres.start().expect("PostgreSQL starts again");
        // Recovered by itself: within a few seconds every request succeeds again.
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let reply = apis[0].get(&coupons[0]).await;
            assert_envelope(&reply);
            if reply.code() == 0 {
                break;
            }
            assert!(Instant::now() < deadline, "the server did not recover: {}", reply.raw);
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
        tokio::time::sleep(Duration::from_millis(1000)).await;
    };
    let failed = under_load(&apis, &apis[0], &coupons, restart).await;
    assert!(failed > 0, "requests during the outage were answered 1099");
    drop(cluster);
}
