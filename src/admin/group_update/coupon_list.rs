//! The group's coupons as they are, folded under the preview: code, name, discount and end date.
//! Drawn once per load (the change being typed does not redraw it), the first hundred of a large group.

use coupon_rules::{discount_text, group_code, Coupon, Lang};
use leptos::prelude::*;

use crate::admin::i18n::group_texts;

/// How many coupons the list shows; the rest are counted.
const LISTED: usize = 100;

/// The group's coupons, in a `<details>` the admin can open.
pub fn coupon_list(coupons: &[Coupon], lang: Lang) -> impl IntoView {
    let texts = group_texts(lang);
    let more = coupons.len().saturating_sub(LISTED);
    let more = (more > 0).then(|| view! { <li class="group-coupon-more">{(texts.more_coupons)(more)}</li> });
    let rows = coupons
        .iter()
        .take(LISTED)
        .map(|coupon| {
            view! {
                <li class="group-coupon" data-cpn-no=coupon.cpn_no.clone()>
                    <span class="group-coupon-code">{group_code(&coupon.cpn_no)}</span>
                    <span class="group-coupon-name">{coupon.nm.clone()}</span>
                    <span class="group-coupon-now">{now_text(coupon, lang)}</span>
                </li>
            }
        })
        .collect_view();
    view! {
        <details class="group-all" id="group-all">
            <summary>{(texts.all_coupons)(coupons.len())}</summary>
            <ul class="group-coupons">{rows}{more}</ul>
        </details>
    }
}

/// A coupon as it is: `10% OFF · until 2026-12-21 · used once`.
pub fn now_text(coupon: &Coupon, lang: Lang) -> String {
    let texts = group_texts(lang);
    let mut parts = vec![discount_text(coupon.disc_type_idx, coupon.disc, coupon.disc_currency, lang)];
    parts.push(coupon.end_ymd.map_or_else(|| texts.no_end.to_owned(), |end| (texts.until)(&end.to_string())));
    if coupon.is_used() {
        parts.push((texts.used)(coupon.use_cnt));
    }
    parts.join(" · ")
}
