//! Webhooks from three servers on one outbox: every event is sent once (each is leased by one
//! worker at a time: `FOR UPDATE SKIP LOCKED`), and one coupon's events arrive in the order of its
//! use numbers, whichever server made each use and whichever server sends it.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::body::Bytes;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::routing::post;
use axum::Router;
use coupon_rules::Plan;
use reqwest::Method;
use serde_json::{json, Value};
use tokio::task::JoinSet;

use crate::cluster::Cluster;
use crate::support::send;
use crate::test_db::TestDb;

const COUPONS: usize = 12;
const USES_PER_COUPON: usize = 4;

type Arrivals = Arc<Mutex<Vec<(String, Value)>>>;

async fn receive(State(arrivals): State<Arrivals>, headers: HeaderMap, body: Bytes) -> &'static str {
    let id = headers.get("x-coupon-event-id").and_then(|v| v.to_str().ok()).unwrap_or("").to_owned();
    let body: Value = serde_json::from_slice(&body).unwrap_or(Value::Null);
    arrivals.lock().unwrap().push((id, body));
    "ok"
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn three_servers_send_every_event_once_and_each_coupons_in_use_order() {
    let arrivals: Arrivals = Arc::default();
    let app = Router::new().route("/hook", post(receive)).with_state(Arc::clone(&arrivals));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}/hook", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, app).await });

    let cluster = Cluster::start_on(TestDb::fresh_postgres().await, 3, &["--allow-private-webhooks"]).await;
    let apis = cluster.account(Plan::Enterprise).await;
    let config = json!({"callbackUrl": url, "enableYn": "Y"});
    let config_url = format!("{}/api/webhook/v1/config", apis[0].base);
    let set = send(&apis[0].http, Method::PUT, &config_url, Some(&apis[0].key), Some(&config)).await;
    assert_eq!(set.code(), 0, "{}", set.raw);
    let mut codes = Vec::new();
    for _ in 0..COUPONS {
        codes.push(apis[0].coupon(json!({"webhookEnableYn": "Y"})).await);
    }
    // Each coupon's uses one after another, each on the next server; the coupons at once.
    let mut tills = JoinSet::new();
    for (i, code) in codes.iter().enumerate() {
        let (apis, code) = (apis.clone(), code.clone());
        tills.spawn(async move {
            for n in 0..USES_PER_COUPON {
                let api = &apis[(i + n) % apis.len()];
                let used = api.redeem(json!({"cpnNo": code})).await;
                assert_eq!(used.code(), 0, "{}", used.raw);
            }
        });
    }
    tills.join_all().await;

    let expected = COUPONS * USES_PER_COUPON;
    let started = Instant::now();
    while arrivals.lock().unwrap().len() < expected && started.elapsed() < Duration::from_secs(30) {
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    // Room for a duplicate to show up.
    tokio::time::sleep(Duration::from_secs(1)).await;
    let arrivals = arrivals.lock().unwrap().clone();
    assert_eq!(arrivals.len(), expected, "every event, each once");
    let mut seen = HashMap::new();
    let mut order: HashMap<String, Vec<i64>> = HashMap::new();
    for (id, body) in &arrivals {
        assert_eq!(body["id"], id.as_str());
        assert!(seen.insert(id.clone(), ()).is_none(), "{id} sent twice");
        let code = body["data"]["cpnNo"].as_str().unwrap().to_owned();
        order.entry(code).or_default().push(body["data"]["useNo"].as_i64().unwrap());
    }
    for code in &codes {
        assert_eq!(order[code], (1..=USES_PER_COUPON as i64).collect::<Vec<_>>(), "{code}: in use order");
    }
}
