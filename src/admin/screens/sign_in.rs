//! Sign-in with an API key: checked by loading the account's context, then kept for the tab.

use coupon_rules::{Context, Lang};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::admin::api::{self, AdminApiError};
use crate::admin::form::failure_text;
use crate::admin::i18n::admin_texts;
use crate::admin::session::{self, ApiKey};

/// The key form; `on_signed_in` gets the accepted key and the account's context.
#[component]
pub fn SignIn(lang: Lang, on_signed_in: Callback<(ApiKey, Context)>) -> impl IntoView {
    let texts = admin_texts(lang);
    let typed = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let failure = RwSignal::new(None::<String>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(key) = ApiKey::new(&typed.get_untracked()) else {
            failure.set(Some(texts.unknown_key.to_owned()));
            return;
        };
        busy.set(true);
        failure.set(None);
        spawn_local(async move {
            let result = api::fetch_context(&key).await;
            busy.set(false);
            match result {
                Ok(context) => {
                    session::remember(&key);
                    on_signed_in.run((key, context));
                }
                Err(AdminApiError::Unauthorized) => failure.set(Some(texts.unknown_key.to_owned())),
                Err(error) => failure.set(Some(failure_text(&error, lang))),
            }
        });
    };
    view! {
        <form class="panel sign-in" on:submit=submit>
            <h2>{texts.sign_in_title}</h2>
            <label for="api-key">{texts.api_key_label}</label>
            <input
                type="password"
                id="api-key"
                autocomplete="off"
                spellcheck="false"
                aria-describedby="api-key-hint api-key-error"
                prop:value=move || typed.get()
                on:input=move |ev| typed.set(event_target_value(&ev))
            />
            <p id="api-key-hint" class="field-hint">{texts.api_key_hint}</p>
            <p id="api-key-error" class="field-error" role="alert">{move || failure.get()}</p>
            <button type="submit" id="sign-in" class="button primary" disabled=move || busy.get()>
                {move || if busy.get() { texts.signing_in } else { texts.sign_in }}
            </button>
        </form>
    }
}
