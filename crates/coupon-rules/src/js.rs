//! The rules exported to JavaScript with wasm-bindgen: plain JS objects in, plain JS objects out.
//!
//! ```js
//! import init, { validateCouponUpdate } from "./coupon_rules.js";
//! await init();
//! const report = validateCouponUpdate({ cpnNo: "ZJLF0399WQBEQZJM", endYmd: "2031-01-01" },
//!                                     { today: "2026-11-21", plan: "personal" }, "ko");
//! report.errors[0].code; // "date_beyond_limit"
//! ```

use std::cell::RefCell;
use std::rc::Rc;

use js_sys::{Array, JsString, Object, Reflect, JSON};
use serde::de::DeserializeOwned;
use wasm_bindgen::prelude::*;

use crate::lang::Lang;
use crate::model::{Context, Ymd};
use crate::paddle::{validate_paddle_change, validate_paddle_request, PaddleRequest};
use crate::report::{FieldError, ParamValue, Report};
use crate::request::UpdateRequest;
use crate::validate::{validate, Mode};

// The types themselves are derived from the Rust types (tsify); these are the package's older names.
#[wasm_bindgen(typescript_custom_section)]
const TYPESCRIPT_ALIASES: &'static str = r#"
/** The update/create request: absent fields are unchanged (update) or default (create). */
export type CouponUpdateRequest = UpdateRequest;
/** A request of the second vendor's update_coupon. */
export type PaddleUpdateRequest = PaddleRequest;
/** What the rules consult besides the request. */
export type CouponContext = Context;
"#;

/// Validates an update request: `validateCouponUpdate(request, context, lang?)`.
#[wasm_bindgen(js_name = validateCouponUpdate, unchecked_return_type = "Report")]
pub fn validate_coupon_update(
    #[wasm_bindgen(unchecked_param_type = "CouponUpdateRequest")] request: JsValue,
    #[wasm_bindgen(unchecked_param_type = "CouponContext")] context: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Lang | undefined")] lang: Option<String>,
) -> Result<JsValue, JsError> {
    run(request, context, lang, Mode::Update)
}

/// Validates a create request: `validateCouponCreate(request, context, lang?)`.
#[wasm_bindgen(js_name = validateCouponCreate, unchecked_return_type = "Report")]
pub fn validate_coupon_create(
    #[wasm_bindgen(unchecked_param_type = "CouponUpdateRequest")] request: JsValue,
    #[wasm_bindgen(unchecked_param_type = "CouponContext")] context: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Lang | undefined")] lang: Option<String>,
) -> Result<JsValue, JsError> {
    run(request, context, lang, Mode::Create)
}

/// Validates a request of the second vendor's dialect (`update_coupon`):
/// `validatePaddleUpdate(request, context, lang?)`. With `context.stored`, the rules that depend on
/// that coupon (discount bounds for its type, the after-use lock) run too.
#[wasm_bindgen(js_name = validatePaddleUpdate, unchecked_return_type = "Report")]
pub fn validate_paddle_update(
    #[wasm_bindgen(unchecked_param_type = "PaddleUpdateRequest")] request: JsValue,
    #[wasm_bindgen(unchecked_param_type = "CouponContext")] context: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Lang | undefined")] lang: Option<String>,
) -> Result<JsValue, JsError> {
    if !request.is_object() || Array::is_array(&request) {
        return Err(JsError::new("request must be a plain object of update_coupon fields"));
    }
    let request: PaddleRequest = from_json(&stringify(&request, "request")?, "request")?;
    let context = parsed_context(&context)?;
    let lang = lang.as_deref().and_then(Lang::from_tag).unwrap_or_default();
    let mut report = validate_paddle_request(&request, context.today, lang);
    let change = validate_paddle_change(&request, &context, lang);
    report.errors.extend(change.errors);
    report.warnings.extend(change.warnings);
    Ok(report_to_js(&report))
}

