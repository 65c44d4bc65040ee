//! The delivery worker: leases due events from the outbox, posts each signed to its receiver and
//! records how it went (issue 12; modelled on zero2prod's issue-delivery worker).
//!
//! Uses never wait for it: the outbox row commits with the use, and the worker runs in tasks of
//! its own. Each event is held by one worker at a time (a lease; on PostgreSQL taken with
//! `FOR UPDATE SKIP LOCKED`), so several servers share the outbox; a crashed worker's lease runs
//! out and the event is sent again (at least once, with the same event id).

use std::net::IpAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};

use rand::distr::{Alphanumeric, SampleString};
use rand::Rng;
use reqwest::header::{HeaderMap, HeaderValue, CONTENT_TYPE, USER_AGENT};
use reqwest::redirect::Policy;
use reqwest::Url;
use tokio::sync::Semaphore;
use tokio::task::{JoinHandle, JoinSet};

use super::address::{is_public, Resolver};
use super::sign;
use crate::clock;
use crate::store::webhooks::{Attempt, LeasedEvent, Next};
use crate::store::Store;

/// How the worker sends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WebhookSettings {
    /// Send to loopback, private and link-local addresses too (`--allow-private-webhooks`; tests).
    pub allow_private: bool,
    /// The delay before the first retry; each later one doubles it (with jitter).
    pub first_retry: Duration,
    /// How long an event is retried before it is marked failed.
    pub give_up_after: Duration,
    /// How long a receiver has to answer.
    pub timeout: Duration,
}

impl Default for WebhookSettings {
    fn default() -> WebhookSettings {
        WebhookSettings {
            allow_private: false,
            first_retry: Duration::from_secs(10),
            give_up_after: Duration::from_secs(24 * 60 * 60),
            timeout: Duration::from_secs(5),
        }
    }
}

/// Deliveries in flight at most per server.
const IN_FLIGHT: usize = 32;
/// How often the outbox is looked at when nothing wakes the worker (events of other servers,
/// retries coming due).
const POLL: Duration = Duration::from_millis(500);
/// The longest wait between retries.
const MAX_RETRY_DELAY: Duration = Duration::from_secs(60 * 60);
/// How much of a reply is read (the rest is dropped), and how much of it is kept in the log.
const REPLY_READ: usize = 64 * 1024;
const REPLY_KEPT: usize = 1024;

/// Why an attempt got no answer.
#[derive(Debug, thiserror::Error)]
enum SendError {
    #[error("no callback URL is set")]
    NoUrl,
    #[error("not an http(s) URL: {0}")]
    BadUrl(String),
    #[error("{0} is not a public address")]
    PrivateAddress(String),
    #[error("no answer within {0:?}")]
    Timeout(Duration),
    #[error("{0}")]
    Http(String),
}

/// The running worker; aborted with [`Worker::stop`] (an event in flight keeps its lease until
/// it runs out and is then sent again).
pub struct Worker {
    task: JoinHandle<()>,
}

impl Worker {
    /// Starts the worker on `store`.
    pub fn start(store: Store, settings: WebhookSettings) -> Worker {
        let task = tokio::spawn(run(store, settings));
        Worker { task }
    }

    /// Stops it and every delivery in flight.
    pub async fn stop(self) {
        self.task.abort();
        let _ = self.task.await;
    }
}

/// The HTTP client of the deliveries: no redirects, no proxies, filtered DNS.
fn client(settings: &WebhookSettings) -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(Policy::none())
        .no_proxy()
        .timeout(settings.timeout)
        .connect_timeout(settings.timeout)
        .dns_resolver(Arc::new(Resolver { allow_private: settings.allow_private }))
        .build()
        // Only a broken TLS setup of the machine makes this fail: nothing could be sent at all.
        .expect("the webhook HTTP client can be built")
}

async fn run(store: Store, settings: WebhookSettings) {
    let client = client(&settings);
    let wake = store.events_written();
    let permits = Arc::new(Semaphore::new(IN_FLIGHT));
    let mut deliveries = JoinSet::new();
    // A lease outlives an attempt (its timeout) with room for the store's writes.
    let lease = settings.timeout + Duration::from_secs(5);
    loop {
        while deliveries.try_join_next().is_some() {}
        let free = permits.available_permits();
        let leased = match free {
            0 => Vec::new(),
            _ => {
                let until = clock::now_millis() + millis(lease);
                match store.lease_webhook_events(until, free as i64).await {
                    Ok(leased) => leased,
                    Err(error) => {
                        tracing::warn!(%error, "cannot lease webhook events");
                        Vec::new()
                    }
                }
            }
        };
        let got = leased.len();
        for event in leased {
            let Ok(permit) = Arc::clone(&permits).try_acquire_owned() else { break };
            let (store, client) = (store.clone(), client.clone());
            deliveries.spawn(async move {
                deliver(&store, &client, &settings, event).await;
                drop(permit);
                // A later event of the same coupon may be due now.
                store.events_written().notify_one();
            });
        }
        if got == 0 || got < free {
            tokio::select! {
                () = wake.notified() => {}
                () = tokio::time::sleep(POLL) => {}
            }
        }
    }
}

fn millis(duration: Duration) -> i64 {
    i64::try_from(duration.as_millis()).unwrap_or(i64::MAX)
}

