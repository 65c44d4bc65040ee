//! Advanced: settings of higher plans. Fields the account's plan lacks stay visible, disabled, with
//! the plan they need.

use coupon_rules::Field;
use leptos::prelude::*;

use crate::admin::form::field::{Control, FormField};
use crate::admin::form::state::FormState;
use crate::admin::i18n::admin_texts;

/// Custom domain and webhook.
#[component]
pub fn AdvancedGroup() -> impl IntoView {
    let form = expect_context::<FormState>();
    let texts = admin_texts(form.lang);
    // The switch works only with the account's global webhook on; say so before the rules refuse.
    let webhook_hint = (form.plan_needed(Field::WebhookEnableYn).is_none() && !form.with_context(|c| c.global_webhook))
        .then(|| texts.webhook_global_off.to_owned());
    let webhook = match webhook_hint {
        Some(hint) => {
            view! { <FormField field=Field::WebhookEnableYn control=Control::Switch(texts.webhook_switch) hint /> }
                .into_any()
        }
        None => view! { <FormField field=Field::WebhookEnableYn control=Control::Switch(texts.webhook_switch) /> }
            .into_any(),
    };
    view! {
        <fieldset class="group" id="group-advanced">
            <legend>{texts.group_advanced}</legend>
            <FormField
                field=Field::Domain
                control=Control::Text { inputmode: "url", placeholder: "coupons.example.com" }
            />
            {webhook}
        </fieldset>
    }
}
