//! `PUT /api/coupon/v1/redeem`: a shop's system uses a coupon once.

use axum::extract::State;
use axum::routing::put;
use axum::Router;
use coupon_rules::{params, ErrorCode, FieldError, Report};
use serde_json::{Map, Value};

use super::auth::ApiAccount;
use super::body::JsonBody;
use super::envelope::Success;
use super::error::ApiError;
use super::error::ApiResult;
use super::fields::TextFields;
use super::lang::RequestLang;
use crate::redeem::{self, Caller, UseReceipt, UseRequest};
use crate::state::AppState;

/// The route under `/api/coupon/v1`.
pub fn routes() -> Router<AppState> {
    Router::new().route("/redeem", put(redeem_coupon))
}

/// `{cpnNo, onsitePwd?, userId?, memo?}`: uses the coupon once. A store password, when given, must
/// be right (and counts toward the wrong-password limit); `userId` and `memo` go to the use log.
async fn redeem_coupon(
    State(state): State<AppState>,
    ApiAccount(account): ApiAccount,
    RequestLang(lang): RequestLang,
    JsonBody(body): JsonBody<Map<String, Value>>,
) -> ApiResult<UseReceipt> {
    let mut fields = TextFields::parse(body, &["cpnNo", "onsitePwd", "userId", "memo"], lang)?;
    let cpn_no = fields.take("cpnNo").ok_or_else(|| {
        let error = FieldError::new("cpnNo", ErrorCode::Required, params! {}, lang);
        ApiError::Invalid(Report { errors: vec![error], warnings: Vec::new() })
    })?;
    let request = UseRequest {
        password: fields.take("onsitePwd"),
        idempotency_key: None,
        user_id: fields.take("userId").unwrap_or_default(),
        memo: fields.take("memo").unwrap_or_default(),
    };
    let note = coupon_rules::validate_use_note(&request.user_id, &request.memo, lang);
    if !note.is_ok() {
        return Err(ApiError::Invalid(note));
    }
    Ok(Success(redeem::redeem(&state.store, &state.passwords, Caller::Api(account), cpn_no, request).await?))
}
