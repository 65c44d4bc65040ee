#![cfg(not(target_arch = "wasm32"))]
//! One test per rule of the update API, each with passing and failing values and the boundaries.

mod common;

use common::*;
use coupon_rules::{Context, Coupon, Lang, Mode, Plan, YesNo};
use serde_json::{json, Value};

const CODE: &str = "ZJLF0399WQBEQZJM";

/// An update of the stored coupon: `cpnNo` plus the given fields.
fn upd(mut fields: Value) -> coupon_rules::Report {
    fields.as_object_mut().unwrap().entry("cpnNo").or_insert(json!(CODE));
    update(fields)
}

fn upd_with(mut fields: Value, context: &Context) -> coupon_rules::Report {
    fields.as_object_mut().unwrap().entry("cpnNo").or_insert(json!(CODE));
    update_with(fields, context)
}

fn with_stored(coupon: Coupon) -> Context {
    Context { stored: Some(coupon), ..context() }
}

#[test]
fn unknown_fields_are_errors_that_suggest_the_nearest_name() {
    let report = update(json!({"cpNo": CODE}));
    assert_eq!(errors(&report), vec![("cpNo".into(), "unknown_field".into()), ("cpnNo".into(), "required".into())]);
    assert_eq!(report.errors[0].param("suggestion").unwrap().to_string(), "cpnNo");
    assert!(report.errors[0].message.contains("cpnNo"), "{}", report.errors[0].message);
    let far = upd(json!({"favouriteColour": "red"}));
    assert_error(&far, "favouriteColour", "unknown_field");
    assert!(far.errors[0].param("suggestion").is_none());
    assert_ok(&upd(json!({"nm": "Fine"})));
}

#[test]
fn wrong_json_types_name_the_field_and_the_type() {
    let report = upd(json!({"disc": "10", "useLimit": 1.5, "nm": 3}));
    assert_eq!(
        errors(&report),
        vec![
            ("nm".into(), "invalid_type".into()),
            ("disc".into(), "invalid_type".into()),
            ("useLimit".into(), "invalid_type".into())
        ]
    );
    assert_eq!(report.errors[1].param("expected").unwrap().to_string(), "number");
}

#[test]
fn cpn_no_is_required_on_update_and_8_to_16_capitals_and_digits() {
    assert_error(&update(json!({"nm": "x"})), "cpnNo", "required");
    assert_error(&update(json!({"cpnNo": ""})), "cpnNo", "required");
    assert_ok(&update(json!({"cpnNo": "ABCD1234"})));
    assert_ok(&update(json!({"cpnNo": "ABCD1234ABCD1234"})));
    assert_error(&update(json!({"cpnNo": "ABCD123"})), "cpnNo", "invalid_code");
    assert_error(&update(json!({"cpnNo": "ABCD1234ABCD12345"})), "cpnNo", "invalid_code");
    assert_error(&update(json!({"cpnNo": "abcd1234"})), "cpnNo", "invalid_code");
    assert_error(&update(json!({"cpnNo": "ZJLF-0399-WQBE-QZJM"})), "cpnNo", "contains_dash");
    assert_ok(&create(json!({"cpnNo": "", "nm": "n", "discTypeIdx": 457, "disc": 5, "endYmd": "2026-12-01"})));
}

#[test]
fn nm_is_not_blank_and_at_most_100_characters() {
    assert_error(&upd(json!({"nm": "   "})), "nm", "blank");
    assert_error(&upd(json!({"nm": ""})), "nm", "blank");
    assert_ok(&upd(json!({"nm": "가".repeat(100)})));
    let long = upd(json!({"nm": "가".repeat(101)}));
    assert_error(&long, "nm", "too_long");
    assert_eq!(long.errors[0].param("max").unwrap().to_string(), "100");
}

#[test]
fn disc_type_is_457_or_458() {
    assert_ok(&upd(json!({"discTypeIdx": 457})));
    assert_ok(&upd(json!({"discTypeIdx": 458, "discCurrency": "KRW", "disc": 5000})));
    assert_error(&upd(json!({"discTypeIdx": 459})), "discTypeIdx", "invalid_choice");
}

