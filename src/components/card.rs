//! The coupon card: the whole coupon in its own colours. It renders the data it is given and never
//! fetches, so the customer page and the admin form's live preview share it.

use coupon_rules::formats::color::Rgba;
use coupon_rules::{CouponStatus, Lang, PublicCoupon, DEFAULT_BACKGROUND, DEFAULT_COLOR};
use leptos::prelude::*;

use super::{discount, qr_code, shop_link, status_badge, template_texts, used_stamp, validity, CouponCode, LiveMark};
use crate::i18n::texts;

/// The coupon: status, name, discount, validity, code with copy button and QR code, template texts,
/// the "Used" stamp when used, the shop link and, given `on_use`, the staff's "Use Coupon" button
/// and the live mark. A coupon that cannot be used now is dimmed, without QR code or shop link.
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
    let press_use = move |_| {
        if let Some(on_use) = on_use {
            on_use.run(());
        }
    };
    // One render of plain values per change of the coupon: Leptos updates the changed texts and
    // attributes in place, and the bundle carries one card instead of a reactive closure per text.
    move || {
        let redeemed = redeemed.get();
        coupon.with(|c| {
            let used = redeemed || c.status == CouponStatus::UsedUp;
            let usable = !redeemed && c.status == CouponStatus::Active;
            let can_use = on_use.is_some() && usable && c.onsite;
            let t = texts(lang);
            // Element Timing reports when the name is painted: the page-load benchmark's finish line.
            let name = leptos::html::h2().class("coupon-name").attr("elementtiming", "coupon-name").child(c.nm.clone());
            view! {
                <article
                    class=if usable { "coupon" } else { "coupon coupon-unusable" }
                    style:color=colour_or_default(&c.color, DEFAULT_COLOR)
                    style:background-color=colour_or_default(&c.background, DEFAULT_BACKGROUND)
                >
                    <div class="coupon-top">
                        <div class="coupon-status" aria-live="polite">
                            {status_badge(c, lang)}
                        </div>
                        // Outside the live region: its ticks are not news.
                        {(on_use.is_some() && usable).then(|| view! { <LiveMark lang /> })}
                    </div>
                    {name}
                    {discount(c, lang)}
                    {validity(c, lang)}
                    {used_stamp(c, lang, used)}
                    <CouponCode code=c.cpn_no.clone() lang />
                    {usable.then(|| qr_code(&c.cpn_no, t.qr_label))}
                    <div class="coupon-actions">
                        {shop_link(&c.url, lang, usable)}
                        <button type="button" class="button use-button" hidden=!can_use on:click=press_use>
                            <span class="use-button-label">{t.use_coupon}</span>
                            " "
                            <span class="staff-tag">{t.staff_only_tag}</span>
                        </button>
                    </div>
                    {template_texts(c.template.as_ref(), lang)}
                </article>
            }
        })
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
