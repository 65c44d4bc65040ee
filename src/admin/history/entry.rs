//! One entry of the history: an edit, a use or an undo, with when and who.

use coupon_rules::Lang;
use leptos::prelude::*;

use super::change::ChangeItem;
use crate::admin::api::HistoryEntry;
use crate::admin::i18n::history_texts;

/// An entry as a list item; `data-kind` lets the stylesheet mark the kinds apart.
#[component]
pub fn EntryItem(entry: HistoryEntry, lang: Lang) -> impl IntoView {
    let texts = history_texts(lang);
    match entry {
        HistoryEntry::Edit { at, by, changes } => view! {
            <li class="history-entry" data-kind="edit">
                <p class="history-head">
                    <strong>{texts.edited}</strong>
                    " "
                    {(texts.by)(&by.kind, &by.name)}
                    <time class="history-at" datetime=at.clone()>{minute(&at)}</time>
                </p>
                <ul class="history-changes">
                    {changes.into_iter().map(|change| view! { <ChangeItem change lang /> }).collect_view()}
                </ul>
            </li>
        }
        .into_any(),
        HistoryEntry::Use { at, use_no, channel, user_id, memo, undone_at } => {
            let undone = undone_at.map(|when| (texts.undone)(&minute(&when)));
            let user = (!user_id.is_empty()).then(|| (texts.user)(&user_id));
            let note = (!memo.is_empty()).then(|| (texts.memo)(&memo));
            let is_undone = undone.is_some().to_string();
            view! {
                <li class="history-entry" data-kind="use" data-undone=is_undone>
                    <p class="history-head">
                        <strong>{(texts.used)(use_no)}</strong>
                        " "
                        {(texts.channel)(&channel)}
                        <time class="history-at" datetime=at.clone()>{minute(&at)}</time>
                    </p>
                    {user.map(|user| view! { <p class="history-detail">{user}</p> })}
                    {note.map(|note| view! { <p class="history-detail">{note}</p> })}
                    {undone.map(|undone| view! { <p class="history-undone">{undone}</p> })}
                </li>
            }
            .into_any()
        }
        HistoryEntry::Undo { at, use_no, by, reason } => {
            let reason = (!reason.is_empty()).then(|| (texts.reason)(&reason));
            view! {
                <li class="history-entry" data-kind="undo">
                    <p class="history-head">
                        <strong>{(texts.undid)(use_no)}</strong>
                        " "
                        {(texts.by)(&by.kind, &by.name)}
                        <time class="history-at" datetime=at.clone()>{minute(&at)}</time>
                    </p>
                    {reason.map(|reason| view! { <p class="history-detail">{reason}</p> })}
                </li>
            }
            .into_any()
        }
    }
}

/// An RFC 3339 time to the minute, as `2026-12-03 19:50 UTC` (the server keeps UTC).
fn minute(at: &str) -> String {
    format!("{} UTC", at.get(..16).unwrap_or(at).replace('T', " "))
}
