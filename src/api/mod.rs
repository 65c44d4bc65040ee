//! Calls to the public coupon endpoints, with typed failures.

pub mod decode;
mod envelope;
mod error;
mod http;
mod idempotency;

pub use error::ApiError;
pub use idempotency::new_idempotency_key;

use coupon_rules::PublicCoupon;
use envelope::Envelope;
use gloo_net::http::Method;
use wasm_bindgen::JsValue;

/// The public view of one coupon: `GET /api/public/v1/coupons/{cpnNo}`.
pub async fn fetch_coupon(cpn_no: &str) -> Result<PublicCoupon, ApiError> {
    let body = http::exchange(Method::GET, &coupon_url(cpn_no), None).await?;
    Envelope::parse(&body)?.result(decode::public_coupon)
}

/// Uses the coupon once with the store password: `POST /api/public/v1/coupons/{cpnNo}/use`.
/// Sending the same `idempotency_key` again never uses it twice. The answer is the receipt's undo
/// token (60 s, once), absent from a retry's answer.
pub async fn use_coupon(cpn_no: &str, password: &str, idempotency_key: &str) -> Result<Option<String>, ApiError> {
    let body = use_request_json(password, idempotency_key).ok_or(ApiError::BadReply)?;
    let reply = http::exchange(Method::POST, &format!("{}/use", coupon_url(cpn_no)), Some(&body)).await?;
    Envelope::parse(&reply)?.result(|result| Some(decode::field(result, "undoToken").as_string()))
}

/// Takes back the use the token came with, without the password:
/// `POST /api/public/v1/coupons/{cpnNo}/undo-use`. A token unknown, taken or older than 60 s is
/// [`ApiError::UndoExpired`].
pub async fn undo_use(cpn_no: &str, undo_token: &str) -> Result<(), ApiError> {
    let body = json_object(&[("undoToken", undo_token)]).ok_or(ApiError::BadReply)?;
    let reply = http::exchange(Method::POST, &format!("{}/undo-use", coupon_url(cpn_no)), Some(&body)).await?;
    match Envelope::parse(&reply)?.outcome() {
        // The endpoint's only field refusal is `undo_expired` on `undoToken`.
        Err(ApiError::Refused { code: 1002 }) => Err(ApiError::UndoExpired),
        outcome => outcome,
    }
}

/// The public address of a coupon; the code is made of `A-Z0-9` only, so it needs no escaping.
fn coupon_url(cpn_no: &str) -> String {
    format!("/api/public/v1/coupons/{cpn_no}")
}

/// The body of a use: `{"onsitePwd": …, "idempotencyKey": …}`.
fn use_request_json(password: &str, idempotency_key: &str) -> Option<String> {
    json_object(&[("onsitePwd", password), ("idempotencyKey", idempotency_key)])
}

/// A JSON object of text fields, escaped by the browser's JSON.
fn json_object(fields: &[(&str, &str)]) -> Option<String> {
    let body = js_sys::Object::new();
    for (name, value) in fields {
        js_sys::Reflect::set(&body, &(*name).into(), &(*value).into()).ok()?;
    }
    js_sys::JSON::stringify(&JsValue::from(body)).ok()?.as_string()
}
