//! The host a request names, for the rule of which host shows which coupons.

use std::convert::Infallible;

use axum::extract::FromRequestParts;
use axum::http::header::HOST;
use axum::http::request::Parts;

/// The request's `Host` header (or the URI's authority, as HTTP/2 sends it); empty when neither.
#[derive(Debug, Clone)]
pub struct RequestHost(pub String);

impl<S: Send + Sync> FromRequestParts<S> for RequestHost {
    type Rejection = Infallible;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<RequestHost, Infallible> {
        let header = parts.headers.get(HOST).and_then(|value| value.to_str().ok());
        let host = header.or_else(|| parts.uri.authority().map(|authority| authority.as_str())).unwrap_or("");
        Ok(RequestHost(host.to_owned()))
    }
}
