//! `cpnNo`: required on update, optional on create; 8–16 of `A-Z0-9`, no dashes.

use super::Check;
use crate::formats::code::{is_code, MAX_CODE_LEN, MIN_CODE_LEN};
use crate::lang::Lang;
use crate::params;
use crate::report::{ErrorCode, Findings, Report};
use crate::request::Field;

pub(super) fn check(check: &Check<'_>, findings: &mut Findings) {
    if !check.identified_by_code {
        return;
    }
    let field = Field::CpnNo.name();
    match check.request.cpn_no.as_deref() {
        None | Some("") if check.is_create() => {}
        None | Some("") => findings.error(field, ErrorCode::Required, params! {}),
        Some(code) => check_format(field, code, findings),
    }
}

/// Checks a code of this store (8–16 of `A-Z0-9`, no dashes) given in `field`.
pub(crate) fn check_format(field: &'static str, code: &str, findings: &mut Findings) {
    if code.contains('-') {
        findings.error(field, ErrorCode::ContainsDash, params! {});
    } else if !is_code(code) {
        findings.error(field, ErrorCode::InvalidCode, params! { "min" => MIN_CODE_LEN, "max" => MAX_CODE_LEN });
    }
}

/// Checks a coupon code on its own (as `cpnNo`), e.g. one typed to open a coupon.
pub fn validate_code(code: &str, lang: Lang) -> Report {
    let mut findings = Findings::new(lang);
    check_format(Field::CpnNo.name(), code, &mut findings);
    findings.finish()
}
