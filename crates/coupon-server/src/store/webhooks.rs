//! Webhooks as stored: an account's config, the outbox's events and their delivery log.

use coupon_rules::{CouponStatus, Ymd};
use rand::distr::{Alphanumeric, SampleString};
use serde_json::json;

use crate::clock;

/// What an event is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EventType {
    /// A coupon was used.
    Used,
    /// A coupon was edited.
    Updated,
    /// A coupon was deleted.
    Deleted,
    /// An admin asked for a test ("Send a test event"): about no coupon.
    Test,
}

impl EventType {
    /// As sent in `type` (`coupon.used`).
    pub fn as_str(self) -> &'static str {
        match self {
            EventType::Used => "coupon.used",
            EventType::Updated => "coupon.updated",
            EventType::Deleted => "coupon.deleted",
            EventType::Test => "webhook.test",
        }
    }
}

/// A new event id: `evt_` and 24 random letters or digits.
pub fn new_event_id() -> String {
    format!("evt_{}", Alphanumeric.sample_string(&mut rand::rng(), 24))
}

/// An event to write to the outbox with the change that causes it.
#[derive(Debug, Clone, PartialEq)]
pub struct EventDraft {
    /// `evt_…`, the same on every delivery.
    pub event_id: String,
    /// Whose event it is.
    pub account_id: i64,
    /// The coupon's row id (per-coupon order).
    pub coupon_id: i64,
    /// The coupon's code.
    pub cpn_no: String,
    /// The coupon's group (its callback URL wins over the account's).
    pub grp_idx: i64,
    /// What happened.
    pub event_type: EventType,
    /// The use's number, for `coupon.used`.
    pub use_no: Option<i64>,
    /// The body sent, exactly (the signature covers these bytes).
    pub payload: String,
    /// When (RFC 3339, UTC).
    pub created_at: String,
    /// When, in Unix milliseconds.
    pub created_at_ms: i64,
}

impl EventDraft {
    fn new(
        account_id: i64,
        coupon_id: i64,
        cpn_no: &str,
        grp_idx: i64,
        event_type: EventType,
        use_no: Option<i64>,
        data: serde_json::Value,
    ) -> EventDraft {
        let event_id = new_event_id();
        let created_at = clock::now_rfc3339();
        let payload = json!({
            "id": event_id,
            "type": event_type.as_str(),
            "createdAt": created_at,
            "account": account_id,
            "data": data,
        })
        .to_string();
        EventDraft {
            event_id,
            account_id,
            coupon_id,
            cpn_no: cpn_no.to_owned(),
            grp_idx,
            event_type,
            use_no,
            payload,
            created_at,
            created_at_ms: clock::now_millis(),
        }
    }

    /// `coupon.updated`: the names of the fields that changed (never a value).
    pub fn updated(account_id: i64, coupon_id: i64, cpn_no: &str, grp_idx: i64, changed: &[String]) -> EventDraft {
        let data = json!({ "cpnNo": cpn_no, "changed": changed });
        EventDraft::new(account_id, coupon_id, cpn_no, grp_idx, EventType::Updated, None, data)
    }

    /// `webhook.test`: to the account's global URL, ordered apart from every coupon's events
    /// (its coupon id is the account's, negated: no coupon has it).
    pub fn test(account_id: i64) -> EventDraft {
        let data = json!({ "message": "A test event from the coupon server: your endpoint is reached." });
        EventDraft::new(account_id, -account_id, "", 0, EventType::Test, None, data)
    }

    /// `coupon.deleted`.
    pub fn deleted(account_id: i64, coupon_id: i64, cpn_no: &str, grp_idx: i64) -> EventDraft {
        EventDraft::new(account_id, coupon_id, cpn_no, grp_idx, EventType::Deleted, None, json!({ "cpnNo": cpn_no }))
    }
}

/// What a `coupon.used` event is made of besides what the use itself decides (its number, time).
#[derive(Debug, Clone, PartialEq)]
pub struct UseEvent {
    /// The coupon's account.
    pub account_id: i64,
    /// Its code.
    pub cpn_no: String,
    /// Its group.
    pub grp_idx: i64,
    /// Its start date, end date and cap on uses (use limit and allowed uses), for its status.
    pub strt_ymd: Ymd,
    /// See `strt_ymd`.
    pub end_ymd: Option<Ymd>,
    /// See `strt_ymd`.
    pub total_limit: i64,
    /// Today in the account's zone.
    pub today: Ymd,
    /// Where the use came from (`page`, `api`: the use log's channel).
    pub channel: &'static str,
    /// Who used it.
    pub user_id: String,
}

