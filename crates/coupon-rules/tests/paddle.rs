#![cfg(not(target_arch = "wasm32"))]
//! The second vendor's dialect: every rule, and agreement with the first dialect where both describe
//! the same thing.

mod common;

use common::*;
use coupon_rules::paddle::{
    validate_group_update, validate_paddle_body, validate_paddle_change, validate_paddle_credentials,
    validate_paddle_request, PaddleCouponCheck, PaddleRequest,
};
use coupon_rules::{validate, Context, Coupon, Currency, DiscountType, Lang, Mode, Report, UpdateRequest};
use serde_json::{json, Value};

fn paddle(mut fields: Value) -> PaddleRequest {
    let object = fields.as_object_mut().unwrap();
    object.entry("vendor_id").or_insert(json!(12345));
    object.entry("vendor_auth_code").or_insert(json!("0a1b2c3d4e5f"));
    if !object.contains_key("group") {
        object.entry("coupon_code").or_insert(json!("ZJLF0399WQBEQZJM"));
    }
    serde_json::from_value(fields).unwrap()
}

fn request_report(fields: Value) -> Report {
    validate_paddle_request(&paddle(fields), today(), Lang::En)
}

fn change_report(fields: Value, stored: Coupon) -> Report {
    let context = Context { stored: Some(stored), ..context() };
    validate_paddle_change(&paddle(fields), &context, Lang::En)
}

fn flat_usd() -> Coupon {
    Coupon { disc_type_idx: DiscountType::FixedAmount, disc_currency: Currency::USD, disc: 5.0, ..stored() }
}

#[test]
fn credentials_are_required_and_shaped() {
    assert_ok(&request_report(json!({})));
    let bare: PaddleRequest = serde_json::from_value(json!({"coupon_code": "ZJLF0399WQBEQZJM"})).unwrap();
    let report = validate_paddle_request(&bare, today(), Lang::En);
    assert_eq!(
        errors(&report),
        vec![("vendor_id".into(), "required".into()), ("vendor_auth_code".into(), "required".into())]
    );
    assert_error(&request_report(json!({"vendor_id": 0})), "vendor_id", "out_of_range");
    assert_error(&request_report(json!({"vendor_auth_code": "ABC123"})), "vendor_auth_code", "invalid_pattern");
    assert_error(&request_report(json!({"vendor_auth_code": "xyz"})), "vendor_auth_code", "invalid_pattern");
    assert_ok(&request_report(json!({"vendor_id": "7"})));
    assert_error(&request_report(json!({"vendor_id": "seven"})), "vendor_id", "invalid_type");
}

#[test]
fn exactly_one_of_coupon_code_and_group() {
    assert_ok(&request_report(json!({"group": "Spring"})));
    assert_error(
        &request_report(json!({"coupon_code": "ZJLF0399WQBEQZJM", "group": "Spring"})),
        "coupon_code",
        "conflict",
    );
    assert_error(&request_report(json!({"coupon_code": ""})), "coupon_code", "one_of_required");
    assert_error(&request_report(json!({"coupon_code": "ABCD"})), "coupon_code", "too_short");
    assert_ok(&request_report(json!({"coupon_code": "ABCDE"})));
    assert_error(&request_report(json!({"coupon_code": "A".repeat(301)})), "coupon_code", "too_long");
    assert_ok(&request_report(json!({"group": "G".repeat(50)})));
    assert_error(&request_report(json!({"group": "G".repeat(51)})), "group", "too_long");
}

#[test]
fn a_new_code_is_5_to_300_characters_a_code_of_this_store_and_not_for_a_group() {
    assert_ok(&request_report(json!({"new_coupon_code": "SUMMER2026SALE"})));
    assert_error(&request_report(json!({"new_coupon_code": "ABCD"})), "new_coupon_code", "too_short");
    assert_error(&request_report(json!({"new_coupon_code": "summer-2026"})), "new_coupon_code", "contains_dash");
    assert_error(&request_report(json!({"new_coupon_code": "summer2026"})), "new_coupon_code", "invalid_code");
    assert_error(
        &request_report(json!({"group": "Spring", "new_coupon_code": "SUMMER2026SALE"})),
        "new_coupon_code",
        "conflict",
    );
}

