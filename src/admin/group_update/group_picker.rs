//! Choosing the group to change, from the account's groups (`GET context`); choosing one loads its
//! coupons for the preview and the checks.

use coupon_rules::paddle::PaddleField;
use leptos::prelude::*;

use super::finding_list::FindingList;
use super::ids::ChangeIds;
use super::load::choose_group;
use super::state::GroupState;
use crate::admin::i18n::group_texts;

/// The group list, with its hint and the findings on `group`.
#[component]
pub fn GroupPicker() -> impl IntoView {
    let state = expect_context::<GroupState>();
    let texts = group_texts(state.lang);
    let ids = ChangeIds::of(PaddleField::Group);
    let findings = Memo::new(move |_| state.findings(PaddleField::Group));
    let invalid = move || findings.with(|f| f.has_errors());
    let groups = Memo::new(move |_| {
        state.context.with(|c| c.groups.iter().flatten().map(|g| (g.idx, g.name.clone())).collect::<Vec<_>>())
    });
    let hint = move || if groups.with(Vec::is_empty) { texts.no_groups } else { texts.hint_group };
    let on_change = move |ev: leptos::ev::Event| {
        let chosen = event_target_value(&ev).parse::<i64>().ok();
        choose_group(state, chosen);
    };
    view! {
        <div class="field group-picker" class:field-invalid=invalid data-field="group">
            <label class="field-label" for=ids.control()>{(texts.label)(PaddleField::Group)}</label>
            <select
                id=ids.control()
                name="group"
                aria-describedby=ids.described_by()
                aria-invalid=move || invalid().to_string()
                on:change=on_change
            >
                <option value="" prop:selected=move || state.group.with(Option::is_none)>
                    {texts.choose_group}
                </option>
                {move || {
                    groups
                        .get()
                        .into_iter()
                        .map(|(idx, name)| {
                            let selected = move || state.group.get() == Some(idx);
                            view! {
                                <option value=idx.to_string() prop:selected=selected>
                                    {name}
                                </option>
                            }
                        })
                        .collect_view()
                }}
            </select>
            <p id=ids.hint() class="field-hint">{hint}</p>
            <FindingList ids findings lang=state.lang />
        </div>
    }
}
