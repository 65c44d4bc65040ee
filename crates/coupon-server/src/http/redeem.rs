//! `PUT /api/coupon/v1/redeem`: a shop's system uses a coupon once.

use axum::extract::State;
use axum::http::HeaderMap;
use axum::routing::put;
use axum::Router;
use coupon_rules::{params, ErrorCode, FieldError, Lang, Report};
use serde_json::{Map, Value};

use super::auth::ApiAccount;
use super::body::JsonBody;
use super::envelope::Success;
use super::error::ApiError;
use super::error::ApiResult;
use super::fields::{check_max_len, TextFields, MAX_IDEMPOTENCY_KEY};
use super::lang::RequestLang;
use crate::redeem::{self, Caller, UseReceipt, UseRequest};
use crate::state::AppState;

/// The route under `/api/coupon/v1`.
pub fn routes() -> Router<AppState> {
    Router::new().route("/redeem", put(redeem_coupon))
}

/// The header a till may send its idempotency key in (or `idempotencyKey` in the body).
const IDEMPOTENCY_KEY: &str = "idempotency-key";

/// `{cpnNo, onsitePwd?, userId?, memo?, idempotencyKey?}`: uses the coupon once. A store password,
/// when given, must be right (and counts toward the wrong-password limit); `userId` and `memo` go
/// to the use log. A retry under the same idempotency key (body or `Idempotency-Key` header) gets
/// the first receipt and uses nothing; the same key with another request is 1002.
async fn redeem_coupon(
    State(state): State<AppState>,
    ApiAccount(account): ApiAccount,
    RequestLang(lang): RequestLang,
    headers: HeaderMap,
    JsonBody(body): JsonBody<Map<String, Value>>,
) -> ApiResult<UseReceipt> {
    let known = ["cpnNo", "onsitePwd", "userId", "memo", "idempotencyKey"];
    let mut fields = TextFields::parse(body, &known, lang)?;
    let cpn_no = fields.take("cpnNo").ok_or_else(|| {
        let error = FieldError::new("cpnNo", ErrorCode::Required, params! {}, lang);
        ApiError::Invalid(Report { errors: vec![error], warnings: Vec::new() })
    })?;
    let request = UseRequest {
        password: fields.take("onsitePwd"),
        idempotency_key: idempotency_key(fields.take("idempotencyKey"), &headers, lang)?,
        user_id: fields.take("userId").unwrap_or_default(),
        memo: fields.take("memo").unwrap_or_default(),
    };
    let note = coupon_rules::validate_use_note(&request.user_id, &request.memo, lang);
    if !note.is_ok() {
        return Err(ApiError::Invalid(note));
    }
    Ok(Success(redeem::redeem(&state.store, &state.passwords, Caller::Api(account), cpn_no, request).await?))
}

/// The request's idempotency key, from the body or the header (both at once must agree), at most
/// [`MAX_IDEMPOTENCY_KEY`] characters.
fn idempotency_key(in_body: Option<String>, headers: &HeaderMap, lang: Lang) -> Result<Option<String>, ApiError> {
    let in_header = headers.get(IDEMPOTENCY_KEY).map(|value| value.to_str().unwrap_or("").trim().to_owned());
    let in_header = in_header.filter(|key| !key.is_empty());
    let key = match (in_body, in_header) {
        (Some(body), Some(header)) if body != header => {
            let error =
                FieldError::new("idempotencyKey", ErrorCode::Conflict, params! { "other" => "Idempotency-Key" }, lang);
            return Err(ApiError::Invalid(Report { errors: vec![error], warnings: Vec::new() }));
        }
        (body, header) => body.or(header),
    };
    check_max_len("idempotencyKey", key.as_deref(), MAX_IDEMPOTENCY_KEY, lang)?;
    Ok(key)
}
