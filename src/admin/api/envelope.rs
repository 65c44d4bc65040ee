//! The reply envelope `{code, message, result}` of the admin endpoints, read into a typed outcome.
//! Parsed by the browser's `JSON.parse` and read with serde-wasm-bindgen (like the customer page), so
//! no JSON parser ships in the bundle.

use coupon_rules::{FieldError, Plan, Report};
use serde::de::DeserializeOwned;
use serde::Deserialize;
use wasm_bindgen::JsValue;

use super::AdminApiError;

/// `result` of 1004: the plan, and the fields that need it when a field does.
#[derive(Debug, Deserialize)]
struct PlanResult {
    required: Plan,
    #[serde(default)]
    errors: Vec<FieldError>,
}

/// `result` of 1006.
#[derive(Debug, Deserialize)]
struct LockedResult {
    #[serde(default)]
    errors: Vec<FieldError>,
}

/// `result` of 1007.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct BusyResult {
    retry_after: u64,
}

/// Reads a reply body: the result as `T` on success, else the failure its code names.
pub(super) fn read<T: DeserializeOwned>(body: &str) -> Result<T, AdminApiError> {
    let reply = js_sys::JSON::parse(body).map_err(|_| AdminApiError::BadReply)?;
    let code = field(&reply, "code").as_f64().ok_or(AdminApiError::BadReply)? as i64;
    let result = field(&reply, "result");
    match code {
        0 => read_result(result),
        1002 => Err(AdminApiError::Invalid(read_result::<Report>(result)?)),
        1003 => Err(AdminApiError::Unauthorized),
        1004 => {
            let PlanResult { required, errors } = read_result(result)?;
            Err(AdminApiError::PlanRequired { required, errors })
        }
        1005 => Err(AdminApiError::NotFound),
        1006 => Err(AdminApiError::Locked { errors: read_result::<LockedResult>(result)?.errors }),
        1007 => Err(AdminApiError::Busy { retry_after: read_result::<BusyResult>(result)?.retry_after }),
        1010 => Err(AdminApiError::DuplicateCode),
        code => Err(AdminApiError::Refused { code, message: field(&reply, "message").as_string().unwrap_or_default() }),
    }
}

/// The coupon a refusal names (`result.cpnNo` of a group update's 1002 or 1006), if any.
pub(super) fn refused_coupon(body: &str) -> Option<String> {
    let reply = js_sys::JSON::parse(body).ok()?;
    field(&field(&reply, "result"), "cpnNo").as_string()
}

/// Writes a request body as JSON text.
pub(super) fn write<T: serde::Serialize>(body: &T) -> Result<String, AdminApiError> {
    let value = serde_wasm_bindgen::to_value(body).map_err(|_| AdminApiError::Encode)?;
    js_sys::JSON::stringify(&value).ok().and_then(|text| text.as_string()).ok_or(AdminApiError::Encode)
}

/// A `result` in the shape `T`.
fn read_result<T: DeserializeOwned>(value: JsValue) -> Result<T, AdminApiError> {
    serde_wasm_bindgen::from_value(value).map_err(|_| AdminApiError::BadReply)
}

/// A field of a JSON object; `undefined` when absent or not an object.
fn field(object: &JsValue, name: &str) -> JsValue {
    js_sys::Reflect::get(object, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
}
