//! A key just made, shown this once: the key itself, a copy button, and the warning that it will
//! not be seen again.

use coupon_rules::Lang;
use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::admin::api::NewKey;
use crate::admin::i18n::key_texts;
use crate::components::copy_to_clipboard;

/// What became of the last copy.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Copied {
    Not,
    Done,
    Failed,
}

/// The new key's panel (`#new-key`). It takes the focus when it appears, so screen readers read
/// the warning at once; "Done" hides the key for good.
#[component]
pub fn NewKeyPanel(
    /// The key as `POST keys` gave it.
    new_key: NewKey,
    /// The language of the texts.
    lang: Lang,
    /// Hides the panel.
    on_done: Callback<()>,
) -> impl IntoView {
    let texts = key_texts(lang);
    let copied = RwSignal::new(Copied::Not);
    let panel = NodeRef::<html::Section>::new();
    Effect::new(move |_| {
        if let Some(panel) = panel.get() {
            let _ = panel.focus();
        }
    });
    let secret = new_key.key.clone();
    let copy = move |_| {
        let secret = secret.clone();
        spawn_local(async move {
            copied.set(if copy_to_clipboard(&secret).await { Copied::Done } else { Copied::Failed });
        });
    };
    let announcement = move || match copied.get() {
        Copied::Not => "",
        Copied::Done => texts.copied,
        Copied::Failed => texts.copy_failed,
    };
    view! {
        <section
            id="new-key"
            class="panel new-key"
            tabindex="-1"
            aria-labelledby="new-key-title"
            aria-describedby="new-key-once"
            node_ref=panel
        >
            <h3 id="new-key-title">{(texts.new_key_title)(&new_key.label)}</h3>
            <p id="new-key-once" class="new-key-once">
                <strong>{texts.new_key_once}</strong>
            </p>
            <p class="new-key-label" id="new-key-value-label">
                {texts.new_key_label}
            </p>
            // One tap selects the whole key (`user-select: all`), for copying by hand.
            <code id="new-key-value" class="new-key-value" aria-labelledby="new-key-value-label">
                {new_key.key.clone()}
            </code>
            <div class="new-key-actions">
                <button type="button" id="copy-new-key" class="button primary" on:click=copy>
                    {texts.copy_key}
                </button>
                <button type="button" id="hide-new-key" class="button" on:click=move |_| on_done.run(())>
                    {texts.done}
                </button>
                <span class="copy-status" role="status">
                    {announcement}
                </span>
            </div>
        </section>
    }
}
