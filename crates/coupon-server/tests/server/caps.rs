//! Caps on what a tenant can grow (issue 11, items 5 and 6), over HTTP in both dialects: amounts
//! checked exactly as sent and below a maximum per currency, product lists, text without control
//! characters, and credentials before any "did you mean". Each refusal names the field and leaves
//! the coupon as it was.

use coupon_rules::Plan;
use reqwest::header::CONTENT_TYPE;
use reqwest::Method;
use serde_json::{json, Value};

use crate::support::{assert_envelope, Api, Reply, TestServer};

/// `PUT /update` with this exact JSON text: a `Value` would rewrite the numbers.
async fn update_text(api: &Api, body: &str) -> Reply {
    let request = api
        .http
        .put(format!("{}/api/coupon/v1/update", api.base))
        .header("Authorization", format!("APIKey {}", api.key))
        .header(CONTENT_TYPE, "application/json")
        .body(body.to_owned());
    Reply::from(request.send().await.expect("answered")).await
}

#[track_caller]
fn assert_refused(reply: &Reply, field: &str, code: &str) {
    assert_envelope(reply);
    assert_eq!((reply.status, reply.code()), (422, 1002), "{}", reply.raw);
    assert_eq!(reply.errors(), vec![(field.to_owned(), code.to_owned())], "{}", reply.raw);
}