impl UseEvent {
    /// The event of use number `use_no` of coupon `coupon_id`, made at `used_at`, after which the
    /// coupon counts `use_cnt` uses (fewer than `use_no` once a use was undone).
    pub fn draft(&self, coupon_id: i64, use_no: i64, use_cnt: i64, used_at: &str) -> EventDraft {
        let status = CouponStatus::on(self.today, self.strt_ymd, self.end_ymd, self.total_limit, use_cnt);
        let data = json!({
            "cpnNo": self.cpn_no,
            "useNo": use_no,
            "usesLeft": CouponStatus::uses_left(self.total_limit, use_cnt),
            "status": status,
            "usedAt": used_at,
            "channel": self.channel,
            "userId": self.user_id,
        });
        EventDraft::new(self.account_id, coupon_id, &self.cpn_no, self.grp_idx, EventType::Used, Some(use_no), data)
    }
}

/// An account's webhook: where its events go and how they are signed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WebhookConfig {
    /// The global callback URL (`""`: none).
    pub callback_url: String,
    /// Whether the global switch is on (`accounts.global_webhook`).
    pub enabled: bool,
    /// The signing secret.
    pub secret: String,
    /// The secret before the last rotation, while it is still valid.
    pub previous_secret: Option<String>,
    /// Until when (Unix ms) the previous secret signs too.
    pub previous_expires_at_ms: Option<i64>,
}

impl WebhookConfig {
    /// The secrets that sign a request at `now_ms`: the current one, and the previous one while
    /// it is valid.
    pub fn signing_secrets(&self, now_ms: i64) -> Vec<&str> {
        let mut secrets = vec![self.secret.as_str()];
        if let (Some(previous), Some(until)) = (&self.previous_secret, self.previous_expires_at_ms) {
            if now_ms < until {
                secrets.push(previous);
            }
        }
        secrets
    }
}

/// A change to an account's webhook config.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigChange {
    /// A new callback URL.
    pub callback_url: Option<String>,
    /// The global switch.
    pub enabled: Option<bool>,
    /// The secret for a config that has none yet.
    pub new_secret: String,
}

/// An event leased for sending.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LeasedEvent {
    /// The outbox row.
    pub row: i64,
    /// `evt_…`.
    pub event_id: String,
    /// Whose.
    pub account_id: i64,
    /// The coupon's group.
    pub grp_idx: i64,
    /// The body.
    pub payload: String,
    /// Attempts made before this one.
    pub attempts: i64,
    /// When it was made (Unix ms): retries stop 24 h later.
    pub created_at_ms: i64,
}

/// Where a leased event goes, read when it is sent (a changed URL or rotated secret applies to
/// events not yet delivered).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Destination {
    /// The URL.
    pub url: String,
    /// `GROUP` when the coupon's group has its own URL, else `GLOBAL`.
    pub group: bool,
    /// The account's config (for the secrets).
    pub config: WebhookConfig,
}

/// How one attempt went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attempt {
    /// `X-Coupon-Request-Id`.
    pub request_id: String,
    /// `GLOBAL` or `GROUP`.
    pub webhook_type: &'static str,
    /// Where it went.
    pub url: String,
    /// When (RFC 3339).
    pub attempted_at: String,
    /// The reply's status, if one came.
    pub http_status: Option<i64>,
    /// How long it took.
    pub latency_ms: i64,
    /// The reply's first KiB.
    pub reply: String,
    /// Why no reply (or why it was not sent).
    pub error: Option<String>,
}

/// What follows an attempt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Next {
    /// Done.
    Delivered,
    /// Try again at this time (Unix ms).
    RetryAt(i64),
    /// Given up.
    Failed,
}

/// An event as listed, with its delivery state.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct EventSummary {
    /// `evt_…`.
    pub id: String,
    /// `coupon.used`, …
    #[serde(rename = "type")]
    pub event_type: String,
    /// The coupon's code.
    pub cpn_no: String,
    /// The use's number, for `coupon.used`.
    pub use_no: Option<i64>,
    /// `pending`, `delivered` or `failed`.
    pub status: String,
    /// Attempts so far.
    pub attempts: i64,
    /// The last reply's HTTP status.
    pub last_http_status: Option<i64>,
    /// When it was made.
    pub created_at: String,
    /// When it was delivered.
    pub delivered_at: Option<String>,
}

/// One delivery attempt as logged.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DeliveryLog {
    /// 1 for the first attempt.
    pub attempt: i64,
    /// `X-Coupon-Request-Id`.
    pub request_id: String,
    /// `GLOBAL` or `GROUP`.
    pub webhook_type: String,
    /// Where it went.
    pub url: String,
    /// When (RFC 3339).
    pub attempted_at: String,
    /// The reply's HTTP status, if one came.
    pub http_status: Option<i64>,
    /// How long it took.
    pub latency_ms: i64,
    /// The reply's first KiB.
    pub reply: String,
    /// Why there was no reply.
    pub error: Option<String>,
}
