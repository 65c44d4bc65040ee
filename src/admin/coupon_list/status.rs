//! A coupon's status as a small badge in the list.

use coupon_rules::{CouponStatus, Lang};
use leptos::prelude::*;

use crate::admin::i18n::list_texts;

/// The status in words (not only a colour); the stylesheet colours it by `data-status`.
#[component]
pub fn StatusBadge(status: CouponStatus, lang: Lang) -> impl IntoView {
    view! {
        <span class="status-badge" data-status=status.as_str()>
            {(list_texts(lang).status)(status)}
        </span>
    }
}
