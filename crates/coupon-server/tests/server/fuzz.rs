//! Thousands of random and mutated bodies against each write endpoint: every reply is a
//! well-formed envelope with a non-zero code (the second vendor's endpoint: its own answer with
//! `success` false), never a 5xx. Every body carries a defect by construction (not JSON, not an
//! object, or an unknown field `zz_…` at both ends), so none of them may succeed.

use coupon_rules::Plan;
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use serde_json::{json, Map, Value};
use tokio::task::JoinSet;

use crate::support::{assert_envelope, Reply, TestServer};

/// How an endpoint answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Answer {
    /// `{code, message, result}`.
    Envelope,
    /// The second vendor's `{success, error}`, HTTP 200.
    Vendor,
}

const BODIES_PER_ENDPOINT: usize = 2000;
const IN_FLIGHT: usize = 16;

fn random_text(rng: &mut StdRng) -> String {
    const PIECES: &[&str] = &["a", "Z", "0", "9", "-", " ", "\"", "\\", "é", "한", "😀", "\u{0}", "#", "/", ":", "%"];
    (0..rng.random_range(0..12)).map(|_| PIECES[rng.random_range(0..PIECES.len())]).collect()
}

fn random_value(rng: &mut StdRng, depth: u32) -> Value {
    match rng.random_range(0..if depth > 2 { 6 } else { 8 }) {
        0 => Value::Null,
        1 => Value::Bool(rng.random()),
        2 => json!(rng.random_range(-1_000_000_i64..1_000_000)),
        3 => json!(rng.random::<f64>() * 1e6 - 5e5),
        4 => [json!(458), json!(457), json!(0), json!(-1), json!(5), json!(1e300), json!(i64::MAX)]
            [rng.random_range(0..7)]
        .clone(),
        5 => Value::String(random_text(rng)),
        6 => Value::Array((0..rng.random_range(0..4)).map(|_| random_value(rng, depth + 1)).collect()),
        _ => Value::Object(
            (0..rng.random_range(0..4)).map(|_| (random_text(rng), random_value(rng, depth + 1))).collect(),
        ),
    }
}

/// The template with an unknown field at its start and its end.
fn poisoned(template: &Value, rng: &mut StdRng) -> Map<String, Value> {
    let mut object = Map::new();
    object.insert(format!("zz_{}", rng.random_range(0..1000)), random_value(rng, 1));
    object.extend(template.as_object().expect("an object").clone());
    object.insert("zz_end".into(), random_value(rng, 1));
    object
}

/// One defective body and its content type.
fn defective_body(template: &Value, rng: &mut StdRng) -> (Vec<u8>, &'static str) {
    let json = "application/json";
    match rng.random_range(0..7) {
        0 => ((0..rng.random_range(0..64)).map(|_| rng.random()).collect(), json),
        1 => {
            let value = loop {
                let v = random_value(rng, 0);
                if !v.is_object() {
                    break v;
                }
            };
            (value.to_string().into_bytes(), json)
        }
        2 => {
            let object: Map<String, Value> = (0..rng.random_range(1..6))
                .map(|i| (format!("zz_{i}{}", random_text(rng)), random_value(rng, 1)))
                .collect();
            (Value::Object(object).to_string().into_bytes(), json)
        }
        3 => {
            let mut object = poisoned(template, rng);
            let names: Vec<String> = object.keys().filter(|k| !k.starts_with("zz_")).cloned().collect();
            for _ in 0..rng.random_range(1..4) {
                let name = &names[rng.random_range(0..names.len())];
                if rng.random_bool(0.3) {
                    object.remove(name);
                } else {
                    object.insert(name.clone(), random_value(rng, 1));
                }
            }
            (Value::Object(object).to_string().into_bytes(), json)
        }
        4 => {
            let mut bytes = Value::Object(poisoned(template, rng)).to_string().into_bytes();
            for _ in 0..rng.random_range(1..5) {
                let at = rng.random_range(0..bytes.len());
                match rng.random_range(0..3) {
                    0 => bytes[at] = rng.random(),
                    1 => bytes.insert(at, b"{}[]\",:0-e\\"[rng.random_range(0..11)]),
                    _ => {
                        bytes.remove(at);
                    }
                }
            }
            (bytes, json)
        }
        5 => {
            let text = Value::Object(poisoned(template, rng)).to_string();
            (text.as_bytes()[..rng.random_range(0..text.len())].to_vec(), json)
        }
        _ => {
            let types = ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data", "", "json"];
            (template.to_string().into_bytes(), types[rng.random_range(0..types.len())])
        }
    }
}

