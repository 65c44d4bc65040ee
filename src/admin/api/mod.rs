//! The admin endpoints (`/api/coupon/v1/…`) with `Authorization: APIKey …`, over gloo-net, with
//! typed failures.

mod envelope;
mod error;
mod group;
mod history;
mod search;
pub mod webhooks;

pub use error::AdminApiError;
pub use group::{fetch_group_coupons, group_update, GroupUpdateError};
pub use history::{fetch_history, By, FieldChange, HistoryEntry, HistoryPage, Value};
pub use search::{search, Hit, HitPage, SearchQuery, SortKey};

use coupon_rules::{Context, Coupon, UpdateRequest};
use gloo_net::http::{Request, RequestBuilder};
use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::admin::session::ApiKey;

/// Where the admin endpoints live (same origin as the page).
const BASE: &str = "/api/coupon/v1";

/// The account's validation context: plan, time zone, the server's today, global webhook switch,
/// groups and templates (`stored` is empty). Also how sign-in checks a key.
pub async fn fetch_context(key: &ApiKey) -> Result<Context, AdminApiError> {
    send(Request::get(&format!("{BASE}/context")), key, None).await
}

/// The admin view of a coupon by its code (already normalised: `A-Z0-9` only, nothing to escape).
pub async fn fetch_coupon(key: &ApiKey, cpn_no: &str) -> Result<Coupon, AdminApiError> {
    send(Request::get(&format!("{BASE}/get?cpnNo={cpn_no}")), key, None).await
}

/// `PUT /update` with the changed fields; the result is the code.
pub async fn update(key: &ApiKey, request: &UpdateRequest) -> Result<String, AdminApiError> {
    send(Request::put(&format!("{BASE}/update")), key, Some(request)).await
}

/// `POST /create`; the result is the new coupon's code (generated when the request has none).
pub async fn create(key: &ApiKey, request: &UpdateRequest) -> Result<String, AdminApiError> {
    send(Request::post(&format!("{BASE}/create")), key, Some(request)).await
}

/// Sends one request and reads its envelope, whatever the HTTP status: the envelope says what happened.
async fn send<T: DeserializeOwned>(
    builder: RequestBuilder,
    key: &ApiKey,
    body: Option<&UpdateRequest>,
) -> Result<T, AdminApiError> {
    envelope::read(&send_for_text(builder, key, body).await?)
}

/// Sends one request and returns the reply's text, for callers that read more of a refusal.
async fn send_for_text<B: Serialize>(
    builder: RequestBuilder,
    key: &ApiKey,
    body: Option<&B>,
) -> Result<String, AdminApiError> {
    let builder = builder.header("Authorization", &key.header_value());
    let request = match body {
        Some(body) => builder
            .header("Content-Type", "application/json")
            .body(envelope::write(body)?)
            .map_err(|_| AdminApiError::Encode)?,
        None => builder.build().map_err(|_| AdminApiError::Encode)?,
    };
    let response = request.send().await.map_err(|_| AdminApiError::Network)?;
    response.text().await.map_err(|_| AdminApiError::Network)
}
