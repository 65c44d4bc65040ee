//! The second vendor's `POST /2.1/product/update_coupon` over HTTP: by code and by group, form and
//! JSON bodies, every rule's vendor code, all or nothing, renames, blanks, credentials.

use coupon_rules::Plan;
use reqwest::Method;
use serde_json::{json, Value};

use crate::support::{Api, TestServer, Vendor};

/// Creates `count` coupons (with `fields` added) in the group `name`, made by a move to it; returns
/// their codes in code order.
async fn group_of(api: &Api, vendor: &Vendor, name: &str, count: usize, fields: Value) -> Vec<String> {
    let first = api.coupon(fields.clone()).await;
    assert_eq!(vendor.update(json!({"coupon_code": first, "new_group": name})).await.updated(), 1);
    let context = api.send(Method::GET, "/context", None).await;
    let groups = context.result()["groups"].as_array().expect("groups").clone();
    let idx = groups.iter().find(|g| g["name"] == name).expect("the group was created")["idx"].clone();
    let mut codes = vec![first];
    for _ in 1..count {
        let mut with_group = fields.clone();
        with_group["grpIdx"] = idx.clone();
        codes.push(api.coupon(with_group).await);
    }
    codes.sort();
    codes
}

/// The admin view of each coupon.
async fn admin_views(api: &Api, codes: &[String]) -> Vec<Value> {
    let mut views = Vec::new();
    for code in codes {
        views.push(api.get(code).await.result().clone());
    }
    views
}

#[tokio::test]
async fn update_by_code_from_a_form_or_json_changes_the_stored_coupon() {
    let server = TestServer::start().await;
    let api = server.account(Plan::Personal).await;
    let vendor = server.vendor(&api).await;
    let today = api.today().await;
    let code = api.coupon(json!({"discTypeIdx": 458, "disc": 5, "discCurrency": "USD"})).await;
    let expires = today.add_days(60).to_string();

    let form = vendor
        .update_form(&[
            ("coupon_code", &code),
            ("expires", &expires),
            ("discount_amount", "7.50"),
            ("currency", "EUR"),
            ("product_ids", "499531,1234"),
            ("allowed_uses", "25"),
            ("recurring", "1"),
        ])
        .await;
    assert_eq!(form.updated(), 1, "{}", form.reply.raw);
    let stored = api.get(&code).await.result().clone();
    assert_eq!(stored["endYmd"], expires);
    assert_eq!((stored["disc"].as_f64(), stored["discCurrency"].as_str()), (Some(7.5), Some("EUR")));
    assert_eq!(stored["productIds"], json!([499531, 1234]));
    assert_eq!((stored["allowedUses"].as_i64(), stored["recurring"].as_bool()), (Some(25), Some(true)));
    assert_eq!(stored["nm"], "Test coupon", "what the request leaves out stays");

    let as_json = vendor.update(json!({"coupon_code": code, "allowed_uses": "3", "recurring": 0})).await;
    assert_eq!(as_json.updated(), 1, "{}", as_json.reply.raw);
    let stored = api.get(&code).await.result().clone();
    assert_eq!((stored["allowedUses"].as_i64(), stored["recurring"].as_bool()), (Some(3), Some(false)));
    assert_eq!(stored["productIds"], json!([499531, 1234]));
    server.stop().await;
}