#[test]
fn new_group_product_ids_allowed_uses_and_recurring() {
    assert_ok(&request_report(
        json!({"new_group": "Autumn", "product_ids": "499531,1234", "allowed_uses": 10, "recurring": 1}),
    ));
    assert_error(&request_report(json!({"new_group": ""})), "new_group", "too_short");
    assert_error(&request_report(json!({"new_group": "x".repeat(51)})), "new_group", "too_long");
    assert_ok(&request_report(json!({"product_ids": ""})));
    assert_error(&request_report(json!({"product_ids": "499531,abc"})), "product_ids", "invalid_product_ids");
    assert_error(&request_report(json!({"allowed_uses": 0})), "allowed_uses", "out_of_range");
    assert_error(&request_report(json!({"allowed_uses": "lots"})), "allowed_uses", "invalid_type");
    assert_ok(&request_report(json!({"recurring": 0})));
    assert_error(&request_report(json!({"recurring": 2})), "recurring", "invalid_choice");
}

#[test]
fn expires_is_a_real_date_or_blank() {
    assert_ok(&request_report(json!({"expires": "2027-06-30"})));
    assert_ok(&request_report(json!({"expires": ""})));
    assert_error(&request_report(json!({"expires": "2027-02-29"})), "expires", "nonexistent_date");
    assert_error(&request_report(json!({"expires": "30/06/2027"})), "expires", "invalid_date_format");
}

#[test]
fn currency_is_usd_gbp_or_eur_and_required_with_a_flat_amount() {
    for ok in ["USD", "GBP", "EUR"] {
        assert_ok(&request_report(json!({ "currency": ok })));
    }
    let krw = request_report(json!({"currency": "KRW"}));
    assert_error(&krw, "currency", "invalid_choice");
    assert_eq!(krw.errors[0].param("allowed").unwrap().to_string(), "USD, GBP, EUR");
    assert_error(&change_report(json!({"discount_amount": 7.5}), flat_usd()), "currency", "required");
    assert_ok(&change_report(json!({"discount_amount": 7.5, "currency": "USD"}), flat_usd()));
    assert_ok(&change_report(json!({"discount_amount": 15}), stored()));
}

#[test]
fn discount_amount_is_positive_and_a_percentage_at_most_100() {
    assert_error(&request_report(json!({"discount_amount": 0})), "discount_amount", "not_positive");
    assert_error(&change_report(json!({"discount_amount": 100.5}), stored()), "discount_amount", "out_of_range");
    assert_ok(&change_report(json!({"discount_amount": 100}), stored()));
    assert_ok(&change_report(json!({"discount_amount": 250, "currency": "USD"}), flat_usd()));
    assert_error(
        &change_report(json!({"discount_amount": 2.505, "currency": "USD"}), flat_usd()),
        "discount_amount",
        "too_many_decimals",
    );
}

#[test]
fn a_used_coupon_is_locked_but_can_be_renamed() {
    let used = used();
    assert_error(&change_report(json!({"expires": "2027-01-31"}), used.clone()), "expires", "locked_after_use");
    assert_error(&change_report(json!({"expires": ""}), used.clone()), "expires", "locked_after_use");
    assert_error(&change_report(json!({"new_group": "Spring"}), used.clone()), "new_group", "locked_after_use");
    assert_ok(&change_report(json!({"new_coupon_code": "RENAMED2026CODE"}), used.clone()));
    assert_ok(&change_report(json!({"expires": "2026-12-31"}), used));
}

