//! The discount, as large as the coupon's name.

use coupon_rules::{discount_text, Lang, PublicCoupon};
use leptos::prelude::*;

/// The discount (`10% OFF`, `₩5,000 OFF`), written by the rules' display helper.
pub fn discount(c: &PublicCoupon, lang: Lang) -> impl IntoView {
    view! { <p class="coupon-discount">{discount_text(c.disc_type_idx, c.disc, c.disc_currency, lang)}</p> }
}
