//! A stored coupon with a request applied: what the server saves and what the admin's preview shows.

use super::{Coupon, Currency, DiscountType, YesNo, Ymd, DEFAULT_BACKGROUND, DEFAULT_COLOR};
use crate::request::UpdateRequest;

/// What a request does to the store password.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PasswordChange {
    /// Absent: unchanged.
    Keep,
    /// `""`: removed.
    Clear,
    /// A new password, to be hashed.
    Set(String),
}

impl PasswordChange {
    /// The request's change of the store password.
    pub fn of(request: &UpdateRequest) -> PasswordChange {
        match request.onsite_pwd.as_deref() {
            None => PasswordChange::Keep,
            Some("") => PasswordChange::Clear,
            Some(password) => PasswordChange::Set(password.to_owned()),
        }
    }
}

impl Coupon {
    /// This coupon with every field the request sets; absent fields stay as they are. Meant for a
    /// request that passed validation: a value that does not parse is left out. The code, the use
    /// count and the last use never change here.
    pub fn updated_by(&self, request: &UpdateRequest) -> Coupon {
        let mut c = self.clone();
        let set_text = |target: &mut String, value: &Option<String>| {
            if let Some(value) = value {
                target.clone_from(value);
            }
        };
        // The empty colour means "the default".
        let set_color = |target: &mut String, value: &Option<String>, default: &str| {
            if let Some(value) = value {
                *target = if value.is_empty() { default.to_owned() } else { value.clone() };
            }
        };
        set_text(&mut c.nm, &request.nm);
        if let Some(kind) = request.disc_type_idx.and_then(DiscountType::from_idx) {
            c.disc_type_idx = kind;
        }
        c.disc = request.disc.unwrap_or(c.disc);
        if let Some(currency) = request.disc_currency.as_deref().and_then(Currency::parse) {
            c.disc_currency = currency;
        }
        if let Some(start) = request.strt_ymd.as_deref().and_then(|d| Ymd::parse(d).ok()) {
            c.strt_ymd = start;
        }
        if let Some(end) = request.end_ymd.as_deref().and_then(|d| Ymd::parse(d).ok()) {
            c.end_ymd = Some(end);
        }
        c.use_limit = request.use_limit.unwrap_or(c.use_limit);
        c.grp_idx = request.grp_idx.unwrap_or(c.grp_idx);
        c.tmpl_idx = request.tmpl_idx.unwrap_or(c.tmpl_idx);
        if let Some(onsite) = request.onsite_yn.as_deref().and_then(YesNo::parse) {
            c.onsite_yn = onsite;
        }
        c.has_onsite_pwd = match PasswordChange::of(request) {
            PasswordChange::Keep => c.has_onsite_pwd,
            PasswordChange::Clear => false,
            PasswordChange::Set(_) => true,
        };
        set_text(&mut c.memo, &request.memo);
        set_text(&mut c.url, &request.url);
        set_color(&mut c.color, &request.color, DEFAULT_COLOR);
        set_color(&mut c.background, &request.background, DEFAULT_BACKGROUND);
        set_text(&mut c.user_id, &request.user_id);
        set_text(&mut c.user_nm, &request.user_nm);
        set_text(&mut c.user_phnno, &request.user_phnno);
        set_text(&mut c.user_eml, &request.user_eml);
        set_text(&mut c.user_etc1, &request.user_etc1);
        set_text(&mut c.user_etc2, &request.user_etc2);
        set_text(&mut c.domain, &request.domain);
        if let Some(webhook) = request.webhook_enable_yn.as_deref().and_then(YesNo::parse) {
            c.webhook_enable_yn = webhook;
        }
        c
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn base() -> Coupon {
        Coupon {
            nm: "Old".into(),
            has_onsite_pwd: true,
            ..Coupon::with_defaults("ABCD1234".into(), Ymd::parse("2026-11-01").unwrap())
        }
    }

    #[test]
    fn absent_fields_stay_and_present_ones_change() {
        let request = UpdateRequest { disc: Some(25.0), color: Some(String::new()), ..Default::default() };
        let updated = base().updated_by(&request);
        assert_eq!(updated.nm, "Old");
        assert_eq!(updated.disc, 25.0);
        assert_eq!(updated.color, DEFAULT_COLOR);
        assert!(updated.has_onsite_pwd);
    }

    #[test]
    fn passwords_are_kept_cleared_or_set() {
        let clear = UpdateRequest { onsite_pwd: Some(String::new()), ..Default::default() };
        assert!(!base().updated_by(&clear).has_onsite_pwd);
        assert_eq!(PasswordChange::of(&clear), PasswordChange::Clear);
        let set = UpdateRequest { onsite_pwd: Some("2468".into()), ..Default::default() };
        assert_eq!(PasswordChange::of(&set), PasswordChange::Set("2468".into()));
        assert_eq!(PasswordChange::of(&UpdateRequest::default()), PasswordChange::Keep);
    }
}