#[test]
fn form_bodies_are_checked_like_json() {
    let form = PaddleRequest::from_pairs([
        ("vendor_id", "12345"),
        ("vendor_auth_code", "0a1b2c"),
        ("group", "Spring"),
        ("expires", "2027-02-29"),
        ("cuopon_code", "x"),
    ]);
    let report = validate_paddle_request(&form, today(), Lang::En);
    assert_eq!(
        errors(&report),
        vec![("cuopon_code".into(), "unknown_field".into()), ("expires".into(), "nonexistent_date".into())]
    );
    assert_eq!(report.errors[0].param("suggestion").unwrap().to_string(), "coupon_code");
}

/// The codes the first dialect gives for a field's value, against the same stored coupon.
fn first_dialect(field: &str, value: Value, stored: Coupon) -> Vec<String> {
    let mut request = json!({"cpnNo": "ZJLF0399WQBEQZJM"});
    request[field] = value;
    let request: UpdateRequest = serde_json::from_value(request).unwrap();
    let context = Context { stored: Some(stored), ..context() };
    validate(&request, &context, Mode::Update, Lang::En).errors.iter().map(|e| e.code.as_str().to_owned()).collect()
}

/// The codes the second dialect gives for the same value, request-level and coupon-level together.
fn second_dialect(field: &str, value: Value, stored: Coupon) -> Vec<String> {
    let mut request = json!({});
    request[field] = value;
    let request = paddle(request);
    let context = Context { stored: Some(stored), ..context() };
    let mut codes: Vec<String> = validate_paddle_request(&request, today(), Lang::En)
        .errors
        .iter()
        .chain(&validate_paddle_change(&request, &context, Lang::En).errors)
        .map(|e| e.code.as_str().to_owned())
        .collect();
    codes.dedup();
    codes
}

#[test]
fn both_dialects_agree_on_dates_currencies_and_percentages() {
    for date in ["2027-12-31", "2028-01-01", "2024-02-29", "2025-02-29", "2027-1-01", "2026-10-31"] {
        assert_eq!(
            first_dialect("endYmd", json!(date), stored()),
            second_dialect("expires", json!(date), stored()),
            "end date {date}"
        );
    }
    for percent in [0.5, 1.0, 50.0, 100.0, 100.01, 150.0] {
        assert_eq!(
            first_dialect("disc", json!(percent), stored()),
            second_dialect("discount_amount", json!(percent), stored()),
            "percentage {percent}"
        );
    }
    for amount in [0.01, 5.0, 5.005] {
        let flat = flat_usd();
        let mut first = json!({"cpnNo": "ZJLF0399WQBEQZJM", "disc": amount, "discCurrency": "USD"});
        let first: UpdateRequest = serde_json::from_value(first.take()).unwrap();
        let first_codes: Vec<String> =
            validate(&first, &Context { stored: Some(flat.clone()), ..context() }, Mode::Update, Lang::En)
                .errors
                .iter()
                .map(|e| e.code.as_str().to_owned())
                .collect();
        let second = paddle(json!({"discount_amount": amount, "currency": "USD"}));
        let second_codes: Vec<String> =
            validate_paddle_change(&second, &Context { stored: Some(flat), ..context() }, Lang::En)
                .errors
                .iter()
                .map(|e| e.code.as_str().to_owned())
                .collect();
        assert_eq!(first_codes, second_codes, "flat amount {amount}");
    }
    for currency in ["USD", "GBP", "EUR"] {
        assert_eq!(
            first_dialect("discCurrency", json!(currency), stored()),
            second_dialect("currency", json!(currency), stored())
        );
    }
}

#[test]
fn a_used_coupon_keeps_its_products_allowed_uses_and_recurring_flag() {
    let used = Coupon { product_ids: vec![499531], allowed_uses: Some(10), recurring: true, ..used() };
    assert_error(&change_report(json!({"product_ids": "1234"}), used.clone()), "product_ids", "locked_after_use");
    assert_error(&change_report(json!({"product_ids": ""}), used.clone()), "product_ids", "locked_after_use");
    assert_error(&change_report(json!({"allowed_uses": 11}), used.clone()), "allowed_uses", "locked_after_use");
    assert_error(&change_report(json!({"recurring": 0}), used.clone()), "recurring", "locked_after_use");
    assert_ok(&change_report(json!({"product_ids": "499531", "allowed_uses": 10, "recurring": 1}), used.clone()));
    assert_ok(&change_report(json!({"product_ids": "1234", "allowed_uses": 3, "recurring": 0}), stored()));
}

