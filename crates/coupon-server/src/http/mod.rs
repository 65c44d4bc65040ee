//! The JSON API: one module per endpoint group, the envelope, the error type and the extractors.

pub mod auth;
mod body;
mod context;
mod coupons;
mod envelope;
mod error;
mod fields;
mod groups;
mod health;
mod history;
mod host;
mod keys;
pub mod lang;
mod messages;
pub mod paddle;
pub mod page_scope;
mod public;
mod query;
mod redeem;
mod reply;
mod search;
pub mod timeout;
mod undo;
mod webhooks;

use axum::http::header::CACHE_CONTROL;
use axum::http::HeaderValue;
use axum::routing::any;
use axum::{middleware, Router};
use tower_http::set_header::SetResponseHeaderLayer;

use crate::state::AppState;
pub use body::MAX_BODY_BYTES;
pub use envelope::{Envelope, Success};
pub use error::{ApiError, ApiResult};

/// Every `/api/…` route, and the second vendor's dialect (`POST /2.1/product/update_coupon`, seed
/// `002_…`) with its own answers.
pub fn router() -> Router<AppState> {
    let admin = coupons::routes()
        .merge(redeem::routes())
        .merge(context::routes())
        .merge(groups::routes())
        .merge(search::routes())
        .merge(history::routes())
        .merge(undo::routes())
        .merge(keys::routes());
    Router::new()
        .nest("/api/coupon/v1", admin)
        .merge(paddle::routes())
        .nest("/api/public/v1", public::routes().merge(undo::public_routes()))
        .nest("/api/webhook/v1", webhooks::routes())
        .merge(health::routes())
        .route("/api", any(no_endpoint))
        .route("/api/{*rest}", any(no_endpoint))
        .method_not_allowed_fallback(method_not_allowed)
        .layer(middleware::from_fn(lang::scope))
        // Replies carry live state (and admin data): never cache them.
        .layer(SetResponseHeaderLayer::overriding(CACHE_CONTROL, HeaderValue::from_static("no-store")))
}

async fn no_endpoint() -> ApiError {
    ApiError::NoEndpoint
}

async fn method_not_allowed() -> ApiError {
    ApiError::MethodNotAllowed
}
