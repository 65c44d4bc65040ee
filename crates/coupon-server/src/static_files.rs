//! The built app from `dist/`: the customer page, the admin bundle and their assets.
//!
//! App routes (`/c/{cpnNo}`, `/admin…`) answer with the app's `index.html`, which is served with a
//! policy listing the hashes of its inline scripts and is never cached. File names with a content
//! hash (Trunk's `app-3f2a…_bg.wasm`) are cached for a year; everything is gzip or brotli
//! compressed (or served from a `.br`/`.gz` sibling when one exists).

use std::path::{Path as FsPath, PathBuf};
use std::sync::Arc;

use axum::extract::{Path, Request, State};
use axum::http::header::{CACHE_CONTROL, CONTENT_SECURITY_POLICY, CONTENT_TYPE};
use axum::http::{HeaderValue, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use tower::ServiceExt;
use tower_http::compression::{CompressionLayer, CompressionLevel};
use tower_http::services::ServeDir;

use crate::security_headers::{inline_script_hashes, policy_with_hashes};

const IMMUTABLE: &str = "public, max-age=31536000, immutable";
const REVALIDATE: &str = "no-cache";
const NOT_BUILT: &str = "The app is not built yet: run `cargo xtask build`.\n\
    앱이 아직 빌드되지 않았습니다. `cargo xtask build`를 실행하세요.\n";

#[derive(Clone)]
struct Dist {
    root: Arc<PathBuf>,
    assets: ServeDir,
}

/// The routes of the built app in `dist`.
pub fn router<S>(dist: PathBuf) -> Router<S> {
    let assets = ServeDir::new(&dist).precompressed_br().precompressed_gzip().append_index_html_on_directories(false);
    let state = Dist { root: Arc::new(dist), assets: assets.clone() };
    Router::new()
        .route("/", get(app_page))
        .route("/index.html", get(app_page))
        .route("/c/{cpn_no}", get(app_page))
        .route("/admin", get(admin_page))
        .route("/admin/", get(admin_page))
        .route("/admin/{*rest}", get(admin_path))
        .fallback_service(assets)
        .layer(middleware::from_fn(cache_control))
        // Level 4: brotli's default (11) is far too slow for responses compressed on the fly.
        .layer(CompressionLayer::new().quality(CompressionLevel::Precise(4)))
        .with_state(state)
}

async fn app_page(State(dist): State<Dist>) -> Response {
    page(&dist.root.join("index.html")).await
}

/// The admin bundle's page, or the customer bundle's while there is no admin bundle.
async fn admin_page(State(dist): State<Dist>) -> Response {
    let admin = dist.root.join("admin").join("index.html");
    if is_file(&admin).await {
        page(&admin).await
    } else {
        page(&dist.root.join("index.html")).await
    }
}

/// Whether every part of an asset path is a plain file name (letters, digits, `-`, `_`, `.`, not
/// starting with a dot). Anything else (an absolute path, `..`, an empty part, `%2F` decoded to a
/// slash, a backslash) is never looked up: so no answer tells whether such a file exists anywhere.
fn is_plain_path(path: &str) -> bool {
    let plain_part = |part: &str| {
        !part.is_empty()
            && !part.starts_with('.')
            && part.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
    };
    path.split('/').all(plain_part)
}

/// An asset of the admin bundle when it exists, else the admin page (a route of the admin app).
async fn admin_path(State(dist): State<Dist>, Path(rest): Path<String>, request: Request) -> Response {
    let safe = is_plain_path(&rest);
    let asset = dist.root.join("admin").join(&rest);
    if safe && !rest.ends_with(".html") && is_file(&asset).await {
        match dist.assets.oneshot(request).await {
            Ok(response) => response.into_response(),
            Err(never) => match never {},
        }
    } else {
        admin_page(State(dist)).await
    }
}

async fn is_file(path: &FsPath) -> bool {
    tokio::fs::metadata(path).await.is_ok_and(|meta| meta.is_file())
}

/// An HTML page with the policy for its inline scripts.
async fn page(path: &FsPath) -> Response {
    let Ok(html) = tokio::fs::read_to_string(path).await else {
        return (StatusCode::NOT_FOUND, [(CONTENT_TYPE, "text/plain; charset=utf-8")], NOT_BUILT).into_response();
    };
    let policy = policy_with_hashes(&inline_script_hashes(&html));
    let mut response =
        ([(CONTENT_TYPE, "text/html; charset=utf-8"), (CACHE_CONTROL, REVALIDATE)], html).into_response();
    if let Ok(policy) = HeaderValue::from_str(&policy) {
        response.headers_mut().insert(CONTENT_SECURITY_POLICY, policy);
    }
    response
}

/// Long caching for content-hashed files, revalidation for the rest.
async fn cache_control(request: Request, next: Next) -> Response {
    let hashed = is_content_hashed(request.uri().path());
    let mut response = next.run(request).await;
    if !response.headers().contains_key(CACHE_CONTROL) {
        let value = if hashed && response.status().is_success() { IMMUTABLE } else { REVALIDATE };
        response.headers_mut().insert(CACHE_CONTROL, HeaderValue::from_static(value));
    }
    response
}

/// Whether a file name carries a content hash: a part of at least 16 hex digits.
fn is_content_hashed(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or("");
    name.split(['-', '_', '.']).any(|part| part.len() >= 16 && part.bytes().all(|b| b.is_ascii_hexdigit()))
}

#[cfg(test)]
mod tests {
    use super::{is_content_hashed, is_plain_path};

    #[test]
    fn only_plain_names_are_looked_up() {
        assert!(is_plain_path("admin-3f2a_bg.wasm"));
        assert!(is_plain_path("icons/logo.svg"));
        for odd in ["/etc/passwd", "../secret", "a//b", "", ".env", "a/..", "a\\b", "x%2Fy", "a b"] {
            assert!(!is_plain_path(odd), "{odd}");
        }
    }

    #[test]
    fn recognises_trunk_hashed_names() {
        assert!(is_content_hashed("/coupon-app-3f2a1b4c5d6e7f80_bg.wasm"));
        assert!(is_content_hashed("/admin/style-0123456789abcdef.css"));
        assert!(!is_content_hashed("/index.html"));
        assert!(!is_content_hashed("/favicon.ico"));
    }
}
