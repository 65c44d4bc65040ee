//! The built app: routes fall back to the page, the page's policy hashes its inline script,
//! hashed assets are cached for long, everything is compressed.

use std::path::Path;

use base64::Engine;
use sha2::{Digest, Sha256};

use crate::support::TestServer;

const LOADER: &str = "import init from '/coupon-app-0123456789abcdef.js';init('/coupon-app-0123456789abcdef_bg.wasm');";

fn build_dist(dist: &Path) {
    let page = format!(
        "<!doctype html><html><head><script type=\"module\">{LOADER}</script></head><body>customer</body></html>"
    );
    std::fs::write(dist.join("index.html"), page).unwrap();
    std::fs::write(dist.join("coupon-app-0123456789abcdef_bg.wasm"), vec![0_u8; 4096]).unwrap();
    std::fs::write(dist.join("robots.txt"), "User-agent: *\n").unwrap();
    std::fs::create_dir_all(dist.join("admin")).unwrap();
    std::fs::write(dist.join("admin/index.html"), "<!doctype html><title>admin</title><body>admin</body>").unwrap();
    std::fs::write(dist.join("admin/admin-fedcba9876543210.js"), "export {};".repeat(20)).unwrap();
}

async fn get(server: &TestServer, path: &str, encoding: Option<&str>) -> reqwest::Response {
    let mut request = server.http.get(format!("{}{path}", server.base));
    if let Some(encoding) = encoding {
        request = request.header("Accept-Encoding", encoding);
    }
    request.send().await.expect("answered")
}

fn header(response: &reqwest::Response, name: &str) -> String {
    response.headers().get(name).and_then(|v| v.to_str().ok()).unwrap_or("").to_owned()
}

#[tokio::test]
async fn app_routes_serve_the_pages_with_a_policy_for_their_inline_script() {
    // With the demo data, so that the coupon page's code exists (an unknown one is 404).
    let server = TestServer::start_with(true, build_dist).await;
    let hash = base64::engine::general_purpose::STANDARD.encode(Sha256::digest(LOADER.as_bytes()));
    for path in ["/", "/c/DEMOACTIVE000001"] {
        let response = get(&server, path, None).await;
        assert_eq!(response.status(), 200, "{path}");
        let policy = header(&response, "content-security-policy");
        assert!(policy.contains("'wasm-unsafe-eval'"), "{policy}");
        assert!(policy.contains(&format!("'sha256-{hash}'")), "{policy}");
        assert!(policy.contains("frame-ancestors 'none'"), "{policy}");
        assert_eq!(header(&response, "x-content-type-options"), "nosniff");
        assert_eq!(header(&response, "referrer-policy"), "no-referrer");
        assert_eq!(header(&response, "cache-control"), "no-cache");
        assert!(response.text().await.unwrap().contains("customer"), "{path}");
    }
    for path in ["/admin", "/admin/", "/admin/coupons/ABCD1234"] {
        let response = get(&server, path, None).await;
        assert_eq!(response.status(), 200, "{path}");
        assert!(response.text().await.unwrap().contains("admin"), "{path}");
    }
    let script = get(&server, "/admin/admin-fedcba9876543210.js", None).await;
    assert!(script.text().await.unwrap().starts_with("export"), "admin assets are served as files");
    assert_eq!(get(&server, "/nothing-here.js", None).await.status(), 404);
}

#[tokio::test]
async fn hashed_assets_are_cached_long_and_everything_is_compressed() {
    let server = TestServer::start_with(false, build_dist).await;
    let wasm = get(&server, "/coupon-app-0123456789abcdef_bg.wasm", Some("gzip")).await;
    assert_eq!(wasm.status(), 200);
    assert_eq!(header(&wasm, "cache-control"), "public, max-age=31536000, immutable");
    assert_eq!(header(&wasm, "content-encoding"), "gzip");
    assert!(wasm.bytes().await.unwrap().len() < 4096);
    let brotli = get(&server, "/", Some("br")).await;
    assert_eq!(header(&brotli, "content-encoding"), "br");
    let plain = get(&server, "/robots.txt", None).await;
    assert_eq!(header(&plain, "cache-control"), "no-cache", "unhashed files revalidate");
}

