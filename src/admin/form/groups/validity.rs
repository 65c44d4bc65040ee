//! Validity: the dates, the usage limit and the user ID a limit of 2–5 needs.

use coupon_rules::{latest_end_date, Field};
use leptos::prelude::*;

use crate::admin::form::field::{Control, FormField};
use crate::admin::form::state::FormState;
use crate::admin::i18n::admin_texts;

/// Start and end date (with the latest end the rules allow), usage limit, user ID.
#[component]
pub fn ValidityGroup() -> impl IntoView {
    let form = expect_context::<FormState>();
    let texts = admin_texts(form.lang);
    let date = Control::Text { inputmode: "numeric", placeholder: "YYYY-MM-DD" };
    let end_hint =
        Signal::derive(move || (texts.hint_end)(&form.with_context(|c| latest_end_date(c.today)).to_string()));
    // A number typed like any other: the rules say which limits exist, the hint says what 0 means.
    let limit = Control::Text { inputmode: "numeric", placeholder: "0" };
    view! {
        <fieldset class="group" id="group-validity">
            <legend>{texts.group_validity}</legend>
            <div class="field-row">
                <FormField field=Field::StrtYmd control=date.clone() hint=texts.hint_date.to_owned() />
                <FormField field=Field::EndYmd control=date hint=end_hint />
            </div>
            <div class="field-row">
                <FormField field=Field::UseLimit control=limit hint=texts.hint_use_limit.to_owned() />
                <FormField field=Field::UserId control=Control::TEXT hint=texts.hint_user_id.to_owned() />
            </div>
        </fieldset>
    }
}
