//! `GET /api/coupon/v1/history?cpnNo=&limit=&after=`: a coupon's edits, uses and undos.

use axum::extract::{RawQuery, State};
use axum::routing::get;
use axum::Router;
use coupon_rules::{params, ErrorCode, FieldError, Lang, Report};

use super::auth::ApiAccount;
use super::envelope::Success;
use super::error::{ApiError, ApiResult};
use super::lang::RequestLang;
use super::query::{limit_param, query_param};
use crate::console::history::{self, After, History, HistoryError, DEFAULT_LIMIT, MAX_LIMIT};
use crate::state::AppState;

/// The route under `/api/coupon/v1`.
pub fn routes() -> Router<AppState> {
    Router::new().route("/history", get(coupon_history))
}

/// `GET /history?cpnNo=&limit=&after=`: newest first; `limit` 1–200 (50); `after` is the `next`
/// of the page before. Another account's coupon is 1005.
async fn coupon_history(
    State(state): State<AppState>,
    ApiAccount(account): ApiAccount,
    RequestLang(lang): RequestLang,
    RawQuery(query): RawQuery,
) -> ApiResult<History> {
    let (cpn_no, limit, after) = parse(query.as_deref().unwrap_or(""), lang)?;
    match history::history(&state.store, &account, &cpn_no, limit, after).await {
        Ok(found) => Ok(Success(found)),
        Err(HistoryError::NotFound) => Err(ApiError::NotFound),
        Err(HistoryError::Store(e)) => Err(e.into()),
    }
}

fn parse(query: &str, lang: Lang) -> Result<(String, u32, Option<After>), ApiError> {
    let mut errors = Vec::new();
    let cpn_no = query_param(query, "cpnNo").unwrap_or_default();
    if cpn_no.is_empty() {
        errors.push(FieldError::new("cpnNo", ErrorCode::Required, params! {}, lang));
    }
    let limit = limit_param(query, DEFAULT_LIMIT, MAX_LIMIT, lang, &mut errors);
    let after = query_param(query, "after").and_then(|text| {
        let after = After::decode(&text);
        if after.is_none() {
            errors.push(FieldError::new("after", ErrorCode::InvalidPattern, params! { "pattern" => "next" }, lang));
        }
        after
    });
    if errors.is_empty() {
        Ok((cpn_no, limit, after))
    } else {
        Err(ApiError::Invalid(Report { errors, warnings: Vec::new() }))
    }
}
