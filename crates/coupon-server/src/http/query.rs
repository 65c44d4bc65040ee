//! The query parameters of the admin API's GET and DELETE endpoints: `?cpnNo=`, `?grpIdx=`,
//! `?limit=&after=`.

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use coupon_rules::{params, ErrorCode, FieldError, Params, Report};

use super::error::ApiError;
use super::lang;

/// Extractor: the `cpnNo` query parameter; missing or empty is a 1002 `required` error.
#[derive(Debug, Clone)]
pub struct CpnNoParam(pub String);

impl<S: Send + Sync> FromRequestParts<S> for CpnNoParam {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, ApiError> {
        param(parts, "cpnNo").map(CpnNoParam).ok_or_else(|| invalid("cpnNo", ErrorCode::Required, params! {}))
    }
}

/// Extractor: the `grpIdx` query parameter, a group index >= 0 (0: no group); missing or empty is
/// a 1002 `required` error, anything but a whole number >= 0 a 1002 `invalid_type` / `out_of_range`.
#[derive(Debug, Clone, Copy)]
pub struct GrpIdxParam(pub i64);

impl<S: Send + Sync> FromRequestParts<S> for GrpIdxParam {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, ApiError> {
        let text = param(parts, "grpIdx").ok_or_else(|| invalid("grpIdx", ErrorCode::Required, params! {}))?;
        match text.parse::<i64>() {
            Ok(idx) if idx >= 0 => Ok(GrpIdxParam(idx)),
            Ok(_) => Err(invalid("grpIdx", ErrorCode::OutOfRange, params! { "min" => 0_i64 })),
            Err(_) => Err(invalid("grpIdx", ErrorCode::InvalidType, params! { "expected" => "integer" })),
        }
    }
}

/// The most coupons one page of a list holds, and how many when the client does not say.
pub const MAX_PAGE: u32 = 500;
/// How many coupons a page holds when the client does not say.
pub const DEFAULT_PAGE: u32 = 100;

/// Extractor: a page of a list, `?limit=N&after=CPNNO` (1 ≤ N ≤ [`MAX_PAGE`], default
/// [`DEFAULT_PAGE`]; `after` is the last code of the page before, from its reply's `next`).
#[derive(Debug, Clone)]
pub struct PageParams {
    /// Coupons at most.
    pub limit: u32,
    /// The code the page starts after.
    pub after: Option<String>,
}

impl<S: Send + Sync> FromRequestParts<S> for PageParams {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, ApiError> {
        let limit = match param(parts, "limit") {
            None => DEFAULT_PAGE,
            Some(text) => match text.parse::<i64>() {
                Ok(n) if (1..=i64::from(MAX_PAGE)).contains(&n) => n as u32,
                Ok(_) => {
                    let range = params! { "min" => 1_i64, "max" => i64::from(MAX_PAGE) };
                    return Err(invalid("limit", ErrorCode::OutOfRange, range));
                }
                Err(_) => return Err(invalid("limit", ErrorCode::InvalidType, params! { "expected" => "integer" })),
            },
        };
        Ok(PageParams { limit, after: param(parts, "after") })
    }
}

/// The first non-empty value of a query parameter.
fn param(parts: &Parts, name: &str) -> Option<String> {
    query_param(parts.uri.query().unwrap_or(""), name)
}

/// The first non-empty value of parameter `name` in a query string.
pub fn query_param(query: &str, name: &str) -> Option<String> {
    form_urlencoded::parse(query.as_bytes())
        .find(|(found, _)| found == name)
        .map(|(_, value)| value.into_owned())
        .filter(|value| !value.is_empty())
}

fn invalid(field: &'static str, code: ErrorCode, params: Params) -> ApiError {
    let error = FieldError::new(field, code, params, lang::current());
    ApiError::Invalid(Report { errors: vec![error], warnings: Vec::new() })
}

/// The `limit` parameter of a paged read: `default` when absent, else a whole number from 1 to
/// `max`; anything else adds its error to `errors` and gives `default`.
pub fn limit_param(query: &str, default: u32, max: u32, lang: coupon_rules::Lang, errors: &mut Vec<FieldError>) -> u32 {
    let Some(text) = query_param(query, "limit") else { return default };
    match text.parse::<i64>() {
        Ok(n) if (1..=i64::from(max)).contains(&n) => n as u32,
        Ok(_) => {
            let range = params! { "min" => 1_i64, "max" => i64::from(max) };
            errors.push(FieldError::new("limit", ErrorCode::OutOfRange, range, lang));
            default
        }
        Err(_) => {
            errors.push(FieldError::new("limit", ErrorCode::InvalidType, params! { "expected" => "integer" }, lang));
            default
        }
    }
}
