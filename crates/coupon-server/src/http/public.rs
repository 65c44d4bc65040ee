//! The coupon page's endpoints: the public view and the staff's "Use" button. No API key.

use axum::extract::rejection::PathRejection;
use axum::extract::{Path, State};
use axum::routing::{get, post};
use axum::Router;
use coupon_rules::PublicCoupon;
use serde_json::{Map, Value};

use super::body::JsonBody;
use super::envelope::Success;
use super::error::ApiError;
use super::error::ApiResult;
use super::fields::{check_max_len, TextFields, MAX_IDEMPOTENCY_KEY};
use super::host::RequestHost;
use super::lang::RequestLang;
use crate::redeem::{self, Caller, UseReceipt, UseRequest};
use crate::state::AppState;

/// The routes under `/api/public/v1`.
pub fn routes() -> Router<AppState> {
    Router::new().route("/coupons/{cpn_no}", get(public_coupon)).route("/coupons/{cpn_no}/use", post(use_coupon))
}

fn code(path: Result<Path<String>, PathRejection>) -> Result<String, ApiError> {
    path.map(|Path(code)| code).map_err(|_| ApiError::NotFound)
}

/// `GET /coupons/{cpnNo}`: the public view (no secrets), its status computed now in the account's zone.
async fn public_coupon(
    State(state): State<AppState>,
    RequestHost(host): RequestHost,
    path: Result<Path<String>, PathRejection>,
) -> ApiResult<PublicCoupon> {
    let cpn_no = code(path)?;
    let source = state.store.public_source(&cpn_no).await?.ok_or(ApiError::NotFound)?;
    // A shop's own domain shows only its own coupons: another's is not there.
    if !state.pages.shows(&state.store, &host, &source.coupon.domain).await? {
        return Err(ApiError::NotFound);
    }
    Ok(Success(source.view(source.today())))
}

/// `POST /coupons/{cpnNo}/use` with `{onsitePwd, idempotencyKey}`: uses an on-site coupon once.
/// A retry with the same key gets the first answer and does not use the coupon again.
async fn use_coupon(
    State(state): State<AppState>,
    RequestLang(lang): RequestLang,
    RequestHost(host): RequestHost,
    path: Result<Path<String>, PathRejection>,
    JsonBody(body): JsonBody<Map<String, Value>>,
) -> ApiResult<UseReceipt> {
    let cpn_no = code(path)?;
    if !state.pages.shows_code(&state.store, &host, &cpn_no).await? {
        return Err(ApiError::NotFound);
    }
    let mut fields = TextFields::parse(body, &["onsitePwd", "idempotencyKey"], lang)?;
    let request = UseRequest {
        password: fields.take("onsitePwd"),
        idempotency_key: fields.take("idempotencyKey"),
        ..UseRequest::default()
    };
    check_max_len("idempotencyKey", request.idempotency_key.as_deref(), MAX_IDEMPOTENCY_KEY, lang)?;
    Ok(Success(redeem::redeem(&state.store, &state.passwords, Caller::Page, cpn_no, request).await?))
}
