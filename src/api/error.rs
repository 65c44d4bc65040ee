//! Why a call to the coupon API did not give what was asked.

use coupon_rules::CouponStatus;
use thiserror::Error;

/// A failed call to the public coupon endpoints.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ApiError {
    /// The request or its reply did not get through; the outcome is unknown.
    #[error("the server could not be reached")]
    Network,
    /// The reply was not the envelope the API promises; the outcome is unknown.
    #[error("the server's reply could not be read")]
    BadReply,
    /// 1005: there is no such coupon.
    #[error("no such coupon")]
    NotFound,
    /// 1007: too many wrong passwords; try again after `retry_after` seconds.
    #[error("too many attempts, retry after {retry_after} s")]
    TooManyAttempts {
        /// Seconds to wait.
        retry_after: u64,
    },
    /// 1008: the store password was wrong.
    #[error("wrong password, {attempts_left} attempts left")]
    WrongPassword {
        /// Tries left before the wait.
        attempts_left: u32,
    },
    /// 1009: the coupon cannot be used now.
    #[error("the coupon cannot be used: {}", reason.as_str())]
    NotUsable {
        /// Why: scheduled, expired or used up.
        reason: CouponStatus,
    },
    /// 1002 `undo_expired`: the undo token is unknown, taken, or its use is older than 60 s.
    #[error("too late to undo the use here")]
    UndoExpired,
    /// Any other failure code.
    #[error("the server refused with code {code}")]
    Refused {
        /// The envelope's code.
        code: i64,
    },
}

impl ApiError {
    /// Whether the server may have acted on the request: then a retry must reuse its idempotency key.
    pub fn outcome_unknown(&self) -> bool {
        match self {
            ApiError::Network | ApiError::BadReply => true,
            // 1099: an internal error may have happened after the use was stored.
            ApiError::Refused { code } => *code == 1099,
            _ => false,
        }
    }
}
