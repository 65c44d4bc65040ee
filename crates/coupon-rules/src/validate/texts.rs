//! Free texts: the name, the recipient's details and the memo.

use super::Check;
use crate::formats::email::{is_plausible_email, MAX_EMAIL_LEN};
use crate::formats::phone::{is_phone_number, MAX_PHONE_LEN};
use crate::formats::text::{code_point, forbidden_character};
use crate::lang::Lang;
use crate::params;
use crate::report::{ErrorCode, Findings, Report};
use crate::request::Field;

/// The longest coupon name.
pub const MAX_NAME_LEN: usize = 100;
/// The longest recipient text (`userId`, `userNm`, `userEtc1`, `userEtc2`).
pub const MAX_USER_TEXT_LEN: usize = 100;
/// The longest memo.
pub const MAX_MEMO_LEN: usize = 2000;

pub(super) fn check(check: &Check<'_>, findings: &mut Findings) {
    let request = check.request;
    match request.nm.as_deref() {
        None if check.is_create() => findings.error(Field::Nm.name(), ErrorCode::Required, params! {}),
        None => {}
        Some(name) if name.trim().is_empty() => findings.error(Field::Nm.name(), ErrorCode::Blank, params! {}),
        Some(name) => {
            max_len(Field::Nm, name, MAX_NAME_LEN, findings);
            no_controls(Field::Nm.name(), name, false, findings);
        }
    }
    for (field, value) in [
        (Field::UserId, &request.user_id),
        (Field::UserNm, &request.user_nm),
        (Field::UserEtc1, &request.user_etc1),
        (Field::UserEtc2, &request.user_etc2),
    ] {
        if let Some(value) = value {
            max_len(field, value, MAX_USER_TEXT_LEN, findings);
            no_controls(field.name(), value, false, findings);
        }
    }
    if let Some(memo) = &request.memo {
        max_len(Field::Memo, memo, MAX_MEMO_LEN, findings);
        no_controls(Field::Memo.name(), memo, true, findings);
    }
    match request.user_eml.as_deref() {
        None | Some("") => {}
        Some(email) if email.len() > MAX_EMAIL_LEN => max_len(Field::UserEml, email, MAX_EMAIL_LEN, findings),
        Some(email) if !is_plausible_email(email) => {
            findings.error(Field::UserEml.name(), ErrorCode::InvalidEmail, params! {})
        }
        Some(_) => {}
    }
    match request.user_phnno.as_deref() {
        None | Some("") => {}
        Some(phone) if !is_phone_number(phone) => {
            findings.error(Field::UserPhnno.name(), ErrorCode::InvalidPhone, params! { "max" => MAX_PHONE_LEN })
        }
        Some(_) => {}
    }
}

/// Checks the texts a use writes to the coupon's use log (`userId` and `memo` of `PUT
/// /api/coupon/v1/redeem`): the same limits as the coupon's own fields.
pub fn validate_use_note(user_id: &str, memo: &str, lang: Lang) -> Report {
    let mut findings = Findings::new(lang);
    max_len(Field::UserId, user_id, MAX_USER_TEXT_LEN, &mut findings);
    no_controls(Field::UserId.name(), user_id, false, &mut findings);
    max_len(Field::Memo, memo, MAX_MEMO_LEN, &mut findings);
    no_controls(Field::Memo.name(), memo, true, &mut findings);
    findings.finish()
}

/// Reports the first control character or bidirectional mark of a free text (a memo may hold tabs
/// and line breaks), naming it by code point.
pub(crate) fn no_controls(field: &'static str, value: &str, line_breaks: bool, findings: &mut Findings) {
    if let Some(c) = forbidden_character(value, line_breaks) {
        findings.error(field, ErrorCode::ControlCharacter, params! { "char" => code_point(c) });
    }
}

fn max_len(field: Field, value: &str, max: usize, findings: &mut Findings) {
    // Byte length bounds the character count from above: count characters only when it might matter.
    if value.len() > max && value.chars().count() > max {
        findings.error(field.name(), ErrorCode::TooLong, params! { "max" => max });
    }
}
