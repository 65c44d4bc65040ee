//! The validity period, in the account's time zone.

use coupon_rules::{Lang, PublicCoupon};
use leptos::prelude::*;

use crate::i18n::texts;

/// The first and last valid day (or "no end date") and the zone the days are counted in.
pub fn validity(c: &PublicCoupon, lang: Lang) -> impl IntoView {
    let t = texts(lang);
    let start = c.strt_ymd.to_string();
    let text = match c.end_ymd {
        Some(end) => (t.valid_between)(&start, &end.to_string(), &c.timezone),
        None => (t.valid_from)(&start, &c.timezone),
    };
    view! { <p class="coupon-validity">{text}</p> }
}
