//! The public view of a coupon: only what its page shows, nothing secret.

use serde::{Deserialize, Serialize};

use super::{CouponStatus, Currency, DiscountType, TemplateContent, Ymd};

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
    /// Uses left of a limited coupon.
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
