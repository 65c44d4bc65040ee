//! The Webhooks screen end to end, and the event it promises: an Enterprise account (made with the
//! server's CLI beside the running server) sets its callback URL in the admin app, sees its signing
//! secret once, sends a test event, and then store staff use a coupon on its page: a real receiver
//! on loopback gets the signed `coupon.used`, checked with the documented algorithm
//! (docs/webhooks/verify.rs), and the screen lists it as delivered.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::routing::post;
use axum::Router;
use coupon_rules::Context;
use e2e::{run_with_server, BrowserOptions, HarnessError, Page, ServerCli};
use fantoccini::key::Key;
use serde_json::{json, Value};
use tokio::sync::mpsc;

/// The Rust snippet of docs/WEBHOOKS.md.
#[path = "../../docs/webhooks/verify.rs"]
mod snippet;

/// The server may post to the loopback receiver.
const SERVER_ARGS: &[&str] = &["--allow-private-webhooks"];

/// The store password of the test's coupon.
const PASSWORD: &str = "2468";

/// A request the receiver got.
#[derive(Debug)]
struct Received {
    headers: HeaderMap,
    body: Bytes,
}

impl Received {
    fn header(&self, name: &str) -> String {
        self.headers.get(name).and_then(|v| v.to_str().ok()).unwrap_or_default().to_owned()
    }

    fn json(&self) -> Value {
        serde_json::from_slice(&self.body).expect("a JSON body")
    }

    /// Whether `secret` signed it, as a receiver checks (docs/WEBHOOKS.md).
    fn signed_with(&self, secret: &str) -> bool {
        let now = SystemTime::now().duration_since(UNIX_EPOCH).expect("after 1970").as_secs() as i64;
        snippet::verify_webhook(secret, &self.header("x-coupon-signature"), &self.body, now)
    }
}

/// A receiver on loopback answering 200 to every POST /hook; its URL and what it got.
async fn receiver() -> (String, mpsc::UnboundedReceiver<Received>) {
    let (tx, rx) = mpsc::unbounded_channel();
    let app = Router::new().route("/hook", post(receive)).with_state(tx);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("a loopback port");
    let addr = listener.local_addr().expect("bound");
    tokio::spawn(async move { axum::serve(listener, app).await });
    (format!("http://{addr}/hook"), rx)
}

async fn receive(State(tx): State<mpsc::UnboundedSender<Received>>, headers: HeaderMap, body: Bytes) -> StatusCode {
    let _ = tx.send(Received { headers, body });
    StatusCode::OK
}

/// The next request the receiver gets, within 15 s.
async fn next(got: &mut mpsc::UnboundedReceiver<Received>) -> Received {
    tokio::time::timeout(Duration::from_secs(15), got.recv()).await.expect("a webhook arrives in time").expect("open")
}

/// An Enterprise account and its API key, made with the CLI.
fn enterprise_key(cli: &ServerCli) -> Result<String, HarnessError> {
    let made =
        cli.command(&["create-account", "--name", "Chain HQ", "--plan", "enterprise", "--timezone", "Asia/Seoul"])?;
    let id = made.split_whitespace().nth(1).expect("account N created").to_owned();
    let key = cli.command(&["create-key", "--account", &id, "--label", "Webhook admin"])?;
    Ok(key.trim().rsplit(' ').next().expect("the key at the end").to_owned())
}

/// Signs in with `key` and opens the Webhooks screen.
async fn open_webhooks(page: &Page, key: &str) -> Result<(), HarnessError> {
    page.open("/admin/").await?;
    page.type_into("#api-key", key).await?;
    page.click("#sign-in").await?;
    page.shown("#to-webhooks").await?;
    page.click("#to-webhooks").await?;
    page.shown("#wh-url").await?;
    Ok(())
}

/// A coupon of the account that sends webhooks and has a store password, made through the API.
async fn webhook_coupon(base_url: &str, key: &str) -> String {
    let http = reqwest::Client::new();
    let auth = format!("APIKey {key}");
    let context: Value = http
        .get(format!("{base_url}/api/coupon/v1/context"))
        .header("Authorization", &auth)
        .send()
        .await
        .expect("the server answers")
        .json()
        .await
        .expect("an envelope");
    let context: Context = serde_json::from_value(context["result"].clone()).expect("a context");
    let body = json!({
        "nm": "Webhook welcome", "discTypeIdx": 457, "disc": 15,
        "strtYmd": context.today.to_string(), "endYmd": context.today.add_days(30).to_string(),
        "onsiteYn": "Y", "onsitePwd": PASSWORD, "webhookEnableYn": "Y", "url": "https://shop.example/use", "useLimit": 1,
    });
    let created: Value = http
        .post(format!("{base_url}/api/coupon/v1/create"))
        .header("Authorization", &auth)
        .json(&body)
        .send()
        .await
        .expect("the server answers")
        .json()
        .await
        .expect("an envelope");
    assert_eq!(created["code"], 0, "{created}");
    created["result"].as_str().expect("the new code").to_owned()
}

