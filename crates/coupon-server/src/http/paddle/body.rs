//! Reading `update_coupon`'s body: form-encoded (as the vendor's clients send it) or JSON.

use axum::extract::{FromRequest, Request};
use coupon_rules::paddle::PaddleRequest;
use serde_json::error::Category;

use super::error::{PaddleError, Unreadable};
use crate::http::body::{declared_length, has_media_type, is_length_limit, MAX_BODY_BYTES};

/// Extractor: the request, from an `application/x-www-form-urlencoded` or `application/json` body
/// of at most 64 KiB. Field problems (unknown names, wrong types) are kept for the rules to report.
#[derive(Debug)]
pub struct PaddleBody(pub PaddleRequest);

impl<S: Send + Sync> FromRequest<S> for PaddleBody {
    type Rejection = PaddleError;

    async fn from_request(request: Request, _state: &S) -> Result<Self, PaddleError> {
        let unreadable = |why| PaddleError::Unreadable(why);
        let headers = request.headers();
        let form = has_media_type(headers, "application/x-www-form-urlencoded");
        if !form && !has_media_type(headers, "application/json") {
            return Err(unreadable(Unreadable::MediaType));
        }
        if declared_length(headers).is_some_and(|length| length > MAX_BODY_BYTES) {
            return Err(unreadable(Unreadable::TooLarge));
        }
        let bytes = axum::body::to_bytes(request.into_body(), MAX_BODY_BYTES)
            .await
            .map_err(|e| unreadable(if is_length_limit(&e) { Unreadable::TooLarge } else { Unreadable::NotJson }))?;
        if form {
            let pairs: Vec<(String, String)> = form_urlencoded::parse(&bytes).into_owned().collect();
            return Ok(PaddleBody(PaddleRequest::from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())))));
        }
        serde_json::from_slice(&bytes).map(PaddleBody).map_err(|e| match e.classify() {
            Category::Data => unreadable(Unreadable::NotObject),
            Category::Syntax | Category::Eof | Category::Io => unreadable(Unreadable::NotJson),
        })
    }
}
