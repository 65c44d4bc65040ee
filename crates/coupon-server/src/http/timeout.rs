//! A deadline for every request: past it the client gets 1013 (HTTP 408) in the envelope, and the
//! work is dropped (a use, which runs in a task of its own, still finishes; a retry with the same
//! idempotency key gets its answer).

use std::time::Duration;

use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use super::ApiError;

/// Middleware: answers 408 when the rest of the request takes longer than `limit`.
pub async fn deadline(State(limit): State<Duration>, request: Request, next: Next) -> Response {
    match tokio::time::timeout(limit, next.run(request)).await {
        Ok(response) => response,
        Err(_) => ApiError::RequestTimeout.into_response(),
    }
}