async fn fuzz_endpoint(server: &TestServer, key: Option<&str>, method: reqwest::Method, path: &str, template: Value) {
    fuzz_answers(server, key, method, path, template, Answer::Envelope).await;
}

async fn fuzz_answers(
    server: &TestServer,
    key: Option<&str>,
    method: reqwest::Method,
    path: &str,
    template: Value,
    answer: Answer,
) {
    let mut rng = StdRng::seed_from_u64(0x00c0_ffee ^ path.len() as u64);
    let url = format!("{}{path}", server.base);
    let mut in_flight = JoinSet::new();
    for sent in 0..BODIES_PER_ENDPOINT {
        let (body, content_type) = defective_body(&template, &mut rng);
        let mut request = server.http.request(method.clone(), &url).body(body.clone());
        if !content_type.is_empty() {
            request = request.header("Content-Type", content_type);
        }
        if let Some(key) = key {
            request = request.header("Authorization", format!("APIKey {key}"));
        }
        in_flight.spawn(async move { (Reply::from(request.send().await.expect("answered")).await, body) });
        if in_flight.len() >= IN_FLIGHT || sent + 1 == BODIES_PER_ENDPOINT {
            while let Some(done) = in_flight.join_next().await {
                let (reply, body) = done.expect("the task ran");
                let shown = String::from_utf8_lossy(&body);
                assert!(reply.status < 500, "{path}: HTTP {} for {shown}: {}", reply.status, reply.raw);
                match answer {
                    Answer::Envelope => {
                        assert_envelope(&reply);
                        assert_ne!(reply.code(), 0, "{path}: a defective body succeeded: {shown}");
                    }
                    Answer::Vendor => {
                        assert_eq!(reply.status, 200, "{}", reply.raw);
                        assert_eq!(reply.body["success"], false, "{path}: a defective body succeeded: {shown}");
                        assert!(reply.body["error"]["code"].as_i64().is_some_and(|c| c > 0), "{}", reply.raw);
                    }
                }
            }
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn random_and_mutated_bodies_never_succeed_or_break_the_server() {
    let server = TestServer::start().await;
    let api = server.account(Plan::Premium).await;
    let code = api.coupon(json!({"onsiteYn": "Y", "useLimit": 5, "userId": "fuzz"})).await;
    let end = api.today().await.add_days(20).to_string();
    let coupon_fields = json!({"cpnNo": code, "nm": "Fuzz", "discTypeIdx": 458, "disc": 12.5, "discCurrency": "USD",
                               "endYmd": end, "memo": "m", "useLimit": 2, "userId": "u", "color": "#123456",
                               "onsiteYn": "Y", "onsitePwd": "abcd", "url": "https://example.com"});
    let mut create_fields = coupon_fields.clone();
    create_fields["cpnNo"] = json!("");
    let key = Some(api.key.as_str());
    use reqwest::Method;
    fuzz_endpoint(&server, key, Method::PUT, "/api/coupon/v1/update", coupon_fields).await;
    fuzz_endpoint(&server, key, Method::POST, "/api/coupon/v1/create", create_fields).await;
    fuzz_endpoint(
        &server,
        key,
        Method::PUT,
        "/api/coupon/v1/redeem",
        json!({"cpnNo": code, "userId": "u", "memo": "m"}),
    )
    .await;
    let use_path = format!("/api/public/v1/coupons/{code}/use");
    fuzz_endpoint(&server, None, Method::POST, &use_path, json!({"onsitePwd": "abcd", "idempotencyKey": "k"})).await;
    assert_eq!(api.get(&code).await.result()["useCnt"], 0, "no defective body used the coupon");

    let vendor = server.vendor(&api).await;
    assert_eq!(vendor.update(json!({"coupon_code": code, "new_group": "Fuzz"})).await.updated(), 1);
    let before = api.get(&code).await.result().clone();
    let change = json!({"group": "Fuzz", "new_group": "Fuzzed", "expires": end, "discount_amount": 7,
                        "currency": "USD", "allowed_uses": 3, "product_ids": "1,2", "recurring": 1});
    fuzz_endpoint(&server, key, Method::POST, "/api/coupon/v1/group-update", change.clone()).await;
    let mut vendor_fields = change;
    vendor_fields["vendor_id"] = json!(vendor.vendor_id);
    vendor_fields["vendor_auth_code"] = json!(vendor.auth_code);
    fuzz_answers(&server, None, Method::POST, "/2.1/product/update_coupon", vendor_fields, Answer::Vendor).await;
    assert_eq!(api.get(&code).await.result(), &before, "no defective body changed the coupon");
}