/// The latest end date for a given today: `latestEndDate("2026-11-21")` is `"2027-12-31"`.
#[wasm_bindgen(js_name = latestEndDate)]
pub fn latest_end_date(today: &str) -> Result<String, JsError> {
    let today = Ymd::parse(today).map_err(|_| JsError::new("today must be a date written YYYY-MM-DD"))?;
    Ok(crate::latest_end_date(today).to_string())
}

/// A typed coupon code cleaned: `normalizeCouponCode("zjlf-0399")` is `"ZJLF0399"`.
#[wasm_bindgen(js_name = normalizeCouponCode)]
pub fn normalize_coupon_code(typed: &str) -> String {
    crate::normalize_code(typed)
}

fn run(request: JsValue, context: JsValue, lang: Option<String>, mode: Mode) -> Result<JsValue, JsError> {
    if !request.is_object() || js_sys::Array::is_array(&request) {
        return Err(JsError::new("request must be a plain object of coupon fields"));
    }
    let request: UpdateRequest = from_json(&stringify(&request, "request")?, "request")?;
    let context = parsed_context(&context)?;
    let lang = lang.as_deref().and_then(Lang::from_tag).unwrap_or_default();
    Ok(report_to_js(&validate(&request, &context, mode, lang)))
}

thread_local! {
    /// The last context, as JSON text and parsed: a form validates many requests against one context.
    static LAST_CONTEXT: RefCell<Option<(JsString, Rc<Context>)>> = const { RefCell::new(None) };
}

/// The context, parsed once per distinct content (compared as JSON text, so a mutated object is seen).
fn parsed_context(context: &JsValue) -> Result<Rc<Context>, JsError> {
    let text = stringify(context, "context")?;
    let cached = LAST_CONTEXT.with_borrow(|last| last.as_ref().filter(|(t, _)| *t == text).map(|(_, c)| c.clone()));
    if let Some(context) = cached {
        return Ok(context);
    }
    let parsed: Rc<Context> = Rc::new(from_json(&text, "context")?);
    LAST_CONTEXT.set(Some((text, parsed.clone())));
    Ok(parsed)
}

// One JSON.stringify and one parse in wasm beat a property-by-property walk through the JS boundary.
fn stringify(value: &JsValue, what: &str) -> Result<JsString, JsError> {
    JSON::stringify(value).map_err(|_| JsError::new(&format!("{what} must be a plain object")))
}

fn from_json<T: DeserializeOwned>(text: &JsString, what: &str) -> Result<T, JsError> {
    serde_json::from_str(&String::from(text)).map_err(|e| JsError::new(&format!("{what}: {e}")))
}

/// The report as plain JS objects, built directly (no JSON round trip).
fn report_to_js(report: &Report) -> JsValue {
    let object = Object::new();
    set(&object, "errors", &findings_to_js(&report.errors));
    set(&object, "warnings", &findings_to_js(&report.warnings));
    object.into()
}

fn findings_to_js(findings: &[FieldError]) -> JsValue {
    let array = Array::new();
    for finding in findings {
        let object = Object::new();
        set(&object, "field", &JsValue::from_str(&finding.field));
        set(&object, "code", &JsValue::from_str(finding.code.as_str()));
        set(&object, "message", &JsValue::from_str(&finding.message));
        let params = Object::new();
        for (name, value) in &finding.params {
            let value = match value {
                ParamValue::Int(i) => JsValue::from_f64(*i as f64),
                ParamValue::Num(n) => JsValue::from_f64(*n),
                ParamValue::Text(t) => JsValue::from_str(t),
            };
            set(&params, name, &value);
        }
        set(&object, "params", &params);
        array.push(&object);
    }
    array.into()
}

fn set(object: &Object, key: &str, value: &JsValue) {
    // Setting a property on a fresh plain object cannot fail.
    let _ = Reflect::set(object, &JsValue::from_str(key), value);
}
