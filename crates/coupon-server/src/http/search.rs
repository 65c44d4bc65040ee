//! `GET /api/coupon/v1/search`: find the account's coupons by code, name or user id.

use axum::extract::{RawQuery, State};
use axum::routing::get;
use axum::Router;
use coupon_rules::{params, CouponStatus, ErrorCode, FieldError, Lang, Report};

use super::auth::ApiAccount;
use super::envelope::Success;
use super::error::{ApiError, ApiResult};
use super::lang::RequestLang;
use super::query::{limit_param, query_param};
use crate::console::search::{self, HitPage, Search, DEFAULT_LIMIT, MAX_LIMIT, MAX_TEXT};
use crate::state::AppState;
use crate::store::search::SortKey;

/// The route under `/api/coupon/v1`.
pub fn routes() -> Router<AppState> {
    Router::new().route("/search", get(find))
}

/// `GET /search?q=&status=&grpIdx=&sort=&limit=&after=`: `q` matches a code (prefix, any case,
/// dashes or not), a name (substring, any case) or a user id (exactly); `status` is one of
/// active, scheduled, expired, used_up (today in the account's zone); `sort` is code, name,
/// endYmd, lastUsedAt or createdAt, `-` in front for descending; `limit` 1–200 (50); `after` is
/// the `next` of the page before. Every wrong parameter is named in one 1002 report.
async fn find(
    State(state): State<AppState>,
    ApiAccount(account): ApiAccount,
    RequestLang(lang): RequestLang,
    RawQuery(query): RawQuery,
) -> ApiResult<HitPage> {
    let request = parse(query.as_deref().unwrap_or(""), lang)?;
    Ok(Success(search::search(&state.store, &account, request).await?))
}

fn parse(query: &str, lang: Lang) -> Result<Search, ApiError> {
    let mut errors = Vec::new();
    let text = query_param(query, "q").unwrap_or_default();
    if text.chars().count() > MAX_TEXT {
        errors.push(FieldError::new("q", ErrorCode::TooLong, params! { "max" => MAX_TEXT as i64 }, lang));
    }
    let status = query_param(query, "status").and_then(|name| {
        let status = CouponStatus::parse(&name);
        if status.is_none() {
            let allowed = CouponStatus::ALL.map(CouponStatus::as_str).join(", ");
            errors.push(FieldError::new("status", ErrorCode::InvalidChoice, params! { "allowed" => allowed }, lang));
        }
        status
    });
    let grp_idx = query_param(query, "grpIdx").and_then(|text| match text.parse::<i64>() {
        Ok(idx) if idx >= 0 => Some(idx),
        Ok(_) => {
            errors.push(FieldError::new("grpIdx", ErrorCode::OutOfRange, params! { "min" => 0_i64 }, lang));
            None
        }
        Err(_) => {
            errors.push(FieldError::new("grpIdx", ErrorCode::InvalidType, params! { "expected" => "integer" }, lang));
            None
        }
    });
    let sort_text = query_param(query, "sort").unwrap_or_else(|| "code".to_owned());
    let (descending, name) = match sort_text.strip_prefix('-') {
        Some(name) => (true, name),
        None => (false, sort_text.as_str()),
    };
    let sort = SortKey::parse(name).unwrap_or_else(|| {
        let allowed = SortKey::ALL.map(|(_, name)| name).join(", ");
        errors.push(FieldError::new("sort", ErrorCode::InvalidChoice, params! { "allowed" => allowed }, lang));
        SortKey::Code
    });
    let limit = limit_param(query, DEFAULT_LIMIT, MAX_LIMIT, lang, &mut errors);
    let after = query_param(query, "after").and_then(|text| {
        let cursor = search::decode_cursor(&text);
        if cursor.is_none() {
            errors.push(FieldError::new("after", ErrorCode::InvalidPattern, params! { "pattern" => "next" }, lang));
        }
        cursor
    });
    if !errors.is_empty() {
        return Err(ApiError::Invalid(Report { errors, warnings: Vec::new() }));
    }
    Ok(Search { text, status, grp_idx, sort, descending, limit, after })
}
