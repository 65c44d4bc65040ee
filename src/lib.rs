//! The coupon web app. The customer bundle (`src/main.rs`) mounts [`App`], the coupon page at
//! `/c/{cpnNo}`; the components are public so the admin form's live preview can reuse the card.

pub mod admin;
pub mod api;
pub mod components;
pub mod i18n;
pub mod pages;
pub mod route;
pub mod time;

use leptos::prelude::*;

/// The customer bundle's root: the coupon named by the address, in the browser's language.
#[component]
pub fn App() -> impl IntoView {
    let lang = i18n::browser_lang();
    if let Some(root) = document().document_element() {
        // Screen readers pick their voice from the page's language.
        let _ = root.set_attribute("lang", lang.tag());
    }
    let cpn_no = route::coupon_code(&route::current_path());
    view! { <pages::CouponPage cpn_no lang /> }
}
