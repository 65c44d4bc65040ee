//! Headers every response carries, API or page.

use reqwest::Method;

use crate::support::TestServer;

#[tokio::test]
async fn api_replies_carry_the_security_headers_and_are_not_cached() {
    let server = TestServer::start().await;
    let reply = server.send(Method::GET, "/api/public/v1/coupons/NOSUCHCOUPON0001", None).await;
    let header = |name: &str| reply.headers.get(name).and_then(|v| v.to_str().ok()).unwrap_or("").to_owned();
    assert_eq!(header("x-content-type-options"), "nosniff");
    assert_eq!(header("referrer-policy"), "no-referrer");
    assert_eq!(header("cache-control"), "no-store");
    let policy = header("content-security-policy");
    assert!(policy.contains("frame-ancestors 'none'"), "{policy}");
    assert!(!policy.contains("'unsafe-eval'") && !policy.contains("script-src 'self' 'unsafe-inline'"), "{policy}");
}
