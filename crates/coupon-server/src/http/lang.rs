//! The language of a request's messages, from `Accept-Language`.
//!
//! Errors are rendered deep inside extractors and handlers; rather than thread the language through
//! every signature, the middleware [`scope`] makes it the current task's language for the request.

use axum::extract::{FromRequestParts, Request};
use axum::http::header::ACCEPT_LANGUAGE;
use axum::http::request::Parts;
use axum::http::HeaderMap;
use axum::middleware::Next;
use axum::response::Response;
use coupon_rules::Lang;

tokio::task_local! {
    static REQUEST_LANG: Lang;
}

/// The language a request's headers ask for (English when none we speak).
pub fn of(headers: &HeaderMap) -> Lang {
    headers.get(ACCEPT_LANGUAGE).and_then(|v| v.to_str().ok()).map(Lang::from_accept_language).unwrap_or_default()
}

/// The current request's language (English outside a request).
pub fn current() -> Lang {
    REQUEST_LANG.try_with(|lang| *lang).unwrap_or_default()
}

/// Middleware: runs the rest of the request with its language as the current one.
pub async fn scope(request: Request, next: Next) -> Response {
    let lang = of(request.headers());
    REQUEST_LANG.scope(lang, next.run(request)).await
}

/// Extractor: the request's language.
#[derive(Debug, Clone, Copy)]
pub struct RequestLang(pub Lang);

impl<S: Send + Sync> FromRequestParts<S> for RequestLang {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        Ok(RequestLang(of(&parts.headers)))
    }
}