#[test]
fn credentials_are_checked_apart_from_the_rest() {
    let request = paddle(json!({"vendor_auth_code": "XYZ", "expires": "2027-02-29"}));
    let credentials = validate_paddle_credentials(&request, Lang::En);
    assert_eq!(errors(&credentials), vec![("vendor_auth_code".into(), "invalid_pattern".into())]);
    let body = validate_paddle_body(&request, today(), Lang::En);
    assert_eq!(errors(&body), vec![("expires".into(), "nonexistent_date".into())]);
    let whole = validate_paddle_request(&request, today(), Lang::En);
    assert_eq!(errors(&whole), [errors(&credentials), errors(&body)].concat());
    let typed: PaddleRequest =
        serde_json::from_value(json!({"vendor_id": "seven", "vendor_auth_code": "ab", "coupon_code": "ABCDE"}))
            .unwrap();
    assert_eq!(
        errors(&validate_paddle_credentials(&typed, Lang::En)),
        vec![("vendor_id".into(), "invalid_type".into())]
    );
}

fn group_update(fields: Value) -> Report {
    validate_group_update(&serde_json::from_value(fields).unwrap(), today(), Lang::En)
}

#[test]
fn the_group_update_takes_a_group_and_the_change_fields_only() {
    assert_ok(&group_update(json!({"group": "Spring", "expires": "2027-06-30", "allowed_uses": 5})));
    assert_eq!(errors(&group_update(json!({"expires": "2027-06-30"}))), vec![("group".into(), "required".into())]);
    let foreign = group_update(json!({"group": "Spring", "vendor_id": 1, "vendor_auth_code": "ab",
                                      "coupon_code": "ABCDEFGH", "new_coupon_code": "RENAMED01", "grop": "x"}));
    assert_eq!(
        errors(&foreign),
        ["coupon_code", "grop", "new_coupon_code", "vendor_auth_code", "vendor_id"]
            .map(|f| (f.to_owned(), "unknown_field".to_owned()))
            .to_vec()
    );
    assert_eq!(foreign.errors[1].param("suggestion").unwrap().to_string(), "group");
    assert_error(&group_update(json!({"group": "Spring", "currency": "KRW"})), "currency", "invalid_choice");
    assert_error(&group_update(json!({"group": "Spring", "expires": "2031-01-01"})), "expires", "date_beyond_limit");
    assert_error(&group_update(json!({"group": "Spring", "allowed_uses": "x"})), "allowed_uses", "invalid_type");
}

#[test]
fn a_group_check_names_the_first_coupon_that_breaks_a_rule() {
    let coupons = vec![
        Coupon { cpn_no: "AAAA0001".into(), ..stored() },
        Coupon { cpn_no: "BBBB0002".into(), ..used() },
        flat_usd(),
    ];
    let context = context();
    let expires = paddle(json!({"group": "Spring", "expires": "2027-01-31"}));
    let (coupon, report) = PaddleCouponCheck::new(&expires, &context, Lang::En).first_refusal(&coupons).unwrap();
    assert_eq!(coupon.cpn_no, "BBBB0002");
    assert_eq!(errors(&report), vec![("expires".into(), "locked_after_use".into())]);

    let amount = paddle(json!({"group": "Spring", "discount_amount": 20}));
    let check = PaddleCouponCheck::new(&amount, &context, Lang::En);
    assert!(check.first_refusal(&coupons[..1]).is_none(), "an unused percentage coupon takes 20");
    let (coupon, report) = check.first_refusal(&coupons).unwrap();
    assert_eq!(coupon.cpn_no, "BBBB0002");
    assert_eq!(errors(&report), vec![("discount_amount".into(), "locked_after_use".into())]);
    assert_eq!(errors(&check.check(&coupons[2])), vec![("currency".into(), "required".into())]);
}
