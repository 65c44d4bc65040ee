//! How a failed API request is answered: the envelope with the failure's code, its message in the
//! request's language and its `result`, with the HTTP status of the code (and `Retry-After`).

use axum::http::header::RETRY_AFTER;
use axum::http::HeaderValue;
use axum::response::{IntoResponse, Response};

use super::envelope::{json_response, Envelope};
use super::error::ApiError;
use super::{lang, messages};

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        if let ApiError::Internal(source) = &self {
            tracing::error!(error = %source, "request failed");
        }
        let message = messages::message(&self, lang::current());
        let mut response =
            json_response(self.status(), &Envelope { code: self.code(), message: &message, result: self.result() });
        if let ApiError::TooManyRequests { retry_after } = self {
            response.headers_mut().insert(RETRY_AFTER, HeaderValue::from(retry_after));
        }
        response
    }
}
