#![cfg(not(target_arch = "wasm32"))]
//! The vendor documents' own example requests (../shared/seeds/000_… and 001_…, copied verbatim).

mod common;

use common::*;
use coupon_rules::{validate, Context, Coupon, Currency, DiscountType, Lang, Mode, Ymd};
use serde_json::json;

/// The update example of the first document.
const UPDATE_EXAMPLE: &str = r#"{
    "cpnNo": "ZJLF0399WQBEQZJM",
    "nm": "$10 discount coupon",
    "disc": 10,
    "endYmd": "2025-12-31"
}"#;

/// The request example of the second document, with its comment (the documents show JSON with `//`).
const CREATE_EXAMPLE: &str = r#"{
	"cpnNo": "",  // You can specify a coupon code manually. If left empty, a 16-character code will be generated automatically by the system.
	"grpIdx": 271,
	"tmplIdx": 0,
	"nm": "$5 discount coupon",
	"discTypeIdx": 458,
	"disc": 5,
	"strtYmd": "2025-01-01",
	"endYmd": "2025-12-31",
	"onsiteYn": "Y",
	"onsitePwd": "123456",
	"memo": "New Member Registration, IP: 211.111.222.33",
	"url": "https://bestshop.com",
	"useLimit": 1,
	"userId": "att78z",
	"userNm": "Brown Smith",
	"userPhnno": "+1 123-4567-8900",
	"userEml": "",
	"userEtc1": "Gold rating",
	"userEtc2": ""
}"#;

fn without_comments(text: &str) -> String {
    text.lines().map(|line| line.split_once("  //").map_or(line, |(code, _)| code)).collect::<Vec<_>>().join("\n")
}

/// The day the documents were written for.
fn doc_day() -> Ymd {
    Ymd::parse("2025-06-01").unwrap()
}

fn dollar_coupon() -> Coupon {
    Coupon {
        disc_type_idx: DiscountType::FixedAmount,
        disc_currency: Currency::USD,
        disc: 5.0,
        ..Coupon::with_defaults("ZJLF0399WQBEQZJM".into(), Ymd::parse("2025-01-01").unwrap())
    }
}

#[test]
fn the_update_example_passes() {
    let request = serde_json::from_str(UPDATE_EXAMPLE).unwrap();
    let context = Context { today: doc_day(), stored: Some(dollar_coupon()), ..context() };
    let report = validate(&request, &context, Mode::Update, Lang::En);
    assert_ok(&report);
    assert!(report.warnings.is_empty(), "{report:#?}");
    // Sent today, the same request switches the coupon off: allowed, with a warning.
    let late = Context { today: today(), ..context };
    let report = validate(&request, &late, Mode::Update, Lang::En);
    assert_ok(&report);
    assert_eq!(warnings(&report), vec![("endYmd".into(), "end_in_past".into())]);
}

#[test]
fn the_create_example_needs_the_currency_that_arch_md_requires_with_458() {
    let text = without_comments(CREATE_EXAMPLE);
    let request = serde_json::from_str(&text).unwrap();
    let context = Context { today: doc_day(), stored: None, ..context() };
    let report = validate(&request, &context, Mode::Create, Lang::En);
    assert_error(&report, "discCurrency", "required");

    let mut with_currency: serde_json::Value = serde_json::from_str(&text).unwrap();
    with_currency["discCurrency"] = json!("USD");
    let request = serde_json::from_value(with_currency).unwrap();
    let report = validate(&request, &context, Mode::Create, Lang::En);
    assert_ok(&report);
    assert!(report.warnings.is_empty(), "{report:#?}");
}

#[test]
fn the_create_example_as_an_update_needs_a_code() {
    let request = serde_json::from_str(&without_comments(CREATE_EXAMPLE)).unwrap();
    let context = Context { today: doc_day(), stored: Some(dollar_coupon()), ..context() };
    let report = validate(&request, &context, Mode::Update, Lang::En);
    assert_eq!(errors(&report), vec![("cpnNo".into(), "required".into()), ("discCurrency".into(), "required".into())]);
}
