//! A shop's own domain (the update API's `domain`, premium plan) shows only the coupons on that
//! domain, on the page and through the public API; the server's own host (`--public-url`) and hosts
//! no coupon names show every coupon; the admin view gives each coupon's page address.

use reqwest::Method;
use serde_json::json;

use crate::support::{Reply, TestServer};
use coupon_rules::Plan;

const OWN: &str = "http://coupons.test";

struct Shops {
    server: TestServer,
    /// On `shop-a.example`.
    a: String,
    /// On `shop-b.example` (the same account).
    b: String,
    /// Of the same account, without a domain.
    plain: String,
    /// Of another account, without a domain.
    other: String,
}

async fn shops() -> Shops {
    let server = TestServer::start_configured(
        false,
        |dist| std::fs::write(dist.join("index.html"), "<!doctype html><title>coupon</title>").unwrap(),
        |config| config.public_url = Some(OWN.parse().unwrap()),
    )
    .await;
    let premium = server.account(Plan::Premium).await;
    let a = premium.coupon(json!({"domain": "shop-a.example", "onsiteYn": "Y"})).await;
    let b = premium.coupon(json!({"domain": "Shop-B.example", "onsiteYn": "Y"})).await;
    let plain = premium.coupon(json!({})).await;
    let other = server.account(Plan::Personal).await.coupon(json!({})).await;
    Shops { server, a, b, plain, other }
}

async fn public_on(server: &TestServer, host: &str, code: &str) -> Reply {
    server.send_with(Method::GET, &format!("/api/public/v1/coupons/{code}"), &[("Host", host)]).await
}

async fn page_status(server: &TestServer, host: &str, code: &str) -> u16 {
    server.send_with(Method::GET, &format!("/c/{code}"), &[("Host", host)]).await.status
}

#[tokio::test]
async fn a_shops_domain_shows_its_own_coupons_and_no_other() {
    let Shops { server, a, b, plain, other } = shops().await;
    for host in ["shop-a.example", "SHOP-A.example:443"] {
        let reply = public_on(&server, host, &a).await;
        assert_eq!(reply.code(), 0, "{host}: {}", reply.raw);
        assert_eq!(reply.result()["cpnNo"], a.as_str());
        assert_eq!(page_status(&server, host, &a).await, 200, "{host}");
        for hidden in [&b, &plain, &other] {
            let reply = public_on(&server, host, hidden).await;
            assert_eq!((reply.status, reply.code()), (404, 1005), "{host} hides {hidden}: {}", reply.raw);
            assert!(reply.result().is_null(), "nothing of it: {}", reply.raw);
            assert_eq!(page_status(&server, host, hidden).await, 404, "{host}: the page of {hidden}");
        }
    }
    // The other shop's domain, named in another case than stored, shows its coupon only.
    assert_eq!(public_on(&server, "shop-b.example", &b).await.code(), 0);
    assert_eq!(public_on(&server, "shop-b.example", &a).await.code(), 1005);
}

#[tokio::test]
async fn a_use_through_another_shops_domain_is_refused_and_uses_nothing() {
    let Shops { server, a, b, .. } = shops().await;
    let refused = use_on(&server, "shop-a.example", &b).await;
    assert_eq!((refused.status, refused.code()), (404, 1005), "{}", refused.raw);
    assert_eq!(server.public(&b).await.result()["useCnt"], 0, "not used");
    let used = use_on(&server, "shop-a.example", &a).await;
    assert_eq!(used.code(), 0, "its own domain uses it: {}", used.raw);
    assert_eq!(server.public(&a).await.result()["useCnt"], 1);
}

async fn use_on(server: &TestServer, host: &str, code: &str) -> Reply {
    let request = server.http.post(format!("{}/api/public/v1/coupons/{code}/use", server.base));
    Reply::from(request.header("Host", host).json(&json!({})).send().await.expect("answered")).await
}

#[tokio::test]
async fn the_servers_own_host_and_unclaimed_hosts_show_every_coupon() {
    let Shops { server, a, b, plain, other } = shops().await;
    for host in ["coupons.test", "127.0.0.1", "localhost:8080", "unclaimed.example"] {
        for code in [&a, &b, &plain, &other] {
            assert_eq!(public_on(&server, host, code).await.code(), 0, "{host} shows {code}");
            assert_eq!(page_status(&server, host, code).await, 200, "{host}: the page of {code}");
        }
    }
    assert_eq!(page_status(&server, "coupons.test", "NOSUCHCOUPON0001").await, 404, "an unknown code");
}

#[tokio::test]
async fn the_admin_view_gives_each_coupons_page_address() {
    let server =
        TestServer::start_configured(false, |_| {}, |config| config.public_url = Some(OWN.parse().unwrap())).await;
    let premium = server.account(Plan::Premium).await;
    let on_domain = premium.coupon(json!({"domain": "Shop-A.example"})).await;
    let plain = premium.coupon(json!({})).await;
    assert_eq!(premium.get(&on_domain).await.result()["pageUrl"], format!("https://shop-a.example/c/{on_domain}"));
    assert_eq!(premium.get(&plain).await.result()["pageUrl"], format!("{OWN}/c/{plain}"));
    assert_eq!(premium.get(&plain).await.result()["cpnNo"], plain.as_str(), "beside every field");
}
