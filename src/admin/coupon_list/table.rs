//! The coupons found, as a table with sortable column headers.

use coupon_rules::Lang;
use leptos::prelude::*;

use super::row::HitRow;
use super::sort_header::SortHeader;
use crate::admin::api::{Hit, SearchQuery, SortKey};
use crate::admin::i18n::list_texts;

/// The table of `hits`; its headers change the order in `query`, a row goes to `on_pick`.
#[component]
pub fn HitTable(
    lang: Lang,
    hits: RwSignal<Vec<Hit>>,
    query: RwSignal<SearchQuery>,
    on_pick: Callback<String>,
) -> impl IntoView {
    let texts = list_texts(lang);
    view! {
        <div class="hit-table-wrap">
            <table class="hit-table" id="coupon-table">
                <caption class="visually-hidden">{texts.caption}</caption>
                <thead>
                    <tr>
                        <SortHeader label=texts.col_code key=SortKey::Code query />
                        <SortHeader label=texts.col_name key=SortKey::Name query />
                        <th scope="col">{texts.col_status}</th>
                        <th scope="col">{texts.col_uses}</th>
                        <SortHeader label=texts.col_end key=SortKey::EndYmd query />
                        <SortHeader label=texts.col_last_use key=SortKey::LastUsedAt query />
                    </tr>
                </thead>
                <tbody>
                    <For each=move || hits.get() key=|hit| hit.coupon.cpn_no.clone() let:hit>
                        <HitRow hit lang on_pick />
                    </For>
                </tbody>
            </table>
        </div>
    }
}
