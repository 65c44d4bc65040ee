//! The coupon code in groups of four, with a copy button.

use coupon_rules::{group_code, Lang};
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen_futures::JsFuture;

use crate::i18n::texts;

/// What became of the last copy.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Copied {
    Not,
    Done,
    Failed,
}

/// The code as people read it aloud (`ZJLF-0399-WQBE-QZJM`) and a button that copies the bare code.
#[component]
pub fn CouponCode(code: String, lang: Lang) -> impl IntoView {
    let copied = RwSignal::new(Copied::Not);
    let grouped = group_code(&code);
    let copy = move |_| {
        let code = code.clone();
        spawn_local(async move {
            let done = copy_to_clipboard(&code).await;
            copied.set(if done { Copied::Done } else { Copied::Failed });
        });
    };
    let announcement = move || match copied.get() {
        Copied::Not => "",
        Copied::Done => texts(lang).copied,
        Copied::Failed => texts(lang).copy_failed,
    };
    view! {
        <div class="coupon-code">
            <span class="coupon-code-label">{texts(lang).code_label}</span>
            // One tap selects the whole code (`user-select: all`), for copying by hand.
            <span class="coupon-code-value">
                {grouped}
            </span>
            <button type="button" class="button copy-button" on:click=copy>
                {texts(lang).copy_code}
            </button>
            <span class="copy-status" role="status">
                {announcement}
            </span>
        </div>
    }
}

/// Writes the text to the clipboard (also the admin's secrets); false where the browser offers no clipboard (plain http).
pub async fn copy_to_clipboard(text: &str) -> bool {
    let Some(navigator) = web_sys::window().map(|window| window.navigator()) else {
        return false;
    };
    // `navigator.clipboard` is undefined outside secure contexts.
    let has_clipboard = js_sys::Reflect::get(&navigator, &"clipboard".into()).is_ok_and(|c| !c.is_undefined());
    has_clipboard && JsFuture::from(navigator.clipboard().write_text(text)).await.is_ok()
}
