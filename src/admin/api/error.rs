//! Why a call to the admin endpoints did not give what was asked.

use coupon_rules::{FieldError, Plan, Report};
use thiserror::Error;

/// A failed call to `/api/coupon/v1/…`, by the envelope's code (ARCHITECTURE.md).
#[derive(Debug, Clone, PartialEq, Error)]
pub enum AdminApiError {
    /// The request or its reply did not get through; trying again is safe.
    #[error("the server could not be reached")]
    Network,
    /// The request could not be written as JSON (never expected: the request is plain data).
    #[error("the request could not be encoded")]
    Encode,
    /// The reply was not the envelope the API promises.
    #[error("the server's reply could not be read")]
    BadReply,
    /// 1002: the server's rules refused fields (errors and warnings, each on its field).
    #[error("the server refused {} field(s)", .0.errors.len())]
    Invalid(Report),
    /// 1003: the API key is missing or unknown.
    #[error("the API key was refused")]
    Unauthorized,
    /// 1004: the account's plan does not include this; `errors` name the fields, when a field needs it.
    #[error("needs the {} plan", required.as_str())]
    PlanRequired {
        /// The cheapest plan that does.
        required: Plan,
        /// The fields that need it.
        errors: Vec<FieldError>,
    },
    /// 1005: no such coupon in this account.
    #[error("no such coupon")]
    NotFound,
    /// 1006: the coupon has been used; only the memo may change.
    #[error("the coupon has been used")]
    Locked {
        /// The fields that may not change.
        errors: Vec<FieldError>,
    },
    /// 1007: too many requests.
    #[error("too many requests, retry after {retry_after} s")]
    Busy {
        /// Seconds to wait.
        retry_after: u64,
    },
    /// 1010: the requested code is taken.
    #[error("the coupon code exists")]
    DuplicateCode,
    /// Any other failure code, with the server's message for people.
    #[error("refused with code {code}: {message}")]
    Refused {
        /// The envelope's code.
        code: i64,
        /// The envelope's message.
        message: String,
    },
}

impl AdminApiError {
    /// The field errors the server placed on fields, to show beside them.
    pub fn field_errors(&self) -> &[FieldError] {
        match self {
            AdminApiError::Invalid(report) => &report.errors,
            AdminApiError::PlanRequired { errors, .. } | AdminApiError::Locked { errors } => errors,
            _ => &[],
        }
    }

    /// Whether the same request may simply be sent again (the failure was on the way, not a refusal).
    pub fn is_retryable(&self) -> bool {
        matches!(self, AdminApiError::Network | AdminApiError::BadReply | AdminApiError::Busy { .. })
    }
}
