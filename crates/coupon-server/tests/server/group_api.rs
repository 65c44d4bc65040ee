//! The admin's group endpoints over HTTP: `GET /list?grpIdx=` and `POST /group-update` (API key,
//! the second dialect's change fields), all or nothing, refusals naming the coupon at fault.

use coupon_rules::Plan;
use reqwest::Method;
use serde_json::{json, Value};

use crate::support::{Api, Reply, TestServer};

const SPRING: [&str; 3] = ["DEMOSPRING000001", "DEMOSPRING000002", "DEMOSPRING000003"];

async fn group_update(api: &Api, body: Value) -> Reply {
    api.send(Method::POST, "/group-update", Some(&body)).await
}

async fn list(api: &Api, query: &str) -> Reply {
    api.send(Method::GET, &format!("/list{query}"), None).await
}

fn codes(reply: &Reply) -> Vec<String> {
    let coupons = reply.result()["coupons"].as_array().unwrap_or_else(|| panic!("no list: {}", reply.raw));
    coupons.iter().map(|c| c["cpnNo"].as_str().unwrap_or("").to_owned()).collect()
}

#[tokio::test]
async fn list_gives_the_admin_view_of_a_groups_coupons_by_code() {
    let server = TestServer::start_with_demo().await;
    let api = server.demo_api();
    let spring = list(&api, "?grpIdx=2").await;
    assert_eq!(spring.code(), 0, "{}", spring.raw);
    assert_eq!(codes(&spring), SPRING);
    let first = &spring.result()["coupons"][0];
    assert_eq!((first["disc"].as_f64(), first["hasOnsitePwd"].as_bool()), (Some(10.0), Some(true)));
    assert_eq!((first["productIds"].clone(), first["allowedUses"].clone()), (json!([]), Value::Null));
    assert!(!spring.raw.contains("argon2"), "no password hash in the list");
    assert_eq!(codes(&list(&api, "?grpIdx=1").await), ["DEMOGROUP0000001"]);
    assert!(codes(&list(&api, "?grpIdx=0").await).contains(&"DEMOACTIVE000001".to_owned()));

    for (query, field_code) in [("", "required"), ("?grpIdx=abc", "invalid_type"), ("?grpIdx=-1", "out_of_range")] {
        let refused = list(&api, query).await;
        assert_eq!((refused.code(), refused.errors()), (1002, vec![("grpIdx".into(), field_code.into())]), "{query}");
    }
    let unknown = list(&api, "?grpIdx=9").await;
    assert_eq!(unknown.errors(), vec![("grpIdx".to_owned(), "unknown_group".to_owned())]);
    server.stop().await;
}

#[tokio::test]
async fn list_comes_a_page_at_a_time_with_the_cursor_of_the_next() {
    let server = TestServer::start().await;
    let api = server.account(coupon_rules::Plan::Personal).await;
    let mut made = Vec::new();
    for _ in 0..7 {
        made.push(api.coupon(json!({})).await);
    }
    made.sort();
    let (mut seen, mut query) = (Vec::new(), "?grpIdx=0&limit=3".to_owned());
    loop {
        let page = list(&api, &query).await;
        assert_eq!(page.code(), 0, "{}", page.raw);
        let codes = codes(&page);
        assert!(codes.len() <= 3, "{}", page.raw);
        seen.extend(codes);
        match page.result()["next"].as_str() {
            Some(next) => query = format!("?grpIdx=0&limit=3&after={next}"),
            None => break,
        }
    }
    assert_eq!(seen, made, "every coupon once, by code");
    let default = list(&api, "?grpIdx=0").await;
    assert_eq!((codes(&default).len(), &default.result()["next"]), (7, &Value::Null), "100 by default");
    for (query, field_code) in [
        ("?grpIdx=0&limit=0", "out_of_range"),
        ("?grpIdx=0&limit=501", "out_of_range"),
        ("?grpIdx=0&limit=x", "invalid_type"),
    ] {
        let refused = list(&api, query).await;
        assert_eq!((refused.code(), refused.errors()), (1002, vec![("limit".into(), field_code.into())]), "{query}");
    }
    server.stop().await;
}

