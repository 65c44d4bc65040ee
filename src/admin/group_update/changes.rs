//! The change fields, as one fieldset: where the coupons go, how long they last, their discount,
//! their uses, their products, and whether they recur.

use coupon_rules::latest_end_date;
use coupon_rules::paddle::{PaddleField, PADDLE_CURRENCIES};
use leptos::prelude::*;

use super::change_field::{ChangeControl, ChangeField};
use super::state::GroupState;
use crate::admin::i18n::group_texts;

/// Every field of the change; an empty one keeps each coupon's value.
#[component]
pub fn ChangesFieldset() -> impl IntoView {
    let state = expect_context::<GroupState>();
    let texts = group_texts(state.lang);
    let date = ChangeControl::Text { inputmode: "numeric", placeholder: "YYYY-MM-DD" };
    let expires_hint =
        Signal::derive(move || (texts.hint_expires)(&state.context.with(|c| latest_end_date(c.today)).to_string()));
    let keep = || (String::new(), texts.keep.to_owned());
    let currencies = std::iter::once(keep())
        .chain(PADDLE_CURRENCIES.iter().map(|c| (c.code().to_owned(), c.code().to_owned())))
        .collect::<Vec<_>>();
    let recurring =
        vec![keep(), ("1".to_owned(), texts.recurring_yes.to_owned()), ("0".to_owned(), texts.recurring_no.to_owned())];
    let text = |inputmode, placeholder| ChangeControl::Text { inputmode, placeholder };
    view! {
        <fieldset class="group" id="group-changes" aria-describedby="group-changes-hint">
            <legend>{texts.changes_legend}</legend>
            <p id="group-changes-hint" class="field-hint changes-hint">{texts.changes_hint}</p>
            <div class="field-row">
                <ChangeField field=PaddleField::NewGroup control=text("text", "") hint=texts.hint_new_group.to_owned() />
                <ChangeField field=PaddleField::Expires control=date hint=expires_hint clear=texts.no_expiry />
            </div>
            <div class="field-row">
                <ChangeField
                    field=PaddleField::DiscountAmount
                    control=text("decimal", "10")
                    hint=texts.hint_discount.to_owned()
                />
                <ChangeField
                    field=PaddleField::Currency
                    control=ChangeControl::Select(Signal::stored(currencies))
                    hint=texts.hint_currency.to_owned()
                />
            </div>
            <div class="field-row">
                <ChangeField
                    field=PaddleField::AllowedUses
                    control=text("numeric", "100")
                    hint=texts.hint_allowed_uses.to_owned()
                />
                <ChangeField
                    field=PaddleField::ProductIds
                    control=text("text", "499531,1234")
                    hint=texts.hint_product_ids.to_owned()
                    clear=texts.remove_products
                />
            </div>
            <ChangeField
                field=PaddleField::Recurring
                control=ChangeControl::Select(Signal::stored(recurring))
                hint=texts.hint_recurring.to_owned()
            />
        </fieldset>
    }
}
