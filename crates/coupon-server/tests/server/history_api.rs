//! `GET /api/coupon/v1/history`: the creation and every edit audited with who and what (the password only as
//! changed), one row per coupon of a group update, uses merged in, newest first, in pages.

use coupon_rules::Plan;
use reqwest::Method;
use serde_json::{json, Value};

use crate::support::{Api, Reply, TestServer};

async fn history(api: &Api, query: &str) -> Reply {
    api.send(Method::GET, &format!("/history{query}"), None).await
}

fn entries(reply: &Reply) -> Vec<Value> {
    assert_eq!(reply.code(), 0, "{}", reply.raw);
    reply.result()["entries"].as_array().expect("entries").clone()
}

fn change<'a>(entry: &'a Value, field: &str) -> &'a Value {
    let changes = entry["changes"].as_array().expect("changes");
    changes.iter().find(|c| c["field"] == field).unwrap_or_else(|| panic!("no {field} in {entry}"))
}

#[tokio::test]
async fn edits_by_key_and_vendor_and_uses_are_one_timeline_newest_first() {
    let server = TestServer::start().await;
    let api = server.account(Plan::Premium).await;
    let vendor = server.vendor(&api).await;
    let code = api.coupon(json!({"nm": "Before", "memo": "m1"})).await;
    let edited = api.update(json!({"cpnNo": code, "nm": "After", "memo": "m2", "onsitePwd": "pw-secret-9"})).await;
    assert_eq!(edited.code(), 0, "{}", edited.raw);
    assert_eq!(api.update(json!({"cpnNo": code, "nm": "After"})).await.code(), 0, "a change to nothing");
    let moved = vendor.update(json!({"coupon_code": code, "discount_amount": 15})).await;
    assert_eq!(moved.updated(), 1);
    assert_eq!(api.redeem(json!({"cpnNo": code, "userId": "staff-1", "memo": "till 2"})).await.code(), 0);

    let reply = history(&api, &format!("?cpnNo={code}")).await;
    assert!(!reply.raw.contains("pw-secret-9") && !reply.raw.contains("argon2"), "{}", reply.raw);
    let all = entries(&reply);
    let kinds: Vec<&str> = all.iter().map(|e| e["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds, ["use", "edit", "edit", "edit"], "no row for the edit that changed nothing: {all:?}");
    let created = &all[3];
    assert_eq!(created["by"], json!({"kind": "api_key", "name": "Test key"}));
    assert_eq!(change(created, "cpnNo"), &json!({"field": "cpnNo", "old": null, "new": code}), "the creation");
    assert_eq!(change(created, "nm")["new"], "Before");
    assert_eq!((all[0]["useNo"].as_i64(), all[0]["channel"].as_str()), (Some(1), Some("api")));
    assert_eq!((all[0]["userId"].as_str(), all[0]["memo"].as_str()), (Some("staff-1"), Some("till 2")));

    let by_vendor = &all[1];
    assert_eq!(by_vendor["by"], json!({"kind": "vendor", "name": vendor.vendor_id.to_string()}));
    assert_eq!(
        (change(by_vendor, "disc")["old"].as_f64(), change(by_vendor, "disc")["new"].as_f64()),
        (Some(10.0), Some(15.0))
    );

    let by_key = &all[2];
    assert_eq!(by_key["by"], json!({"kind": "api_key", "name": "Test key"}));
    assert_eq!(
        (change(by_key, "nm")["old"].as_str(), change(by_key, "nm")["new"].as_str()),
        (Some("Before"), Some("After"))
    );
    assert_eq!(
        (change(by_key, "memo")["old"].as_str(), change(by_key, "memo")["new"].as_str()),
        (Some("m1"), Some("m2"))
    );
    assert_eq!(change(by_key, "onsitePwd"), &json!({"field": "onsitePwd", "changed": true}));
    assert_eq!(by_key["changes"].as_array().unwrap().len(), 3, "nm, memo, onsitePwd only: {by_key}");

    // Pages of one entry make up the same timeline.
    let (mut paged, mut after) = (Vec::new(), String::new());
    loop {
        let page = history(&api, &format!("?cpnNo={code}&limit=1{after}")).await;
        paged.extend(entries(&page));
        match page.result()["next"].as_str() {
            Some(next) => after = format!("&after={next}"),
            None => break,
        }
    }
    assert_eq!(paged, all);

    let other = server.account(Plan::Premium).await;
    assert_eq!(history(&other, &format!("?cpnNo={code}")).await.code(), 1005, "another account's coupon");
    let refused = history(&api, "?limit=0&after=x").await;
    let mut errors = refused.errors();
    errors.sort();
    let expected = [("after", "invalid_pattern"), ("cpnNo", "required"), ("limit", "out_of_range")];
    assert_eq!(errors, expected.map(|(f, c)| (f.to_owned(), c.to_owned())));
}

#[tokio::test]
async fn a_group_update_writes_one_row_per_coupon_it_changed() {
    let server = TestServer::start_with_demo().await;
    let api = server.demo_api();
    let reply =
        api.send(Method::POST, "/group-update", Some(&json!({"group": "Spring sale", "discount_amount": 33}))).await;
    assert_eq!(reply.code(), 0, "{}", reply.raw);
    for code in ["DEMOSPRING000001", "DEMOSPRING000002", "DEMOSPRING000003"] {
        let edits: Vec<Value> = entries(&history(&api, &format!("?cpnNo={code}")).await)
            .into_iter()
            .filter(|e| e["kind"] == "edit")
            .collect();
        assert_eq!(edits.len(), 1, "{code}: {edits:?}");
        assert_eq!(edits[0]["by"], json!({"kind": "api_key", "name": "Demo key"}));
        assert_eq!(change(&edits[0], "disc")["new"].as_f64(), Some(33.0));
        assert_eq!(edits[0]["changes"].as_array().unwrap().len(), 1, "{}", edits[0]);
    }
    let outside = entries(&history(&api, "?cpnNo=DEMOACTIVE000001").await);
    assert!(outside.iter().all(|e| e["kind"] != "edit"), "a coupon outside the group has no edit: {outside:?}");
}