#[test]
fn percentage_is_1_to_100() {
    for ok in [1.0, 12.5, 100.0] {
        assert_ok(&upd(json!({"disc": ok})));
    }
    for bad in [0.99, 0.0, -5.0, 100.01, 101.0] {
        assert_error(&upd(json!({"disc": bad})), "disc", "out_of_range");
    }
}

#[test]
fn fixed_amount_is_positive_with_the_currencys_decimals() {
    let fixed = |disc: f64, currency: &str| upd(json!({"discTypeIdx": 458, "disc": disc, "discCurrency": currency}));
    assert_ok(&fixed(5000.0, "KRW"));
    assert_ok(&fixed(5.25, "USD"));
    assert_ok(&fixed(1000.0, "JPY"));
    assert_error(&fixed(0.0, "USD"), "disc", "not_positive");
    assert_error(&fixed(-1.0, "USD"), "disc", "not_positive");
    assert_error(&fixed(5000.5, "KRW"), "disc", "too_many_decimals");
    assert_error(&fixed(10.5, "IDR"), "disc", "too_many_decimals");
    assert_error(&fixed(10.5, "JPY"), "disc", "too_many_decimals");
    assert_error(&fixed(5.255, "USD"), "disc", "too_many_decimals");
    // A percentage coupon may take 150 once it becomes a fixed amount, and the stored value counts.
    assert_ok(&fixed(150.0, "EUR"));
    let stored_fixed =
        with_stored(Coupon { disc_type_idx: coupon_rules::DiscountType::FixedAmount, disc: 5000.0, ..stored() });
    assert_error(&upd_with(json!({"discTypeIdx": 457}), &stored_fixed), "disc", "out_of_range");
}

#[test]
fn currency_is_one_of_the_list_and_required_when_the_request_sets_458() {
    for code in ["KRW", "CAD", "CNY", "EUR", "GBP", "IDR", "JPY", "MUR", "RUB", "SGD", "USD"] {
        assert_ok(&upd(json!({"discCurrency": code})));
    }
    assert_error(&upd(json!({"discCurrency": "usd"})), "discCurrency", "invalid_choice");
    assert_error(&upd(json!({"discCurrency": "AUD"})), "discCurrency", "invalid_choice");
    assert_error(&upd(json!({"discTypeIdx": 458, "disc": 5000})), "discCurrency", "required");
}

#[test]
fn dates_are_real_yyyy_mm_dd_days() {
    assert_ok(&upd(json!({"strtYmd": "2024-02-29"})));
    assert_error(&upd(json!({"strtYmd": "2025-02-29"})), "strtYmd", "nonexistent_date");
    assert_error(&upd(json!({"endYmd": "2026-13-01"})), "endYmd", "nonexistent_date");
    assert_error(&upd(json!({"endYmd": "2026/12/01"})), "endYmd", "invalid_date_format");
    assert_error(&upd(json!({"endYmd": "2026-12-1"})), "endYmd", "invalid_date_format");
}

#[test]
fn end_date_is_at_most_31_december_of_next_year() {
    assert_ok(&upd(json!({"endYmd": "2027-12-31"})));
    let report = upd(json!({"endYmd": "2028-01-01"}));
    assert_error(&report, "endYmd", "date_beyond_limit");
    assert_eq!(report.errors[0].param("max").unwrap().to_string(), "2027-12-31");
    assert!(report.errors[0].message.contains("2027-12-31"));
}

#[test]
fn start_is_on_or_before_end_using_stored_values() {
    assert_ok(&upd(json!({"strtYmd": "2026-12-31"})));
    assert_error(&upd(json!({"strtYmd": "2027-01-01"})), "strtYmd", "start_after_end");
    assert_error(&upd(json!({"endYmd": "2026-10-31"})), "endYmd", "start_after_end");
    assert_error(&upd(json!({"strtYmd": "2026-12-10", "endYmd": "2026-12-09"})), "endYmd", "start_after_end");
}

