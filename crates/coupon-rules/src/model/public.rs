//! The public view of a coupon: only what its page shows, nothing secret.

use serde::{Deserialize, Serialize};

use super::{Coupon, CouponStatus, Currency, DiscountType, Group, TemplateContent, Ymd};

/// What `GET /api/public/v1/coupons/{cpnNo}` returns: no password, memo, recipient, webhook or domain.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PublicCoupon {
    /// The code.
    pub cpn_no: String,
    /// The name.
    pub nm: String,
    /// Percentage or fixed amount.
    pub disc_type_idx: DiscountType,
    /// The discount value.
    pub disc: f64,
    /// The currency of a fixed amount.
    pub disc_currency: Currency,
    /// First valid day.
    pub strt_ymd: Ymd,
    /// Last valid day, if it expires.
    pub end_ymd: Option<Ymd>,
    /// The account's time zone, in which the days are counted.
    pub timezone: String,
    /// Usable now, or why not.
    pub status: CouponStatus,
    /// 0 for unlimited, else 1–5.
    pub use_limit: i64,
    /// Uses so far.
    pub use_cnt: i64,
    /// Uses left under its use limit and allowed uses; `None` when nothing caps them.
    pub uses_left: Option<i64>,
    /// Whether store staff redeem it on the page ("Use Coupon").
    pub onsite: bool,
    /// The shop's page, or `""`.
    pub url: String,
    /// Text colour (after the group's override).
    pub color: String,
    /// Background colour (after the group's override).
    pub background: String,
    /// The template's texts.
    pub template: Option<TemplateContent>,
    /// When it was last used (RFC 3339, UTC).
    pub last_used_at: Option<String>,
}

impl PublicCoupon {
    /// The public view of `coupon` on `today`: its status, and its group's non-empty colour, background
    /// and URL in place of its own (the group wins). What the coupon page shows, and what the admin
    /// form's live preview renders before anything is saved.
    pub fn of(
        coupon: &Coupon,
        today: Ymd,
        timezone: &str,
        group: Option<&Group>,
        template: Option<&TemplateContent>,
    ) -> PublicCoupon {
        let overridden =
            |own: &str, pick: fn(&Group) -> &str| group.map(pick).filter(|v| !v.is_empty()).unwrap_or(own).to_owned();
        let c = coupon;
        PublicCoupon {
            cpn_no: c.cpn_no.clone(),
            nm: c.nm.clone(),
            disc_type_idx: c.disc_type_idx,
            disc: c.disc,
            disc_currency: c.disc_currency,
            strt_ymd: c.strt_ymd,
            end_ymd: c.end_ymd,
            timezone: timezone.to_owned(),
            status: c.status_on(today),
            use_limit: c.use_limit,
            use_cnt: c.use_cnt,
            uses_left: c.uses_left(),
            onsite: c.onsite_yn.is_yes(),
            url: overridden(&c.url, |g| &g.url),
            color: overridden(&c.color, |g| &g.color),
            background: overridden(&c.background, |g| &g.background),
            template: template.cloned(),
            last_used_at: c.last_used_at.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_group_wins_where_it_sets_something() {
        let today = Ymd::parse("2026-11-21").unwrap();
        let coupon = Coupon { url: "https://own.example".into(), ..Coupon::with_defaults("ABCD1234".into(), today) };
        let group = Group {
            idx: 1,
            name: "VIP".into(),
            color: "#FFD700FF".into(),
            background: String::new(),
            url: "https://example.com/vip".into(),
        };
        let view = PublicCoupon::of(&coupon, today, "Asia/Seoul", Some(&group), None);
        assert_eq!(view.color, "#FFD700FF");
        assert_eq!(view.background, coupon.background);
        assert_eq!(view.url, "https://example.com/vip");
        assert_eq!(view.status, CouponStatus::Active);
        assert_eq!(view.timezone, "Asia/Seoul");
        let own = PublicCoupon::of(&coupon, today, "UTC", None, None);
        assert_eq!(own.url, "https://own.example");
    }
}
