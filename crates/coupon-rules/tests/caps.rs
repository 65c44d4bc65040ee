#![cfg(not(target_arch = "wasm32"))]
//! Caps on what a tenant can grow (issue 11, item 5): exact decimals and a maximum per currency,
//! product lists, and text without control characters, in both dialects.

mod common;

use common::*;
use coupon_rules::paddle::{validate_paddle_change, validate_paddle_request, PaddleRequest, MAX_PRODUCT_IDS};
use coupon_rules::{validate, Context, Coupon, Currency, DiscountType, Field, Lang, Mode, Report, UpdateRequest};
use serde_json::{json, Value};

const CODE: &str = "ZJLF0399WQBEQZJM";

fn flat(currency: Currency) -> Context {
    let coupon = Coupon { disc_type_idx: DiscountType::FixedAmount, disc_currency: currency, disc: 5.0, ..stored() };
    Context { stored: Some(coupon), ..context() }
}

/// An update parsed from JSON text, so numbers arrive exactly as written.
fn update_text(json: &str, context: &Context) -> Report {
    let request: UpdateRequest = serde_json::from_str(json).expect("a JSON object");
    validate(&request, context, Mode::Update, Lang::En)
}

fn disc(text: &str, currency: Currency) -> Report {
    update_text(&format!(r#"{{"cpnNo":"{CODE}","disc":{text}}}"#), &flat(currency))
}

#[test]
fn decimals_are_those_of_the_number_as_sent() {
    assert_error(&disc("0.0000001", Currency::KRW), "disc", "too_many_decimals");
    assert_error(&disc("1000.5", Currency::KRW), "disc", "too_many_decimals");
    assert_ok(&disc("1000", Currency::KRW));
    assert_ok(&disc("1000.000", Currency::KRW));
    assert_ok(&disc("1e3", Currency::KRW));
    assert_ok(&disc("5.01", Currency::USD));
    assert_ok(&disc("5.010", Currency::USD));
    assert_error(&disc("5.001", Currency::USD), "disc", "too_many_decimals");
    // The same double as 5.01, but not the number that was sent.
    assert_error(&disc("5.0100000000000000001", Currency::USD), "disc", "too_many_decimals");
    // What a careless JavaScript client sends for 0.1 + 0.2.
    assert_error(&disc("0.30000000000000004", Currency::USD), "disc", "too_many_decimals");
}

#[test]
fn each_currency_has_a_maximum() {
    assert_ok(&disc("100000000", Currency::KRW));
    let report = disc("100000001", Currency::KRW);
    assert_error(&report, "disc", "too_large");
    assert_eq!(report.errors[0].param("max").unwrap().to_string(), "100000000");
    assert_eq!(report.errors[0].message, "The largest amount in KRW is 100000000.");
    assert_error(&disc("1e15", Currency::KRW), "disc", "too_large");
    assert_error(&disc("1e308", Currency::USD), "disc", "too_large");
    assert_ok(&disc("100000", Currency::USD));
    assert_error(&disc("100000.01", Currency::USD), "disc", "too_large");
    // A percentage keeps its own range.
    assert_error(&update(json!({"cpnNo": CODE, "disc": 1e308})), "disc", "out_of_range");
    for currency in Currency::ALL {
        assert!(currency.max_amount() >= 100_000 && currency.max_amount() < 1_000_000_000_000, "{currency:?}");
    }
}

#[test]
fn form_input_is_checked_on_the_text_typed() {
    let mut request = UpdateRequest { cpn_no: Some(CODE.into()), ..Default::default() };
    request.set_input(Field::Disc, "5.0100000000000000001");
    let report = validate(&request, &flat(Currency::USD), Mode::Update, Lang::En);
    assert_error(&report, "disc", "too_many_decimals");
    request.set_input(Field::Disc, "5.01");
    assert_ok(&validate(&request, &flat(Currency::USD), Mode::Update, Lang::En));
    request.set_input(Field::Disc, "0.0000001");
    assert_error(&validate(&request, &flat(Currency::KRW), Mode::Update, Lang::En), "disc", "too_many_decimals");
}

#[test]
fn free_texts_refuse_control_characters_and_bidi_marks() {
    let report = update(json!({"cpnNo": CODE, "nm": "Gift \u{202E}gpj.exe"}));
    assert_error(&report, "nm", "control_character");
    assert_eq!(report.errors[0].param("char").unwrap().to_string(), "U+202E");
    assert_error(&update(json!({"cpnNo": CODE, "nm": "a\u{0}b"})), "nm", "control_character");
    assert_error(&update(json!({"cpnNo": CODE, "userNm": "Kim\u{2066}"})), "userNm", "control_character");
    assert_error(&update(json!({"cpnNo": CODE, "userId": "a\nb"})), "userId", "control_character");
    assert_error(&update(json!({"cpnNo": CODE, "memo": "a\u{7}"})), "memo", "control_character");
    assert_ok(&update(json!({"cpnNo": CODE, "memo": "line 1\r\nline 2\tend"})));
    assert_ok(&update(json!({"cpnNo": CODE, "nm": "여름 할인 ₩5,000 — 10%"})));
    let ko = validate(&request(json!({"cpnNo": CODE, "nm": "x\u{0}"})), &context(), Mode::Update, Lang::Ko);
    assert_eq!(ko.errors[0].message, "보이지 않는 제어 문자 U+0000를 지우세요.");
    let note = coupon_rules::validate_use_note("till\u{0}", "ok", Lang::En);
    assert_error(&note, "userId", "control_character");
}

fn paddle(mut fields: Value) -> PaddleRequest {
    let object = fields.as_object_mut().unwrap();
    object.insert("vendor_id".into(), json!(12345));
    object.insert("vendor_auth_code".into(), json!("0a1b2c3d4e5f"));
    if !object.contains_key("group") {
        object.entry("coupon_code").or_insert(json!(CODE));
    }
    serde_json::from_str(&fields.to_string()).unwrap()
}

fn product_ids(n: usize) -> String {
    (1..=n).map(|i| i.to_string()).collect::<Vec<_>>().join(",")
}

#[test]
fn product_ids_are_at_most_100_of_at_most_10_digits() {
    let report = |ids: &str| validate_paddle_request(&paddle(json!({ "product_ids": ids })), today(), Lang::En);
    assert_ok(&report(&product_ids(MAX_PRODUCT_IDS)));
    let too_many = report(&product_ids(101));
    assert_error(&too_many, "product_ids", "too_many");
    assert_eq!(too_many.errors[0].message, "At most 100 items.");
    assert_ok(&report("9999999999"));
    let too_big = report("1,10000000000");
    assert_error(&too_big, "product_ids", "out_of_range");
    assert_eq!(too_big.errors[0].param("item").unwrap().to_string(), "10000000000");
    assert_error(&report("123456789012345678901234567890"), "product_ids", "out_of_range");
    assert_error(&report("1,x"), "product_ids", "invalid_product_ids");
    // The API-key group update takes the same field, with the same caps.
    let group = coupon_rules::paddle::validate_group_update(
        &serde_json::from_value(json!({"group": "Spring", "product_ids": product_ids(101)})).unwrap(),
        today(),
        Lang::En,
    );
    assert_error(&group, "product_ids", "too_many");
}

#[test]
fn the_second_dialect_checks_amounts_and_names_the_same_way() {
    let change = |fields: Value, currency| {
        let context = flat(currency);
        validate_paddle_change(&paddle(fields), &context, Lang::En)
    };
    let exact = r#"{"vendor_id":1,"vendor_auth_code":"ab","coupon_code":"ZJLF0399WQBEQZJM","currency":"USD","discount_amount":5.0100000000000000001}"#;
    let request: PaddleRequest = serde_json::from_str(exact).unwrap();
    let report = validate_paddle_change(&request, &flat(Currency::USD), Lang::En);
    assert_error(&report, "discount_amount", "too_many_decimals");
    let form = PaddleRequest::from_pairs([("discount_amount", "5.0100000000000000001"), ("currency", "USD")]);
    assert_error(
        &validate_paddle_change(&form, &flat(Currency::USD), Lang::En),
        "discount_amount",
        "too_many_decimals",
    );
    assert_error(
        &change(json!({"discount_amount": 1e15, "currency": "USD"}), Currency::USD),
        "discount_amount",
        "too_large",
    );
    assert_error(
        &change(json!({"discount_amount": 1e308, "currency": "EUR"}), Currency::EUR),
        "discount_amount",
        "too_large",
    );
    assert_ok(&change(json!({"discount_amount": 99999.99, "currency": "USD"}), Currency::USD));
    let names = validate_paddle_request(&paddle(json!({"new_group": "VIP\u{202E}"})), today(), Lang::En);
    assert_error(&names, "new_group", "control_character");
}

#[test]
fn suggestions_are_worked_out_when_reported() {
    let report = validate_paddle_request(&paddle(json!({"coupon_cod": "x"})), today(), Lang::En);
    assert_eq!(report.errors[0].param("suggestion").unwrap().to_string(), "coupon_code");
    let report = update(json!({"cpnNo": CODE, "endYmdd": "2026-12-01"}));
    assert_eq!(report.errors[0].param("suggestion").unwrap().to_string(), "endYmd");
}