#[test]
fn an_end_in_the_past_is_allowed_with_a_warning() {
    let report = upd(json!({"strtYmd": "2026-01-01", "endYmd": "2026-11-20"}));
    assert_ok(&report);
    assert_eq!(warnings(&report), vec![("endYmd".into(), "end_in_past".into())]);
    assert!(upd(json!({"endYmd": "2026-11-21"})).warnings.is_empty());
}

#[test]
fn use_limit_is_0_to_5_and_2_to_5_need_a_user_id() {
    for ok in [0, 1, 5] {
        assert_ok(&upd(json!({"useLimit": ok})));
    }
    assert_error(&upd(json!({"useLimit": 6})), "useLimit", "out_of_range");
    assert_error(&upd(json!({"useLimit": -1})), "useLimit", "out_of_range");
    let no_user = with_stored(Coupon { user_id: String::new(), ..stored() });
    assert_error(&upd_with(json!({"useLimit": 2}), &no_user), "useLimit", "user_id_required");
    assert_ok(&upd_with(json!({"useLimit": 2, "userId": "att78z"}), &no_user));
    assert_ok(&upd_with(json!({"useLimit": 1}), &no_user));
    // The stored userId counts; blanking it under a stored limit of 3 is refused on userId.
    assert_ok(&upd(json!({"useLimit": 3})));
    let limit3 = with_stored(Coupon { use_limit: 3, ..stored() });
    assert_error(&upd_with(json!({"userId": ""}), &limit3), "userId", "user_id_required");
}

#[test]
fn groups_and_templates_are_non_negative_and_must_exist() {
    assert_ok(&upd(json!({"grpIdx": 0, "tmplIdx": 0})));
    assert_ok(&upd(json!({"grpIdx": 271, "tmplIdx": 1})));
    assert_error(&upd(json!({"grpIdx": -1})), "grpIdx", "out_of_range");
    assert_error(&upd(json!({"grpIdx": 99})), "grpIdx", "unknown_group");
    assert_error(&upd(json!({"tmplIdx": 7})), "tmplIdx", "unknown_template");
    let unknown_lists = Context { groups: None, templates: None, ..context() };
    assert_ok(&upd_with(json!({"grpIdx": 99, "tmplIdx": 7}), &unknown_lists));
}

#[test]
fn a_group_that_overrides_a_field_warns_on_that_field() {
    let report = upd(json!({"grpIdx": 1, "color": "#000000", "url": "https://bestshop.com/a"}));
    assert_ok(&report);
    assert_eq!(warnings(&report), vec![("color".into(), "overridden_by_group".into())]);
    assert_eq!(report.warnings[0].param("group").unwrap().to_string(), "VIP");
}

#[test]
fn y_n_flags_are_exactly_y_or_n() {
    for field in ["onsiteYn", "webhookEnableYn"] {
        assert_ok(&upd(json!({ field: "N" })));
        for bad in ["y", "Yes", "", "1"] {
            assert_error(&upd(json!({ field: bad })), field, "invalid_choice");
        }
    }
    assert_ok(&upd(json!({"onsiteYn": "Y"})));
}

#[test]
fn store_password_is_4_to_32_visible_characters() {
    for ok in ["1234", "a".repeat(32).as_str(), "p@ss!word", "비밀번호1"] {
        assert_ok(&upd(json!({ "onsitePwd": ok })));
    }
    for bad in ["123", "a".repeat(33).as_str(), "12 34", "1234\t", "12\u{0}34"] {
        assert_error(&upd(json!({ "onsitePwd": bad })), "onsitePwd", "invalid_password");
    }
}

#[test]
fn onsite_without_any_password_warns() {
    let no_password = with_stored(Coupon { has_onsite_pwd: false, onsite_yn: YesNo::No, ..stored() });
    let report = upd_with(json!({"onsiteYn": "Y"}), &no_password);
    assert_ok(&report);
    assert_eq!(warnings(&report), vec![("onsiteYn".into(), "onsite_without_password".into())]);
    assert!(upd_with(json!({"onsiteYn": "Y", "onsitePwd": "1234"}), &no_password).warnings.is_empty());
    assert!(upd(json!({"onsiteYn": "Y"})).warnings.is_empty(), "the stored password counts");
    assert_eq!(warnings(&upd(json!({"onsitePwd": ""}))), vec![("onsiteYn".into(), "onsite_without_password".into())]);
}

