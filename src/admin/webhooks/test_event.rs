//! "Send a test event": queues a `webhook.test` event and follows it in the events list until the
//! endpoint accepts it.

use coupon_rules::Lang;
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::screen::Shared;
use crate::admin::api::webhooks as api;
use crate::admin::form::failure_text;
use crate::admin::i18n::webhook_texts;
use crate::admin::session::ApiKey;

/// The test button and how the last test went.
#[component]
pub(super) fn TestEvent(lang: Lang, key: ApiKey, shared: Shared) -> impl IntoView {
    let t = webhook_texts(lang);
    let sent = RwSignal::new(None::<String>);
    let failure = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let has_url = move || shared.config.with(|c| c.as_ref().is_some_and(|c| !c.callback_url.is_empty()));

    let send = move |_| {
        let key = key.clone();
        busy.set(true);
        failure.set(None);
        spawn_local(async move {
            match api::send_test(&key).await {
                Ok(id) => {
                    sent.set(Some(id));
                    shared.refresh.run(());
                }
                Err(error) => failure.set(Some(failure_text(&error, lang))),
            }
            busy.set(false);
        });
    };
    // The test's event as the list shows it now.
    let progress = move || {
        let id = sent.get()?;
        let event = shared.events.with(|list| list.iter().flatten().find(|e| e.id == id).cloned());
        Some(match event {
            Some(event) if event.status == "delivered" => ("delivered", t.test_delivered.to_owned()),
            Some(event) if event.attempts > 0 => {
                let answer = event.last_http_status.map(|s| s.to_string()).unwrap_or_else(|| t.no_reply.to_owned());
                ("retrying", (t.test_not_yet)(&answer))
            }
            _ => ("queued", t.test_queued.to_owned()),
        })
    };

    view! {
        <section class="panel webhook-test" aria-labelledby="wh-test-title">
            <h3 id="wh-test-title">{t.send_test}</h3>
            <p id="wh-test-hint" class="field-hint">{t.test_hint}</p>
            <p>
                <button
                    type="button"
                    id="wh-send-test"
                    class="button"
                    aria-describedby="wh-test-hint"
                    disabled=move || busy.get() || !has_url()
                    on:click=send
                >
                    {t.send_test}
                </button>
            </p>
            <p id="wh-test-status" role="status" data-state=move || progress().map(|(state, _)| state)>
                {move || progress().map(|(_, text)| text)}
            </p>
            <p class="field-error" role="alert" hidden=move || failure.with(Option::is_none)>{move || failure.get()}</p>
        </section>
    }
}
