//! The preview's first line: how many coupons the change updates, or how many would be refused
//! (then none changes: a group changes all or nothing). Its figures are also attributes, for tests.

use leptos::prelude::*;

use super::state::GroupState;
use crate::admin::i18n::group_texts;

/// The count line of a group of `count` coupons.
#[component]
pub fn PreviewSummary(count: usize) -> impl IntoView {
    let state = expect_context::<GroupState>();
    let texts = group_texts(state.lang);
    let refused = move || state.verdicts.with(|v| v.iter().filter(|v| v.is_refused()).count());
    let any_refused = Memo::new(move |_| refused() > 0);
    let idle = move || state.verdicts.with(Vec::is_empty);
    let changing = move || if idle() || any_refused.get() { 0 } else { count };
    let group = move || state.chosen_group().map(|g| g.name).unwrap_or_default();
    let text = move || {
        if idle() {
            (texts.preview_idle)(count, &group())
        } else if any_refused.get() {
            (texts.preview_refused)(refused(), count)
        } else {
            (texts.preview_all_change)(count, &group())
        }
    };
    view! {
        <p
            id="group-preview-count"
            class="group-summary"
            class:group-summary-refused=any_refused
            aria-live="polite"
            data-coupons=count
            data-changing=changing
            data-refused=refused
        >
            {text}
        </p>
    }
}
