//! A sortable column's header: a button that sorts by the column, then reverses the order.

use leptos::prelude::*;

use crate::admin::api::{SearchQuery, SortKey};

/// The header of column `key`, announcing the order with `aria-sort`.
#[component]
pub fn SortHeader(label: &'static str, key: SortKey, query: RwSignal<SearchQuery>) -> impl IntoView {
    let order = move || query.with(|q| q.sort.filter(|(by, _)| *by == key).map(|(_, descending)| descending));
    let aria_sort = move || match order() {
        None => "none",
        Some(false) => "ascending",
        Some(true) => "descending",
    };
    // The arrow is decoration: `aria-sort` says the order to screen readers.
    let arrow = move || match order() {
        None => "↕",
        Some(false) => "▲",
        Some(true) => "▼",
    };
    let sort = move |_| {
        query.update(|q| {
            let descending = q.sort.is_some_and(|(by, descending)| by == key && !descending);
            q.sort = Some((key, descending));
        });
    };
    view! {
        <th scope="col" aria-sort=aria_sort>
            <button type="button" class="sort-button" id=format!("sort-{}", key.as_str()) on:click=sort>
                {label}
                <span class="sort-arrow" aria-hidden="true">{arrow}</span>
            </button>
        </th>
    }
}
