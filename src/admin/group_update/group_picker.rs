//! Choosing the group to change, from the account's groups (`GET context`); choosing one loads its
//! coupons for the preview and the checks.

use coupon_rules::paddle::PaddleField;
use leptos::prelude::*;

use super::change_field::{ChangeControl, ChangeField};
use super::state::GroupState;
use crate::admin::i18n::group_texts;

/// The group list, with its hint and the findings on `group`.
#[component]
pub fn GroupPicker() -> impl IntoView {
    let state = expect_context::<GroupState>();
    let texts = group_texts(state.lang);
    let options = Signal::derive(move || {
        let none = (String::new(), texts.choose_group.to_owned());
        let groups = state
            .context
            .with(|c| c.groups.iter().flatten().map(|g| (g.idx.to_string(), g.name.clone())).collect::<Vec<_>>());
        std::iter::once(none).chain(groups).collect()
    });
    let hint = Signal::derive(move || {
        let none = state.context.with(|c| c.groups.iter().flatten().next().is_none());
        if none { texts.no_groups } else { texts.hint_group }.to_owned()
    });
    view! { <ChangeField field=PaddleField::Group control=ChangeControl::Select(options) hint /> }
}
