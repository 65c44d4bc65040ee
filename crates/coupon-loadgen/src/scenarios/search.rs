//! The admin's search in a big account: 100,000 coupons in one account, then a page of 50 found
//! by a name search, timed from sending to the whole answer (`GET /api/coupon/v1/search`).
//!
//! Two searches: a word that 1% of the names contain (the page fills after about 5,000 rows of
//! the account's code order), and a name that one coupon has (the page never fills: the
//! whole account is read, the worst case of a substring search without a trigram index).

use std::time::{Duration, Instant};

use hyper::Method;
use serde_json::json;

use crate::client::Connection;
use crate::measure::Timing;
use crate::seed;
use crate::server::ServerProcess;
use crate::LoadError;

/// Coupons in the account.
pub const COUPONS: usize = 100_000;
/// Calls timed per search (odd, so the median is one of them).
const RUNS: usize = 21;
/// The goal for the median.
const GOAL: Duration = Duration::from_millis(50);
const COLOURS: [&str; 10] = ["Red", "Blue", "Green", "Amber", "Ivory", "Coral", "Olive", "Slate", "Plum", "Teal"];
const THINGS: [&str; 10] = ["boots", "coat", "scarf", "gloves", "hat", "bag", "shirt", "dress", "belt", "socks"];

/// Coupon `i`'s name: one of 100 colour-thing pairs (1% each) and its number.
fn name(i: usize) -> String {
    format!("{} {} {i}", COLOURS[i % 10], THINGS[(i / 10) % 10])
}

/// Seeds the account, then times each search `RUNS` times.
pub async fn run(server: &ServerProcess) -> Result<Vec<Timing>, LoadError> {
    let seeding = Instant::now();
    seed::create_coupons(server, COUPONS, |i| json!({"nm": name(i)})).await?;
    println!("seeded {COUPONS} coupons in {:?}", seeding.elapsed());
    server.analyze().await?;
    let mut admin = Connection::open(server.addr(), Some(server.key())).await?;
    let searches = [
        ("search, name in 1% of 100,000, page of 50", "/api/coupon/v1/search?q=amber%20gloves&limit=50", 50),
        ("search, name in 1 of 100,000 (whole account read)", "/api/coupon/v1/search?q=hat%204242&limit=50", 1),
    ];
    let mut timings = Vec::new();
    for (scenario, path, expected) in searches {
        let mut runs = Vec::with_capacity(RUNS);
        for _ in 0..RUNS {
            let started = Instant::now();
            let answer = admin.send(Method::GET, path, None).await?;
            runs.push(started.elapsed());
            let found = answer.result["coupons"].as_array().map(Vec::len);
            if answer.code != 0 || found != Some(expected) {
                return Err(LoadError::Seed(format!("{path} answered {}: {}", answer.code, answer.result)));
            }
        }
        let mut timing = Timing { scenario: scenario.to_owned(), store: String::new(), runs, note: String::new() };
        let verdict = if timing.median() < GOAL { "met" } else { "missed" };
        timing.note = format!("{COUPONS} coupons in one account, {expected} found; goal median < 50 ms: {verdict}");
        timings.push(timing);
    }
    Ok(timings)
}
