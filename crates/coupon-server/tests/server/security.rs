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

#[tokio::test]
async fn an_internal_error_says_nothing_about_its_cause() {
    let server = TestServer::start().await;
    let api = server.account(coupon_rules::Plan::Personal).await;
    let code = api.coupon(serde_json::json!({})).await;
    // Damage the stored row behind the server's back, as a bad migration or a hand edit could.
    server.db.execute("UPDATE coupons SET strt_ymd = 'not-a-date-7f3a' WHERE cpn_no = $1", &code).await;

    for reply in [api.get(&code).await, server.public(&code).await] {
        assert_eq!((reply.status, reply.code()), (500, 1099), "{}", reply.raw);
        assert_eq!(reply.message(), "Internal error. Please try again.");
        assert!(reply.result().is_null());
        for detail in ["not-a-date", "strt_ymd", "sqlx", "SELECT", "coupons", "panicked"] {
            assert!(!reply.raw.contains(detail), "{detail} leaked: {}", reply.raw);
        }
    }
}

#[tokio::test]
async fn hsts_is_sent_only_behind_a_trusted_proxy_and_only_over_https() {
    let hsts = |reply: &crate::support::Reply| reply.headers.get("strict-transport-security").cloned();
    let https = [("x-forwarded-proto", "https")];
    let trusting = TestServer::start_configured(false, |_| {}, |config| config.web.trust_proxy = true).await;
    let reply = trusting.send_with(Method::GET, "/api/public/v1/coupons/NOSUCHCOUPON0001", &https).await;
    let value = hsts(&reply).expect("HSTS over HTTPS behind the trusted proxy");
    assert!(value.to_str().unwrap().starts_with("max-age=63072000"), "{value:?}");
    let plain = trusting.send_with(Method::GET, "/api/public/v1/coupons/NOSUCHCOUPON0001", &[]).await;
    assert_eq!(hsts(&plain), None, "not over plain HTTP");

    let untrusting = TestServer::start().await;
    let reply = untrusting.send_with(Method::GET, "/api/public/v1/coupons/NOSUCHCOUPON0001", &https).await;
    assert_eq!(hsts(&reply), None, "the header is never believed without --trust-proxy");
}
