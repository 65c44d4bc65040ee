//! Shared fixtures: a fixed "today", a stored coupon, a context with groups and templates.
#![allow(dead_code)]

use coupon_rules::{
    validate, Context, Coupon, Currency, DiscountType, Group, Lang, Mode, Plan, Report, Template, TemplateContent,
    UpdateRequest, YesNo, Ymd,
};
use serde_json::Value;

/// The day every test runs on.
pub fn today() -> Ymd {
    Ymd::parse("2026-11-21").unwrap()
}

/// An unused, valid, stored coupon.
pub fn stored() -> Coupon {
    Coupon {
        nm: "10% off everything".into(),
        disc_type_idx: DiscountType::Percentage,
        disc: 10.0,
        disc_currency: Currency::KRW,
        end_ymd: Some(Ymd::parse("2026-12-31").unwrap()),
        use_limit: 1,
        onsite_yn: YesNo::Yes,
        has_onsite_pwd: true,
        url: "https://bestshop.com".into(),
        color: "#4F4F4FFF".into(),
        background: "#FFFFFFFF".into(),
        user_id: "att78z".into(),
        memo: "first batch".into(),
        ..Coupon::with_defaults("ZJLF0399WQBEQZJM".into(), Ymd::parse("2026-11-01").unwrap())
    }
}

/// The same coupon after one use.
pub fn used() -> Coupon {
    Coupon { use_cnt: 1, last_used_at: Some("2026-11-20T10:00:00Z".into()), ..stored() }
}

/// A business-plan context knowing groups 1 (overrides colours) and 271 (overrides nothing), template 1.
pub fn context() -> Context {
    Context {
        stored: Some(stored()),
        groups: Some(vec![
            Group {
                idx: 1,
                name: "VIP".into(),
                color: "#FFD700FF".into(),
                background: "#1A1A1AFF".into(),
                url: String::new(),
            },
            Group {
                idx: 271,
                name: "Spring".into(),
                color: String::new(),
                background: String::new(),
                url: String::new(),
            },
        ]),
        templates: Some(vec![Template {
            idx: 1,
            content: TemplateContent { title: "Welcome".into(), ..Default::default() },
        }]),
        ..Context::new(today(), Plan::Business)
    }
}

/// Parses a JSON object into a request.
pub fn request(json: Value) -> UpdateRequest {
    serde_json::from_value(json).expect("a JSON object is always a request")
}

/// Validates an update of the stored coupon.
pub fn update(json: Value) -> Report {
    update_with(json, &context())
}

/// Validates an update with a given context.
pub fn update_with(json: Value, context: &Context) -> Report {
    validate(&request(json), context, Mode::Update, Lang::En)
}

/// Validates a create request.
pub fn create(json: Value) -> Report {
    let context = Context { stored: None, ..context() };
    validate(&request(json), &context, Mode::Create, Lang::En)
}

/// `(field, code)` of every error.
pub fn errors(report: &Report) -> Vec<(String, String)> {
    report.errors.iter().map(|e| (e.field.to_string(), e.code.as_str().to_owned())).collect()
}

/// `(field, code)` of every warning.
pub fn warnings(report: &Report) -> Vec<(String, String)> {
    report.warnings.iter().map(|e| (e.field.to_string(), e.code.as_str().to_owned())).collect()
}

/// Asserts the report has exactly one error, on `field` with `code`.
#[track_caller]
pub fn assert_error(report: &Report, field: &str, code: &str) {
    assert_eq!(errors(report), vec![(field.to_owned(), code.to_owned())], "{report:#?}");
}

/// Asserts the report has no errors.
#[track_caller]
pub fn assert_ok(report: &Report) {
    assert!(report.errors.is_empty(), "expected no errors, got {:#?}", report.errors);
}
