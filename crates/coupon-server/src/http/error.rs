//! Every way an API request can fail, with its code, HTTP status and `result` (ARCHITECTURE.md).

use axum::http::StatusCode;
use coupon_rules::{ErrorCode, FieldError, ParamValue, Plan, Report};
use serde_json::{json, Value};

use super::envelope::Success;
use crate::edit::EditError;
use crate::redeem::{RedeemError, Unusable};
use crate::store::StoreError;

/// What an API handler returns.
pub type ApiResult<T> = Result<Success<T>, ApiError>;

/// A failed API request.
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    /// 1001: the body is not JSON.
    #[error("the body is not valid JSON")]
    NotJson,
    /// 1001: the body is JSON but not an object.
    #[error("the body is not a JSON object")]
    NotObject,
    /// 1001: values of the wrong JSON type.
    #[error("values of the wrong JSON type")]
    WrongTypes(Vec<FieldError>),
    /// 1002: the rules found errors.
    #[error("validation failed")]
    Invalid(Report),
    /// 1003: no API key, or an unknown one.
    #[error("API key missing or unknown")]
    Unauthorized,
    /// 1004: the account's plan does not include this.
    #[error("needs the {} plan", required.as_str())]
    PlanRequired {
        /// The cheapest plan that does.
        required: Plan,
        /// The validation report, when a field of the request needs the plan.
        report: Option<Report>,
    },
    /// 1005: no such coupon for this account.
    #[error("no such coupon")]
    NotFound,
    /// 1005: no such API endpoint.
    #[error("no such endpoint")]
    NoEndpoint,
    /// 1006: the coupon has been used; only the memo may change.
    #[error("the coupon has been used")]
    LockedAfterUse(Report),
    /// 1006 when one coupon of a group is used and locked, else 1002: one coupon of a group update
    /// breaks a rule, so none changed.
    #[error("coupon {cpn_no} breaks {} rule(s)", report.errors.len())]
    CouponRefused {
        /// The first coupon (by code) that breaks a rule.
        cpn_no: String,
        /// What it breaks.
        report: Report,
    },
    /// 1005: no coupon group of that name for this account.
    #[error("no such coupon group")]
    GroupNotFound,
    /// 1007: too many requests or wrong passwords; retry after this many seconds.
    #[error("too many requests")]
    TooManyRequests {
        /// Seconds to wait.
        retry_after: u64,
    },
    /// 1008: wrong store password.
    #[error("wrong store password")]
    WrongPassword {
        /// Wrong passwords still allowed in the window.
        attempts_left: usize,
    },
    /// 1009: the coupon cannot be used now.
    #[error("the coupon cannot be used now")]
    Unusable(Unusable),
    /// 1010: the coupon code exists.
    #[error("the coupon code exists")]
    DuplicateCode,
    /// 1011: the body is over 64 KiB.
    #[error("the body is too large")]
    BodyTooLarge,
    /// 1012: the body is not `application/json`.
    #[error("the body is not application/json")]
    UnsupportedMediaType,
    /// 1013 with HTTP 408: the request took longer than the server allows.
    #[error("the request took too long")]
    RequestTimeout,
    /// 1001 with HTTP 405: the path exists, the method does not.
    #[error("method not allowed")]
    MethodNotAllowed,
    /// 1099: a failure of ours; logged, never shown.
    #[error("internal error")]
    Internal(#[source] Box<dyn std::error::Error + Send + Sync>),
}

impl ApiError {
    /// The envelope's `code`.
    pub fn code(&self) -> u16 {
        match self {
            ApiError::NotJson | ApiError::NotObject | ApiError::WrongTypes(_) | ApiError::MethodNotAllowed => 1001,
            ApiError::Invalid(_) => 1002,
            ApiError::Unauthorized => 1003,
            ApiError::PlanRequired { .. } => 1004,
            ApiError::NotFound | ApiError::NoEndpoint | ApiError::GroupNotFound => 1005,
            ApiError::LockedAfterUse(_) => 1006,
            ApiError::CouponRefused { report, .. } if report.has_error(ErrorCode::LockedAfterUse) => 1006,
            ApiError::CouponRefused { .. } => 1002,
            ApiError::TooManyRequests { .. } => 1007,
            ApiError::WrongPassword { .. } => 1008,
            ApiError::Unusable(_) => 1009,
            ApiError::DuplicateCode => 1010,
            ApiError::BodyTooLarge => 1011,
            ApiError::UnsupportedMediaType => 1012,
            ApiError::RequestTimeout => 1013,
            ApiError::Internal(_) => 1099,
        }
    }