#[tokio::test]
async fn amounts_are_checked_exactly_as_sent_and_below_a_maximum() {
    let server = TestServer::start().await;
    let api = server.account(Plan::Personal).await;
    let krw = api.coupon(json!({"discTypeIdx": 458, "disc": 5000, "discCurrency": "KRW"})).await;
    let usd = api.coupon(json!({"discTypeIdx": 458, "disc": 5, "discCurrency": "USD"})).await;
    let (krw_before, usd_before) = (api.get(&krw).await.result().clone(), api.get(&usd).await.result().clone());

    for (code, disc, reason) in [
        (&krw, "0.0000001", "too_many_decimals"),
        (&krw, "1000.5", "too_many_decimals"),
        (&usd, "5.0100000000000000001", "too_many_decimals"),
        (&krw, "1e15", "too_large"),
        (&usd, "1e308", "too_large"),
        (&usd, "100000.01", "too_large"),
    ] {
        let reply = update_text(&api, &format!(r#"{{"cpnNo":"{code}","disc":{disc}}}"#)).await;
        assert_refused(&reply, "disc", reason);
    }
    assert_eq!(api.get(&krw).await.result(), &krw_before, "nothing changed");
    assert_eq!(api.get(&usd).await.result(), &usd_before, "nothing changed");

    let korean = api
        .http
        .put(format!("{}/api/coupon/v1/update", api.base))
        .header("Authorization", format!("APIKey {}", api.key))
        .header("Accept-Language", "ko")
        .header(CONTENT_TYPE, "application/json")
        .body(format!(r#"{{"cpnNo":"{krw}","disc":1e15}}"#));
    let korean = Reply::from(korean.send().await.expect("answered")).await;
    assert_eq!(korean.body["result"]["errors"][0]["message"], "KRW 금액은 최대 100000000까지 입력할 수 있습니다.");

    let fine = update_text(&api, &format!(r#"{{"cpnNo":"{usd}","disc":5.010}}"#)).await;
    assert_eq!(fine.code(), 0, "{}", fine.raw);
    assert_eq!(api.get(&usd).await.result()["disc"].as_f64(), Some(5.01));
    let end = api.today().await.add_days(30).to_string();
    let refused =
        api.create(json!({"nm": "Huge", "discTypeIdx": 458, "disc": 1e15, "discCurrency": "KRW", "endYmd": end})).await;
    assert_refused(&refused, "disc", "too_large");
    server.stop().await;
}

#[tokio::test]
async fn texts_refuse_control_characters_and_bidi_marks() {
    let server = TestServer::start().await;
    let api = server.account(Plan::Personal).await;
    let code = api.coupon(json!({})).await;
    let before = api.get(&code).await.result().clone();
    for (field, value) in
        [("nm", "Gift \u{202E}gpj.exe"), ("nm", "a\u{0}b"), ("userNm", "Kim\u{2066}"), ("memo", "bell\u{7}")]
    {
        let reply = api.update(json!({"cpnNo": code, field: value})).await;
        assert_refused(&reply, field, "control_character");
    }
    assert_eq!(api.get(&code).await.result(), &before, "nothing changed");
    let reply = api.update(json!({"cpnNo": code, "nm": "x\u{202E}"})).await;
    assert_eq!(reply.body["result"]["errors"][0]["params"]["char"], "U+202E", "{}", reply.raw);
    let end = api.today().await.add_days(30).to_string();
    let refused = api.create(json!({"nm": "\u{0}", "discTypeIdx": 457, "disc": 10, "endYmd": end})).await;
    assert_refused(&refused, "nm", "control_character");
    let fine = api.update(json!({"cpnNo": code, "memo": "line 1\nline 2\tend"})).await;
    assert_eq!(fine.code(), 0, "a memo keeps its line breaks: {}", fine.raw);
    server.stop().await;
}

fn ids(n: usize) -> String {
    (1..=n).map(|i| i.to_string()).collect::<Vec<_>>().join(",")
}

#[tokio::test]
async fn the_second_dialect_caps_products_amounts_and_names() {
    let server = TestServer::start().await;
    let api = server.account(Plan::Personal).await;
    let vendor = server.vendor(&api).await;
    let code = api.coupon(json!({"discTypeIdx": 458, "disc": 5, "discCurrency": "USD"})).await;
    let before = api.get(&code).await.result().clone();

    let many = ids(101);
    for (fields, field, reason, vendor_code) in [
        (json!({"product_ids": many}), "product_ids", "too_many", 101),
        (json!({"product_ids": "1,10000000000"}), "product_ids", "out_of_range", 101),
        (json!({"discount_amount": 1e308, "currency": "USD"}), "discount_amount", "too_large", 129),
        (json!({"discount_amount": "5.001", "currency": "USD"}), "discount_amount", "too_many_decimals", 129),
        (json!({"new_group": "VIP\u{202E}"}), "new_group", "control_character", 101),
    ] {
        let mut fields = fields;
        fields["coupon_code"] = json!(code);
        let reply = vendor.update(fields.clone()).await;
        assert_eq!(reply.code(), vendor_code, "{fields}: {}", reply.reply.raw);
        assert_eq!(reply.errors(), vec![(field.to_owned(), reason.to_owned())], "{}", reply.reply.raw);
    }
    let exact = format!(
        r#"{{"vendor_id":{},"vendor_auth_code":"{}","coupon_code":"{code}","currency":"USD","discount_amount":5.0100000000000000001}}"#,
        vendor.vendor_id, vendor.auth_code
    );
    let reply = vendor.raw("application/json", &exact).await;
    assert_eq!(reply.errors(), vec![("discount_amount".to_owned(), "too_many_decimals".to_owned())]);
    let form = vendor.update_form(&[("coupon_code", &code), ("product_ids", &ids(101))]).await;
    assert_eq!(form.errors(), vec![("product_ids".to_owned(), "too_many".to_owned())]);
    assert_eq!(api.get(&code).await.result(), &before, "nothing changed");

    let hundred = vendor.update_form(&[("coupon_code", &code), ("product_ids", &ids(100))]).await;
    assert_eq!(hundred.updated(), 1, "{}", hundred.reply.raw);
    assert_eq!(api.get(&code).await.result()["productIds"].as_array().map(Vec::len), Some(100));

    // The API-key group update takes the same fields with the same caps.
    let moved = vendor.update(json!({"coupon_code": code, "new_group": "Spring"})).await;
    assert_eq!(moved.updated(), 1, "{}", moved.reply.raw);
    let before = api.get(&code).await.result().clone();
    let reply =
        api.send(Method::POST, "/group-update", Some(&json!({"group": "Spring", "product_ids": ids(101)}))).await;
    assert_refused(&reply, "product_ids", "too_many");
    let reply =
        api.send(Method::POST, "/group-update", Some(&json!({"group": "Spring", "discount_amount": 1e15}))).await;
    assert_eq!(reply.code(), 1002, "{}", reply.raw);
    assert!(reply.errors().contains(&("discount_amount".to_owned(), "too_large".to_owned())), "{}", reply.raw);
    assert_eq!(api.get(&code).await.result(), &before, "nothing changed");
    server.stop().await;
}

#[tokio::test]
async fn credentials_come_before_any_did_you_mean() {
    let server = TestServer::start().await;
    let api = server.account(Plan::Personal).await;
    let vendor = server.vendor(&api).await;
    let code = api.coupon(json!({})).await;

    // Thousands of misspelt names with wrong credentials: refused for the credentials alone.
    let mut fields: serde_json::Map<String, Value> =
        (0..2000).map(|i| (format!("coupon_cod{i:05}"), json!(1))).collect();
    fields.insert("coupon_code".into(), json!(code));
    fields.insert("vendor_auth_code".into(), json!("0badc0de"));
    let reply = vendor.update(Value::Object(fields.clone())).await;
    assert_eq!(reply.code(), 107, "{}", reply.reply.raw);
    assert_eq!(reply.errors(), Vec::<(String, String)>::new(), "nothing about the fields: {}", reply.reply.raw);
    fields.remove("vendor_auth_code");
    fields.insert("vendor_id".into(), json!("seven"));
    let reply = vendor.update(Value::Object(fields)).await;
    assert_eq!(reply.errors(), vec![("vendor_id".to_owned(), "invalid_type".to_owned())], "{}", reply.reply.raw);

    // With good credentials, a near name gets its suggestion; a name over 64 characters gets none.
    let near = vendor.update(json!({"coupon_code": code, "coupon_cod": 1})).await;
    assert_eq!(near.reply.body["error"]["errors"][0]["params"]["suggestion"], "coupon_code", "{}", near.reply.raw);
    let long = format!("coupon_code{}", "e".repeat(54));
    let far = vendor.update(json!({"coupon_code": code, long.clone(): 1})).await;
    assert_eq!(far.errors(), vec![(long, "unknown_field".to_owned())], "{}", far.reply.raw);
    assert!(far.reply.body["error"]["errors"][0]["params"].get("suggestion").is_none(), "{}", far.reply.raw);
    server.stop().await;
}
