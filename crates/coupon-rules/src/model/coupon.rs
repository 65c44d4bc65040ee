//! A stored coupon as the admin sees it (`GET /api/coupon/v1/get`): every field, never the password.

use serde::{Deserialize, Serialize};

use super::{CouponStatus, Currency, DiscountType, YesNo, Ymd};

/// The default text colour of a coupon.
pub const DEFAULT_COLOR: &str = "#4F4F4FFF";
/// The default background colour of a coupon.
pub const DEFAULT_BACKGROUND: &str = "#FFFFFFFF";

/// A coupon as stored, in the API's names. Text fields use `""` for "none".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Coupon {
    /// The code, 8–16 of `A-Z0-9`.
    pub cpn_no: String,
    /// The name customers see.
    #[serde(default)]
    pub nm: String,
    /// Percentage or fixed amount.
    #[serde(default)]
    #[cfg_attr(feature = "js", tsify(type = "457 | 458"))]
    pub disc_type_idx: DiscountType,
    /// The discount value.
    #[serde(default)]
    pub disc: f64,
    /// The currency of a fixed amount.
    #[serde(default)]
    pub disc_currency: Currency,
    /// First valid day, in the account's time zone.
    #[cfg_attr(feature = "js", tsify(type = "string"))]
    pub strt_ymd: Ymd,
    /// Last valid day, in the account's time zone; `None`: no expiry.
    #[serde(default)]
    #[cfg_attr(feature = "js", tsify(type = "string | null"))]
    pub end_ymd: Option<Ymd>,
    /// How many times it can be used: 0 unlimited, 1–5.
    #[serde(default)]
    pub use_limit: i64,
    /// How many times it has been used.
    #[serde(default)]
    pub use_cnt: i64,
    /// Its group, 0 for none.
    #[serde(default)]
    pub grp_idx: i64,
    /// Its template, 0 for none.
    #[serde(default)]
    pub tmpl_idx: i64,
    /// Whether store staff redeem it on the coupon page.
    #[serde(default)]
    pub onsite_yn: YesNo,
    /// Whether a store password is set (the password itself never leaves the server).
    #[serde(default)]
    pub has_onsite_pwd: bool,
    /// Internal notes.
    #[serde(default)]
    pub memo: String,
    /// The shop's page for "Go to Use Coupon".
    #[serde(default)]
    pub url: String,
    /// Text colour.
    #[serde(default = "default_color")]
    pub color: String,
    /// Background colour.
    #[serde(default = "default_background")]
    pub background: String,
    /// The recipient's ID.
    #[serde(default)]
    pub user_id: String,
    /// The recipient's name.
    #[serde(default)]
    pub user_nm: String,
    /// The recipient's phone.
    #[serde(default)]
    pub user_phnno: String,
    /// The recipient's e-mail.
    #[serde(default)]
    pub user_eml: String,
    /// Extra recipient info.
    #[serde(default)]
    pub user_etc1: String,
    /// More extra recipient info.
    #[serde(default)]
    pub user_etc2: String,
    /// A custom domain for the coupon page.
    #[serde(default)]
    pub domain: String,
    /// Whether uses are posted to the account's webhook.
    #[serde(default)]
    pub webhook_enable_yn: YesNo,
    /// When it was last used (RFC 3339, UTC).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_used_at: Option<String>,
    /// The products it applies to (second vendor's dialect); empty: every product.
    #[serde(default)]
    pub product_ids: Vec<u64>,
    /// How many times it can be used in total, by all users together; `None`: no such cap.
    #[serde(default)]
    #[cfg_attr(feature = "js", tsify(type = "number | null"))]
    pub allowed_uses: Option<i64>,
    /// Whether the discount also applies to a subscription's recurring payments.
    #[serde(default)]
    pub recurring: bool,
}

fn default_color() -> String {
    DEFAULT_COLOR.to_owned()
}

fn default_background() -> String {
    DEFAULT_BACKGROUND.to_owned()
}

impl Coupon {
    /// A new coupon with the API's defaults, valid from `today`, before a create request is applied.
    pub fn with_defaults(cpn_no: String, today: Ymd) -> Coupon {
        Coupon {
            cpn_no,
            nm: String::new(),
            disc_type_idx: DiscountType::Percentage,
            disc: 0.0,
            disc_currency: Currency::default(),
            strt_ymd: today,
            end_ymd: None,
            use_limit: 0,
            use_cnt: 0,
            grp_idx: 0,
            tmpl_idx: 0,
            onsite_yn: YesNo::No,
            has_onsite_pwd: false,
            memo: String::new(),
            url: String::new(),
            color: default_color(),
            background: default_background(),
            user_id: String::new(),
            user_nm: String::new(),
            user_phnno: String::new(),
            user_eml: String::new(),
            user_etc1: String::new(),
            user_etc2: String::new(),
            domain: String::new(),
            webhook_enable_yn: YesNo::No,
            last_used_at: None,
            product_ids: Vec::new(),
            allowed_uses: None,
            recurring: false,
        }
    }

    /// Whether it has been used at least once: then only the memo may change.
    pub fn is_used(&self) -> bool {
        self.use_cnt > 0
    }

    /// How many uses it allows in all: the smaller of its use limit (when > 0) and its allowed uses
    /// (when set); 0 when neither caps it. What [`CouponStatus::on`] takes as the limit.
    pub fn total_limit(&self) -> i64 {
        let caps = [Some(self.use_limit), self.allowed_uses];
        caps.into_iter().flatten().filter(|cap| *cap > 0).min().unwrap_or(0)
    }

    /// Its status on `today` (in the account's time zone), counting both caps on its uses.
    pub fn status_on(&self, today: Ymd) -> CouponStatus {
        CouponStatus::on(today, self.strt_ymd, self.end_ymd, self.total_limit(), self.use_cnt)
    }

    /// Uses left under its caps; `None` when nothing caps them.
    pub fn uses_left(&self) -> Option<i64> {
        CouponStatus::uses_left(self.total_limit(), self.use_cnt)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn coupon(use_limit: i64, allowed_uses: Option<i64>, use_cnt: i64) -> Coupon {
        let today = Ymd::parse("2026-11-21").unwrap();
        Coupon { use_limit, allowed_uses, use_cnt, ..Coupon::with_defaults("ABCD1234".into(), today) }
    }

    #[test]
    fn the_smaller_cap_limits_the_uses() {
        assert_eq!(coupon(0, None, 0).total_limit(), 0);
        assert_eq!(coupon(3, None, 0).total_limit(), 3);
        assert_eq!(coupon(0, Some(7), 0).total_limit(), 7);
        assert_eq!(coupon(3, Some(2), 0).total_limit(), 2);
        assert_eq!(coupon(1, Some(10), 0).total_limit(), 1);
    }

    #[test]
    fn either_cap_uses_a_coupon_up() {
        let today = Ymd::parse("2026-11-21").unwrap();
        assert_eq!(coupon(0, Some(2), 2).status_on(today), CouponStatus::UsedUp);
        assert_eq!(coupon(5, Some(2), 2).status_on(today), CouponStatus::UsedUp);
        assert_eq!(coupon(2, Some(5), 2).status_on(today), CouponStatus::UsedUp);
        assert_eq!(coupon(0, Some(2), 1).status_on(today), CouponStatus::Active);
        assert_eq!(coupon(0, Some(2), 1).uses_left(), Some(1));
        assert_eq!(coupon(0, None, 4).uses_left(), None);
    }
}
