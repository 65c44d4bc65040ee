//! The coupon's status, impossible to miss, and the uses of a limited coupon.

use coupon_rules::{CouponStatus, Lang, PublicCoupon};
use leptos::prelude::*;

use crate::i18n::texts;

/// Active, not valid yet (with its first day), expired or used up; for a limited coupon also "used
/// n of m times" and the uses left.
pub fn status_badge(c: &PublicCoupon, lang: Lang) -> impl IntoView {
    let t = texts(lang);
    let label = match c.status {
        CouponStatus::Active => t.status_active.to_owned(),
        CouponStatus::Scheduled => (t.status_scheduled)(&c.strt_ymd.to_string()),
        CouponStatus::Expired => t.status_expired.to_owned(),
        CouponStatus::UsedUp => t.status_used_up.to_owned(),
    };
    // `usesLeft` counts down to the smaller of the use limit and the allowed uses.
    let uses = c.uses_left.map(|left| format!("{} · {}", (t.uses)(c.use_cnt, c.use_cnt + left), (t.uses_left)(left)));
    // The stylesheet styles each status by `data-status`; blank (unlimited) uses are hidden.
    view! {
        <p class="status" data-status=c.status.as_str()>
            {label}
        </p>
        <p class="coupon-uses">{uses}</p>
    }
}