#[tokio::test]
async fn every_rule_reaches_the_client_with_its_vendor_code() {
    let server = TestServer::start().await;
    let api = server.account(Plan::Personal).await;
    let vendor = server.vendor(&api).await;
    let today = api.today().await;
    let percent = api.coupon(json!({})).await;
    let flat = api.coupon(json!({"discTypeIdx": 458, "disc": 5, "discCurrency": "USD"})).await;
    let taken = api.coupon(json!({})).await;
    let used = api.coupon(json!({"useLimit": 1})).await;
    assert_eq!(api.redeem(json!({"cpnNo": used})).await.code(), 0);
    let beyond = today.add_days(800).to_string();

    // (what is sent, vendor code, the field and rule it names)
    let table: Vec<(Value, i64, &str, &str)> = vec![
        (json!({"vendor_id": null, "coupon_code": percent}), 116, "vendor_id", "required"),
        (json!({"vendor_auth_code": "NOT-HEX", "coupon_code": percent}), 107, "vendor_auth_code", "invalid_pattern"),
        (json!({"vendor_id": 0, "coupon_code": percent}), 107, "vendor_id", "out_of_range"),
        (json!({}), 116, "coupon_code", "one_of_required"),
        (json!({"coupon_code": percent, "group": "Spring"}), 101, "coupon_code", "conflict"),
        (json!({"coupon_code": "ABCD"}), 131, "coupon_code", "too_short"),
        (json!({"coupon_code": percent, "new_coupon_code": "new-code-1"}), 131, "new_coupon_code", "contains_dash"),
        (json!({"coupon_code": percent, "expires": "2027-02-30"}), 122, "expires", "nonexistent_date"),
        (json!({"coupon_code": percent, "expires": "31.12.2027"}), 122, "expires", "invalid_date_format"),
        (json!({"coupon_code": percent, "expires": beyond}), 122, "expires", "date_beyond_limit"),
        (json!({"coupon_code": percent, "currency": "KRW"}), 109, "currency", "invalid_choice"),
        (json!({"coupon_code": flat, "discount_amount": 6}), 109, "currency", "required"),
        (json!({"coupon_code": percent, "discount_amount": 150}), 128, "discount_amount", "out_of_range"),
        (json!({"coupon_code": percent, "discount_amount": 0}), 129, "discount_amount", "not_positive"),
        (
            json!({"coupon_code": flat, "discount_amount": 5.005, "currency": "USD"}),
            129,
            "discount_amount",
            "too_many_decimals",
        ),
        (json!({"coupon_code": percent, "allowed_uses": 0}), 130, "allowed_uses", "out_of_range"),
        (json!({"coupon_code": percent, "allowed_uses": "many"}), 130, "allowed_uses", "invalid_type"),
        (json!({"coupon_code": percent, "product_ids": "12,abc"}), 101, "product_ids", "invalid_product_ids"),
        (json!({"coupon_code": percent, "recurring": 2}), 101, "recurring", "invalid_choice"),
        (json!({"coupon_code": percent, "new_group": "g".repeat(51)}), 101, "new_group", "too_long"),
        (json!({"coupon_code": percent, "cuopon_code": "x"}), 101, "cuopon_code", "unknown_field"),
        (json!({"coupon_code": used, "expires": ""}), 1006, "expires", "locked_after_use"),
    ];
    for (fields, code, field, rule) in table {
        let reply = vendor.update(fields.clone()).await;
        assert_eq!(reply.code(), code, "{fields}: {}", reply.reply.raw);
        assert!(reply.errors().contains(&(field.into(), rule.into())), "{fields}: {}", reply.reply.raw);
        assert!(!reply.message().is_empty());
    }

    let missing = vendor.update(json!({"coupon_code": "NOSUCHCODE01"})).await;
    assert_eq!((missing.code(), missing.errors()), (1005, vec![]));
    assert_eq!(vendor.update(json!({"group": "No such group"})).await.code(), 1005);
    let rename = vendor.update(json!({"coupon_code": percent, "new_coupon_code": taken})).await;
    assert_eq!(rename.code(), 132, "{}", rename.reply.raw);
    let locked = vendor.update(json!({"coupon_code": used, "discount_amount": 50})).await;
    assert_eq!((locked.code(), locked.coupon_code()), (1006, Some(used.as_str())));

    let unchanged = api.get(&percent).await.result().clone();
    assert_eq!((unchanged["disc"].as_f64(), unchanged["cpnNo"].as_str()), (Some(10.0), Some(percent.as_str())));
    server.stop().await;
}

