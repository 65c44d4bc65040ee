//! The usage limit: 0 (unlimited) to 5; 2–5 need a user ID.

use super::Check;
use crate::params;
use crate::report::{ErrorCode, Findings};
use crate::request::Field;

/// The highest usage limit.
pub const MAX_USE_LIMIT: i64 = 5;
/// From this limit on, a user ID is required.
pub const USER_ID_FROM_LIMIT: i64 = 2;

pub(super) fn check(check: &Check<'_>, findings: &mut Findings) {
    let request = check.request;
    if let Some(limit) = request.use_limit {
        if !(0..=MAX_USE_LIMIT).contains(&limit) {
            findings.error(
                Field::UseLimit.name(),
                ErrorCode::OutOfRange,
                params! { "min" => 0_i64, "max" => MAX_USE_LIMIT },
            );
            return;
        }
    }
    if request.use_limit.is_none() && request.user_id.is_none() {
        return;
    }
    let limit = check.effective(request.use_limit, |c| c.use_limit).unwrap_or(0);
    let user_id = check.effective_text(&request.user_id, |c| &c.user_id).unwrap_or("");
    if limit >= USER_ID_FROM_LIMIT && user_id.trim().is_empty() {
        let field = if request.use_limit.is_some() { Field::UseLimit } else { Field::UserId };
        findings.error(field.name(), ErrorCode::UserIdRequired, params! { "useLimit" => limit });
    }
}
