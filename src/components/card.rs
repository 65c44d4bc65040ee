//! The coupon card: the whole coupon in its own colours. It renders the data it is given and never
//! fetches, so the customer page and the admin form's live preview share it.

use coupon_rules::formats::color::Rgba;
use coupon_rules::{CouponStatus, Lang, PublicCoupon, DEFAULT_BACKGROUND, DEFAULT_COLOR};
use leptos::prelude::*;

use super::{CouponCode, Discount, QrCode, ShopLink, StatusBadge, TemplateTexts, UsedStamp, Validity};
use crate::i18n::texts;

/// The coupon: status, name, discount, validity, code with copy button and QR code, template texts,
/// the "Used" stamp when used, the shop link and, given `on_use`, the "Use Coupon" button.
#[component]
pub fn CouponCard(
    /// The coupon as the public API shows it (group colours already applied).
    #[prop(into)]
    coupon: Signal<PublicCoupon>,
    /// The language of the texts.
    lang: Lang,
    /// Used on this page just now: the stamp shows and the button goes, whatever uses are left.
    #[prop(optional, into)]
    redeemed: Signal<bool>,
    /// What "Use Coupon" does; without it the button is never shown (e.g. in a preview).
    #[prop(optional)]
    on_use: Option<Callback<()>>,
) -> impl IntoView {
    let color = move || coupon.with(|c| colour_or_default(&c.color, DEFAULT_COLOR));
    let background = move || coupon.with(|c| colour_or_default(&c.background, DEFAULT_BACKGROUND));
    let code = Signal::derive(move || coupon.with(|c| c.cpn_no.clone()));
    let used = Signal::derive(move || redeemed.get() || coupon.with(|c| c.status == CouponStatus::UsedUp));
    let can_use =
        move || on_use.is_some() && !redeemed.get() && coupon.with(|c| c.onsite && c.status == CouponStatus::Active);
    let press_use = move |_| {
        if let Some(on_use) = on_use {
            on_use.run(());
        }
    };
    // Element Timing reports when the name is painted: the page-load benchmark's finish line.
    let name = leptos::html::h2()
        .class("coupon-name")
        .attr("elementtiming", "coupon-name")
        .child(move || coupon.with(|c| c.nm.clone()));

    view! {
        <article class="coupon" style:color=color style:background-color=background>
            <div class="coupon-status" aria-live="polite">
                <StatusBadge coupon lang />
            </div>
            {name}
            <Discount coupon lang />
            <Validity coupon lang />
            <UsedStamp coupon lang shown=used />
            <CouponCode code lang />
            <QrCode text=code label=texts(lang).qr_label />
            <div class="coupon-actions">
                <ShopLink url=Signal::derive(move || coupon.with(|c| c.url.clone())) lang />
                <button type="button" class="button use-button" hidden=move || !can_use() on:click=press_use>
                    {texts(lang).use_coupon}
                </button>
            </div>
            <TemplateTexts template=Signal::derive(move || coupon.with(|c| c.template.clone())) lang />
        </article>
    }
}

/// The colour when the rules accept it (`#RRGGBB` or `#RRGGBBAA`), else the default; only an
/// accepted colour ever reaches the style.
fn colour_or_default(colour: &str, default: &str) -> String {
    if Rgba::parse(colour).is_some() {
        colour.to_owned()
    } else {
        default.to_owned()
    }
}
