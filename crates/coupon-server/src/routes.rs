//! The whole service's routes: the JSON API, the health checks and the built app, with security
//! headers everywhere.

use std::any::Any;
use std::path::PathBuf;
use std::time::Duration;

use axum::middleware;
use axum::response::{IntoResponse, Response};
use axum::Router;
use tower_http::catch_panic::CatchPanicLayer;

use crate::http::{self, timeout, ApiError};
use crate::state::AppState;
use crate::{security_headers, static_files};

/// How requests are answered beyond the routes themselves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WebSettings {
    /// The longest a request may take; then 1013 (HTTP 408).
    pub request_timeout: Duration,
    /// Believe `X-Forwarded-Proto` (a TLS-terminating proxy in front): then HSTS over HTTPS.
    pub trust_proxy: bool,
}

/// The router of a service with this state, serving the built app from `dist`.
pub fn router(state: AppState, dist: PathBuf, web: WebSettings) -> Router {
    let app = http::router()
        .merge(
            static_files::router(dist)
                .route_layer(middleware::from_fn_with_state(state.clone(), http::page_scope::check)),
        )
        .with_state(state)
        .layer(middleware::from_fn_with_state(web.request_timeout, timeout::deadline));
    security_headers::layer(app, web.trust_proxy).layer(CatchPanicLayer::custom(panicked))
}

#[derive(Debug, thiserror::Error)]
#[error("a request handler panicked")]
struct HandlerPanicked;

/// A panic is a bug: answer 1099 like any internal error, never with its message.
fn panicked(_payload: Box<dyn Any + Send + 'static>) -> Response {
    ApiError::internal(HandlerPanicked).into_response()
}
