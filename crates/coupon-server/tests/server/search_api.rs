//! `GET /api/coupon/v1/search`: code, name and user id matches, statuses, groups, sorts, pages,
//! the account's own coupons only, and every wrong parameter named.

use coupon_rules::Plan;
use reqwest::Method;
use serde_json::{json, Value};

use crate::support::{Api, Reply, TestServer};

async fn search(api: &Api, query: &str) -> Reply {
    api.send(Method::GET, &format!("/search{query}"), None).await
}

fn codes(reply: &Reply) -> Vec<String> {
    assert_eq!(reply.code(), 0, "{}", reply.raw);
    let coupons = reply.result()["coupons"].as_array().expect("coupons");
    coupons.iter().map(|c| c["cpnNo"].as_str().expect("a code").to_owned()).collect()
}

#[tokio::test]
async fn text_matches_a_code_prefix_a_name_part_or_a_user_id_of_this_account_only() {
    let server = TestServer::start().await;
    let api = server.account(Plan::Personal).await;
    let other = server.account(Plan::Personal).await;
    api.coupon(json!({"cpnNo": "ABCD1234EFGH", "nm": "Winter boots"})).await;
    api.coupon(json!({"cpnNo": "ABCE99990000", "nm": "Spring 50%_OFF sale", "userId": "kim"})).await;
    api.coupon(json!({"cpnNo": "ZZZZ00001111", "nm": "봄 세일", "userId": "kimberly"})).await;
    other.coupon(json!({"cpnNo": "ABCD00000000", "nm": "Winter boots elsewhere", "userId": "kim"})).await;

    assert_eq!(codes(&search(&api, "?q=abcd-12").await), ["ABCD1234EFGH"], "a code with dashes, any case");
    assert_eq!(codes(&search(&api, "?q=ABC").await), ["ABCD1234EFGH", "ABCE99990000"], "a prefix");
    assert_eq!(codes(&search(&api, "?q=BCD").await), Vec::<String>::new(), "a code matches from its start");
    assert_eq!(codes(&search(&api, "?q=WINTER").await), ["ABCD1234EFGH"], "a name part, any case");
    assert_eq!(codes(&search(&api, "?q=50%25_off").await), ["ABCE99990000"], "% and _ are literal");
    assert_eq!(codes(&search(&api, "?q=50%25").await), ["ABCE99990000"]);
    assert_eq!(codes(&search(&api, "?q=_").await), ["ABCE99990000"]);
    assert_eq!(codes(&search(&api, "?q=%EC%84%B8%EC%9D%BC").await), ["ZZZZ00001111"], "Korean names");
    assert_eq!(codes(&search(&api, "?q=kim").await), ["ABCE99990000"], "a user id exactly");
    assert_eq!(codes(&search(&api, "").await).len(), 3, "no text: every coupon of the account");
    assert_eq!(codes(&search(&other, "?q=winter").await), ["ABCD00000000"]);

    let reply = search(&api, "?q=ABCD1234EFGH").await;
    let hit = &reply.result()["coupons"][0];
    assert_eq!((hit["nm"].as_str(), hit["status"].as_str()), (Some("Winter boots"), Some("active")));
    assert_eq!((hit["useCnt"].as_i64(), hit["totalLimit"].as_i64()), (Some(0), Some(0)));
}

#[tokio::test]
async fn statuses_are_the_rules_statuses_today_and_groups_filter() {
    let server = TestServer::start_with_demo().await;
    let api = server.demo_api();
    let all = search(&api, "?limit=200").await;
    let every: Vec<(String, String)> = all.result()["coupons"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| (c["cpnNo"].as_str().unwrap().to_owned(), c["status"].as_str().unwrap().to_owned()))
        .collect();
    assert!(every.len() >= 8, "{every:?}");
    let mut seen = 0;
    for status in ["active", "scheduled", "expired", "used_up"] {
        let found = codes(&search(&api, &format!("?status={status}&limit=200")).await);
        let expected: Vec<String> = every.iter().filter(|(_, s)| s == status).map(|(c, _)| c.clone()).collect();
        assert_eq!(found, expected, "{status}");
        assert!(!found.is_empty(), "the demo has a {status} coupon");
        seen += found.len();
    }
    assert_eq!(seen, every.len(), "every coupon has exactly one status");
    assert!(codes(&search(&api, "?status=expired").await).contains(&"DEMOEXPIRED00001".to_owned()));
    assert!(codes(&search(&api, "?status=scheduled").await).contains(&"DEMOSCHEDULED001".to_owned()));
    assert!(codes(&search(&api, "?status=used_up").await).contains(&"DEMOUSED00000001".to_owned()));
    assert_eq!(codes(&search(&api, "?grpIdx=1").await), ["DEMOGROUP0000001"]);
    assert_eq!(codes(&search(&api, "?grpIdx=1&status=expired").await), Vec::<String>::new());
}

