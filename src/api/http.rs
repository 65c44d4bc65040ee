//! The one HTTP exchange the page needs, over gloo-net: a request with an optional JSON body, the
//! reply's text (parsed by the browser's `JSON.parse`, see `envelope`).

use gloo_net::http::{Method, RequestBuilder};

use super::ApiError;

/// Sends `method url` (with `json` as the body, if any) and returns the reply's body, whatever its
/// status: the API's envelope says what happened.
pub(super) async fn exchange(method: Method, url: &str, json: Option<&str>) -> Result<String, ApiError> {
    let request = RequestBuilder::new(url).method(method);
    let request = match json {
        Some(json) => request.header("Content-Type", "application/json").body(json),
        None => request.build(),
    };
    let response = request.map_err(|_| ApiError::Network)?.send().await.map_err(|_| ApiError::Network)?;
    response.text().await.map_err(|_| ApiError::Network)
}
