//! The search box (searching a moment after the typing stops), the status filter and the group
//! filter.

use std::time::Duration;

use coupon_rules::{CouponStatus, Group, Lang};
use leptos::prelude::*;

use crate::admin::api::SearchQuery;
use crate::admin::i18n::list_texts;

/// How long the typing must pause before the list searches.
const TYPING_PAUSE: Duration = Duration::from_millis(300);

/// The filters, writing into `query`; the groups to choose from are the account's.
#[component]
pub fn ListFilters(lang: Lang, query: RwSignal<SearchQuery>, groups: RwSignal<Vec<Group>>) -> impl IntoView {
    let texts = list_texts(lang);
    let typed = RwSignal::new(query.with_untracked(|q| q.text.clone()));
    let mut search = debounce(TYPING_PAUSE, move |text: String| query.update(|q| q.text = text));
    let on_status = move |ev| {
        let value = event_target_value(&ev);
        query.update(|q| q.status = CouponStatus::parse(&value));
    };
    let on_group = move |ev| {
        let value = event_target_value(&ev);
        query.update(|q| q.grp_idx = value.parse().ok());
    };
    view! {
        <div class="list-filters">
            <div class="list-filter list-search">
                <label for="list-search">{texts.search_label}</label>
                <input
                    type="search"
                    id="list-search"
                    autocomplete="off"
                    spellcheck="false"
                    aria-describedby="list-search-hint"
                    prop:value=move || typed.get()
                    on:input=move |ev| {
                        let text = event_target_value(&ev);
                        typed.set(text.clone());
                        search(text);
                    }
                />
                <p id="list-search-hint" class="field-hint">{texts.search_hint}</p>
            </div>
            <div class="list-filter">
                <label for="list-status">{texts.status_label}</label>
                <select id="list-status" on:change=on_status>
                    <option value="">{texts.all}</option>
                    {CouponStatus::ALL
                        .into_iter()
                        .map(|status| view! { <option value=status.as_str()>{(texts.status)(status)}</option> })
                        .collect_view()}
                </select>
            </div>
            <div class="list-filter">
                <label for="list-group">{texts.group_label}</label>
                <select id="list-group" on:change=on_group>
                    <option value="">{texts.all}</option>
                    {move || {
                        groups
                            .get()
                            .into_iter()
                            .map(|group| view! { <option value=group.idx.to_string()>{group.name}</option> })
                            .collect_view()
                    }}
                </select>
            </div>
        </div>
    }
}
