//! The question before a key is revoked, in place under the key: revoking cannot be undone.

use coupon_rules::Lang;
use leptos::ev::KeyboardEvent;
use leptos::html;
use leptos::prelude::*;

use crate::admin::i18n::key_texts;

/// "Revoke “Front desk”?" with "Revoke key" and "Cancel" (`role=alertdialog`). The focus goes to
/// Cancel, the harmless choice; Escape cancels too.
#[component]
pub fn RevokeConfirm(
    /// The key's label, named in the question.
    label: String,
    /// The language of the texts.
    lang: Lang,
    /// The revoke request is in flight.
    #[prop(into)]
    busy: Signal<bool>,
    /// Revokes the key.
    on_confirm: Callback<()>,
    /// Closes the question.
    on_cancel: Callback<()>,
) -> impl IntoView {
    let texts = key_texts(lang);
    let cancel = NodeRef::<html::Button>::new();
    Effect::new(move |_| {
        if let Some(button) = cancel.get() {
            let _ = button.focus();
        }
    });
    let escape = move |event: KeyboardEvent| {
        if event.key() == "Escape" && !busy.get_untracked() {
            event.prevent_default();
            on_cancel.run(());
        }
    };
    view! {
        <div
            class="revoke-confirm"
            role="alertdialog"
            aria-labelledby="revoke-confirm-title"
            aria-describedby="revoke-confirm-body"
            on:keydown=escape
        >
            <p id="revoke-confirm-title" class="revoke-confirm-title">
                {(texts.confirm_title)(&label)}
            </p>
            <p id="revoke-confirm-body">{texts.confirm_body}</p>
            <div class="revoke-confirm-buttons">
                <button
                    type="button"
                    id="confirm-revoke"
                    class="button danger"
                    disabled=move || busy.get()
                    on:click=move |_| on_confirm.run(())
                >
                    {move || if busy.get() { texts.revoking } else { texts.confirm_revoke }}
                </button>
                <button
                    type="button"
                    id="cancel-revoke"
                    class="button"
                    disabled=move || busy.get()
                    node_ref=cancel
                    on:click=move |_| on_cancel.run(())
                >
                    {texts.cancel}
                </button>
            </div>
        </div>
    }
}
