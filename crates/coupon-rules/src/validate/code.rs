//! `cpnNo`: required on update, optional on create; 8–16 of `A-Z0-9`, no dashes.

use super::Check;
use crate::formats::code::{is_code, MAX_CODE_LEN, MIN_CODE_LEN};
use crate::params;
use crate::report::{ErrorCode, Findings};
use crate::request::Field;

pub(super) fn check(check: &Check<'_>, findings: &mut Findings) {
    if !check.identified_by_code {
        return;
    }
    let field = Field::CpnNo.name();
    match check.request.cpn_no.as_deref() {
        None | Some("") if check.is_create() => {}
        None | Some("") => findings.error(field, ErrorCode::Required, params! {}),
        Some(code) if code.contains('-') => findings.error(field, ErrorCode::ContainsDash, params! {}),
        Some(code) if !is_code(code) => {
            findings.error(field, ErrorCode::InvalidCode, params! { "min" => MIN_CODE_LEN, "max" => MAX_CODE_LEN })
        }
        Some(_) => {}
    }
}
