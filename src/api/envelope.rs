//! The API's reply envelope `{code, message, result}`: the code says what happened and what shape
//! the result has. Read from the browser's `JSON.parse`, so no JSON parser ships in the bundle.

use coupon_rules::CouponStatus;
use serde::de::DeserializeOwned;
use wasm_bindgen::JsValue;

use super::ApiError;

/// A parsed reply: its code and its result.
pub(super) struct Envelope {
    code: i64,
    result: JsValue,
}

impl Envelope {
    /// Parses a reply body; `BadReply` unless it is an envelope.
    pub(super) fn parse(body: &str) -> Result<Envelope, ApiError> {
        let reply = js_sys::JSON::parse(body).map_err(|_| ApiError::BadReply)?;
        let code = field(&reply, "code").as_f64().ok_or(ApiError::BadReply)?;
        Ok(Envelope { code: code as i64, result: field(&reply, "result") })
    }

    /// Success, or the failure the code and result describe.
    pub(super) fn outcome(&self) -> Result<(), ApiError> {
        let number = |name: &str| field(&self.result, name).as_f64().ok_or(ApiError::BadReply);
        match self.code {
            0 => Ok(()),
            1005 => Err(ApiError::NotFound),
            1007 => Err(ApiError::TooManyAttempts { retry_after: number("retryAfter")? as u64 }),
            1008 => Err(ApiError::WrongPassword { attempts_left: number("attemptsLeft")? as u32 }),
            1009 => {
                let reason = serde_wasm_bindgen::from_value::<CouponStatus>(field(&self.result, "reason"))
                    .map_err(|_| ApiError::BadReply)?;
                Err(ApiError::NotUsable { reason })
            }
            code => Err(ApiError::Refused { code }),
        }
    }

    /// The result of a successful reply, in the shape `T`.
    pub(super) fn result<T: DeserializeOwned>(self) -> Result<T, ApiError> {
        self.outcome()?;
        serde_wasm_bindgen::from_value(self.result).map_err(|_| ApiError::BadReply)
    }
}

/// A field of a JSON object; `undefined` when absent or not an object.
fn field(object: &JsValue, name: &str) -> JsValue {
    js_sys::Reflect::get(object, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
}
