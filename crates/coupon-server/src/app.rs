//! The application: shared state and the composition of the API and the built app.

use std::any::Any;
use std::ops::Deref;
use std::path::PathBuf;
use std::sync::Arc;

use axum::response::{IntoResponse, Response};
use axum::Router;
use sqlx::SqlitePool;
use tower_http::catch_panic::CatchPanicLayer;

use crate::cache::{AccountCache, PublicCache};
use crate::http::{self, ApiError};
use crate::redeem::limiter::PasswordLimiter;
use crate::store::writer::Writer;
use crate::{security_headers, static_files};

/// What every handler can reach: one shared [`Services`] (the router clones the state for every
/// request, so it is a single reference count).
#[derive(Clone)]
pub struct AppState(Arc<Services>);

impl AppState {
    /// The state of a service made of these parts.
    pub fn new(services: Services) -> AppState {
        AppState(Arc::new(services))
    }
}

impl Deref for AppState {
    type Target = Services;

    fn deref(&self) -> &Services {
        &self.0
    }
}

/// The parts of the running service.
pub struct Services {
    /// Connections for reading.
    pub pool: SqlitePool,
    /// The single writer (group commit).
    pub writer: Writer,
    /// Public views by code, kept fresh by the writer.
    pub cache: PublicCache,
    /// Accounts, groups and templates, kept briefly (shared with the writer, which forgets groups it
    /// changes).
    pub accounts: Arc<AccountCache>,
    /// Wrong store passwords per coupon.
    pub limiter: PasswordLimiter,
}

/// The whole service: the JSON API, the built app from `dist`, security headers everywhere.
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
