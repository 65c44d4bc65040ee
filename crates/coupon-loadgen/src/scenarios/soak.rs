//! A soak: mixed traffic at a steady rate for minutes: public reads, uses with and without a
//! store password, updates, group updates, 10% malformed requests and a few clients that trickle
//! their headers. Afterwards every answered write is read back. Prints the answers by HTTP status
//! and code, p50/p99 per kind, the 5xx count and the server's memory at the start, middle and end.
//!
//! Goals (issue "hostile traffic"): no 5xx, memory growing less than 10% from the middle to the
//! end, every answered write readable.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;
use std::time::{Duration, Instant};

use bytes::Bytes;
use hyper::Method;
use serde_json::json;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use tokio::time::MissedTickBehavior;

use crate::client::Connection;
use crate::seed;
use crate::server::ServerProcess;
use crate::LoadError;

/// Requests per second of each kind of client, and how many clients of it.
const READERS: (usize, u32) = (8, 150);
const USERS: (usize, u32) = (4, 60);
const PASSWORD_USERS: (usize, u32) = (1, 10);
const EDITORS: (usize, u32) = (4, 60);
const GROUP_EDITORS: (usize, u32) = (1, 1);
const MALFORMED: (usize, u32) = (4, 40);
/// Clients that trickle a header byte every few seconds (closed by the server's header timeout).
const SLOW_CLIENTS: usize = 4;
/// Coupons each kind works on.
const READ_COUPONS: usize = 200;
const GROUP_SIZE: usize = 200;
const PASSWORD: &str = "4821";
/// How often the server's memory is sampled.
const SAMPLE_EVERY: Duration = Duration::from_secs(1);

/// One kind of request in the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Kind {
    Read,
    Use,
    UseWithPassword,
    Update,
    GroupUpdate,
    Malformed,
}

/// What every client of the soak writes down.
#[derive(Default, Clone)]
struct Tally {
    /// (kind, HTTP status, envelope code) → count.
    answers: BTreeMap<(Kind, u16, Option<i64>), u64>,
    latencies: BTreeMap<Kind, Vec<Duration>>,
    /// Requests that got no answer at all (a broken connection).
    unanswered: u64,
}

impl Tally {
    fn record(&mut self, kind: Kind, answer: Result<(u16, Option<i64>), LoadError>, took: Duration) {
        match answer {
            Ok((status, code)) => {
                *self.answers.entry((kind, status, code)).or_default() += 1;
                self.latencies.entry(kind).or_default().push(took);
            }
            Err(_) => self.unanswered += 1,
        }
    }

    fn server_errors(&self) -> u64 {
        self.answers.iter().filter(|((_, status, _), _)| *status >= 500).map(|(_, n)| n).sum()
    }
}

/// What the soak measured.
pub struct SoakReport {
    text: String,
    /// Whether every goal was met.
    pub passed: bool,
}

impl SoakReport {
    /// The report, in Markdown.
    pub fn text(&self) -> &str {
        &self.text
    }
}

/// The resident memory of a process, in KiB (0 when unknown).
fn rss_kib(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    let line = status.lines().find(|line| line.starts_with("VmRSS:")).unwrap_or("");
    line.split_whitespace().nth(1).and_then(|kib| kib.parse().ok()).unwrap_or(0)
}

/// A paced loop: `rate` steps per second until `end`.
async fn paced(rate: u32, end: Instant, mut step: impl AsyncFnMut()) {
    let mut ticks = tokio::time::interval(Duration::from_secs_f64(1.0 / f64::from(rate.max(1))));
    ticks.set_missed_tick_behavior(MissedTickBehavior::Delay);
    while Instant::now() < end {
        ticks.tick().await;
        step().await;
    }
}

