//! The API's reply envelope `{code, message, result}`: the code says what happened and what shape
//! the result has. Read from the browser's `JSON.parse`, so no JSON parser ships in the bundle.

use coupon_rules::CouponStatus;
use wasm_bindgen::JsValue;

use super::decode::{self, field};
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
        let code = decode::integer(&field(&reply, "code")).ok_or(ApiError::BadReply)?;
        Ok(Envelope { code, result: field(&reply, "result") })
    }

    /// Success, or the failure the code and result describe.
    pub(super) fn outcome(&self) -> Result<(), ApiError> {
        let number = |name: &str| decode::integer(&field(&self.result, name)).ok_or(ApiError::BadReply);
        match self.code {
            0 => Ok(()),
            1005 => Err(ApiError::NotFound),
            1007 => Err(ApiError::TooManyAttempts { retry_after: number("retryAfter")?.max(0) as u64 }),
            1008 => Err(ApiError::WrongPassword { attempts_left: number("attemptsLeft")?.max(0) as u32 }),
            1009 => {
                let reason = field(&self.result, "reason").as_string().and_then(|reason| CouponStatus::parse(&reason));
                Err(ApiError::NotUsable { reason: reason.ok_or(ApiError::BadReply)? })
            }
            code => Err(ApiError::Refused { code }),
        }
    }

    /// The result of a successful reply, read by `read`.
    pub(super) fn result<T>(self, read: impl FnOnce(&JsValue) -> Option<T>) -> Result<T, ApiError> {
        self.outcome()?;
        read(&self.result).ok_or(ApiError::BadReply)
    }
}
