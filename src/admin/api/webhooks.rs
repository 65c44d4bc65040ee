//! The webhook endpoints (`/api/webhook/v1/…`, Enterprise plan): the account's config, its secret,
//! a test event, and the latest events with their resending.

use coupon_rules::WebhookConfigRequest;
use gloo_net::http::{Request, RequestBuilder};
use serde::de::DeserializeOwned;
use serde::Deserialize;

use super::{envelope, send_for_text, AdminApiError};
use crate::admin::session::ApiKey;

/// Where the webhook endpoints live.
const BASE: &str = "/api/webhook/v1";

/// `result` of the config endpoints.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct WebhookConfig {
    /// The account's callback URL (`""`: none yet).
    pub callback_url: String,
    /// `Y` when events are sent.
    pub enable_yn: String,
    /// Whether a signing secret exists.
    pub has_secret: bool,
    /// Until when the rotated-out secret still signs, during a rotation.
    pub previous_secret_valid_until: Option<String>,
    /// The new secret, only in the reply that made it.
    #[serde(default)]
    pub secret: Option<String>,
}

/// `result` of `POST /config/rotate-secret`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RotatedSecret {
    /// The new secret (shown once).
    pub secret: String,
    /// Until when the old one still signs.
    pub previous_secret_valid_until: Option<String>,
}

/// An event as listed.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct WebhookEvent {
    /// `evt_…`.
    pub id: String,
    /// `coupon.used`, `coupon.updated`, `coupon.deleted`, `webhook.test`.
    #[serde(rename = "type")]
    pub event_type: String,
    /// The coupon's code (`""` for a test event).
    pub cpn_no: String,
    /// The use's number, for `coupon.used`.
    pub use_no: Option<i64>,
    /// `pending`, `delivered` or `failed`.
    pub status: String,
    /// Attempts so far.
    pub attempts: i64,
    /// The last reply's HTTP status.
    pub last_http_status: Option<i64>,
    /// When it was made (RFC 3339).
    pub created_at: String,
}

/// `result` of `POST /test`.
#[derive(Debug, Deserialize)]
struct TestSent {
    id: String,
}

/// The account's webhook config.
pub async fn fetch_config(key: &ApiKey) -> Result<WebhookConfig, AdminApiError> {
    call(Request::get(&format!("{BASE}/config")), key, None::<&()>).await
}

/// `PUT /config` with the fields to change; the first config's reply carries its secret.
pub async fn save_config(key: &ApiKey, change: &WebhookConfigRequest) -> Result<WebhookConfig, AdminApiError> {
    call(Request::put(&format!("{BASE}/config")), key, Some(change)).await
}

/// A new signing secret; the old one signs too for 24 hours.
pub async fn rotate_secret(key: &ApiKey) -> Result<RotatedSecret, AdminApiError> {
    call(Request::post(&format!("{BASE}/config/rotate-secret")), key, None::<&()>).await
}

/// Queues a `webhook.test` event to the callback URL; its id.
pub async fn send_test(key: &ApiKey) -> Result<String, AdminApiError> {
    let sent: TestSent = call(Request::post(&format!("{BASE}/test")), key, None::<&()>).await?;
    Ok(sent.id)
}

/// The latest 100 events, newest first.
pub async fn fetch_events(key: &ApiKey) -> Result<Vec<WebhookEvent>, AdminApiError> {
    call(Request::get(&format!("{BASE}/events")), key, None::<&()>).await
}

/// Sends an event again (ids are `evt_` and letters or digits: nothing to escape).
pub async fn resend(key: &ApiKey, event_id: &str) -> Result<(), AdminApiError> {
    let _: String = call(Request::post(&format!("{BASE}/events/{event_id}/resend")), key, None::<&()>).await?;
    Ok(())
}

async fn call<T: DeserializeOwned, B: serde::Serialize>(
    builder: RequestBuilder,
    key: &ApiKey,
    body: Option<&B>,
) -> Result<T, AdminApiError> {
    envelope::read(&send_for_text(builder, key, body).await?)
}
