//! One key of the list: its label, when it was made and last used, whether it works, and Revoke.

use coupon_rules::Lang;
use leptos::prelude::*;

use super::revoke_confirm::RevokeConfirm;
use crate::admin::api::KeyInfo;
use crate::admin::i18n::key_texts;
use crate::time::browser_time;

/// A key (`li.key-row`, `data-state` active or revoked); never the key itself, which the server
/// does not keep. Revoke asks first, in place.
#[component]
pub fn KeyRow(
    /// The key as the list gives it.
    info: KeyInfo,
    /// The language of the texts and times.
    lang: Lang,
    /// The key whose revoke question is open, if any: one at a time.
    confirming: RwSignal<Option<i64>>,
    /// The key being revoked right now, if any.
    #[prop(into)]
    revoking: Signal<Option<i64>>,
    /// Revokes the key of this id.
    on_revoke: Callback<i64>,
) -> impl IntoView {
    let texts = key_texts(lang);
    let id = info.id;
    let revoked = info.revoked_at.is_some();
    let state = match &info.revoked_at {
        Some(at) => (texts.revoked_on)(&browser_time(at, lang)),
        None => texts.active.to_owned(),
    };
    let last_used = info.last_used_at.as_deref().map_or_else(|| texts.never.to_owned(), |at| browser_time(at, lang));
    let asking = move || confirming.get() == Some(id);
    let label = info.label.clone();
    let question = move || {
        asking().then(|| {
            view! {
                <RevokeConfirm
                    label=label.clone()
                    lang
                    busy=Signal::derive(move || revoking.get() == Some(id))
                    on_confirm=Callback::new(move |()| on_revoke.run(id))
                    on_cancel=Callback::new(move |()| confirming.set(None))
                />
            }
        })
    };
    view! {
        <li class="key-row" data-state=if revoked { "revoked" } else { "active" } data-key-id=id.to_string()>
            <div class="key-head">
                <h4 class="key-label">{info.label.clone()}</h4>
                <button
                    type="button"
                    class="button revoke-key"
                    aria-label=(texts.revoke_named)(&info.label)
                    aria-expanded=move || asking().to_string()
                    hidden=revoked
                    disabled=move || revoking.get().is_some()
                    on:click=move |_| confirming.set(Some(id))
                >
                    {texts.revoke}
                </button>
            </div>
            <dl class="key-facts">
                <div>
                    <dt>{texts.col_created}</dt>
                    <dd class="key-created">{browser_time(&info.created_at, lang)}</dd>
                </div>
                <div>
                    <dt>{texts.col_last_used}</dt>
                    <dd class="key-last-used">{last_used}</dd>
                </div>
                <div>
                    <dt>{texts.col_state}</dt>
                    <dd class="key-state">
                        <span class=if revoked { "key-badge key-badge-revoked" } else { "key-badge" }>{state}</span>
                    </dd>
                </div>
            </dl>
            {question}
        </li>
    }
}