#[tokio::test]
async fn a_group_of_100_coupons_is_updated_in_one_call() {
    let server = TestServer::start().await;
    let api = server.account(Plan::Personal).await;
    let vendor = server.vendor(&api).await;
    let codes = group_of(&api, &vendor, "Autumn sale", 100, json!({})).await;
    let outside = api.coupon(json!({})).await;
    let expires = api.today().await.add_days(45).to_string();

    let reply = vendor
        .update_form(&[
            ("group", "Autumn sale"),
            ("expires", &expires),
            ("discount_amount", "30"),
            ("product_ids", "7"),
        ])
        .await;
    assert_eq!(reply.updated(), 100, "{}", reply.reply.raw);
    for code in [&codes[0], &codes[57], &codes[99]] {
        let coupon = server.public(code).await;
        assert_eq!(
            (coupon.result()["endYmd"].as_str(), coupon.result()["disc"].as_f64()),
            (Some(&*expires), Some(30.0))
        );
        assert_eq!(api.get(code).await.result()["productIds"], json!([7]));
    }
    assert_eq!(api.get(&outside).await.result()["disc"], 10.0, "a coupon outside the group is untouched");
    server.stop().await;
}

#[tokio::test]
async fn a_group_with_a_used_coupon_changes_not_at_all_and_the_answer_names_it() {
    let server = TestServer::start().await;
    let api = server.account(Plan::Personal).await;
    let vendor = server.vendor(&api).await;
    let codes = group_of(&api, &vendor, "Winter", 6, json!({"useLimit": 1})).await;
    assert_eq!(api.redeem(json!({"cpnNo": codes[4]})).await.code(), 0);
    assert_eq!(api.redeem(json!({"cpnNo": codes[2]})).await.code(), 0);
    let before = admin_views(&api, &codes).await;

    let expires = api.today().await.add_days(90).to_string();
    let reply = vendor.update(json!({"group": "Winter", "expires": expires, "allowed_uses": 4})).await;
    assert_eq!(reply.code(), 1006, "{}", reply.reply.raw);
    assert_eq!(reply.coupon_code(), Some(codes[2].as_str()), "the first used coupon, by code");
    assert!(reply.message().contains(&codes[2]), "{}", reply.message());
    let fields: Vec<String> = reply.errors().into_iter().map(|(field, _)| field).collect();
    assert_eq!(fields, ["expires", "allowed_uses"]);

    let after = admin_views(&api, &codes).await;
    assert_eq!(before, after, "nothing changed, not even the unused coupons");
    // What a used coupon allows (its values resent unchanged) goes through for the whole group.
    let same = before[0]["endYmd"].as_str().unwrap().to_owned();
    assert_eq!(vendor.update(json!({"group": "Winter", "expires": same})).await.updated(), 6);
    server.stop().await;
}

#[tokio::test]
async fn a_renamed_coupon_keeps_its_uses_and_its_page_moves_to_the_new_code() {
    let server = TestServer::start().await;
    let api = server.account(Plan::Personal).await;
    let vendor = server.vendor(&api).await;
    let code = api.coupon(json!({"useLimit": 3, "userId": "member-1", "onsiteYn": "Y"})).await;
    let other = api.coupon(json!({})).await;
    assert_eq!(server.use_coupon(&code, json!({})).await.code(), 0);
    assert_eq!(server.public(&code).await.code(), 0, "the old page is cached before the rename");

    let renamed = vendor.update(json!({"coupon_code": code, "new_coupon_code": "RENAMED2026A"})).await;
    assert_eq!(renamed.updated(), 1, "a used coupon can be renamed: {}", renamed.reply.raw);
    let page = server.public("RENAMED2026A").await;
    assert_eq!(page.code(), 0);
    assert_eq!((page.result()["useCnt"].as_i64(), page.result()["usesLeft"].as_i64()), (Some(1), Some(2)));
    assert!(page.result()["lastUsedAt"].is_string());
    assert_eq!(server.public(&code).await.code(), 1005, "the old code is gone");
    assert_eq!(api.get(&code).await.code(), 1005);
    let second = server.use_coupon("RENAMED2026A", json!({})).await;
    assert_eq!((second.code(), second.result()["useCnt"].as_i64()), (0, Some(2)));

    let taken = vendor.update(json!({"coupon_code": "RENAMED2026A", "new_coupon_code": other})).await;
    assert_eq!(taken.code(), 132);
    assert_eq!(api.get("RENAMED2026A").await.result()["useCnt"], 2, "the refused rename changed nothing");
    server.stop().await;
}

