//! `/api/webhook/v1`: the account's webhook config, a group's callback URL, the events and their
//! resending (Enterprise plan, `APIKey`, the usual envelope).

use axum::extract::{FromRequestParts, Path, State};
use axum::http::request::Parts;
use axum::routing::{get, post};
use axum::Router;
use coupon_rules::{
    params, validate_group_webhook, validate_webhook_config, ErrorCode, FieldError, GroupWebhookRequest, Plan, Report,
    WebhookConfigRequest, YesNo,
};
use serde::Serialize;

use super::auth::ApiAccount;
use super::body::JsonBody;
use super::envelope::Success;
use super::error::{ApiError, ApiResult};
use super::lang::RequestLang;
use crate::state::AppState;
use crate::store::accounts::Account;
use crate::store::webhooks::{DeliveryLog, EventSummary, WebhookConfig};
use crate::{clock, webhooks};

/// The routes under `/api/webhook/v1`.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/config", get(get_config).put(put_config))
        .route("/config/rotate-secret", post(rotate_secret))
        .route("/groups/{grp_idx}", get(get_group).put(put_group))
        .route("/events", get(events))
        .route("/events/{event_id}/deliveries", get(deliveries))
        .route("/events/{event_id}/resend", post(resend))
        .route("/test", post(send_test))
}

/// Extractor: an API account on the Enterprise plan (webhooks); else 1004.
struct WebhookAccount(std::sync::Arc<Account>);

impl FromRequestParts<AppState> for WebhookAccount {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        let ApiAccount(account) = ApiAccount::from_request_parts(parts, state).await?;
        if !account.plan.includes(Plan::WEBHOOK) {
            return Err(ApiError::PlanRequired { required: Plan::WEBHOOK, report: None });
        }
        Ok(WebhookAccount(account))
    }
}

/// `result` of the config endpoints. The secret is never shown again after it is made.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct ConfigView {
    callback_url: String,
    enable_yn: &'static str,
    /// Whether a signing secret exists.
    has_secret: bool,
    /// Until when (RFC 3339) the rotated-out secret still signs, during a rotation.
    previous_secret_valid_until: Option<String>,
    /// The new secret, only in the reply that created it.
    #[serde(skip_serializing_if = "Option::is_none")]
    secret: Option<String>,
}

fn view(config: Option<&WebhookConfig>, enabled: bool, secret: Option<String>) -> ConfigView {
    let now = clock::now_millis();
    let until = config
        .and_then(|c| c.previous_secret.as_ref().and(c.previous_expires_at_ms))
        .filter(|until| *until > now)
        .and_then(clock::rfc3339_of_millis);
    ConfigView {
        callback_url: config.map(|c| c.callback_url.clone()).unwrap_or_default(),
        enable_yn: if enabled { "Y" } else { "N" },
        has_secret: config.is_some(),
        previous_secret_valid_until: until,
        secret,
    }
}

/// A rules report: wrong JSON types are 1001, anything else 1002.
fn refused(report: Report) -> ApiError {
    if report.has_error(ErrorCode::InvalidType) {
        let wrong = report.errors.into_iter().filter(|e| e.code == ErrorCode::InvalidType).collect();
        return ApiError::WrongTypes(wrong);
    }
    ApiError::Invalid(report)
}

/// `GET /config`.
async fn get_config(State(state): State<AppState>, WebhookAccount(account): WebhookAccount) -> ApiResult<ConfigView> {
    let config = state.store.webhook_config(account.id).await?;
    Ok(Success(view(config.as_ref(), account.global_webhook, None)))
}

/// `PUT /config` `{"callbackUrl", "enableYn"}`: absent fields unchanged; the first config made
/// answers its secret (once).
async fn put_config(
    State(state): State<AppState>,
    WebhookAccount(account): WebhookAccount,
    RequestLang(lang): RequestLang,
    JsonBody(request): JsonBody<WebhookConfigRequest>,
) -> ApiResult<ConfigView> {
    let stored = state.store.webhook_config(account.id).await?;
    let stored_url = stored.as_ref().map(|c| c.callback_url.as_str()).unwrap_or_default();
    let report = validate_webhook_config(&request, stored_url, lang);
    if !report.is_ok() {
        return Err(refused(report));
    }
    let enabled = request.enable_yn.as_deref().and_then(YesNo::parse).map(|yn| yn == YesNo::Yes);
    let done = webhooks::configure(&state.store, account.id, request.callback_url, enabled).await?;
    let enabled = enabled.unwrap_or(account.global_webhook);
    Ok(Success(view(Some(&done.config), enabled, done.new_secret)))
}

/// `result` of `POST /config/rotate-secret`.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct Rotated {
    /// The new secret (shown once).
    secret: String,
    /// Until when the old one still signs.
    previous_secret_valid_until: Option<String>,
}

/// `POST /config/rotate-secret`: a new secret; the old one signs too for 24 hours.
async fn rotate_secret(State(state): State<AppState>, WebhookAccount(account): WebhookAccount) -> ApiResult<Rotated> {
    let secret = webhooks::rotate(&state.store, account.id).await?;
    let until = clock::rfc3339_of_millis(clock::now_millis() + webhooks::ROTATION_OVERLAP_MS);
    Ok(Success(Rotated { secret, previous_secret_valid_until: until }))
}

/// `result` of the group endpoints.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct GroupView {
    grp_idx: i64,
    /// The group's own URL (`""`: the account's is used).
    callback_url: String,
}

