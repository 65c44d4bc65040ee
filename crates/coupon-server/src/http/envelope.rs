//! The envelope every API reply is wrapped in: `{"code": 0, "message": "", "result": …}`.

use axum::http::header::CONTENT_TYPE;
use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Serialize;

/// The reply body of every `/api/…` request.
#[derive(Debug, Serialize)]
pub struct Envelope<'a, T> {
    /// 0 for success, else the error code of ARCHITECTURE.md.
    pub code: u16,
    /// Empty on success; for people otherwise, in the request's language.
    pub message: &'a str,
    /// What was asked for, or details of the failure.
    pub result: T,
}

/// A successful reply carrying `result`.
#[derive(Debug)]
pub struct Success<T>(pub T);

impl<T: Serialize> IntoResponse for Success<T> {
    fn into_response(self) -> Response {
        json_response(StatusCode::OK, &Envelope { code: 0, message: "", result: self.0 })
    }
}

/// A JSON response with this status.
pub fn json_response(status: StatusCode, body: &impl Serialize) -> Response {
    match serde_json::to_vec(body) {
        Ok(bytes) => {
            let mut response = (status, bytes).into_response();
            response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
            response
        }
        // Our own types always serialise; should one ever not, say so without detail.
        Err(_) => {
            (StatusCode::INTERNAL_SERVER_ERROR, [(CONTENT_TYPE, "application/json")], INTERNAL_BODY).into_response()
        }
    }
}

const INTERNAL_BODY: &str = r#"{"code":1099,"message":"Internal error.","result":null}"#;
