//! A server killed with SIGKILL in the middle of a stream of updates loses none it answered with
//! code 0, and its database is intact after restart. Runs the real binary as a child process.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use serde_json::json;
use sqlx::sqlite::SqliteConnectOptions;
use sqlx::{ConnectOptions, Connection};

use crate::support::{binary, client, serve, Api, TestDb};

const WRITERS: usize = 8;

/// Runs a command of the binary and returns its output's last word.
async fn run_cli(args: &[&str]) -> String {
    let output = binary().args(args).output().await.expect("the binary runs");
    assert!(output.status.success(), "{args:?}: {}", String::from_utf8_lossy(&output.stderr));
    let stdout = String::from_utf8(output.stdout).expect("text");
    stdout.lines().next().and_then(|line| line.split_whitespace().last()).expect("a word").to_owned()
}

fn memo_number(memo: &serde_json::Value) -> u64 {
    memo.as_str().and_then(|m| m.strip_prefix("n=")).and_then(|n| n.parse().ok()).unwrap_or(0)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_killed_server_keeps_every_update_it_confirmed() {
    let dir = tempfile::tempdir().unwrap();
    let (db, dist) = (TestDb::fresh(dir.path()).await, dir.path().join("dist"));
    let db_arg = &db.arg();
    let created = binary().args(["create-account", "--db", db_arg, "--name", "Durable", "--plan", "personal"]).output();
    let created = String::from_utf8(created.await.unwrap().stdout).unwrap();
    let account = created.split_whitespace().nth(1).expect("account {id} created").to_owned();
    let key = run_cli(&["create-key", "--db", db_arg, "--account", &account]).await;

    let (mut child, base) = serve(db_arg, &dist, &[]).await;
    let api = Api { base, http: client(), key, account_id: account.parse().expect("an account id") };
    let mut codes = Vec::new();
    for _ in 0..WRITERS {
        codes.push(api.coupon(json!({})).await);
    }

    // Each writer updates its own coupon's memo to n = 1, 2, 3 … one at a time.
    let acked_total = Arc::new(AtomicU64::new(0));
    let mut writers = Vec::new();
    for code in codes.clone() {
        let (api, acked_total) = (api.clone(), Arc::clone(&acked_total));
        writers.push(tokio::spawn(async move {
            let (mut sent, mut acked) = (0_u64, 0_u64);
            loop {
                let n = sent + 1;
                let request = api
                    .http
                    .put(format!("{}/api/coupon/v1/update", api.base))
                    .header("Authorization", format!("APIKey {}", api.key))
                    .json(&json!({"cpnNo": code, "memo": format!("n={n}")}));
                sent = n;
                let Ok(response) = request.send().await else { break };
                let Ok(body) = response.json::<serde_json::Value>().await else { break };
                if body["code"] == 0 {
                    acked = n;
                    acked_total.fetch_add(1, Ordering::Relaxed);
                }
            }
            (sent, acked)
        }));
    }
    let started = Instant::now();
    while acked_total.load(Ordering::Relaxed) < 400 && started.elapsed() < Duration::from_secs(20) {
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    child.start_kill().expect("SIGKILL");
    child.wait().await.unwrap();
    let mut streams = Vec::new();
    for writer in writers {
        streams.push(writer.await.unwrap());
    }
    assert!(acked_total.load(Ordering::Relaxed) >= 400, "the stream was running when the server was killed");

    let (mut restarted, base) = serve(db_arg, &dist, &[]).await;
    let api = Api { base, ..api };
    for (code, (sent, acked)) in codes.iter().zip(streams) {
        let memo = memo_number(&api.get(code).await.result()["memo"]);
        assert!(acked <= memo && memo <= sent, "{code}: stored n={memo}, confirmed {acked}, sent {sent}");
    }
    restarted.start_kill().unwrap();
    restarted.wait().await.unwrap();

    if let TestDb::Sqlite(path) = &db {
        let mut conn = SqliteConnectOptions::new().filename(path).connect().await.unwrap();
        let check: String = sqlx::query_scalar("PRAGMA integrity_check").fetch_one(&mut conn).await.unwrap();
        assert_eq!(check, "ok");
        conn.close().await.unwrap();
    }
}
