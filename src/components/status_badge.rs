//! The coupon's status, impossible to miss, and the uses of a limited coupon.

use coupon_rules::{CouponStatus, Lang, PublicCoupon};
use leptos::prelude::*;

use crate::i18n::texts;

/// Active, not valid yet (with its first day), expired or used up; for a limited coupon also "used
/// n of m times" and the uses left.
#[component]
pub fn StatusBadge(#[prop(into)] coupon: Signal<PublicCoupon>, lang: Lang) -> impl IntoView {
    let status = move || coupon.with(|c| c.status);
    let label = move || {
        let t = texts(lang);
        coupon.with(|c| match c.status {
            CouponStatus::Active => t.status_active.to_owned(),
            CouponStatus::Scheduled => (t.status_scheduled)(&c.strt_ymd.to_string()),
            CouponStatus::Expired => t.status_expired.to_owned(),
            CouponStatus::UsedUp => t.status_used_up.to_owned(),
        })
    };
    let uses_left = move || coupon.with(|c| CouponStatus::uses_left(c.use_limit, c.use_cnt));
    let uses = move || coupon.with(|c| (texts(lang).uses)(c.use_cnt, c.use_limit));
    let left = move || uses_left().map(|left| (texts(lang).uses_left)(left));
    view! {
        <p class=move || format!("status status-{}", status().as_str()) data-status=move || status().as_str()>
            {label}
        </p>
        <p class="coupon-uses" hidden=move || uses_left().is_none()>
            <span class="coupon-uses-count">{uses}</span>
            " · "
            <span class="coupon-uses-left">{left}</span>
        </p>
    }
}