fn group_idx(text: &str) -> Result<i64, ApiError> {
    let error = |code, params| {
        let error = FieldError::new("grpIdx", code, params, super::lang::current());
        ApiError::Invalid(Report { errors: vec![error], warnings: Vec::new() })
    };
    match text.parse::<i64>() {
        Ok(idx) if idx >= 1 => Ok(idx),
        Ok(_) => Err(error(ErrorCode::OutOfRange, params! { "min" => 1_i64 })),
        Err(_) => Err(error(ErrorCode::InvalidType, params! { "expected" => "integer" })),
    }
}

/// `GET /groups/{grpIdx}`: the group's own callback URL.
async fn get_group(
    State(state): State<AppState>,
    WebhookAccount(account): WebhookAccount,
    Path(grp_idx): Path<String>,
) -> ApiResult<GroupView> {
    let grp_idx = group_idx(&grp_idx)?;
    let url = state.store.group_webhook_url(account.id, grp_idx).await?.ok_or(ApiError::GroupNotFound)?;
    Ok(Success(GroupView { grp_idx, callback_url: url }))
}

/// `PUT /groups/{grpIdx}` `{"callbackUrl"}`: the group's own callback URL, which wins over the
/// account's for its coupons (`""`: none).
async fn put_group(
    State(state): State<AppState>,
    WebhookAccount(account): WebhookAccount,
    RequestLang(lang): RequestLang,
    Path(grp_idx): Path<String>,
    JsonBody(request): JsonBody<GroupWebhookRequest>,
) -> ApiResult<GroupView> {
    let grp_idx = group_idx(&grp_idx)?;
    let report = validate_group_webhook(&request, lang);
    if !report.is_ok() {
        return Err(refused(report));
    }
    let url = request.callback_url.unwrap_or_default();
    if !state.store.set_group_webhook_url(account.id, grp_idx, url.clone()).await? {
        return Err(ApiError::GroupNotFound);
    }
    Ok(Success(GroupView { grp_idx, callback_url: url }))
}

/// The query of `GET /events`.
#[derive(Debug)]
struct EventsQuery {
    cpn_no: Option<String>,
    status: Option<String>,
}

/// `GET /events?cpnNo=&status=`: the latest 100 events, newest first.
async fn events(
    State(state): State<AppState>,
    WebhookAccount(account): WebhookAccount,
    axum::extract::RawQuery(query): axum::extract::RawQuery,
) -> ApiResult<Vec<EventSummary>> {
    let query: EventsQuery = events_query(query.as_deref().unwrap_or(""));
    if query.status.as_deref().is_some_and(|s| !matches!(s, "pending" | "delivered" | "failed")) {
        let params = params! { "allowed" => "pending, delivered, failed" };
        let error = FieldError::new("status", ErrorCode::InvalidChoice, params, super::lang::current());
        return Err(ApiError::Invalid(Report { errors: vec![error], warnings: Vec::new() }));
    }
    let found = state.store.webhook_events(account.id, query.cpn_no.as_deref(), query.status.as_deref(), 100).await?;
    Ok(Success(found))
}

/// Reads `cpnNo` and `status` (empty values are absent).
fn events_query(query: &str) -> EventsQuery {
    let mut parsed = EventsQuery { cpn_no: None, status: None };
    for (name, value) in form_urlencoded::parse(query.as_bytes()) {
        let value = Some(value.into_owned()).filter(|v| !v.is_empty());
        match name.as_ref() {
            "cpnNo" => parsed.cpn_no = value,
            "status" => parsed.status = value,
            _ => {}
        }
    }
    parsed
}

/// `GET /events/{id}/deliveries`: every attempt (time, request id, HTTP status or error, latency,
/// the reply's first KiB), first attempt first.
async fn deliveries(
    State(state): State<AppState>,
    WebhookAccount(account): WebhookAccount,
    Path(event_id): Path<String>,
) -> ApiResult<Vec<DeliveryLog>> {
    Ok(Success(state.store.webhook_deliveries(account.id, &event_id).await?.ok_or(ApiError::NotFound)?))
}

/// `POST /events/{id}/resend`: sends an event again (a fresh 24 hours of retries).
async fn resend(
    State(state): State<AppState>,
    WebhookAccount(account): WebhookAccount,
    Path(event_id): Path<String>,
) -> ApiResult<String> {
    if state.store.resend_webhook_event(account.id, event_id.clone()).await? {
        Ok(Success(event_id))
    } else {
        Err(ApiError::NotFound)
    }
}

/// `result` of `POST /test`.
#[derive(Debug, Serialize)]
struct TestSent {
    /// The test event's id, as listed in `GET /events`.
    id: String,
}

/// `POST /test`: a `webhook.test` event to the account's callback URL (also while the switch is
/// off, so a URL can be tried before it is turned on); 1002 `required` on `callbackUrl` without one.
async fn send_test(State(state): State<AppState>, WebhookAccount(account): WebhookAccount) -> ApiResult<TestSent> {
    match state.store.send_test_webhook_event(account.id).await? {
        Some(id) => Ok(Success(TestSent { id })),
        None => {
            let error = FieldError::new("callbackUrl", ErrorCode::Required, params! {}, super::lang::current());
            Err(ApiError::Invalid(Report { errors: vec![error], warnings: Vec::new() }))
        }
    }
}
