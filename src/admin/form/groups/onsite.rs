//! On-site use: the switch, a new store password (the stored one is never shown, only whether one
//! is set) and removing it.

use coupon_rules::{Field, Mode};
use leptos::prelude::*;

use crate::admin::form::field::{Control, FormField};
use crate::admin::form::state::FormState;
use crate::admin::i18n::admin_texts;

/// The on-site switch and the store password.
#[component]
pub fn OnsiteGroup() -> impl IntoView {
    let form = expect_context::<FormState>();
    let texts = admin_texts(form.lang);
    let has_password = move || form.mode == Mode::Update && form.with_base(|c| c.has_onsite_pwd);
    let password_hint =
        Signal::derive(move || if has_password() { texts.password_set } else { texts.password_none }.to_owned());
    let removing = form.remove_password;
    view! {
        <fieldset class="group" id="group-onsite">
            <legend>{texts.group_onsite}</legend>
            <FormField field=Field::OnsiteYn control=Control::Switch(texts.onsite_switch) />
            <FormField field=Field::OnsitePwd control=Control::Password hint=password_hint />
            <label class="switch remove-password" hidden=move || !has_password()>
                <input
                    type="checkbox"
                    id="remove-password"
                    prop:checked=move || removing.get()
                    disabled=move || form.is_disabled(Field::OnsitePwd)
                    on:change=move |ev| removing.set(event_target_checked(&ev))
                />
                <span>{texts.remove_password}</span>
            </label>
        </fieldset>
    }
}
