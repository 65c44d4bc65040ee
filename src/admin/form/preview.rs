//! The live preview: the customer's own coupon card, fed the coupon as it would be after saving.

use leptos::prelude::*;

use super::state::FormState;
use crate::admin::i18n::admin_texts;
use crate::components::CouponCard;

/// The card in the colours being chosen, updating as the admin types (no "Use" button: it is a picture).
#[component]
pub fn Preview() -> impl IntoView {
    let form = expect_context::<FormState>();
    let texts = admin_texts(form.lang);
    view! {
        <aside class="preview" aria-labelledby="preview-title">
            <h3 id="preview-title">{texts.preview_title}</h3>
            <p class="preview-hint">{texts.preview_hint}</p>
            <div class="preview-card">
                <CouponCard coupon=form.preview lang=form.lang />
            </div>
        </aside>
    }
}
