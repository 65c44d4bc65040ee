//! The account's keys, oldest first, or the words for an account without any.

use coupon_rules::Lang;
use leptos::prelude::*;

use super::key_row::KeyRow;
use crate::admin::api::KeyInfo;
use crate::admin::i18n::key_texts;

/// The list (`ul#key-list`), or `#keys-empty` when there are no keys.
#[component]
pub fn KeyList(
    /// The keys as `GET keys` gave them.
    #[prop(into)]
    keys: Signal<Vec<KeyInfo>>,
    /// The language of the texts and times.
    lang: Lang,
    /// The key whose revoke question is open, if any.
    confirming: RwSignal<Option<i64>>,
    /// The key being revoked right now, if any.
    #[prop(into)]
    revoking: Signal<Option<i64>>,
    /// Revokes the key of this id.
    on_revoke: Callback<i64>,
) -> impl IntoView {
    let texts = key_texts(lang);
    view! {
        <p id="keys-empty" class="keys-empty" hidden=move || keys.with(|keys| !keys.is_empty())>
            {texts.empty}
        </p>
        <ul id="key-list" class="key-list" aria-label=texts.list_caption>
            // A row renders again only when what it shows changed.
            <For
                each=move || keys.get()
                key=|info| (info.id, info.last_used_at.clone(), info.revoked_at.clone())
                children=move |info| view! { <KeyRow info lang confirming revoking on_revoke /> }
            />
        </ul>
    }
}
