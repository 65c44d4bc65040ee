//! The messages beside one field: each error and warning of the rules, and the coupons of the group
//! it concerns, in a list the field's controls name with `aria-describedby`.

use coupon_rules::Lang;
use leptos::prelude::*;

use super::findings::{FieldFindings, Finding};
use super::ids::ChangeIds;
use super::names::coupon_names;
use crate::admin::i18n::{admin_texts, group_texts};

/// The list `#g-{field}-msgs`, read again whenever `findings` change.
#[component]
pub fn FindingList(ids: ChangeIds, findings: Memo<FieldFindings>, lang: Lang) -> impl IntoView {
    let texts = admin_texts(lang);
    view! {
        <ul id=ids.messages() class="field-messages" aria-live="polite">
            {move || {
                findings
                    .with(|f| {
                        let errors = f.errors.iter().map(|e| item(e, "field-error", texts.error_prefix, lang));
                        let warnings = f.warnings.iter().map(|w| item(w, "field-warning", texts.warning_prefix, lang));
                        errors.chain(warnings).collect_view()
                    })
            }}
        </ul>
    }
}

/// One finding; its code is kept as `data-code` for tests and styling.
fn item(finding: &Finding, class: &'static str, prefix: &'static str, lang: Lang) -> impl IntoView {
    let coupons = (!finding.coupons.is_empty()).then(|| {
        let names = coupon_names(finding.coupons.iter().map(String::as_str), lang);
        view! { <span class="finding-coupons">{(group_texts(lang).on_coupons)(&names)}</span> }
    });
    view! {
        <li class=class data-code=finding.error.code.as_str()>
            <span class="visually-hidden">{prefix}</span>
            {finding.error.message.clone()}
            {coupons}
        </li>
    }
}
