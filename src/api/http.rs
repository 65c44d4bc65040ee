//! The one HTTP exchange the page needs: a request with an optional JSON body, the reply's text.
//! Written on `fetch` directly: gloo-net brought the `http` crate and streams, 2 KB gzipped more.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Request, RequestInit, Response};

use super::ApiError;

/// Sends `method url` (with `json` as the body, if any) and returns the reply's body, whatever its
/// status: the API's envelope says what happened.
pub(super) async fn exchange(method: &str, url: &str, json: Option<&str>) -> Result<String, ApiError> {
    let window = web_sys::window().ok_or(ApiError::Network)?;
    let init = RequestInit::new();
    init.set_method(method);
    if let Some(json) = json {
        init.set_body(&json.into());
    }
    let request = Request::new_with_str_and_init(url, &init).map_err(|_| ApiError::Network)?;
    if json.is_some() {
        request.headers().set("Content-Type", "application/json").map_err(|_| ApiError::Network)?;
    }
    let response: Response = JsFuture::from(window.fetch_with_request(&request))
        .await
        .and_then(|response| response.dyn_into())
        .map_err(|_| ApiError::Network)?;
    let text = response.text().map_err(|_| ApiError::Network)?;
    JsFuture::from(text).await.ok().and_then(|text| text.as_string()).ok_or(ApiError::Network)
}
