//! The internal memo: the one field that stays editable after the coupon has been used.

use coupon_rules::Field;
use leptos::prelude::*;

use crate::admin::form::field::{Control, FormField};
use crate::admin::form::state::FormState;
use crate::admin::i18n::admin_texts;

/// The memo.
#[component]
pub fn MemoGroup() -> impl IntoView {
    let form = expect_context::<FormState>();
    let texts = admin_texts(form.lang);
    view! {
        <fieldset class="group" id="group-memo">
            <legend>{texts.group_memo}</legend>
            <FormField field=Field::Memo control=Control::TextArea hint=texts.hint_memo.to_owned() />
        </fieldset>
    }
}