#[tokio::test]
async fn blank_product_ids_and_expires_remove_them() {
    let server = TestServer::start().await;
    let api = server.account(Plan::Personal).await;
    let vendor = server.vendor(&api).await;
    let code = api.coupon(json!({})).await;
    assert_eq!(vendor.update_form(&[("coupon_code", &code), ("product_ids", "5, 6")]).await.updated(), 1);
    assert_eq!(api.get(&code).await.result()["productIds"], json!([5, 6]));

    assert_eq!(vendor.update_form(&[("coupon_code", &code), ("product_ids", "")]).await.updated(), 1);
    assert_eq!(api.get(&code).await.result()["productIds"], json!([]));
    assert_eq!(vendor.update(json!({"coupon_code": code, "expires": ""})).await.updated(), 1);
    assert_eq!(api.get(&code).await.result()["endYmd"], Value::Null);
    let page = server.public(&code).await;
    assert_eq!((page.result()["endYmd"].clone(), page.result()["status"].as_str()), (Value::Null, Some("active")));
    server.stop().await;
}

#[tokio::test]
async fn new_group_moves_coupons_to_the_group_of_that_name_creating_it_when_needed() {
    let server = TestServer::start_with_demo().await;
    let api = server.demo_api();
    let vendor = server.demo_vendor();
    let moved = vendor.update(json!({"group": "Spring sale", "new_group": "VIP"})).await;
    assert_eq!(moved.updated(), 3, "{}", moved.reply.raw);
    let page = server.public("DEMOSPRING000001").await;
    assert_eq!(page.result()["color"], "#FFD700FF", "the page shows the VIP group's colours at once");

    assert_eq!(vendor.update(json!({"coupon_code": "DEMOSPRING000002", "new_group": "Summer"})).await.updated(), 1);
    let context = api.send(Method::GET, "/context", None).await;
    let summer = context.result()["groups"].as_array().unwrap().iter().find(|g| g["name"] == "Summer").cloned();
    let summer = summer.expect("the group was created");
    assert_eq!((summer["color"].as_str(), summer["url"].as_str()), (Some(""), Some("")), "with no overrides");
    assert_eq!(api.get("DEMOSPRING000002").await.result()["grpIdx"], summer["idx"]);
    assert_eq!(vendor.update(json!({"group": "Summer", "discount_amount": 12})).await.updated(), 1);
    server.stop().await;
}

#[tokio::test]
async fn unreadable_bodies_and_other_methods_are_bad_method_calls_in_the_requested_language() {
    let server = TestServer::start().await;
    let api = server.account(Plan::Personal).await;
    let vendor = server.vendor(&api).await;
    for (content_type, body) in
        [("text/plain", "vendor_id=1"), ("application/json", "[1,2]"), ("application/json", "{\"vendor_id\":")]
    {
        let reply = vendor.raw(content_type, body).await;
        assert_eq!((reply.code(), reply.errors()), (101, vec![]), "{content_type} {body}: {}", reply.reply.raw);
    }
    let too_large = vendor.raw("application/x-www-form-urlencoded", &format!("group={}", "g".repeat(70_000))).await;
    assert_eq!(too_large.code(), 101);
    assert!(too_large.message().contains("64 KiB"), "{}", too_large.message());

    let get = server.send(Method::GET, "/2.1/product/update_coupon", None).await;
    assert_eq!(
        (get.status, get.body["success"].as_bool(), get.body["error"]["code"].as_i64()),
        (200, Some(false), Some(101))
    );

    let korean = vendor
        .http
        .post(format!("{}/2.1/product/update_coupon", vendor.base))
        .header("Accept-Language", "ko-KR,ko;q=0.9")
        .header("Content-Type", "application/x-www-form-urlencoded")
        .body(format!(
            "vendor_id={}&vendor_auth_code={}&coupon_code=ABCDEFGH&expires=2027-13-01",
            vendor.vendor_id, vendor.auth_code
        ))
        .send()
        .await
        .expect("answered");
    let korean: Value = korean.json().await.expect("JSON");
    assert_eq!(korean["error"]["code"], 122);
    let hangul = |text: &Value| text.as_str().unwrap_or("").chars().any(|c| ('가'..='힣').contains(&c));
    assert!(hangul(&korean["error"]["message"]) && hangul(&korean["error"]["errors"][0]["message"]), "{korean}");
    server.stop().await;
}

