//! Taking back a use: `POST /api/coupon/v1/undo-use` (the admin) and
//! `POST /api/public/v1/coupons/{cpnNo}/undo-use` (staff, with the receipt's one-time token).

use axum::extract::rejection::PathRejection;
use axum::extract::{Path, State};
use axum::routing::post;
use axum::Router;
use coupon_rules::{params, ErrorCode, FieldError, Lang, Report};
use serde_json::{Map, Value};

use super::auth::ApiCaller;
use super::body::JsonBody;
use super::envelope::Success;
use super::error::{ApiError, ApiResult};
use super::fields::{check_max_len, TextFields};
use super::lang::RequestLang;
use crate::console::undo::{self, UndoError, UndoReceipt, MAX_REASON};
use crate::state::AppState;

/// The admin's route under `/api/coupon/v1`.
pub fn routes() -> Router<AppState> {
    Router::new().route("/undo-use", post(undo_use))
}

/// The page's route under `/api/public/v1`.
pub fn public_routes() -> Router<AppState> {
    Router::new().route("/coupons/{cpn_no}/undo-use", post(undo_with_token))
}

fn refusal(error: UndoError, lang: Lang) -> ApiError {
    match error {
        UndoError::NotFound | UndoError::NoSuchUse => ApiError::NotFound,
        UndoError::TokenExpired => {
            let error = FieldError::new("undoToken", ErrorCode::UndoExpired, params! {}, lang);
            ApiError::Invalid(Report { errors: vec![error], warnings: Vec::new() })
        }
        UndoError::Store(e) => e.into(),
    }
}

/// `{cpnNo, useNo, reason?}`: takes back use `useNo` (from its receipt or the history); a second
/// undo of it answers `undone: false` and changes nothing. 1005: no such coupon or use.
async fn undo_use(
    State(state): State<AppState>,
    ApiCaller { account, actor }: ApiCaller,
    RequestLang(lang): RequestLang,
    JsonBody(mut body): JsonBody<Map<String, Value>>,
) -> ApiResult<UndoReceipt> {
    // useNo is a number; the rest are text fields, read strictly.
    let use_no = body.remove("useNo");
    let mut fields = TextFields::parse(body, &["cpnNo", "reason"], lang)?;
    let mut errors = Vec::new();
    let cpn_no = fields.take("cpnNo").unwrap_or_default();
    if cpn_no.is_empty() {
        errors.push(FieldError::new("cpnNo", ErrorCode::Required, params! {}, lang));
    }
    let use_no = match use_no {
        None | Some(Value::Null) => {
            errors.push(FieldError::new("useNo", ErrorCode::Required, params! {}, lang));
            0
        }
        Some(value) => match value.as_i64() {
            Some(n) if n >= 1 => n,
            Some(_) => {
                errors.push(FieldError::new("useNo", ErrorCode::OutOfRange, params! { "min" => 1_i64 }, lang));
                0
            }
            None => {
                let wrong = FieldError::new("useNo", ErrorCode::InvalidType, params! { "expected" => "integer" }, lang);
                return Err(ApiError::WrongTypes(vec![wrong]));
            }
        },
    };
    let reason = fields.take("reason").unwrap_or_default();
    if let Err(ApiError::Invalid(report)) = check_max_len("reason", Some(&reason), MAX_REASON, lang) {
        errors.extend(report.errors);
    }
    if !errors.is_empty() {
        return Err(ApiError::Invalid(Report { errors, warnings: Vec::new() }));
    }
    undo::undo(&state.store, &account, actor, &cpn_no, use_no, reason).await.map(Success).map_err(|e| refusal(e, lang))
}

/// `{undoToken}`: staff take back the use whose receipt carried the token, once, within a minute
/// of it, without the store password. Afterwards (or a second time) 1002 `undo_expired`.
async fn undo_with_token(
    State(state): State<AppState>,
    RequestLang(lang): RequestLang,
    path: Result<Path<String>, PathRejection>,
    JsonBody(body): JsonBody<Map<String, Value>>,
) -> ApiResult<UndoReceipt> {
    let Path(cpn_no) = path.map_err(|_| ApiError::NotFound)?;
    let mut fields = TextFields::parse(body, &["undoToken"], lang)?;
    let Some(token) = fields.take("undoToken") else {
        let error = FieldError::new("undoToken", ErrorCode::Required, params! {}, lang);
        return Err(ApiError::Invalid(Report { errors: vec![error], warnings: Vec::new() }));
    };
    check_max_len("undoToken", Some(&token), 128, lang)?;
    undo::undo_with_token(&state.store, &cpn_no, &token).await.map(Success).map_err(|e| refusal(e, lang))
}
