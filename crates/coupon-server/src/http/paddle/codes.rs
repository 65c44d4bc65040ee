//! The vendor's error codes (seed `002_…`'s API documents them), chosen for each rule a request
//! breaks; where the vendor has none, this API's own code for the same failure (ARCHITECTURE.md).

use coupon_rules::{ErrorCode, FieldError, Report};

/// Bad method call: an unreadable body, or fields and values this API does not take.
pub const BAD_CALL: u16 = 101;
/// You don't have permission to access this resource (credentials, plan).
pub const NO_PERMISSION: u16 = 107;
/// Provided currency is not valid.
pub const BAD_CURRENCY: u16 = 109;
/// One or more required arguments are missing.
pub const MISSING_ARGUMENTS: u16 = 116;
/// Request failed due to internal error.
pub const INTERNAL: u16 = 120;
/// Provided date is not valid.
pub const BAD_DATE: u16 = 122;
/// The given percentage is not valid.
pub const BAD_PERCENTAGE: u16 = 128;
/// The given amount is not a valid flat amount.
pub const BAD_FLAT_AMOUNT: u16 = 129;
/// The allowed uses must be a number.
pub const BAD_ALLOWED_USES: u16 = 130;
/// The given coupon code is invalid.
pub const BAD_COUPON_CODE: u16 = 131;
/// The given coupon code has already been used (taken by another coupon).
pub const CODE_TAKEN: u16 = 132;
/// Ours: no such coupon or group for this account.
pub const NOT_FOUND: u16 = 1005;
/// Ours: the coupon has been used, so only its code may change.
pub const LOCKED_AFTER_USE: u16 = 1006;
/// Ours: the coupons kept changing while the change was tried; try again.
pub const BUSY: u16 = 1007;

/// The code that answers a report with errors: a used coupon's lock wins, else the first error's.
pub fn for_report(report: &Report) -> u16 {
    if report.has_error(ErrorCode::LockedAfterUse) {
        return LOCKED_AFTER_USE;
    }
    report.errors.first().map_or(BAD_CALL, for_error)
}

/// The code of one broken rule.
pub fn for_error(error: &FieldError) -> u16 {
    use ErrorCode::*;
    match (error.code, error.field.as_ref()) {
        (LockedAfterUse, _) => LOCKED_AFTER_USE,
        (UnknownField | Conflict, _) => BAD_CALL,
        // A currency "required" by a flat discount is about the currency.
        (_, "currency") => BAD_CURRENCY,
        (Required | OneOfRequired, _) => MISSING_ARGUMENTS,
        (_, "vendor_id" | "vendor_auth_code") => NO_PERMISSION,
        (_, "coupon_code" | "new_coupon_code") => BAD_COUPON_CODE,
        (_, "expires") => BAD_DATE,
        // Only a percentage has an upper bound; every other amount error is a flat amount's.
        (OutOfRange, "discount_amount") => BAD_PERCENTAGE,
        (_, "discount_amount") => BAD_FLAT_AMOUNT,
        (_, "allowed_uses") => BAD_ALLOWED_USES,
        // group, new_group, product_ids, recurring: the vendor has no code of their own.
        _ => BAD_CALL,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use coupon_rules::{params, Lang};

    fn error(field: &'static str, code: ErrorCode) -> FieldError {
        FieldError::new(field, code, params! {}, Lang::En)
    }

    #[test]
    fn a_lock_anywhere_wins_over_the_first_error() {
        let report = Report {
            errors: vec![error("currency", ErrorCode::Required), error("expires", ErrorCode::LockedAfterUse)],
            warnings: vec![],
        };
        assert_eq!(for_report(&report), LOCKED_AFTER_USE);
        assert_eq!(for_report(&Report { errors: report.errors[..1].to_vec(), warnings: vec![] }), BAD_CURRENCY);
    }
}
