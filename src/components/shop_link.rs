//! "Go to Use Coupon": the shop's page, when the coupon has a safe one and can be used now.

use coupon_rules::{is_safe_link, Lang};
use leptos::prelude::*;

use crate::i18n::texts;

/// A link to the coupon's URL, opening in a new tab without handing it this page. Unless the rules
/// call the URL a safe link (http or https with a host) the element has no `href`, so it is no link
/// at all, and it is hidden; so is it while the coupon cannot be used (`usable` false).
pub fn shop_link(url: &str, lang: Lang, usable: bool) -> impl IntoView {
    let safe_url = (usable && is_safe_link(url)).then(|| url.to_owned());
    view! {
        <a
            class="button shop-link"
            hidden=safe_url.is_none()
            href=safe_url
            target="_blank"
            rel="noopener noreferrer"
        >
            {texts(lang).go_to_use}
            <span class="visually-hidden">" " {texts(lang).opens_new_tab}</span>
        </a>
    }
}