#[tokio::test]
async fn an_asset_compressed_at_build_time_is_sent_as_it_is_on_disk() {
    let server = TestServer::start_with(false, |dist| {
        build_dist(dist);
        // Marker bytes stand for what `cargo xtask build` writes, so the test sees which file was sent.
        std::fs::write(dist.join("coupon-app-0123456789abcdef_bg.wasm.br"), b"built-with-brotli-11").unwrap();
        std::fs::write(dist.join("coupon-app-0123456789abcdef_bg.wasm.gz"), b"built-with-gzip-9").unwrap();
    })
    .await;
    for (accepted, encoding, body) in
        [("br, gzip", "br", "built-with-brotli-11"), ("gzip", "gzip", "built-with-gzip-9")]
    {
        let wasm = get(&server, "/coupon-app-0123456789abcdef_bg.wasm", Some(accepted)).await;
        assert_eq!(wasm.status(), 200);
        assert_eq!(header(&wasm, "content-encoding"), encoding);
        assert_eq!(header(&wasm, "content-type"), "application/wasm");
        assert_eq!(header(&wasm, "cache-control"), "public, max-age=31536000, immutable");
        assert_eq!(wasm.bytes().await.unwrap().as_ref(), body.as_bytes(), "not compressed a second time");
    }
    let plain = get(&server, "/coupon-app-0123456789abcdef_bg.wasm", None).await;
    assert_eq!(plain.bytes().await.unwrap().len(), 4096, "the file itself without Accept-Encoding");
}

#[tokio::test]
async fn without_a_built_app_the_page_says_how_to_build_it() {
    let server = TestServer::start().await;
    let response = get(&server, "/c/DEMOACTIVE000001", None).await;
    assert_eq!(response.status(), 404);
    let text = response.text().await.unwrap();
    assert!(text.contains("cargo xtask build") && text.contains("빌드"), "{text}");
}

/// Status, type and body of a GET, as raw as the client sees them (no normalisation of the path).
async fn raw_get(server: &TestServer, path: &str) -> (u16, String, String) {
    let url = reqwest::Url::parse(&format!("{}{path}", server.base)).expect("a URL");
    let response = server.http.get(url).send().await.expect("answered");
    let kind = header(&response, "content-type");
    (response.status().as_u16(), kind, response.text().await.expect("a body"))
}

#[tokio::test]
async fn an_admin_path_that_is_not_a_plain_name_answers_alike_whether_or_not_such_a_host_file_exists() {
    let server = TestServer::start_with(false, build_dist).await;
    let admin_page = raw_get(&server, "/admin/no-such-screen").await;
    assert_eq!((admin_page.0, admin_page.2.contains("admin")), (200, true), "{admin_page:?}");
    // /etc/passwd exists on every Linux host; the second of each pair does not.
    for (exists, missing) in [
        ("/admin//etc/passwd", "/admin//etc/no-such-file-7f3a"),
        ("/admin/%2Fetc%2Fpasswd", "/admin/%2Fetc%2Fno-such-file-7f3a"),
        ("/admin/..%2F..%2F..%2F..%2Fetc%2Fpasswd", "/admin/..%2F..%2F..%2F..%2Fetc%2Fno-such-file-7f3a"),
        ("/admin/x/%2E%2E/%2E%2E/%2E%2E/etc/passwd", "/admin/x/%2E%2E/%2E%2E/%2E%2E/etc/no-such-file-7f3a"),
    ] {
        let (a, b) = (raw_get(&server, exists).await, raw_get(&server, missing).await);
        assert_eq!(a, b, "{exists} and {missing} must answer alike");
        assert!(!a.2.contains("root:"), "{exists} read a host file: {}", a.2);
    }
    // Real assets still come.
    assert_eq!(raw_get(&server, "/admin/admin-fedcba9876543210.js").await.0, 200);
}