#[tokio::test]
async fn group_update_changes_every_coupon_of_the_group_or_none_and_names_the_one_at_fault() {
    let server = TestServer::start_with_demo().await;
    let api = server.demo_api();
    let today = api.today().await;
    let done = group_update(
        &api,
        json!({"group": "Spring sale", "discount_amount": 25, "product_ids": "11,12",
                                         "allowed_uses": 50, "recurring": 1}),
    )
    .await;
    assert_eq!((done.code(), done.result()["updated"].as_u64()), (0, Some(3)), "{}", done.raw);
    let listed = list(&api, "?grpIdx=2").await;
    for coupon in listed.result()["coupons"].as_array().unwrap() {
        assert_eq!((coupon["disc"].as_f64(), coupon["allowedUses"].as_i64()), (Some(25.0), Some(50)));
        assert_eq!((coupon["productIds"].clone(), coupon["recurring"].clone()), (json!([11, 12]), json!(true)));
    }

    // A rule broken by one coupon's own state: 1002 naming it (the first by code), nothing changed.
    let too_much = group_update(&api, json!({"group": "Spring sale", "discount_amount": 150})).await;
    assert_eq!((too_much.status, too_much.code()), (422, 1002), "{}", too_much.raw);
    assert_eq!(too_much.result()["cpnNo"], SPRING[0]);
    assert_eq!(too_much.errors(), vec![("discount_amount".to_owned(), "out_of_range".to_owned())]);
    assert!(too_much.message().contains(SPRING[0]), "{}", too_much.message());

    // One coupon used: 1006 naming it, and not one coupon changed.
    assert_eq!(api.redeem(json!({"cpnNo": SPRING[1], "onsitePwd": "1234"})).await.code(), 0);
    let before = list(&api, "?grpIdx=2").await.result().clone();
    let expires = today.add_days(90).to_string();
    let locked = group_update(&api, json!({"group": "Spring sale", "expires": expires, "discount_amount": 30})).await;
    assert_eq!((locked.status, locked.code()), (409, 1006), "{}", locked.raw);
    assert_eq!(locked.result()["cpnNo"], SPRING[1]);
    assert!(locked.errors().iter().all(|(_, code)| code == "locked_after_use"), "{}", locked.raw);
    assert_eq!(list(&api, "?grpIdx=2").await.result(), &before, "all or nothing");
    assert_eq!(server.public(SPRING[0]).await.result()["disc"], 25.0);
    server.stop().await;
}

#[tokio::test]
async fn group_update_takes_only_its_own_fields_and_a_group_of_this_account() {
    let server = TestServer::start_with_demo().await;
    let api = server.demo_api();
    let foreign = group_update(
        &api,
        json!({"group": "Spring sale", "vendor_id": 4242, "coupon_code": SPRING[0],
                                            "new_coupon_code": "RENAMED0001", "expires": "2027-02-30"}),
    )
    .await;
    assert_eq!(foreign.code(), 1002, "{}", foreign.raw);
    assert_eq!(
        foreign.errors(),
        [
            ("coupon_code", "unknown_field"),
            ("new_coupon_code", "unknown_field"),
            ("vendor_id", "unknown_field"),
            ("expires", "nonexistent_date")
        ]
        .map(|(f, c)| (f.to_owned(), c.to_owned()))
        .to_vec()
    );
    assert!(foreign.result().get("cpnNo").is_none(), "a request-level refusal names no coupon");
    assert_eq!(
        group_update(&api, json!({"expires": "2027-01-01"})).await.errors()[0],
        ("group".into(), "required".into())
    );
    let wrong_type = group_update(&api, json!({"group": "Spring sale", "allowed_uses": [3]})).await;
    assert_eq!((wrong_type.status, wrong_type.code()), (400, 1001));
    let missing = group_update(&api, json!({"group": "Autumn", "discount_amount": 5})).await;
    assert_eq!((missing.status, missing.code()), (404, 1005));

    let stranger = server.account(Plan::Enterprise).await;
    let elsewhere = group_update(&stranger, json!({"group": "Spring sale", "discount_amount": 5})).await;
    assert_eq!(elsewhere.code(), 1005, "another account's group does not exist for this one");
    assert_eq!(list(&stranger, "?grpIdx=2").await.code(), 1002);
    assert_eq!(list(&api, "?grpIdx=2").await.result()["coupons"][0]["disc"], 10.0);
    server.stop().await;
}