    /// The HTTP status that goes with the code.
    pub fn status(&self) -> StatusCode {
        match self {
            ApiError::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
            ApiError::NotJson | ApiError::NotObject | ApiError::WrongTypes(_) => StatusCode::BAD_REQUEST,
            ApiError::Invalid(_) => StatusCode::UNPROCESSABLE_ENTITY,
            ApiError::Unauthorized => StatusCode::UNAUTHORIZED,
            ApiError::PlanRequired { .. } | ApiError::WrongPassword { .. } => StatusCode::FORBIDDEN,
            ApiError::NotFound | ApiError::NoEndpoint | ApiError::GroupNotFound => StatusCode::NOT_FOUND,
            ApiError::CouponRefused { .. } if self.code() == 1006 => StatusCode::CONFLICT,
            ApiError::CouponRefused { .. } => StatusCode::UNPROCESSABLE_ENTITY,
            ApiError::LockedAfterUse(_) | ApiError::Unusable(_) | ApiError::DuplicateCode => StatusCode::CONFLICT,
            ApiError::TooManyRequests { .. } => StatusCode::TOO_MANY_REQUESTS,
            ApiError::BodyTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            ApiError::UnsupportedMediaType => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            ApiError::RequestTimeout => StatusCode::REQUEST_TIMEOUT,
            ApiError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// The envelope's `result`.
    pub fn result(&self) -> Value {
        match self {
            ApiError::Invalid(report) => json!(report),
            ApiError::PlanRequired { required, report: None } => json!({ "required": required }),
            ApiError::PlanRequired { required, report: Some(report) } => {
                json!({ "required": required, "errors": report.errors, "warnings": report.warnings })
            }
            ApiError::LockedAfterUse(report) => json!({ "errors": report.errors }),
            ApiError::CouponRefused { cpn_no, report } if self.code() == 1006 => {
                json!({ "errors": report.errors, "cpnNo": cpn_no })
            }
            ApiError::CouponRefused { cpn_no, report } => {
                json!({ "errors": report.errors, "warnings": report.warnings, "cpnNo": cpn_no })
            }
            ApiError::TooManyRequests { retry_after } => json!({ "retryAfter": retry_after }),
            ApiError::WrongPassword { attempts_left } => json!({ "attemptsLeft": attempts_left }),
            ApiError::Unusable(why) => json!({ "reason": why.reason() }),
            _ => Value::Null,
        }
    }

    /// A failure of ours.
    pub fn internal(error: impl std::error::Error + Send + Sync + 'static) -> ApiError {
        ApiError::Internal(Box::new(error))
    }

    /// The answer to a report with errors: a used coupon's lock (1006), a plan (1004), or 1002.
    pub fn rejected(report: Report) -> ApiError {
        if report.has_error(ErrorCode::LockedAfterUse) {
            return ApiError::LockedAfterUse(report);
        }
        let required = report
            .errors
            .iter()
            .filter(|e| e.code == ErrorCode::PlanRequired)
            .filter_map(|e| match e.param("required") {
                Some(ParamValue::Text(plan)) => Plan::parse(plan),
                _ => None,
            })
            .max();
        match required {
            Some(required) => ApiError::PlanRequired { required, report: Some(report) },
            None => ApiError::Invalid(report),
        }
    }
}

impl From<StoreError> for ApiError {
    fn from(error: StoreError) -> ApiError {
        ApiError::internal(error)
    }
}

impl From<EditError> for ApiError {
    fn from(error: EditError) -> ApiError {
        match error {
            EditError::WrongTypes(errors) => ApiError::WrongTypes(errors),
            EditError::Rejected(report) => ApiError::rejected(report),
            EditError::NotFound => ApiError::NotFound,
            EditError::DuplicateCode => ApiError::DuplicateCode,
            EditError::Busy | EditError::PasswordsBusy => ApiError::TooManyRequests { retry_after: 1 },
            EditError::Password(e) => ApiError::internal(e),
            EditError::Store(e) => ApiError::internal(e),
        }
    }
}

impl From<RedeemError> for ApiError {
    fn from(error: RedeemError) -> ApiError {
        match error {
            RedeemError::NotFound => ApiError::NotFound,
            RedeemError::Unusable(why) => ApiError::Unusable(why),
            RedeemError::WrongPassword { attempts_left } => ApiError::WrongPassword { attempts_left },
            RedeemError::Locked(locked) => {
                ApiError::TooManyRequests { retry_after: locked.retry_after.as_secs().max(1) }
            }
            RedeemError::Busy | RedeemError::PasswordsBusy => ApiError::TooManyRequests { retry_after: 1 },
            RedeemError::KeyReused => ApiError::Invalid(Report {
                errors: vec![FieldError::new(
                    "idempotencyKey",
                    ErrorCode::IdempotencyKeyReused,
                    coupon_rules::params! {},
                    super::lang::current(),
                )],
                warnings: Vec::new(),
            }),
            RedeemError::Password(e) => ApiError::internal(e),
            RedeemError::Store(e) => ApiError::internal(e),
        }
    }
}
