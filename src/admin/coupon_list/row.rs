//! One coupon found: code, name, status, uses, end date and last use; the whole row opens it.

use coupon_rules::{group_code, Lang};
use leptos::prelude::*;

use super::status::StatusBadge;
use crate::admin::api::Hit;
use crate::admin::i18n::list_texts;

/// A row of the list. A click anywhere on it opens the coupon; the code is a button, so the
/// keyboard reaches it and Enter opens it (its click reaches the row).
#[component]
pub fn HitRow(hit: Hit, lang: Lang, on_pick: Callback<String>) -> impl IntoView {
    let texts = list_texts(lang);
    let code = hit.coupon.cpn_no.clone();
    let shown_code = group_code(&code);
    let label = (texts.open_row)(&shown_code);
    let end = hit.coupon.end_ymd.map(|end| end.to_string()).unwrap_or_else(|| texts.no_end.to_owned());
    let last_use = hit.coupon.last_used_at.as_deref().map(minute).unwrap_or_else(|| texts.never.to_owned());
    let uses = (texts.uses)(hit.coupon.use_cnt, hit.total_limit);
    let picked = code.clone();
    view! {
        <tr class="hit-row" data-code=code on:click=move |_| on_pick.run(picked.clone())>
            <td class="hit-code">
                <button type="button" class="link-button" aria-label=label>{shown_code}</button>
            </td>
            <td class="hit-name">{hit.coupon.nm}</td>
            <td><StatusBadge status=hit.status lang /></td>
            // The labels name the values where phones show the rows as cards, without the header.
            <td class="hit-uses" data-label=texts.col_uses>{uses}</td>
            <td class="hit-end" data-label=texts.col_end>{end}</td>
            <td class="hit-last-use" data-label=texts.col_last_use>{last_use}</td>
        </tr>
    }
}

/// An RFC 3339 time to the minute, as `2026-12-03 19:50 UTC` (the server keeps UTC).
fn minute(at: &str) -> String {
    format!("{} UTC", at.get(..16).unwrap_or(at).replace('T', " "))
}