/// One attempt at one event, recorded.
async fn deliver(store: &Store, client: &reqwest::Client, settings: &WebhookSettings, event: LeasedEvent) {
    let request_id = format!("req_{}", Alphanumeric.sample_string(&mut rand::rng(), 24));
    let attempted_at = clock::now_rfc3339();
    let started = Instant::now();
    let destination = match store.webhook_destination(event.account_id, event.grp_idx).await {
        Ok(destination) => destination,
        Err(error) => {
            tracing::warn!(%error, event = event.event_id, "cannot read the webhook destination");
            return;
        }
    };
    let (url, webhook_type) = match &destination {
        Some(d) if d.group => (d.url.clone(), "GROUP"),
        Some(d) => (d.url.clone(), "GLOBAL"),
        None => (String::new(), "GLOBAL"),
    };
    let result = match &destination {
        None => Err(SendError::NoUrl),
        Some(destination) => {
            let secrets = destination.config.signing_secrets(clock::now_millis());
            send(client, settings, &url, webhook_type, &request_id, &secrets, &event).await
        }
    };
    let latency_ms = i64::try_from(started.elapsed().as_millis()).unwrap_or(i64::MAX);
    let (http_status, reply, error) = match result {
        Ok((status, reply)) => (Some(i64::from(status)), reply, None),
        Err(error) => (None, String::new(), Some(error.to_string())),
    };
    let delivered = http_status.is_some_and(|status| (200..300).contains(&status));
    let next = if delivered { Next::Delivered } else { next_attempt(settings, &event) };
    tracing::debug!(event = event.event_id, ?http_status, ?error, ?next, "webhook attempt");
    let attempt = Attempt { request_id, webhook_type, url, attempted_at, http_status, latency_ms, reply, error };
    if let Err(error) = store.finish_webhook_attempt(event.row, attempt, next).await {
        // The lease runs out and the event is sent again: at least once.
        tracing::warn!(%error, event = event.event_id, "cannot record a webhook attempt");
    }
}

/// After a failed attempt: exponential backoff from `first_retry` with ±20 % jitter, until the
/// event is `give_up_after` old.
fn next_attempt(settings: &WebhookSettings, event: &LeasedEvent) -> Next {
    let now = clock::now_millis();
    let deadline = event.created_at_ms.saturating_add(millis(settings.give_up_after));
    if now >= deadline {
        return Next::Failed;
    }
    let doublings = u32::try_from(event.attempts.clamp(0, 20)).unwrap_or(20);
    let delay = settings.first_retry.saturating_mul(2_u32.saturating_pow(doublings)).min(MAX_RETRY_DELAY);
    let jitter = rand::rng().random_range(0.8..1.2);
    let delay = millis(delay.mul_f64(jitter));
    Next::RetryAt(now.saturating_add(delay).min(deadline))
}

/// Posts the event; its status and the start of its reply.
async fn send(
    client: &reqwest::Client,
    settings: &WebhookSettings,
    url: &str,
    webhook_type: &'static str,
    request_id: &str,
    secrets: &[&str],
    event: &LeasedEvent,
) -> Result<(u16, String), SendError> {
    if url.is_empty() {
        return Err(SendError::NoUrl);
    }
    let parsed = Url::parse(url).map_err(|_| SendError::BadUrl(url.to_owned()))?;
    if !matches!(parsed.scheme(), "http" | "https") {
        return Err(SendError::BadUrl(url.to_owned()));
    }
    // The resolver filters names; an IP literal never reaches it.
    let host = parsed.host_str().ok_or_else(|| SendError::BadUrl(url.to_owned()))?;
    let literal: Option<IpAddr> = host.trim_start_matches('[').trim_end_matches(']').parse().ok();
    if let Some(ip) = literal.filter(|ip| !settings.allow_private && !is_public(*ip)) {
        return Err(SendError::PrivateAddress(ip.to_string()));
    }
    let body = event.payload.as_bytes();
    let timestamp = clock::now_millis() / 1000;
    let mut headers = HeaderMap::new();
    let mut set = |name: &'static str, value: String| {
        if let Ok(value) = HeaderValue::from_str(&value) {
            headers.insert(name, value);
        }
    };
    set("x-coupon-event-id", event.event_id.clone());
    set("x-coupon-request-id", request_id.to_owned());
    set("x-coupon-webhook-type", webhook_type.to_owned());
    set("x-coupon-timestamp", timestamp.to_string());
    set("x-content-sha256", sign::content_sha256(body));
    set("x-coupon-signature", sign::signature_header(secrets, timestamp, body));
    headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
    headers.insert(USER_AGENT, HeaderValue::from_static("coupon-webhooks/1"));
    let request = client.post(parsed).headers(headers).body(event.payload.clone());
    let exchange = async {
        let mut response = request.send().await?;
        let status = response.status().as_u16();
        let mut reply = Vec::new();
        while let Some(chunk) = response.chunk().await? {
            let room = REPLY_READ.saturating_sub(reply.len());
            reply.extend_from_slice(&chunk[..chunk.len().min(room)]);
            if reply.len() >= REPLY_READ {
                break;
            }
        }
        reply.truncate(REPLY_KEPT);
        Ok::<_, reqwest::Error>((status, String::from_utf8_lossy(&reply).into_owned()))
    };
    match tokio::time::timeout(settings.timeout, exchange).await {
        Err(_) => Err(SendError::Timeout(settings.timeout)),
        Ok(Err(error)) if error.is_timeout() => Err(SendError::Timeout(settings.timeout)),
        Ok(Err(error)) => Err(SendError::Http(error_chain(&error))),
        Ok(Ok(answer)) => Ok(answer),
    }
}

/// An error with its causes, for the delivery log.
fn error_chain(error: &(dyn std::error::Error + 'static)) -> String {
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text
}
