//! The reply envelope `{code, message, result}` of the admin endpoints, read into a typed outcome.

use coupon_rules::{FieldError, Plan, Report};
use serde::de::DeserializeOwned;
use serde::Deserialize;
use serde_json::Value;

use super::AdminApiError;

/// Every `/api/…` reply.
#[derive(Debug, Deserialize)]
struct Envelope {
    code: i64,
    #[serde(default)]
    message: String,
    #[serde(default)]
    result: Value,
}

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
    let envelope: Envelope = serde_json::from_str(body).map_err(|_| AdminApiError::BadReply)?;
    match envelope.code {
        0 => result(envelope.result),
        1002 => Err(AdminApiError::Invalid(result::<Report>(envelope.result)?)),
        1003 => Err(AdminApiError::Unauthorized),
        1004 => {
            let PlanResult { required, errors } = result::<PlanResult>(envelope.result)?;
            Err(AdminApiError::PlanRequired { required, errors })
        }
        1005 => Err(AdminApiError::NotFound),
        1006 => Err(AdminApiError::Locked { errors: result::<LockedResult>(envelope.result)?.errors }),
        1007 => Err(AdminApiError::Busy { retry_after: result::<BusyResult>(envelope.result)?.retry_after }),
        1010 => Err(AdminApiError::DuplicateCode),
        code => Err(AdminApiError::Refused { code, message: envelope.message }),
    }
}

/// A `result` in the shape `T`.
fn result<T: DeserializeOwned>(value: Value) -> Result<T, AdminApiError> {
    serde_json::from_value(value).map_err(|_| AdminApiError::BadReply)
}
