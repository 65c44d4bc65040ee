//! Security headers on every response, and the page's Content-Security-Policy.
//!
//! The policy lets the wasm bundle compile (`'wasm-unsafe-eval'`) and runs no inline script except
//! those whose SHA-256 hash is listed (Trunk's loader), computed from the page as it is served.
//! Inline styles are allowed: the coupon's colours are data, applied as styles after the rules
//! have checked them, and a style cannot run code.

use axum::extract::{Request, State};
use axum::http::header::{
    CONTENT_SECURITY_POLICY, REFERRER_POLICY, STRICT_TRANSPORT_SECURITY, X_CONTENT_TYPE_OPTIONS, X_FRAME_OPTIONS,
};
use axum::http::{HeaderMap, HeaderValue};
use axum::middleware::{self, Next};
use axum::response::Response;
use axum::Router;
use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine;
use sha2::{Digest, Sha256};
use tower_http::set_header::SetResponseHeaderLayer;

const POLICY_HEAD: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'";
const POLICY_TAIL: &str = "; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self'; \
    connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/// The policy for a page whose inline scripts have these `'sha256-…'` sources.
pub fn policy_with_hashes(hashes: &[String]) -> String {
    let mut policy = String::from(POLICY_HEAD);
    for hash in hashes {
        policy.push(' ');
        policy.push_str(hash);
    }
    policy.push_str(POLICY_TAIL);
    policy
}

/// The `'sha256-…'` source of every inline `<script>` (one without `src`) in an HTML page.
pub fn inline_script_hashes(html: &str) -> Vec<String> {
    let lower = html.to_ascii_lowercase();
    let mut hashes = Vec::new();
    let mut from = 0;
    while let Some(start) = lower[from..].find("<script").map(|i| from + i) {
        let Some(tag_end) = lower[start..].find('>').map(|i| start + i) else { break };
        let Some(close) = lower[tag_end..].find("</script").map(|i| tag_end + i) else { break };
        let tag = &lower[start..tag_end];
        if !tag.contains(" src=") && !tag.contains("\tsrc=") && !tag.contains("\nsrc=") {
            let body = &html[tag_end + 1..close];
            hashes.push(format!("'sha256-{}'", BASE64.encode(Sha256::digest(body.as_bytes()))));
        }
        from = close;
    }
    hashes
}

/// `Strict-Transport-Security` of replies that went out over HTTPS: two years, subdomains too.
const HSTS: &str = "max-age=63072000; includeSubDomains";

/// Whether a request reached the TLS-terminating proxy in front of us over HTTPS, as that proxy
/// says in `X-Forwarded-Proto` (its first value; only believed with `--trust-proxy`).
fn forwarded_https(headers: &HeaderMap) -> bool {
    let proto = headers.get("x-forwarded-proto").and_then(|v| v.to_str().ok()).unwrap_or("");
    proto.split(',').next().is_some_and(|first| first.trim().eq_ignore_ascii_case("https"))
}

/// Middleware: HSTS on replies to requests the trusted proxy received over HTTPS.
async fn hsts(State(trust_proxy): State<bool>, request: Request, next: Next) -> Response {
    let https = trust_proxy && forwarded_https(request.headers());
    let mut response = next.run(request).await;
    if https {
        response.headers_mut().insert(STRICT_TRANSPORT_SECURITY, HeaderValue::from_static(HSTS));
    }
    response
}

/// Adds the headers every response gets: no sniffing, no referrer (the page's URL holds the
/// coupon code, which must not leak to the shop it links to), no framing, and a policy for
/// responses that have not set a page's own; behind a TLS-terminating proxy that is trusted
/// (`trust_proxy`), HSTS on what it received over HTTPS (never on a header nobody vouches for).
pub fn layer<S: Clone + Send + Sync + 'static>(router: Router<S>, trust_proxy: bool) -> Router<S> {
    let default_policy = HeaderValue::from_str(&policy_with_hashes(&[])).expect("the policy is a valid header value");
    router
        .layer(middleware::from_fn_with_state(trust_proxy, hsts))
        .layer(SetResponseHeaderLayer::if_not_present(CONTENT_SECURITY_POLICY, default_policy))
        .layer(SetResponseHeaderLayer::overriding(X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff")))
        .layer(SetResponseHeaderLayer::overriding(REFERRER_POLICY, HeaderValue::from_static("no-referrer")))
        .layer(SetResponseHeaderLayer::overriding(X_FRAME_OPTIONS, HeaderValue::from_static("DENY")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_inline_scripts_only() {
        let html =
            r#"<head><script src="/a.js"></script><SCRIPT type="module">import init from '/x.js';</SCRIPT></head>"#;
        let hashes = inline_script_hashes(html);
        let expected = BASE64.encode(Sha256::digest(b"import init from '/x.js';"));
        assert_eq!(hashes, vec![format!("'sha256-{expected}'")]);
        let policy = policy_with_hashes(&hashes);
        assert!(policy.contains("'wasm-unsafe-eval' 'sha256-"), "{policy}");
        assert!(policy.ends_with("frame-ancestors 'none'"), "{policy}");
        assert!(!policy.contains("script-src 'self' 'unsafe-inline'"));
    }

    #[test]
    fn only_the_proxys_first_protocol_counts() {
        let mut headers = HeaderMap::new();
        assert!(!forwarded_https(&headers));
        headers.insert("x-forwarded-proto", HeaderValue::from_static("HTTPS, http"));
        assert!(forwarded_https(&headers));
        headers.insert("x-forwarded-proto", HeaderValue::from_static("http, https"));
        assert!(!forwarded_https(&headers));
    }

    #[test]
    fn the_policy_without_hashes_allows_no_inline_script() {
        assert_eq!(
            policy_with_hashes(&[]),
            "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; \
             img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; \
             form-action 'self'; frame-ancestors 'none'"
        );
    }
}