/// Runs the soak for `duration` against `server`.
pub async fn run(server: &ServerProcess, duration: Duration) -> Result<SoakReport, LoadError> {
    let readable = seed::create_coupons(server, READ_COUPONS, |_| json!({"onsiteYn": "Y"})).await?;
    let usable = seed::create_coupons(server, USERS.0, |_| json!({"onsiteYn": "Y", "useLimit": 0})).await?;
    let guarded = seed::create_coupons(
        server,
        PASSWORD_USERS.0,
        |_| json!({"onsiteYn": "Y", "useLimit": 0, "onsitePwd": PASSWORD}),
    )
    .await?;
    let edited = seed::create_coupons(server, EDITORS.0, |_| json!({})).await?;
    let group = seed_group(server).await?;

    let tally = Rc::new(RefCell::new(Tally::default()));
    let pid = server.pids().first().copied().unwrap_or(0);
    let started = Instant::now();
    let end = started + duration;
    let mut clients = tokio::task::JoinSet::new();
    for i in 0..READERS.0 {
        let (mut conn, tally, paths) =
            (Connection::open(server.addr_for(i), None).await?, Rc::clone(&tally), readable.clone());
        clients.spawn_local(async move {
            let mut n = i;
            paced(READERS.1, end, async || {
                n = (n + 1) % paths.len();
                let sent = Instant::now();
                let answer =
                    conn.status_and_code(Method::GET, &format!("/api/public/v1/coupons/{}", paths[n]), None).await;
                tally.borrow_mut().record(Kind::Read, answer, sent.elapsed());
            })
            .await;
            (0, 0, String::new())
        });
    }
    for (i, code) in usable.iter().cloned().enumerate() {
        let conn = Connection::open(server.addr_for(i), None).await?;
        clients.spawn_local(press_use(conn, Rc::clone(&tally), code, None, USERS.1, end));
    }
    for (i, code) in guarded.iter().cloned().enumerate() {
        let conn = Connection::open(server.addr_for(i), None).await?;
        clients.spawn_local(press_use(conn, Rc::clone(&tally), code, Some(PASSWORD), PASSWORD_USERS.1, end));
    }
    let mut editors = tokio::task::JoinSet::new();
    for (i, code) in edited.iter().cloned().enumerate() {
        let (mut conn, tally) = (Connection::open(server.addr_for(i), Some(server.key())).await?, Rc::clone(&tally));
        editors.spawn_local(async move {
            let (mut sent, mut acked) = (0_u64, 0_u64);
            paced(EDITORS.1, end, async || {
                sent += 1;
                let body = json!({"cpnNo": code, "memo": format!("n={sent}")});
                let started = Instant::now();
                let answer = conn.status_and_code(Method::PUT, "/api/coupon/v1/update", Some(&body)).await;
                if matches!(answer, Ok((_, Some(0)))) {
                    acked = sent;
                }
                tally.borrow_mut().record(Kind::Update, answer, started.elapsed());
            })
            .await;
            (sent, acked, code)
        });
    }
    {
        let (mut conn, tally, group) =
            (Connection::open(server.addr(), Some(server.key())).await?, Rc::clone(&tally), group.clone());
        clients.spawn_local(async move {
            let mut n = 0_u32;
            paced(GROUP_EDITORS.1, end, async || {
                n += 1;
                let body = json!({"group": group, "discount_amount": 10 + n % 40});
                let started = Instant::now();
                let answer = conn.status_and_code(Method::POST, "/api/coupon/v1/group-update", Some(&body)).await;
                tally.borrow_mut().record(Kind::GroupUpdate, answer, started.elapsed());
            })
            .await;
            (0, 0, String::new())
        });
    }
    for i in 0..MALFORMED.0 {
        let (mut conn, tally) = (Connection::open(server.addr_for(i), Some(server.key())).await?, Rc::clone(&tally));
        let target = readable[i % readable.len()].clone();
        clients.spawn_local(async move {
            let mut n = 0_usize;
            paced(MALFORMED.1, end, async || {
                n += 1;
                let started = Instant::now();
                let answer = match n % 4 {
                    0 => {
                        conn.raw(
                            Method::PUT,
                            "/api/coupon/v1/update",
                            "application/json",
                            Bytes::from_static(b"{\"cpnNo\": "),
                        )
                        .await
                    }
                    1 => {
                        conn.raw(Method::PUT, "/api/coupon/v1/update", "text/plain", Bytes::from_static(b"hello")).await
                    }
                    2 => {
                        let body = json!({"cpnNo": target, "disc": "ten", "endYmd": "2024-13-45", "nope": 1});
                        conn.status_and_code(Method::PUT, "/api/coupon/v1/update", Some(&body)).await
                    }
                    _ => {
                        conn.raw(
                            Method::POST,
                            &format!("/api/public/v1/coupons/{target}/use"),
                            "application/json",
                            Bytes::from_static(b"[1,2,3]"),
                        )
                        .await
                    }
                };
                tally.borrow_mut().record(Kind::Malformed, answer, started.elapsed());
            })
            .await;
            (0, 0, String::new())
        });
    }
    for i in 0..SLOW_CLIENTS {
        let addr = server.addr_for(i);
        clients.spawn_local(async move {
            while Instant::now() < end {
                let Ok(mut socket) = TcpStream::connect(addr).await else { break };
                let mut buf = [0_u8; 64];
                // One byte, then wait: the server closes the socket at its header timeout.
                let _ = socket.write_all(b"G").await;
                let wait = end.saturating_duration_since(Instant::now());
                let _ = tokio::time::timeout(wait, socket.read(&mut buf)).await;
            }
            (0, 0, String::new())
        });
    }
    let mut rss = Vec::new();
    while Instant::now() < end {
        rss.push((started.elapsed(), rss_kib(pid)));
        tokio::time::sleep(SAMPLE_EVERY).await;
    }
    rss.push((started.elapsed(), rss_kib(pid)));
    let used: Vec<(u64, u64, String)> =
        clients.join_all().await.into_iter().filter(|(_, _, code)| !code.is_empty()).collect();
    let edits = editors.join_all().await;
    // Every client has ended: the tally is ours alone now.
    let tally = Rc::try_unwrap(tally).map(RefCell::into_inner).unwrap_or_else(|shared| shared.borrow().clone());
    verify(server, &used, &edits, &tally, &rss, duration).await
}

