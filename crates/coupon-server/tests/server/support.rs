//! A running server with its own database, and clients that speak its API.

use std::path::Path;

use coupon_rules::Plan;
use coupon_server::store::accounts::NewAccount;
use coupon_server::{keys, RunningServer, ServeConfig};
use reqwest::header::{HeaderMap, CONTENT_TYPE};
use reqwest::Method;
use serde_json::{json, Value};
use tempfile::TempDir;

pub use crate::test_db::TestDb;

/// A server started in-process on 127.0.0.1:0 with a fresh database of the store under test.
pub struct TestServer {
    pub base: String,
    pub http: reqwest::Client,
    pub db: TestDb,
    running: RunningServer,
    /// Deleted (with the database) when the server is dropped.
    _dir: TempDir,
}

impl TestServer {
    /// A server with an empty database and an empty `dist`.
    pub async fn start() -> TestServer {
        TestServer::start_with(false, |_| {}).await
    }

    /// A server with the demo data.
    pub async fn start_with_demo() -> TestServer {
        TestServer::start_with(true, |_| {}).await
    }

    /// A server whose `dist` is prepared by `make_dist` first.
    pub async fn start_with(demo: bool, make_dist: impl FnOnce(&Path)) -> TestServer {
        TestServer::start_configured(demo, make_dist, |_| {}).await
    }

    /// A server whose `dist` is prepared by `make_dist` and whose settings `configure` changes.
    pub async fn start_configured(
        demo: bool,
        make_dist: impl FnOnce(&Path),
        configure: impl FnOnce(&mut ServeConfig),
    ) -> TestServer {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let dist = dir.path().join("dist");
        std::fs::create_dir_all(&dist).expect("dist");
        make_dist(&dist);
        let db = TestDb::fresh(dir.path()).await;
        let mut config = ServeConfig::new("127.0.0.1:0".parse().unwrap(), db.target(), dist);
        config.demo = demo;
        configure(&mut config);
        let running = coupon_server::start(config).await.expect("the server starts");
        TestServer { base: format!("http://{}", running.addr()), http: client(), db, running, _dir: dir }
    }

    /// A new account on `plan` (time zone UTC) and a client holding its API key.
    pub async fn account(&self, plan: Plan) -> Api {
        let store = self.db.store().await;
        let account =
            NewAccount { name: format!("{plan:?} shop"), plan, timezone: chrono_tz::UTC, global_webhook: false };
        let id = store.create_account(account).await.expect("account");
        let key = keys::new_key();
        store.add_api_key(id, keys::digest(&key), "Test key".into()).await.expect("key");
        store.close().await;
        Api { base: self.base.clone(), http: self.http.clone(), key, account_id: id }
    }

    /// The demo account's client.
    pub fn demo_api(&self) -> Api {
        let key = coupon_server::demo::API_KEY.to_owned();
        Api { base: self.base.clone(), http: self.http.clone(), key, account_id: 1 }
    }

    /// New credentials of the second vendor's dialect for `api`'s account, and a client holding them.
    pub async fn vendor(&self, api: &Api) -> Vendor {
        let store = self.db.store().await;
        let auth_code = keys::new_vendor_auth_code();
        let vendor_id =
            store.add_vendor_credentials(api.account_id, None, keys::digest(&auth_code)).await.expect("credentials");
        store.close().await;
        Vendor { base: self.base.clone(), http: self.http.clone(), vendor_id, auth_code }
    }

    /// The demo account's vendor client.
    pub fn demo_vendor(&self) -> Vendor {
        Vendor {
            base: self.base.clone(),
            http: self.http.clone(),
            vendor_id: coupon_server::demo::VENDOR_ID,
            auth_code: coupon_server::demo::VENDOR_AUTH_CODE.to_owned(),
        }
    }

    /// A request without an API key.
    pub async fn send(&self, method: Method, path: &str, body: Option<&Value>) -> Reply {
        send(&self.http, method, &format!("{}{path}", self.base), None, body).await
    }

    /// A request without an API key, with these extra headers.
    pub async fn send_with(&self, method: Method, path: &str, headers: &[(&str, &str)]) -> Reply {
        let mut request = self.http.request(method, format!("{}{path}", self.base));
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        Reply::from(request.send().await.expect("the request is answered")).await
    }

