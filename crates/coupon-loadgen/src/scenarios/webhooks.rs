//! Webhooks under load (issue 12): the staff's uses with webhooks off and on, side by side on one
//! server (goal: on is less than 10 % slower), and the events delivered per second to a receiver
//! on loopback, every use's event accounted for (none lost, duplicates counted).

use std::time::{Duration, Instant};

use hyper::Method;
use serde_json::json;

use crate::cli::Settings;
use crate::client::Connection;
use crate::measure::Row;
use crate::receiver::Receiver;
use crate::scenarios::use_coupon::{measure_uses, UseRun, CLIENTS, COUPONS};
use crate::server::ServerProcess;
use crate::LoadError;

/// How long the backlog may take to drain after the last use before the run fails.
const DRAIN_LIMIT: Duration = Duration::from_secs(120);

/// The rows: uses with webhooks off, uses with webhooks on (its note has the deliveries), off
/// again (the order's effect on the database shows as the difference between the two off rows).
pub async fn run(server: &ServerProcess, settings: &Settings) -> Result<Vec<Row>, LoadError> {
    let receiver = Receiver::start().await?;
    let mut conn = Connection::open(server.addr(), Some(server.key())).await?;
    let config = json!({"callbackUrl": receiver.url, "enableYn": "Y"});
    let answer = conn.send(Method::PUT, "/api/webhook/v1/config", Some(&config)).await?;
    if answer.code != 0 {
        return Err(LoadError::Seed(format!("the webhook config was refused: {}", answer.result)));
    }
    let run = |webhooks, scenario| UseRun {
        duration: settings.duration,
        coupons: COUPONS,
        clients: CLIENTS,
        password: None,
        webhooks,
        scenario,
    };
    let (off, _) = measure_uses(server, &run(false, "use, webhooks off")).await?;
    let started = Instant::now();
    let (on, granted) = measure_uses(server, &run(true, "use, webhooks on")).await?;
    let load_ended = Instant::now();
    let (off_again, _) = measure_uses(server, &run(false, "use, webhooks off (again)")).await?;

    // Every granted use of the "on" run has its event; wait for the backlog to drain.
    while receiver.events() < granted && started.elapsed() < DRAIN_LIMIT + settings.duration * 3 {
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let received = receiver.received.borrow();
    let delivered = received.first_seen.len();
    let last = received.first_seen.values().max().copied().unwrap_or(started);
    let span = last.duration_since(started);
    let per_second = delivered as f64 / span.as_secs_f64().max(1e-9);
    let lost = granted.saturating_sub(delivered);
    let duplicates = received.requests.saturating_sub(delivered);
    let backlog = last.saturating_duration_since(load_ended);
    let slower = 100.0 * (1.0 - on.ok_per_second / ((off.ok_per_second + off_again.ok_per_second) / 2.0));
    let note = format!(
        "{delivered} events delivered of {granted} uses in {:.1} s: {per_second:.0} events/s; lost {lost}, \
         duplicate requests {duplicates}; the last arrived {:.1} s after the last use; uses with webhooks on \
         {slower:.1} % slower than the mean of the off runs",
        span.as_secs_f64(),
        backlog.as_secs_f64(),
    );
    if lost > 0 {
        return Err(LoadError::Seed(format!("webhook events were lost: {note}")));
    }
    println!("webhook deliveries: {note}");
    let on = Row { note: format!("{}; {note}", on.note), ..on };
    Ok(vec![off, on, off_again])
}
