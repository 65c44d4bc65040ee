//! Why `update_coupon` was refused or failed, with the vendor's error code.

use coupon_rules::Report;

use super::codes;
use crate::edit::bulk::BulkError;
use crate::store::StoreError;

/// Why a body could not be read as a request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unreadable {
    /// Neither form-encoded nor JSON.
    MediaType,
    /// JSON that does not parse.
    NotJson,
    /// JSON, but not an object.
    NotObject,
    /// Over 64 KiB.
    TooLarge,
    /// Not a POST.
    Method,
}

/// A refused or failed `update_coupon`.
#[derive(Debug, thiserror::Error)]
pub enum PaddleError {
    /// The body is no request (101).
    #[error("unreadable body: {0:?}")]
    Unreadable(Unreadable),
    /// The request, or applying it to a coupon, breaks rules; nothing changed.
    #[error("the request breaks {} rule(s)", report.errors.len())]
    Refused {
        /// What it breaks.
        report: Report,
        /// The coupon that would break them, when it is one coupon's rules.
        cpn_no: Option<String>,
    },
    /// Unknown vendor_id, or an auth code that is not its own (107).
    #[error("bad credentials")]
    BadCredentials,
    /// The account's plan does not include the API (107).
    #[error("the plan excludes the API")]
    PlanExcludesApi,
    /// No such coupon for this account.
    #[error("no such coupon")]
    CouponNotFound,
    /// No group of that name for this account.
    #[error("no such group")]
    GroupNotFound,
    /// The new code belongs to another coupon (132).
    #[error("the new coupon code exists")]
    CodeTaken,
    /// The coupons kept changing while we tried.
    #[error("the coupons keep changing")]
    Busy,
    /// A failure of ours (120); logged, never shown.
    #[error("internal error")]
    Internal(#[source] Box<dyn std::error::Error + Send + Sync>),
}

impl PaddleError {
    /// The vendor's (or, where it has none, our) error code.
    pub fn code(&self) -> u16 {
        match self {
            PaddleError::Unreadable(_) => codes::BAD_CALL,
            PaddleError::Refused { report, .. } => codes::for_report(report),
            PaddleError::BadCredentials | PaddleError::PlanExcludesApi => codes::NO_PERMISSION,
            PaddleError::CouponNotFound | PaddleError::GroupNotFound => codes::NOT_FOUND,
            PaddleError::CodeTaken => codes::CODE_TAKEN,
            PaddleError::Busy => codes::BUSY,
            PaddleError::Internal(_) => codes::INTERNAL,
        }
    }

    /// A refusal when `report` has errors.
    pub fn check(report: Report) -> Result<(), PaddleError> {
        if report.is_ok() {
            Ok(())
        } else {
            Err(PaddleError::Refused { report, cpn_no: None })
        }
    }
}

impl From<StoreError> for PaddleError {
    fn from(error: StoreError) -> PaddleError {
        PaddleError::Internal(Box::new(error))
    }
}

impl From<BulkError> for PaddleError {
    fn from(error: BulkError) -> PaddleError {
        match error {
            BulkError::CouponNotFound => PaddleError::CouponNotFound,
            BulkError::GroupNotFound => PaddleError::GroupNotFound,
            BulkError::Refused { cpn_no, report } => PaddleError::Refused { report, cpn_no: Some(cpn_no) },
            BulkError::DuplicateCode => PaddleError::CodeTaken,
            BulkError::Busy => PaddleError::Busy,
            BulkError::Store(e) => PaddleError::Internal(Box::new(e)),
        }
    }
}