#[test]
fn url_is_an_absolute_http_url_and_nothing_else() {
    assert_ok(&upd(json!({"url": "https://bestshop.com/sale?x=1"})));
    assert_ok(&upd(json!({"url": ""})));
    let js = upd(json!({"url": "javascript:alert(1)"}));
    assert_error(&js, "url", "unsafe_url");
    assert_eq!(js.errors[0].param("scheme").unwrap().to_string(), "javascript");
    assert_error(&upd(json!({"url": "data:text/html,hi"})), "url", "unsafe_url");
    assert_error(&upd(json!({"url": "bestshop.com"})), "url", "invalid_url");
    assert_error(&upd(json!({"url": "https://"})), "url", "invalid_url");
    let long = format!("https://bestshop.com/{}", "a".repeat(2048 - 21));
    assert_ok(&upd(json!({ "url": long })));
    let too_long = format!("https://bestshop.com/{}", "a".repeat(2048 - 20));
    assert_error(&upd(json!({ "url": too_long })), "url", "too_long");
}

#[test]
fn colours_are_rrggbb_or_rrggbbaa() {
    assert_ok(&upd(json!({"color": "#4F4F4FFF"})));
    assert_ok(&upd(json!({"color": "#4f4f4f", "background": "#FFFFFF"})));
    assert_error(&upd(json!({"color": "#4F4F4"})), "color", "invalid_color");
    assert_error(&upd(json!({"background": "white"})), "background", "invalid_color");
}

#[test]
fn low_contrast_warns() {
    let report = upd(json!({"color": "#BBBBBB", "background": "#FFFFFF"}));
    assert_ok(&report);
    assert_eq!(warnings(&report), vec![("color".into(), "low_contrast".into())]);
    let ratio: f64 = report.warnings[0].param("ratio").unwrap().to_string().parse().unwrap();
    assert!(ratio < 4.5 && ratio > 1.0, "{ratio}");
    // The stored text colour counts when only the background changes.
    assert_eq!(warnings(&upd(json!({"background": "#333333"}))), vec![("background".into(), "low_contrast".into())]);
    assert!(upd(json!({"color": "#000000"})).warnings.is_empty());
}

#[test]
fn recipient_fields_are_checked() {
    assert_ok(&upd(json!({"userEml": "brown@bestshop.com", "userPhnno": "+1 123-4567-8900"})));
    assert_ok(&upd(json!({"userEml": "", "userPhnno": ""})));
    assert_error(&upd(json!({"userEml": "brown@"})), "userEml", "invalid_email");
    assert_error(&upd(json!({"userEml": format!("{}@b.com", "a".repeat(250))})), "userEml", "too_long");
    assert_error(&upd(json!({"userPhnno": "call me"})), "userPhnno", "invalid_phone");
    assert_error(&upd(json!({"userPhnno": "1".repeat(31)})), "userPhnno", "invalid_phone");
    for field in ["userId", "userNm", "userEtc1", "userEtc2"] {
        assert_ok(&upd(json!({ field: "x".repeat(100) })));
        assert_error(&upd(json!({ field: "x".repeat(101) })), field, "too_long");
    }
    assert_ok(&upd(json!({"memo": "m".repeat(2000)})));
    assert_error(&upd(json!({"memo": "m".repeat(2001)})), "memo", "too_long");
}

#[test]
fn a_custom_domain_needs_premium_and_a_host_name() {
    assert_ok(&upd(json!({"domain": "coupons.bestshop.com"})));
    assert_error(&upd(json!({"domain": "https://bestshop.com"})), "domain", "invalid_domain");
    let personal = Context { plan: Plan::Personal, ..context() };
    let report = upd_with(json!({"domain": "coupons.bestshop.com"}), &personal);
    assert_error(&report, "domain", "plan_required");
    assert_eq!(report.errors[0].param("required").unwrap().to_string(), "premium");
    assert_ok(&upd_with(json!({"domain": ""}), &personal));
}

