//! The signing secret: a new one shown once with a copy button, whether one exists, a rotation in
//! progress, and "Rotate secret".

use coupon_rules::Lang;
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::screen::Shared;
use super::when::local_time;
use crate::admin::api::webhooks as api;
use crate::admin::form::failure_text;
use crate::admin::i18n::webhook_texts;
use crate::admin::session::ApiKey;
use crate::components::copy_to_clipboard;

/// The secret panel.
#[component]
pub(super) fn SecretPanel(lang: Lang, key: ApiKey, shared: Shared) -> impl IntoView {
    let t = webhook_texts(lang);
    let busy = RwSignal::new(false);
    let failure = RwSignal::new(None::<String>);
    let copied = RwSignal::new(false);
    let has_secret = move || shared.config.with(|c| c.as_ref().is_some_and(|c| c.has_secret));
    let rotating_until = move || shared.config.with(|c| c.as_ref().and_then(|c| c.previous_secret_valid_until.clone()));

    let rotate = move |_| {
        let confirmed = window().confirm_with_message(t.rotate_confirm).unwrap_or(false);
        if !confirmed {
            return;
        }
        let key = key.clone();
        busy.set(true);
        failure.set(None);
        spawn_local(async move {
            match api::rotate_secret(&key).await {
                Ok(rotated) => {
                    copied.set(false);
                    shared.new_secret.set(Some(rotated.secret));
                    shared.config.update(|config| {
                        if let Some(config) = config {
                            config.has_secret = true;
                            config.previous_secret_valid_until = rotated.previous_secret_valid_until;
                        }
                    });
                }
                Err(error) => failure.set(Some(failure_text(&error, lang))),
            }
            busy.set(false);
        });
    };
    let copy = move |_| {
        if let Some(secret) = shared.new_secret.get_untracked() {
            spawn_local(async move { copied.set(copy_to_clipboard(&secret).await) });
        }
    };

    view! {
        <section class="panel webhook-secret" aria-labelledby="wh-secret-title">
            <h3 id="wh-secret-title">{t.secret_title}</h3>
            <Show when=move || shared.new_secret.with(Option::is_some)>
                <div class="notice notice-success secret-once">
                    <p>{t.secret_once}</p>
                    <p class="secret-row">
                        <code id="wh-secret">{move || shared.new_secret.get()}</code>
                        <button type="button" id="wh-copy-secret" class="button" on:click=copy>
                            {move || if copied.get() { t.copied } else { t.copy }}
                        </button>
                    </p>
                </div>
            </Show>
            <p class="field-hint">{move || if has_secret() { t.secret_kept } else { t.secret_none }}</p>
            <p id="wh-rotating" class="field-hint" hidden=move || rotating_until().is_none()>
                {move || rotating_until().map(|until| (t.rotating_until)(&local_time(&until, lang)))}
            </p>
            <p>
                <button
                    type="button"
                    id="wh-rotate"
                    class="button"
                    disabled=move || busy.get() || !has_secret()
                    on:click=rotate
                >
                    {t.rotate}
                </button>
            </p>
            <p class="field-error" role="alert" hidden=move || failure.with(Option::is_none)>{move || failure.get()}</p>
        </section>
    }
}
