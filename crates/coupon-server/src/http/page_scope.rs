//! `/c/{cpnNo}`: the app's page answers 404 when its coupon is not there to show on this host
//! (an unknown code, or another shop's coupon on a shop's own domain), so the status is right
//! before the app has loaded; the page itself then shows "not found" from the public API.

use axum::extract::{Request, State};
use axum::http::StatusCode;
use axum::middleware::Next;
use axum::response::Response;

use super::host::RequestHost;
use crate::state::AppState;

/// Sets 404 on the page of a coupon this host does not show; other routes pass untouched.
pub async fn check(
    State(state): State<AppState>,
    RequestHost(host): RequestHost,
    request: Request,
    next: Next,
) -> Response {
    let Some(code) = request.uri().path().strip_prefix("/c/").map(str::to_owned) else {
        return next.run(request).await;
    };
    let mut response = next.run(request).await;
    if response.status() == StatusCode::OK && !shown(&state, &host, &code).await {
        *response.status_mut() = StatusCode::NOT_FOUND;
    }
    response
}

/// Whether the coupon exists and this host shows it. A store that fails is no reason to refuse
/// the page: the app then shows its own retry state from the public API's answer.
async fn shown(state: &AppState, host: &str, code: &str) -> bool {
    match state.store.public_source(code).await {
        Ok(Some(source)) => state.pages.shows(&state.store, host, &source.coupon.domain).await.unwrap_or(true),
        Ok(None) => false,
        Err(_) => true,
    }
}