#[test]
fn webhooks_need_enterprise_and_the_global_switch() {
    assert_error(&upd(json!({"webhookEnableYn": "Y"})), "webhookEnableYn", "plan_required");
    let enterprise = Context { plan: Plan::Enterprise, ..context() };
    assert_error(
        &upd_with(json!({"webhookEnableYn": "Y"}), &enterprise),
        "webhookEnableYn",
        "webhook_globally_disabled",
    );
    let switched_on = Context { global_webhook: true, ..enterprise };
    assert_ok(&upd_with(json!({"webhookEnableYn": "Y"}), &switched_on));
    assert_ok(&upd(json!({"webhookEnableYn": "N"})));
}

#[test]
fn a_used_coupon_allows_only_the_memo_to_change() {
    let used = with_stored(used());
    assert_error(&upd_with(json!({"nm": "New name"}), &used), "nm", "locked_after_use");
    assert_ok(&upd_with(json!({"memo": "called the customer"}), &used));
    // Resending unchanged values is fine, however they are written.
    assert_ok(&upd_with(
        json!({"nm": "10% off everything", "disc": 10, "endYmd": "2026-12-31", "color": "#4f4f4f", "useLimit": 1}),
        &used,
    ));
    let many = upd_with(json!({"disc": 20, "endYmd": "2027-01-31", "onsitePwd": "9999", "memo": "ok"}), &used);
    assert_eq!(
        errors(&many),
        vec![
            ("disc".into(), "locked_after_use".into()),
            ("endYmd".into(), "locked_after_use".into()),
            ("onsitePwd".into(), "locked_after_use".into())
        ]
    );
}

#[test]
fn create_needs_the_essentials_and_takes_defaults_for_the_rest() {
    let report = create(json!({}));
    assert_eq!(
        errors(&report),
        vec![
            ("nm".into(), "required".into()),
            ("discTypeIdx".into(), "required".into()),
            ("disc".into(), "required".into()),
            ("endYmd".into(), "required".into())
        ]
    );
    assert_ok(&create(json!({"nm": "Welcome", "discTypeIdx": 457, "disc": 10, "endYmd": "2027-01-31"})));
    // The default start is today, so an end before today is after... a start after the end.
    assert_error(
        &create(json!({"nm": "W", "discTypeIdx": 457, "disc": 10, "endYmd": "2026-11-01"})),
        "endYmd",
        "start_after_end",
    );
}

#[test]
fn every_error_is_reported_at_once() {
    let report = upd(json!({"nm": "", "disc": 0, "endYmd": "2030-01-01", "url": "javascript:x", "color": "red"}));
    assert_eq!(report.errors.len(), 5, "{report:#?}");
}

#[test]
fn messages_follow_the_language() {
    let request = request(json!({"cpnNo": CODE, "endYmd": "2028-01-01"}));
    let ko = coupon_rules::validate(&request, &context(), Mode::Update, Lang::Ko);
    assert!(ko.errors[0].message.contains("종료일"), "{}", ko.errors[0].message);
    assert_eq!(ko.localized(Lang::En), upd(json!({"endYmd": "2028-01-01"})));
}

#[test]
fn a_use_note_follows_the_coupons_own_limits() {
    assert_ok(&coupon_rules::validate_use_note(&"u".repeat(100), &"m".repeat(2000), Lang::En));
    let report = coupon_rules::validate_use_note(&"u".repeat(101), &"m".repeat(2001), Lang::En);
    assert_eq!(errors(&report), vec![("userId".into(), "too_long".into()), ("memo".into(), "too_long".into())]);
}

#[test]
fn a_code_on_its_own_is_checked_by_the_same_rule_as_cpn_no() {
    assert_ok(&coupon_rules::validate_code("ZJLF0399WQBEQZJM", Lang::En));
    assert_error(&coupon_rules::validate_code("ZJLF-0399", Lang::En), "cpnNo", "contains_dash");
    assert_error(&coupon_rules::validate_code("abc", Lang::En), "cpnNo", "invalid_code");
}