#[tokio::test]
async fn the_cli_makes_vendor_credentials_that_work_at_once() {
    let server = TestServer::start().await;
    let api = server.account(Plan::Personal).await;
    let code = api.coupon(json!({})).await;
    let cli = |args: Vec<String>| async move {
        tokio::process::Command::new(env!("CARGO_BIN_EXE_coupon-server")).args(args).output().await.expect("runs")
    };
    let db = server.db.arg();
    let account = api.account_id.to_string();
    let args = |extra: &[&str]| {
        let mut args: Vec<String> =
            ["create-vendor-credentials", "--db", &db, "--account", &account].map(String::from).to_vec();
        args.extend(extra.iter().map(|a| a.to_string()));
        args
    };
    let made = cli(args(&["--vendor-id", "7001"])).await;
    assert!(made.status.success(), "{}", String::from_utf8_lossy(&made.stderr));
    let printed = String::from_utf8(made.stdout).expect("text");
    let words: Vec<&str> = printed.split_whitespace().collect();
    let after = |label: &str| words[words.iter().position(|w| *w == label).expect(label) + 1].to_owned();
    let vendor = Vendor {
        base: server.base.clone(),
        http: server.http.clone(),
        vendor_id: after("vendor_id").parse().unwrap(),
        auth_code: after("vendor_auth_code"),
    };
    assert_eq!(vendor.vendor_id, 7001);
    assert_eq!(vendor.update(json!({"coupon_code": code, "allowed_uses": 9})).await.updated(), 1);

    let taken = cli(args(&["--vendor-id", "7001"])).await;
    assert!(!taken.status.success());
    assert!(String::from_utf8_lossy(&taken.stderr).contains("7001 is taken"));
    let next = cli(args(&[])).await;
    assert!(next.status.success() && String::from_utf8_lossy(&next.stdout).contains("vendor_id 7002"));
    server.stop().await;
}

#[tokio::test]
async fn a_use_between_the_check_and_the_write_sends_the_change_back_to_be_checked() {
    use coupon_rules::paddle::PaddleRequest;
    use coupon_server::store::bulk::{BulkOutcome, BulkUpdate, Selection};
    use coupon_server::store::uses::{Channel, NewUse, UseOutcome};

    let server = TestServer::start().await;
    let api = server.account(Plan::Personal).await;
    let code = api.coupon(json!({"useLimit": 2, "userId": "u"})).await;
    let store = server.db.store().await;
    let checked = store.coupon(api.account_id, &code).await.unwrap().expect("the coupon");
    let request = PaddleRequest::from_pairs([("coupon_code", code.as_str()), ("expires", "")]);
    let update = BulkUpdate {
        account_id: api.account_id,
        selection: Selection::Coupon(checked.id),
        expected: vec![(checked.id, checked.expected())],
        codes: vec![code.clone()],
        changes: request.changes(),
        events: Vec::new(),
        actor: coupon_server::store::audits::Actor::Cli,
        audits: Vec::new(),
    };
    // A use lands after the rules passed the unused coupon, before the change is written.
    let new = NewUse {
        coupon_id: checked.id,
        expected_version: checked.version,
        channel: Channel::Api,
        user_id: String::new(),
        memo: String::new(),
        idempotency_key: None,
        request_digest: None,
        event: None,
        undo_token_digest: None,
    };
    assert!(matches!(store.use_coupon(&code, new).await.unwrap(), UseOutcome::Applied(_)));
    assert_eq!(store.bulk_update(update).await.unwrap(), BulkOutcome::Stale);
    store.close().await;

    let stored = api.get(&code).await;
    assert_eq!(stored.result()["useCnt"], 1);
    assert!(stored.result()["endYmd"].is_string(), "the expiry was not removed: {}", stored.raw);
    let vendor = server.vendor(&api).await;
    let again = vendor.update(json!({"coupon_code": code, "expires": ""})).await;
    assert_eq!(again.code(), 1006, "checked again, the used coupon is locked");
    server.stop().await;
}