    /// `GET /api/public/v1/coupons/{code}`.
    pub async fn public(&self, code: &str) -> Reply {
        self.send(Method::GET, &format!("/api/public/v1/coupons/{code}"), None).await
    }

    /// `POST /api/public/v1/coupons/{code}/use`.
    pub async fn use_coupon(&self, code: &str, body: Value) -> Reply {
        self.send(Method::POST, &format!("/api/public/v1/coupons/{code}/use"), Some(&body)).await
    }

    /// The running server's store.
    pub fn store(&self) -> &coupon_server::store::Store {
        self.running.store()
    }

    /// Stops the server and starts a new one on the same database (a restart, as after a deploy).
    pub async fn restart(self) -> TestServer {
        let TestServer { http, db, running, _dir, .. } = self;
        running.stop().await.expect("a clean stop");
        let config = ServeConfig::new("127.0.0.1:0".parse().unwrap(), db.target(), _dir.path().join("dist"));
        let running = coupon_server::start(config).await.expect("the server starts again");
        TestServer { base: format!("http://{}", running.addr()), http, db, running, _dir }
    }

    /// Stops the server (finishing queued writes).
    pub async fn stop(self) {
        self.running.stop().await.expect("a clean stop");
    }
}

/// Sends a guess at a coupon's store password to the server at `addr` and hangs up at once,
/// without reading the answer.
pub async fn abandoned_guess(addr: &str, code: &str, password: &str) {
    let body = json!({"onsitePwd": password}).to_string();
    let request = format!(
        "POST /api/public/v1/coupons/{code}/use HTTP/1.1\r\nHost: {addr}\r\nContent-Type: application/json\r\n\
         Content-Length: {}\r\n\r\n{body}",
        body.len()
    );
    let mut socket = tokio::net::TcpStream::connect(addr).await.expect("connects");
    tokio::io::AsyncWriteExt::write_all(&mut socket, request.as_bytes()).await.expect("sent");
}

/// An HTTP client for loopback (no proxies).
pub fn client() -> reqwest::Client {
    reqwest::Client::builder().no_proxy().build().expect("a client")
}

/// A client of the coupon API holding one account's key.
#[derive(Clone)]
pub struct Api {
    pub base: String,
    pub http: reqwest::Client,
    pub key: String,
    pub account_id: i64,
}

impl Api {
    /// A request with this client's key.
    pub async fn send(&self, method: Method, path: &str, body: Option<&Value>) -> Reply {
        send(&self.http, method, &format!("{}/api/coupon/v1{path}", self.base), Some(&self.key), body).await
    }

    /// `POST /create`.
    pub async fn create(&self, body: Value) -> Reply {
        self.send(Method::POST, "/create", Some(&body)).await
    }

    /// `PUT /update`.
    pub async fn update(&self, body: Value) -> Reply {
        self.send(Method::PUT, "/update", Some(&body)).await
    }

    /// `GET /get?cpnNo=`.
    pub async fn get(&self, code: &str) -> Reply {
        self.send(Method::GET, &format!("/get?cpnNo={code}"), None).await
    }

    /// `GET /validate?cpnNo=`.
    pub async fn validate(&self, code: &str) -> Reply {
        self.send(Method::GET, &format!("/validate?cpnNo={code}"), None).await
    }

    /// `DELETE /delete?cpnNo=`.
    pub async fn delete(&self, code: &str) -> Reply {
        self.send(Method::DELETE, &format!("/delete?cpnNo={code}"), None).await
    }

    /// `PUT /redeem`.
    pub async fn redeem(&self, body: Value) -> Reply {
        self.send(Method::PUT, "/redeem", Some(&body)).await
    }

    /// Today in the account's zone, as the server sees it.
    pub async fn today(&self) -> coupon_rules::Ymd {
        let reply = self.send(Method::GET, "/context", None).await;
        coupon_rules::Ymd::parse(reply.result()["today"].as_str().expect("today")).expect("a date")
    }