/// Uses `code` at `rate` per second until `end`, each press with a new idempotency key (and the
/// store password when given); returns (presses sent, presses answered 0, the code).
async fn press_use(
    mut conn: Connection,
    tally: Rc<RefCell<Tally>>,
    code: String,
    password: Option<&'static str>,
    rate: u32,
    end: Instant,
) -> (u64, u64, String) {
    let kind = if password.is_some() { Kind::UseWithPassword } else { Kind::Use };
    let path = format!("/api/public/v1/coupons/{code}/use");
    let (mut sent, mut acked) = (0_u64, 0_u64);
    paced(rate, end, async || {
        sent += 1;
        let mut body = json!({"idempotencyKey": format!("soak-{code}-{sent}")});
        if let Some(password) = password {
            body["onsitePwd"] = json!(password);
        }
        let started = Instant::now();
        let answer = conn.status_and_code(Method::POST, &path, Some(&body)).await;
        if matches!(answer, Ok((_, Some(0)))) {
            acked += 1;
        }
        tally.borrow_mut().record(kind, answer, started.elapsed());
    })
    .await;
    (sent, acked, code)
}

/// Makes a group of [`GROUP_SIZE`] coupons for the group updates; returns its name.
async fn seed_group(server: &ServerProcess) -> Result<String, LoadError> {
    let name = "Soak group".to_owned();
    let first = seed::create_coupons(server, 1, |_| json!({})).await?;
    let (vendor_id, auth_code) = server.vendor_credentials().await?;
    let mut vendor = Connection::open(server.addr(), None).await?;
    let form =
        format!("vendor_id={vendor_id}&vendor_auth_code={auth_code}&coupon_code={}&new_group=Soak+group", first[0]);
    let moved = vendor.post_form("/2.1/product/update_coupon", form).await?;
    if moved["response"]["updated"] != 1 {
        return Err(LoadError::Seed(format!("making the soak group answered {moved}")));
    }
    let mut admin = Connection::open(server.addr(), Some(server.key())).await?;
    let context = admin.send(Method::GET, "/api/coupon/v1/context", None).await?.result;
    let idx = context["groups"]
        .as_array()
        .and_then(|groups| groups.iter().find(|g| g["name"] == name.as_str()))
        .and_then(|g| g["idx"].as_i64())
        .ok_or_else(|| LoadError::Seed(format!("no soak group: {context}")))?;
    seed::create_coupons(server, GROUP_SIZE - 1, |_| json!({"grpIdx": idx})).await?;
    Ok(name)
}

fn percentile(latencies: &mut [Duration], percent: usize) -> Duration {
    if latencies.is_empty() {
        return Duration::ZERO;
    }
    latencies.sort_unstable();
    latencies[(latencies.len() * percent / 100).min(latencies.len() - 1)]
}

