//! On-site redemption: the switch, the store password, and a warning when anyone could press "Use".

use super::Check;
use crate::model::YesNo;
use crate::params;
use crate::report::{ErrorCode, Findings};
use crate::request::Field;

/// The shortest store password.
pub const MIN_PASSWORD_LEN: usize = 4;
/// The longest store password.
pub const MAX_PASSWORD_LEN: usize = 32;

/// Whether a store password is acceptable: 4–32 visible characters, no spaces.
pub fn is_valid_password(password: &str) -> bool {
    (MIN_PASSWORD_LEN..=MAX_PASSWORD_LEN).contains(&password.chars().count())
        && password.chars().all(|c| !c.is_whitespace() && !c.is_control())
}

pub(super) fn check(check: &Check<'_>, findings: &mut Findings) {
    let request = check.request;
    let onsite = request.onsite_yn.as_deref().map(|text| {
        let flag = YesNo::parse(text);
        if flag.is_none() {
            findings.error(Field::OnsiteYn.name(), ErrorCode::InvalidChoice, params! { "allowed" => "Y, N" });
        }
        flag
    });
    match request.onsite_pwd.as_deref() {
        // An empty password removes the stored one.
        None | Some("") => {}
        Some(password) if !is_valid_password(password) => findings.error(
            Field::OnsitePwd.name(),
            ErrorCode::InvalidPassword,
            params! { "min" => MIN_PASSWORD_LEN, "max" => MAX_PASSWORD_LEN },
        ),
        Some(_) => {}
    }
    let touched = onsite.is_some() || request.onsite_pwd.is_some();
    if !touched || onsite == Some(None) {
        return;
    }
    let on = check.effective(onsite.flatten(), |c| c.onsite_yn).is_some_and(YesNo::is_yes);
    let has_password = match request.onsite_pwd.as_deref() {
        Some(password) => !password.is_empty(),
        None => check.base.is_some_and(|c| c.has_onsite_pwd),
    };
    if on && !has_password {
        findings.warning(Field::OnsiteYn.name(), ErrorCode::OnsiteWithoutPassword, params! {});
    }
}
