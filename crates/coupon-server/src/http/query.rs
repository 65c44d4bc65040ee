//! The `?cpnNo=` query parameter of the admin API's GET and DELETE endpoints.

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use coupon_rules::{params, ErrorCode, FieldError, Report};

use super::error::ApiError;
use super::lang;

/// Extractor: the `cpnNo` query parameter; missing or empty is a 1002 `required` error.
#[derive(Debug, Clone)]
pub struct CpnNoParam(pub String);

impl<S: Send + Sync> FromRequestParts<S> for CpnNoParam {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, ApiError> {
        let query = parts.uri.query().unwrap_or("");
        form_urlencoded::parse(query.as_bytes())
            .find(|(name, _)| name == "cpnNo")
            .map(|(_, value)| value.into_owned())
            .filter(|value| !value.is_empty())
            .map(CpnNoParam)
            .ok_or_else(|| {
                let error = FieldError::new("cpnNo", ErrorCode::Required, params! {}, lang::current());
                ApiError::Invalid(Report { errors: vec![error], warnings: Vec::new() })
            })
    }
}
