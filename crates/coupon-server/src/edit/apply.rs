//! Applying a validated request to a coupon: absent fields stay as they were.

use coupon_rules::{Coupon, Currency, DiscountType, UpdateRequest, YesNo, Ymd, DEFAULT_BACKGROUND, DEFAULT_COLOR};

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

/// `base` with every field the request sets. Call it only with a request that passed validation:
/// a value that does not parse is left out. The code, use count and last use never change here.
pub fn apply(base: &Coupon, request: &UpdateRequest) -> Coupon {
    let mut c = base.clone();
    let set_text = |target: &mut String, value: &Option<String>| {
        if let Some(value) = value {
            target.clone_from(value);
        }
    };
    let set_color = |target: &mut String, value: &Option<String>, default: &str| {
        // The empty colour means "the default".
        if let Some(value) = value {
            *target = if value.is_empty() { default.to_owned() } else { value.clone() };
        }
    };
    set_text(&mut c.nm, &request.nm);
    if let Some(kind) = request.disc_type_idx.and_then(DiscountType::from_idx) {
        c.disc_type_idx = kind;
    }
    if let Some(disc) = request.disc {
        c.disc = disc;
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    fn base() -> Coupon {
        let mut c = Coupon::with_defaults("ABCD1234".into(), Ymd::parse("2026-01-01").unwrap());
        c.nm = "Old".into();
        c.memo = "keep".into();
        c.has_onsite_pwd = true;
        c
    }

    #[test]
    fn absent_fields_stay_and_present_ones_change() {
        let request: UpdateRequest = serde_json::from_str(
            r#"{"cpnNo":"ABCD1234","nm":"New","discTypeIdx":458,"disc":5,"discCurrency":"USD","endYmd":"2026-12-31"}"#,
        )
        .unwrap();
        let c = apply(&base(), &request);
        assert_eq!((c.nm.as_str(), c.memo.as_str()), ("New", "keep"));
        assert_eq!((c.disc_type_idx, c.disc, c.disc_currency), (DiscountType::FixedAmount, 5.0, Currency::USD));
        assert_eq!(c.end_ymd, Ymd::parse("2026-12-31").ok());
        assert!(c.has_onsite_pwd);
    }

    #[test]
    fn empty_password_removes_it_and_empty_colours_mean_the_defaults() {
        let request: UpdateRequest =
            serde_json::from_str(r##"{"onsitePwd":"","color":"","background":"#000000"}"##).unwrap();
        let c = apply(&base(), &request);
        assert!(!c.has_onsite_pwd);
        assert_eq!((c.color.as_str(), c.background.as_str()), (DEFAULT_COLOR, "#000000"));
        assert_eq!(PasswordChange::of(&request), PasswordChange::Clear);
    }
}