#[tokio::test]
async fn every_sort_pages_through_all_coupons_once_in_order() {
    let server = TestServer::start().await;
    let api = server.account(Plan::Personal).await;
    let today = api.today().await;
    let mut made = Vec::new();
    for i in 0..7_i64 {
        // Names and end dates repeat (ties broken by code).
        let end = json!(today.add_days(10 + (i % 2)).to_string());
        let code =
            api.coupon(json!({"nm": format!("Coupon {}", ["b", "A", "c"][i as usize % 3]), "endYmd": end})).await;
        made.push(code);
    }
    api.redeem(json!({"cpnNo": made[2]})).await;
    for sort in ["code", "-code", "name", "-name", "endYmd", "-endYmd", "lastUsedAt", "-lastUsedAt", "createdAt"] {
        let (mut paged, mut after) = (Vec::new(), String::new());
        loop {
            let page = search(&api, &format!("?sort={sort}&limit=2{after}")).await;
            paged.extend(codes(&page));
            match page.result()["next"].as_str() {
                Some(next) => after = format!("&after={next}"),
                None => break,
            }
        }
        let whole = codes(&search(&api, &format!("?sort={sort}&limit=200")).await);
        assert_eq!(paged, whole, "{sort}: pages make up the whole list");
        let mut sorted = whole.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(sorted.len(), 7, "{sort}: each coupon once");
        let all = search(&api, &format!("?sort={sort}&limit=200")).await;
        let rows = all.result()["coupons"].as_array().unwrap().clone();
        let key = |c: &Value| -> (String, String) {
            let value = match sort.trim_start_matches('-') {
                "name" => c["nm"].as_str().unwrap().to_lowercase(),
                "endYmd" => c["endYmd"].as_str().unwrap_or("9999-12-31").to_owned(),
                "lastUsedAt" => c["lastUsedAt"].as_str().unwrap_or("").to_owned(),
                _ => String::new(),
            };
            (value, c["cpnNo"].as_str().unwrap().to_owned())
        };
        if sort != "createdAt" {
            let keys: Vec<_> = rows.iter().map(key).collect();
            let mut expected = keys.clone();
            expected.sort();
            if sort.starts_with('-') {
                expected.reverse();
            }
            assert_eq!(keys, expected, "{sort}");
        }
    }
    let last_used = codes(&search(&api, "?sort=-lastUsedAt&limit=1").await);
    assert_eq!(last_used, [made[2].clone()], "the last used coupon first");
}

#[tokio::test]
async fn wrong_parameters_are_each_named_and_the_plan_and_key_are_checked() {
    let server = TestServer::start().await;
    let api = server.account(Plan::Personal).await;
    let long = "x".repeat(101);
    let refused = search(&api, &format!("?q={long}&status=gone&grpIdx=-1&sort=price&limit=201&after=zz")).await;
    assert_eq!((refused.status, refused.code()), (422, 1002), "{}", refused.raw);
    let mut errors = refused.errors();
    errors.sort();
    let expected = [
        ("after", "invalid_pattern"),
        ("grpIdx", "out_of_range"),
        ("limit", "out_of_range"),
        ("q", "too_long"),
        ("sort", "invalid_choice"),
        ("status", "invalid_choice"),
    ];
    assert_eq!(errors, expected.map(|(f, c)| (f.to_owned(), c.to_owned())));
    for (query, field, code) in [("?limit=0", "limit", "out_of_range"), ("?limit=x", "limit", "invalid_type")] {
        assert_eq!(search(&api, query).await.errors(), vec![(field.to_owned(), code.to_owned())]);
    }
    assert_eq!(codes(&search(&api, "?limit=200").await), Vec::<String>::new(), "200 is allowed; nothing yet");

    let free = server.account(Plan::Free).await;
    assert_eq!(search(&free, "").await.code(), 1004);
    let stranger = Api { key: "ck_unknown".into(), ..api.clone() };
    assert_eq!(search(&stranger, "").await.code(), 1003);
}
