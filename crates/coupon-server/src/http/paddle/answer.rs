//! The vendor's answers: `{"success": true, "response": {...}}` or `{"success": false, "error":
//! {"code", "message", "errors", "coupon_code"?}}`, always with HTTP 200 as the vendor does.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use coupon_rules::FieldError;
use serde::Serialize;

use super::error::PaddleError;
use super::messages::message;
use crate::http::envelope::json_response;
use crate::http::lang;

/// A successful update: how many coupons it applied to.
#[derive(Debug, Serialize)]
pub struct Updated {
    /// The coupons updated (all of the group, or the one coupon).
    pub updated: usize,
}

impl IntoResponse for Updated {
    fn into_response(self) -> Response {
        json_response(StatusCode::OK, &Success { success: true, response: self })
    }
}

#[derive(Serialize)]
struct Success<T> {
    success: bool,
    response: T,
}

#[derive(Serialize)]
struct Failure<'a> {
    success: bool,
    error: ErrorBody<'a>,
}

#[derive(Serialize)]
struct ErrorBody<'a> {
    code: u16,
    message: String,
    errors: &'a [FieldError],
    #[serde(skip_serializing_if = "Option::is_none")]
    coupon_code: Option<&'a str>,
}

impl IntoResponse for PaddleError {
    fn into_response(self) -> Response {
        if let PaddleError::Internal(source) = &self {
            tracing::error!(error = %source, "update_coupon failed");
        }
        let (errors, coupon_code) = match &self {
            PaddleError::Refused { report, cpn_no } => (report.errors.as_slice(), cpn_no.as_deref()),
            _ => (&[][..], None),
        };
        let error = ErrorBody { code: self.code(), message: message(&self, lang::current()), errors, coupon_code };
        json_response(StatusCode::OK, &Failure { success: false, error })
    }
}
