//! 300 password guesses whose clients hang up at once: argon2 runs stay bounded, so memory stays
//! bounded and a parallel reader is served quickly.

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use coupon_rules::Plan;
use serde_json::json;

use crate::cluster_run::one_server;
use crate::support::{abandoned_guess, send};
use crate::TURN;

const GUESSES: usize = 300;
const MAX_RSS_KIB: u64 = 256 * 1024;
const MAX_P99: Duration = Duration::from_millis(100);

/// The resident memory of a process, in KiB.
fn rss_kib(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    let line = status.lines().find(|line| line.starts_with("VmRSS:")).unwrap_or("VmRSS: 0 kB");
    line.split_whitespace().nth(1).and_then(|kib| kib.parse().ok()).unwrap_or(0)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_flood_of_abandoned_guesses_keeps_memory_bounded_and_a_parallel_read_fast() {
    let _turn = TURN.lock().await;
    let running = one_server(&[]).await;
    let node = &running.cluster.nodes[0];
    let api = running.cluster.account(Plan::Personal).await.remove(0);
    let guarded = api.coupon(json!({"onsiteYn": "Y", "onsitePwd": "8642"})).await;
    let readable = api.coupon(json!({})).await;

    let (done, peak) = (Arc::new(AtomicBool::new(false)), Arc::new(AtomicU64::new(0)));
    let pid = node.pid();
    let sampler = {
        let (done, peak) = (Arc::clone(&done), Arc::clone(&peak));
        tokio::spawn(async move {
            while !done.load(Ordering::Relaxed) {
                peak.fetch_max(rss_kib(pid), Ordering::Relaxed);
                tokio::time::sleep(Duration::from_millis(10)).await;
            }
        })
    };
    let reader = {
        let (http, url, done) =
            (api.http.clone(), format!("{}/api/public/v1/coupons/{readable}", node.base), Arc::clone(&done));
        tokio::spawn(async move {
            let mut latencies = Vec::new();
            while !done.load(Ordering::Relaxed) {
                let started = Instant::now();
                let reply = send(&http, reqwest::Method::GET, &url, None, None).await;
                assert_eq!(reply.code(), 0, "{}", reply.raw);
                latencies.push(started.elapsed());
            }
            latencies
        })
    };

    let addr = node.base.strip_prefix("http://").expect("http").to_owned();
    let mut flood = tokio::task::JoinSet::new();
    for _ in 0..GUESSES {
        let (addr, code) = (addr.clone(), guarded.clone());
        flood.spawn(async move { abandoned_guess(&addr, &code, "0000").await });
    }
    flood.join_all().await;
    // The checks that were let through finish on their own; keep reading and sampling meanwhile.
    tokio::time::sleep(Duration::from_secs(3)).await;
    done.store(true, Ordering::Relaxed);
    sampler.await.expect("sampled");
    let mut latencies = reader.await.expect("read");
    latencies.sort_unstable();
    let p99 = latencies[(latencies.len() * 99 / 100).min(latencies.len() - 1)];
    let peak = peak.load(Ordering::Relaxed);
    println!("{} reads, p99 {p99:?}; peak RSS {} MiB", latencies.len(), peak / 1024);
    assert!(latencies.len() > 20, "the reader kept reading: {}", latencies.len());
    assert!(p99 < MAX_P99, "p99 of the parallel read: {p99:?}");
    assert!(peak < MAX_RSS_KIB, "peak RSS {} MiB", peak / 1024);
    // The guesses let through were counted although their clients had gone (the others were
    // refused at once, argon2 being busy, and not counted).
    let url = format!("{}/api/public/v1/coupons/{guarded}/use", node.base);
    let after = send(&api.http, reqwest::Method::POST, &url, None, Some(&json!({"onsitePwd": "0000"}))).await;
    let counted = after.code() == 1007 || after.result()["attemptsLeft"].as_i64().is_some_and(|left| left < 4);
    assert!(counted, "some of the flood's guesses counted: {}", after.raw);
}
