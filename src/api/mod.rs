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
/// Sending the same `idempotency_key` again never uses it twice.
pub async fn use_coupon(cpn_no: &str, password: &str, idempotency_key: &str) -> Result<(), ApiError> {
    let body = use_request_json(password, idempotency_key).ok_or(ApiError::BadReply)?;
    let reply = http::exchange(Method::POST, &format!("{}/use", coupon_url(cpn_no)), Some(&body)).await?;
    Envelope::parse(&reply)?.outcome()
}

/// The public address of a coupon; the code is made of `A-Z0-9` only, so it needs no escaping.
fn coupon_url(cpn_no: &str) -> String {
    format!("/api/public/v1/coupons/{cpn_no}")
}

/// The body of a use: `{"onsitePwd": …, "idempotencyKey": …}`, escaped by the browser's JSON.
fn use_request_json(password: &str, idempotency_key: &str) -> Option<String> {
    let body = js_sys::Object::new();
    js_sys::Reflect::set(&body, &"onsitePwd".into(), &password.into()).ok()?;
    js_sys::Reflect::set(&body, &"idempotencyKey".into(), &idempotency_key.into()).ok()?;
    js_sys::JSON::stringify(&JsValue::from(body)).ok()?.as_string()
}
