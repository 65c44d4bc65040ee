//! One field an edit changed: its label, the old value and the new one (a secret only as "changed").

use coupon_rules::{Field, Lang};
use leptos::prelude::*;

use crate::admin::api::{FieldChange, Value};
use crate::admin::i18n::{admin_texts, history_texts};

/// A changed field as a list item.
#[component]
pub fn ChangeItem(change: FieldChange, lang: Lang) -> impl IntoView {
    let texts = history_texts(lang);
    let label = |name: &str| Field::from_name(name).map(admin_texts(lang).label).unwrap_or(name).to_owned();
    let shown = move |value: &Value| value.shown().unwrap_or_else(|| texts.empty_value.to_owned());
    // "(empty)" is a placeholder, not a value: the stylesheet does not strike it through.
    let empty = |value: &Value| value.shown().is_none().to_string();
    match change {
        FieldChange::Secret { field, .. } => view! {
            <li class="history-change" data-field=field.clone()>
                <span class="history-field">{label(&field)}</span>
                " "
                <span class="history-secret">{texts.password_changed}</span>
            </li>
        }
        .into_any(),
        FieldChange::Value { field, old, new } => view! {
            <li class="history-change" data-field=field.clone()>
                <span class="history-field">{label(&field)}</span>
                " "
                <span class="visually-hidden">{texts.from}" "</span>
                <del class="history-old" data-empty=empty(&old)>{shown(&old)}</del>
                <span aria-hidden="true">" → "</span>
                <span class="visually-hidden">" "{texts.to}" "</span>
                <ins class="history-new" data-empty=empty(&new)>{shown(&new)}</ins>
            </li>
        }
        .into_any(),
    }
}