    /// Creates a valid coupon with these fields added; returns its code.
    pub async fn coupon(&self, fields: Value) -> String {
        let today = self.today().await;
        let mut body = json!({"nm": "Test coupon", "discTypeIdx": 457, "disc": 10,
                              "strtYmd": today.add_days(-1).to_string(), "endYmd": today.add_days(30).to_string()});
        for (name, value) in fields.as_object().expect("fields") {
            body[name] = value.clone();
        }
        let reply = self.create(body).await;
        assert_eq!(reply.code(), 0, "create failed: {}", reply.raw);
        reply.result().as_str().expect("the code").to_owned()
    }
}

/// A client of the second vendor's `update_coupon`, holding one account's credentials.
#[derive(Clone)]
pub struct Vendor {
    pub base: String,
    pub http: reqwest::Client,
    pub vendor_id: i64,
    pub auth_code: String,
}

impl Vendor {
    fn url(&self) -> String {
        format!("{}/2.1/product/update_coupon", self.base)
    }

    /// `update_coupon` with these fields as JSON, credentials added unless the fields give their own.
    pub async fn update(&self, fields: Value) -> VendorReply {
        let mut body = json!({"vendor_id": self.vendor_id, "vendor_auth_code": self.auth_code});
        for (name, value) in fields.as_object().expect("fields") {
            body[name] = value.clone();
        }
        let request = self.http.post(self.url()).header(CONTENT_TYPE, "application/json").body(body.to_string());
        VendorReply::from(Reply::from(request.send().await.expect("answered")).await)
    }

    /// `update_coupon` with these fields form-encoded (as the vendor's clients send them), after the
    /// credentials.
    pub async fn update_form(&self, fields: &[(&str, &str)]) -> VendorReply {
        let mut body = form_urlencoded::Serializer::new(String::new());
        body.append_pair("vendor_id", &self.vendor_id.to_string()).append_pair("vendor_auth_code", &self.auth_code);
        for (name, value) in fields {
            body.append_pair(name, value);
        }
        let request =
            self.http.post(self.url()).header(CONTENT_TYPE, "application/x-www-form-urlencoded").body(body.finish());
        VendorReply::from(Reply::from(request.send().await.expect("answered")).await)
    }

    /// A request with this raw body and content type.
    pub async fn raw(&self, content_type: &str, body: &str) -> VendorReply {
        let request = self.http.post(self.url()).header(CONTENT_TYPE, content_type).body(body.to_owned());
        VendorReply::from(Reply::from(request.send().await.expect("answered")).await)
    }
}

/// An answer of `update_coupon`: always HTTP 200, `{"success", "response"}` or `{"success", "error"}`.
#[derive(Debug)]
pub struct VendorReply {
    pub reply: Reply,
}

impl VendorReply {
    fn from(reply: Reply) -> VendorReply {
        assert_eq!(reply.status, 200, "the vendor answers 200: {}", reply.raw);
        let success = reply.body["success"].as_bool().unwrap_or_else(|| panic!("no success flag: {}", reply.raw));
        let part = if success { "response" } else { "error" };
        assert!(reply.body[part].is_object(), "{}", reply.raw);
        VendorReply { reply }
    }

    /// The number of coupons updated (panics on a refusal).
    pub fn updated(&self) -> u64 {
        self.reply.body["response"]["updated"].as_u64().unwrap_or_else(|| panic!("refused: {}", self.reply.raw))
    }

    /// The error code (panics on a success).
    pub fn code(&self) -> i64 {
        self.reply.body["error"]["code"].as_i64().unwrap_or_else(|| panic!("not refused: {}", self.reply.raw))
    }

    /// The error's message.
    pub fn message(&self) -> &str {
        self.reply.body["error"]["message"].as_str().unwrap_or("")
    }

    /// The `field`s of the error's errors, with their codes.
    pub fn errors(&self) -> Vec<(String, String)> {
        field_codes(&self.reply.body["error"]["errors"])
    }

    /// The coupon the refusal names.
    pub fn coupon_code(&self) -> Option<&str> {
        self.reply.body["error"]["coupon_code"].as_str()
    }
}

/// Sends a request; JSON bodies as `application/json`.
pub async fn send(http: &reqwest::Client, method: Method, url: &str, key: Option<&str>, body: Option<&Value>) -> Reply {
    let mut request = http.request(method, url);
    if let Some(key) = key {
        request = request.header("Authorization", format!("APIKey {key}"));
    }
    if let Some(body) = body {
        request = request.header(CONTENT_TYPE, "application/json").body(body.to_string());
    }
    Reply::from(request.send().await.expect("the request is answered")).await
}