#[tokio::test]
async fn staff_use_on_the_page_reaches_the_receiver_signed_and_the_screen_shows_it() {
    let name = "admin_webhooks_use_reaches_the_receiver";
    run_with_server(name, BrowserOptions::default(), SERVER_ARGS, |page, cli| async move {
        let (url, mut got) = receiver().await;
        let key = enterprise_key(&cli)?;
        open_webhooks(&page, &key).await?;
        page.shown("#wh-no-events").await?;
        assert!(
            !page.client().find(fantoccini::Locator::Css("#wh-send-test")).await?.is_enabled().await?,
            "no URL yet"
        );

        // The rules check the URL while the admin types, before anything is sent.
        page.type_into("#wh-url", "ftp://pos.example/hook").await?;
        page.shown("#wh-url-msgs li[data-code='unsafe_url']").await?;
        assert!(!page.client().find(fantoccini::Locator::Css("#wh-save")).await?.is_enabled().await?);
        page.script("document.querySelector('#wh-url').value = '';").await?;
        page.type_into("#wh-url", &url).await?;
        page.wait_until_gone("#wh-url-msgs li").await?;
        page.click("#wh-enable").await?;
        page.click("#wh-save").await?;

        // The secret is shown once, in its documented shape.
        page.shown("#wh-secret").await?;
        let secret = page.text("#wh-secret").await?;
        assert!(secret.starts_with("whsec_") && secret.len() == 38, "{secret}");
        page.wait_for_text_containing("#wh-save-status", "Settings saved").await?;

        page.click("#wh-send-test").await?;
        let test = next(&mut got).await;
        assert!(test.signed_with(&secret), "the test event is signed with the secret shown");
        assert_eq!(test.json()["type"], "webhook.test");
        page.wait_for_text_containing("#wh-test-status", "answered the test event").await?;

        // Store staff use a coupon on its page.
        let code = webhook_coupon(page.base_url(), &key).await;
        page.open(&format!("/c/{code}")).await?;
        page.wait_for_text(".coupon-name", "Webhook welcome").await?;
        page.click(".use-button").await?;
        page.type_into("#store-password", PASSWORD).await?;
        page.press(Key::Enter).await?;
        page.shown(".stamp").await?;

        let used = next(&mut got).await;
        assert!(used.signed_with(&secret), "coupon.used is signed with the secret shown");
        assert!(!used.signed_with("whsec_0000000000000000000000000000wrong"), "and with nothing else");
        let event = used.json();
        assert_eq!(used.header("x-coupon-event-id"), event["id"].as_str().unwrap_or_default());
        assert_eq!(used.header("x-coupon-webhook-type"), "GLOBAL");
        assert_eq!(event["type"], "coupon.used");
        assert_eq!(event["data"]["cpnNo"], code.as_str());
        assert_eq!(event["data"]["useNo"], 1);
        assert_eq!(event["data"]["channel"], "page");
        assert_eq!(event["data"]["status"], "used_up");

        // The screen lists both, the use first, delivered.
        page.open("/admin/").await?;
        page.shown("#to-webhooks").await?;
        page.click("#to-webhooks").await?;
        page.shown("#wh-events").await?;
        let row = format!(
            "#wh-events tr[data-event='{}'] .event-status[data-status='delivered']",
            event["id"].as_str().unwrap_or_default()
        );
        page.shown(&row).await?;
        let types = page
            .script("return [...document.querySelectorAll('#wh-events tbody tr')].map(r => r.dataset.type);")
            .await?;
        assert_eq!(types, json!(["coupon.used", "webhook.test"]));
        assert!(!page.is_shown("#wh-secret").await?, "the secret is not shown again");
        page.wait_for_text_containing("#wh-events tbody tr:first-child", "Used · use 1").await?;
        page.script("document.querySelector('.webhook-events').scrollIntoView();").await?;
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn the_webhooks_screen_in_korean_on_a_phone() {
    let options = BrowserOptions { lang: Some("ko".to_owned()) };
    run_with_server("admin_webhooks_korean_phone", options, SERVER_ARGS, |page, cli| async move {
        let (url, mut got) = receiver().await;
        let key = enterprise_key(&cli)?;
        page.client().set_window_size(390, 900).await?;
        open_webhooks(&page, &key).await?;
        page.wait_for_text("#webhooks-title", "웹훅").await?;
        page.type_into("#wh-url", &url).await?;
        page.click("#wh-save").await?;
        page.shown("#wh-secret").await?;
        page.click("#wh-send-test").await?;
        assert_eq!(next(&mut got).await.json()["type"], "webhook.test", "a test while sending is off");
        page.wait_for_text_containing("#wh-test-status", "2xx").await?;
        page.wait_for_text_containing("#wh-events tbody tr", "테스트").await?;
        // Nothing reaches past the phone's right edge (the table scrolls inside its own box).
        let wider = page
            .script(
                "return [...document.querySelectorAll('body *')].filter(e => !e.closest('.table-scroll') \
                 && e.getBoundingClientRect().right > document.documentElement.clientWidth + 1) \
                 .map(e => e.tagName + '#' + e.id + '.' + e.className);",
            )
            .await?;
        assert_eq!(wider, json!([]), "elements wider than the phone");
        let widths =
            page.script("return [document.documentElement.scrollWidth, document.documentElement.clientWidth];").await?;
        assert!(widths[0].as_i64() <= widths[1].as_i64(), "the page does not scroll sideways: {widths}");
        page.script("document.querySelector('.webhook-events').scrollIntoView();").await?;
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn an_account_below_enterprise_is_told_which_plan_webhooks_need() {
    run_with_server("admin_webhooks_need_enterprise", BrowserOptions::default(), &[], |page, _| async move {
        page.open("/admin/").await?;
        page.type_into("#api-key", e2e::admin::DEMO_KEY).await?;
        page.click("#sign-in").await?;
        page.shown("#to-webhooks").await?;
        page.click("#to-webhooks").await?;
        page.wait_for_text_containing("#webhooks-plan", "Enterprise").await?;
        assert!(!page.is_shown("#wh-url").await?, "no settings to fill in");
        Ok(())
    })
    .await;
}