/// Reads every answered write back and writes the report.
async fn verify(
    server: &ServerProcess,
    used: &[(u64, u64, String)],
    edits: &[(u64, u64, String)],
    tally: &Tally,
    rss: &[(Duration, u64)],
    duration: Duration,
) -> Result<SoakReport, LoadError> {
    let mut admin = Connection::open(server.addr(), Some(server.key())).await?;
    let mut lost = Vec::new();
    for (sent, acked, code) in used {
        let stored = admin.send(Method::GET, &format!("/api/coupon/v1/get?cpnNo={code}"), None).await?.result["useCnt"]
            .as_u64()
            .unwrap_or(0);
        if stored < *acked || stored > *sent {
            lost.push(format!("{code}: {stored} uses stored, {acked} answered, {sent} sent"));
        }
    }
    for (sent, acked, code) in edits {
        let memo =
            admin.send(Method::GET, &format!("/api/coupon/v1/get?cpnNo={code}"), None).await?.result["memo"].clone();
        let stored: u64 = memo.as_str().and_then(|m| m.strip_prefix("n=")).and_then(|n| n.parse().ok()).unwrap_or(0);
        if stored < *acked || stored > *sent {
            lost.push(format!("{code}: memo n={stored} stored, n={acked} answered, n={sent} sent"));
        }
    }
    let requests: u64 = tally.answers.values().sum();
    let server_errors = tally.server_errors();
    // Settled RSS: the lowest sample within 5% of the run around a moment. A single sample may
    // catch argon2 runs in flight (19 MiB each, freed when they end), which are load, not growth.
    let at = |fraction: f64| {
        let wanted = duration.mul_f64(fraction);
        let window = duration.mul_f64(0.05);
        let near = rss.iter().filter(|(t, _)| t.abs_diff(wanted) <= window).map(|(_, kib)| *kib).min();
        near.or_else(|| rss.iter().min_by_key(|(t, _)| t.abs_diff(wanted)).map(|(_, kib)| *kib)).unwrap_or(0)
    };
    let (start, middle, finish) = (at(0.05), at(0.5), at(1.0));
    let peak = rss.iter().map(|(_, kib)| *kib).max().unwrap_or(0);
    let growth = if middle > 0 { (finish as f64 - middle as f64) / middle as f64 * 100.0 } else { 0.0 };
    let mut text = String::new();
    use std::fmt::Write;
    let _ = writeln!(
        text,
        "\n{requests} answers in {} s ({:.0}/s), {} unanswered; 5xx: {server_errors}",
        duration.as_secs(),
        requests as f64 / duration.as_secs_f64(),
        tally.unanswered
    );
    let _ = writeln!(text, "\n| kind | HTTP | code | answers |\n| --- | ---: | ---: | ---: |");
    for ((kind, status, code), n) in &tally.answers {
        let code = code.map_or("-".to_owned(), |c| c.to_string());
        let _ = writeln!(text, "| {kind:?} | {status} | {code} | {n} |");
    }
    let _ = writeln!(text, "\n| kind | p50 | p99 |\n| --- | ---: | ---: |");
    let mut latencies = tally.latencies.clone();
    for (kind, times) in latencies.iter_mut() {
        let (p50, p99) = (percentile(times, 50), percentile(times, 99));
        let _ = writeln!(text, "| {kind:?} | {:.2} ms | {:.2} ms |", p50.as_secs_f64() * 1e3, p99.as_secs_f64() * 1e3);
    }
    let _ = writeln!(
        text,
        "\nRSS (settled): {:.1} MiB at the start, {:.1} MiB in the middle, {:.1} MiB at the end \
         ({growth:+.1}% middle to end); peak {:.1} MiB",
        start as f64 / 1024.0,
        middle as f64 / 1024.0,
        finish as f64 / 1024.0,
        peak as f64 / 1024.0
    );
    let _ = writeln!(
        text,
        "answered writes read back: {} of {} coupons agree",
        used.len() + edits.len() - lost.len(),
        used.len() + edits.len()
    );
    for problem in &lost {
        let _ = writeln!(text, "  LOST: {problem}");
    }
    let passed = server_errors == 0 && growth < 10.0 && lost.is_empty();
    let _ = writeln!(
        text,
        "goals (0 5xx, RSS growth < 10%, every answered write readable): {}",
        if passed { "met" } else { "MISSED" }
    );
    Ok(SoakReport { text, passed })
}