/// An answer: status, headers, the raw body and the body as JSON (null when not JSON).
#[derive(Debug)]
pub struct Reply {
    pub status: u16,
    pub headers: HeaderMap,
    pub raw: String,
    pub body: Value,
}

impl Reply {
    pub async fn from(response: reqwest::Response) -> Reply {
        let status = response.status().as_u16();
        let headers = response.headers().clone();
        let raw = response.text().await.expect("a body");
        let body = serde_json::from_str(&raw).unwrap_or(Value::Null);
        Reply { status, headers, raw, body }
    }

    /// The envelope's code (panics on a reply that is no envelope).
    pub fn code(&self) -> i64 {
        assert_envelope(self);
        self.body["code"].as_i64().expect("a code")
    }

    /// The envelope's result.
    pub fn result(&self) -> &Value {
        &self.body["result"]
    }

    /// The envelope's message.
    pub fn message(&self) -> &str {
        self.body["message"].as_str().unwrap_or("")
    }

    /// The `field`s of the result's errors, with their codes.
    pub fn errors(&self) -> Vec<(String, String)> {
        field_codes(&self.result()["errors"])
    }

    /// The `field`s of the result's warnings, with their codes.
    pub fn warnings(&self) -> Vec<(String, String)> {
        field_codes(&self.result()["warnings"])
    }
}

fn field_codes(list: &Value) -> Vec<(String, String)> {
    list.as_array()
        .map(|errors| {
            errors
                .iter()
                .map(|e| (e["field"].as_str().unwrap_or("").to_owned(), e["code"].as_str().unwrap_or("").to_owned()))
                .collect()
        })
        .unwrap_or_default()
}

/// The HTTP status ARCHITECTURE.md pairs with each code.
pub fn status_of(code: i64) -> &'static [u16] {
    match code {
        0 => &[200],
        1001 => &[400, 405],
        1002 => &[422],
        1003 => &[401],
        1004 | 1008 => &[403],
        1005 => &[404],
        1006 | 1009 | 1010 => &[409],
        1007 => &[429],
        1011 => &[413],
        1012 => &[415],
        1013 => &[408],
        1099 => &[500],
        _ => &[],
    }
}

/// A reply is `{code, message, result}` and nothing else, with the status its code goes with.
pub fn assert_envelope(reply: &Reply) {
    let object = reply.body.as_object().unwrap_or_else(|| panic!("not an envelope: {} {}", reply.status, reply.raw));
    let mut keys: Vec<&str> = object.keys().map(String::as_str).collect();
    keys.sort_unstable();
    assert_eq!(keys, ["code", "message", "result"], "{}", reply.raw);
    let code = object["code"].as_i64().unwrap_or_else(|| panic!("code is not an integer: {}", reply.raw));
    assert!(object["message"].is_string(), "{}", reply.raw);
    assert!(status_of(code).contains(&reply.status), "code {code} came with HTTP {}: {}", reply.status, reply.raw);
    assert_eq!(
        reply.headers.get(CONTENT_TYPE).and_then(|v| v.to_str().ok()),
        Some("application/json"),
        "{}",
        reply.raw
    );
}

/// The server's binary, to run as a child process.
pub fn binary() -> tokio::process::Command {
    tokio::process::Command::new(env!("CARGO_BIN_EXE_coupon-server"))
}

/// Starts `serve` of the binary on a free port with `extra` flags; returns the child and its base URL.
pub async fn serve(db: &str, dist: &Path, extra: &[&str]) -> (tokio::process::Child, String) {
    use tokio::io::AsyncBufReadExt;
    let mut child = binary()
        .args(["serve", "--addr", "127.0.0.1:0"])
        .args(extra)
        .arg("--db")
        .arg(db)
        .arg("--dist")
        .arg(dist)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .kill_on_drop(true)
        .spawn()
        .expect("the server starts");
    let stdout = child.stdout.take().expect("stdout");
    let line =
        tokio::io::BufReader::new(stdout).lines().next_line().await.expect("a line").expect("the listening line");
    let base = line.strip_prefix("listening on ").expect("listening on …").to_owned();
    (child, base)
}
