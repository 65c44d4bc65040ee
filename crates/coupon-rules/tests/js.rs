//! The JavaScript export in headless Chromium: plain JS objects in and out, the same reports as native.
#![cfg(all(target_arch = "wasm32", feature = "js"))]

use coupon_rules::js::{
    latest_end_date, normalize_coupon_code, validate_coupon_create, validate_coupon_update, validate_paddle_update,
};
use js_sys::{Array, Object, Reflect, JSON};
use serde_json::Value;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const CASES: &str = include_str!("corpus/cases.json");
const EXPECTED: &str = include_str!("corpus/expected.json");

fn get(object: &JsValue, key: &str) -> JsValue {
    Reflect::get(object, &JsValue::from_str(key)).unwrap()
}

/// JSON equality where 3 and 3.0 are the same number, as they are in JavaScript.
fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => x.as_f64() == y.as_f64(),
        (Value::Array(x), Value::Array(y)) => x.len() == y.len() && x.iter().zip(y).all(|(x, y)| same(x, y)),
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len() && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| same(v, w)))
        }
        _ => a == b,
    }
}

#[wasm_bindgen_test]
fn the_export_gives_the_native_reports_for_the_whole_corpus() {
    let cases = Array::from(&JSON::parse(CASES).unwrap());
    let expected: Vec<Value> = serde_json::from_str(EXPECTED).unwrap();
    assert_eq!(cases.length() as usize, expected.len());
    for (case, expected) in cases.iter().zip(&expected) {
        let lang = get(&case, "lang").as_string();
        let (request, context) = (get(&case, "request"), get(&case, "context"));
        let report = if get(&case, "mode").as_string().as_deref() == Some("create") {
            validate_coupon_create(request, context, lang)
        } else {
            validate_coupon_update(request, context, lang)
        }
        .unwrap_or_else(|_| panic!("case {:?} threw", get(&case, "name")));
        let text = String::from(JSON::stringify(&report).unwrap());
        let actual: Value = serde_json::from_str(&text).unwrap();
        assert!(same(&actual, expected), "case {:?}\n wasm: {actual}\n native: {expected}", get(&case, "name"));
    }
}

#[wasm_bindgen_test]
fn reports_are_plain_objects_with_korean_messages() {
    let request = JSON::parse(r#"{"cpnNo":"ZJLF0399WQBEQZJM","endYmd":"2028-01-01"}"#).unwrap();
    let context = JSON::parse(r#"{"today":"2026-11-21","plan":"personal"}"#).unwrap();
    let report = validate_coupon_update(request, context, Some("ko".into())).unwrap();
    let errors = Array::from(&get(&report, "errors"));
    assert_eq!(errors.length(), 1);
    let error = errors.get(0);
    assert_eq!(get(&error, "field").as_string().unwrap(), "endYmd");
    assert_eq!(get(&error, "code").as_string().unwrap(), "date_beyond_limit");
    assert!(get(&error, "message").as_string().unwrap().contains("종료일"));
    let params = get(&error, "params");
    // A plain object, not a Map: `params.max` works in JavaScript.
    assert_eq!(Object::get_prototype_of(&params), Object::get_prototype_of(&Object::new()));
    assert_eq!(get(&params, "max").as_string().unwrap(), "2027-12-31");
}

#[wasm_bindgen_test]
fn bad_arguments_throw_instead_of_panicking() {
    let context = JSON::parse(r#"{"today":"2026-11-21","plan":"personal"}"#).unwrap();
    assert!(validate_coupon_update(JsValue::from(5), context.clone(), None).is_err());
    assert!(validate_coupon_update(Array::new().into(), context, None).is_err());
    let request = JSON::parse(r#"{"cpnNo":"ZJLF0399WQBEQZJM"}"#).unwrap();
    let no_today = JSON::parse(r#"{"plan":"personal"}"#).unwrap();
    assert!(validate_coupon_update(request, no_today, None).is_err());
}

#[wasm_bindgen_test]
fn form_helpers_are_exported() {
    assert_eq!(latest_end_date("2026-11-21").unwrap(), "2027-12-31");
    assert!(latest_end_date("yesterday").is_err());
    assert_eq!(normalize_coupon_code("zjlf-0399 wqbe-qzjm"), "ZJLF0399WQBEQZJM");
}

#[wasm_bindgen_test]
fn a_changed_context_object_is_seen_even_though_contexts_are_cached() {
    let request = JSON::parse(r#"{"cpnNo":"ZJLF0399WQBEQZJM","domain":"coupons.bestshop.com"}"#).unwrap();
    let context = JSON::parse(r#"{"today":"2026-11-21","plan":"personal"}"#).unwrap();
    let first = validate_coupon_update(request.clone(), context.clone(), None).unwrap();
    assert_eq!(Array::from(&get(&first, "errors")).length(), 1);
    Reflect::set(&context, &"plan".into(), &"premium".into()).unwrap();
    let second = validate_coupon_update(request, context, None).unwrap();
    assert_eq!(Array::from(&get(&second, "errors")).length(), 0);
}

#[wasm_bindgen_test]
fn the_second_dialect_is_exported_too() {
    let request = JSON::parse(
        r#"{"vendor_id":"12","vendor_auth_code":"0af","coupon_code":"ZJLF0399WQBEQZJM","discount_amount":"120"}"#,
    )
    .unwrap();
    let context = JSON::parse(
        r#"{"today":"2026-11-21","plan":"business","stored":{"cpnNo":"ZJLF0399WQBEQZJM","strtYmd":"2026-11-01","discTypeIdx":457}}"#,
    )
    .unwrap();
    let report = validate_paddle_update(request, context, Some("en".into())).unwrap();
    let errors = Array::from(&get(&report, "errors"));
    assert_eq!(errors.length(), 1);
    assert_eq!(get(&errors.get(0), "field").as_string().unwrap(), "discount_amount");
    assert_eq!(get(&errors.get(0), "code").as_string().unwrap(), "out_of_range");
}
