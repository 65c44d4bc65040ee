//! The discount, as large as the coupon's name.

use coupon_rules::{discount_text, Lang, PublicCoupon};
use leptos::prelude::*;

/// The discount (`10% OFF`, `₩5,000 OFF`), written by the rules' display helper.
#[component]
pub fn Discount(#[prop(into)] coupon: Signal<PublicCoupon>, lang: Lang) -> impl IntoView {
    let text = move || coupon.with(|c| discount_text(c.disc_type_idx, c.disc, c.disc_currency, lang));
    view! { <p class="coupon-discount">{text}</p> }
}
