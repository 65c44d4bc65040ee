//! Recipient: who holds the coupon (the user ID sits with the usage limit that needs it).

use coupon_rules::Field;
use leptos::prelude::*;

use crate::admin::form::field::{Control, FormField};
use crate::admin::form::state::FormState;
use crate::admin::i18n::admin_texts;

/// Name, phone, e-mail and two extra fields of the recipient.
#[component]
pub fn RecipientGroup() -> impl IntoView {
    let form = expect_context::<FormState>();
    let texts = admin_texts(form.lang);
    view! {
        <fieldset class="group" id="group-recipient">
            <legend>{texts.group_recipient}</legend>
            <FormField field=Field::UserNm control=Control::TEXT />
            <div class="field-row">
                <FormField field=Field::UserPhnno control=Control::Text { inputmode: "tel", placeholder: "+82 10-1234-5678" } />
                <FormField field=Field::UserEml control=Control::Text { inputmode: "email", placeholder: "name@example.com" } />
            </div>
            <div class="field-row">
                <FormField field=Field::UserEtc1 control=Control::TEXT />
                <FormField field=Field::UserEtc2 control=Control::TEXT />
            </div>
        </fieldset>
    }
}
