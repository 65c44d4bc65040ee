//! The whole service's routes: the JSON API, the health checks and the built app, with security
//! headers everywhere.

use std::any::Any;
use std::path::PathBuf;

use axum::response::{IntoResponse, Response};
use axum::Router;
use tower_http::catch_panic::CatchPanicLayer;

use crate::http::{self, ApiError};
use crate::state::AppState;
use crate::{security_headers, static_files};

/// The router of a service with this state, serving the built app from `dist`.
pub fn router(state: AppState, dist: PathBuf) -> Router {
    let app = http::router().merge(static_files::router(dist)).with_state(state);
    security_headers::layer(app).layer(CatchPanicLayer::custom(panicked))
}

#[derive(Debug, thiserror::Error)]
#[error("a request handler panicked")]
struct HandlerPanicked;

/// A panic is a bug: answer 1099 like any internal error, never with its message.
fn panicked(_payload: Box<dyn Any + Send + 'static>) -> Response {
    ApiError::internal(HandlerPanicked).into_response()
}
