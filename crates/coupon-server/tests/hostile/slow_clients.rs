//! Clients that trickle their headers, requests that take too long, more connections than allowed.

use std::time::{Duration, Instant};

use coupon_rules::Plan;
use serde_json::json;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

use crate::cluster_run::one_server;
use crate::support::{assert_envelope, send, Reply};
use crate::TURN;

const SLOW_CLIENTS: usize = 300;
/// The header timeout the server is started with here (the default is 10 s).
const HEADER_TIMEOUT: Duration = Duration::from_secs(3);
/// How often a slow client sends its next byte.
const DRIP: Duration = Duration::from_secs(5);

/// Sends one byte, then one more every [`DRIP`]; returns how long the server kept the socket open.
async fn trickle(addr: String) -> Duration {
    let started = Instant::now();
    let mut socket = TcpStream::connect(&addr).await.expect("connects");
    let header = b"GET /api/public/v1/coupons/NOSUCHCOUPON0001 HTTP/1.1\r\nHost: x\r\n\r\n";
    let mut buf = [0_u8; 512];
    for byte in header {
        if socket.write_all(&[*byte]).await.is_err() {
            return started.elapsed();
        }
        // Closed by the server before the next byte is due?
        match tokio::time::timeout(DRIP, socket.read(&mut buf)).await {
            Ok(Ok(0)) | Ok(Err(_)) => return started.elapsed(),
            Ok(Ok(_)) => panic!("a trickled request was answered"),
            Err(_) => {}
        }
    }
    panic!("the server waited for the whole trickled header");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn slow_clients_do_not_delay_a_normal_request_and_are_closed_within_the_header_timeout() {
    let _turn = TURN.lock().await;
    let running = one_server(&["--header-timeout", "3"]).await;
    let node = &running.cluster.nodes[0];
    let api = running.cluster.account(Plan::Personal).await.remove(0);
    let code = api.coupon(json!({})).await;
    let addr = node.base.strip_prefix("http://").expect("http").to_owned();
    let mut slow = tokio::task::JoinSet::new();
    for _ in 0..SLOW_CLIENTS {
        slow.spawn(trickle(addr.clone()));
    }
    tokio::time::sleep(Duration::from_millis(500)).await;
    let url = format!("{}/api/public/v1/coupons/{code}", node.base);
    for _ in 0..10 {
        let started = Instant::now();
        assert_eq!(send(&api.http, reqwest::Method::GET, &url, None, None).await.code(), 0);
        assert!(started.elapsed() < Duration::from_secs(1), "a normal GET took {:?}", started.elapsed());
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let open_for = slow.join_all().await;
    let longest = open_for.iter().max().copied().unwrap_or_default();
    assert!(longest < HEADER_TIMEOUT + Duration::from_millis(1500), "a slow client was kept {longest:?}");
    assert!(open_for.iter().all(|d| *d >= HEADER_TIMEOUT - Duration::from_millis(200)), "closed early: {open_for:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_request_that_takes_too_long_is_answered_408_in_the_envelope() {
    let _turn = TURN.lock().await;
    let running = one_server(&["--request-timeout", "2"]).await;
    let node = &running.cluster.nodes[0];
    let api = running.cluster.account(Plan::Personal).await.remove(0);
    let addr = node.base.strip_prefix("http://").expect("http").to_owned();
    let mut socket = TcpStream::connect(&addr).await.expect("connects");
    // A body announced as 50 bytes, of which 10 come: the handler waits for the rest.
    let head = format!(
        "PUT /api/coupon/v1/update HTTP/1.1\r\nHost: {addr}\r\nAuthorization: APIKey {}\r\n\
         Content-Type: application/json\r\nContent-Length: 50\r\n\r\n{{\"cpnNo\":",
        api.key
    );
    let started = Instant::now();
    socket.write_all(head.as_bytes()).await.expect("sent");
    let mut answer = Vec::new();
    let read = tokio::time::timeout(Duration::from_secs(10), socket.read_to_end(&mut answer)).await;
    let took = started.elapsed();
    let text = String::from_utf8_lossy(&answer).into_owned();
    assert!(read.is_ok() || text.contains("\r\n\r\n"), "answered in time: {text}");
    assert!(text.starts_with("HTTP/1.1 408"), "{text}");
    let body = text.split_once("\r\n\r\n").map(|(_, body)| body).unwrap_or("");
    let envelope: serde_json::Value = serde_json::from_str(body).expect("a JSON envelope");
    assert_eq!(envelope["code"], 1013, "{envelope}");
    assert!((Duration::from_millis(1800)..Duration::from_secs(5)).contains(&took), "after {took:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn connections_beyond_the_cap_wait_until_one_is_free() {
    let _turn = TURN.lock().await;
    let running = one_server(&["--max-connections", "10", "--header-timeout", "3"]).await;
    let node = &running.cluster.nodes[0];
    let addr = node.base.strip_prefix("http://").expect("http").to_owned();
    let mut idle = Vec::new();
    for _ in 0..10 {
        idle.push(TcpStream::connect(&addr).await.expect("connects"));
    }
    tokio::time::sleep(Duration::from_millis(300)).await;
    let started = Instant::now();
    let url = format!("{}/api/public/v1/coupons/NOSUCHCOUPON0001", node.base);
    let reply: Reply = send(&crate::support::client(), reqwest::Method::GET, &url, None, None).await;
    let waited = started.elapsed();
    assert_envelope(&reply);
    assert_eq!(reply.code(), 1005);
    // Served once the idle connections' header timeout freed a place, not before.
    assert!(waited >= Duration::from_secs(2), "the eleventh connection was served at once ({waited:?})");
    assert!(waited < Duration::from_secs(6), "and then served ({waited:?})");
    drop(idle);
}
