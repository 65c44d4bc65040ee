//! Basics: the code (new coupons only), the name and the discount.

use coupon_rules::{Currency, DiscountType, Field, Mode};
use leptos::prelude::*;

use crate::admin::form::field::{Control, FormField};
use crate::admin::form::state::FormState;
use crate::admin::i18n::admin_texts;

/// Code, name, discount type, value and currency.
#[component]
pub fn BasicsGroup() -> impl IntoView {
    let form = expect_context::<FormState>();
    let texts = admin_texts(form.lang);
    let kinds = [(DiscountType::Percentage, texts.percentage), (DiscountType::FixedAmount, texts.fixed_amount)]
        .into_iter()
        .map(|(kind, label)| (kind.idx().to_string(), label.to_owned()))
        .collect();
    let currencies = Currency::ALL.iter().map(|c| (c.code().to_owned(), c.code().to_owned())).collect();
    let code = (form.mode == Mode::Create).then(|| {
        let control = Control::Text { inputmode: "text", placeholder: "ZJLF-0399-WQBE-QZJM" };
        view! { <FormField field=Field::CpnNo control hint=texts.hint_new_code.to_owned() /> }
    });
    view! {
        <fieldset class="group" id="group-basics">
            <legend>{texts.group_basics}</legend>
            {code}
            <FormField field=Field::Nm control=Control::TEXT />
            <div class="field-row">
                <FormField field=Field::DiscTypeIdx control=Control::Select(kinds) />
                <FormField
                    field=Field::Disc
                    control=Control::Text { inputmode: "decimal", placeholder: "10" }
                    hint=texts.hint_disc.to_owned()
                />
                <FormField field=Field::DiscCurrency control=Control::Select(currencies) />
            </div>
        </fieldset>
    }
}
