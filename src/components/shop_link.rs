//! "Go to Use Coupon": the shop's page, when the coupon has a safe one.

use coupon_rules::{is_safe_link, Lang};
use leptos::prelude::*;

use crate::i18n::texts;

/// A link to the coupon's URL, opening in a new tab without handing it this page. Unless the rules
/// call the URL a safe link (http or https with a host) the element has no `href`, so it is no link
/// at all, and it is hidden.
#[component]
pub fn ShopLink(#[prop(into)] url: Signal<String>, lang: Lang) -> impl IntoView {
    let safe_url = move || url.with(|url| is_safe_link(url).then(|| url.clone()));
    view! {
        <a
            class="button shop-link"
            href=safe_url
            hidden=move || safe_url().is_none()
            target="_blank"
            rel="noopener noreferrer"
        >
            {texts(lang).go_to_use}
            <span class="visually-hidden">" " {texts(lang).opens_new_tab}</span>
        </a>
    }
}
