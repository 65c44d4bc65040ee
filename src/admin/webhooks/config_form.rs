//! The callback URL and the global switch, checked by `coupon-rules` while the admin types (the same
//! check as `PUT /api/webhook/v1/config` on the server), and saved.

use coupon_rules::{validate_webhook_config, FieldError, Lang, Report, WebhookConfigRequest};
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::screen::Shared;
use crate::admin::api::webhooks as api;
use crate::admin::form::failure_text;
use crate::admin::i18n::webhook_texts;
use crate::admin::session::ApiKey;

/// The two fields the form sends.
const URL_FIELD: &str = "callbackUrl";
const ENABLE_FIELD: &str = "enableYn";

/// What the save did last.
#[derive(Debug, Clone, PartialEq)]
enum Saved {
    Not,
    Saving,
    Done,
    /// Refused or not sent: why, for everyone (field errors also show beside their field).
    Failed(String),
}

/// The settings form.
#[component]
pub(super) fn ConfigForm(lang: Lang, key: ApiKey, shared: Shared) -> impl IntoView {
    let t = webhook_texts(lang);
    // The form is shown once the config has loaded.
    let stored = shared.config.get_untracked().unwrap_or_default();
    let url = RwSignal::new(stored.callback_url.clone());
    let enabled = RwSignal::new(stored.enable_yn == "Y");
    let saved = RwSignal::new(Saved::Not);
    // The server's findings of the last save, until the admin types again.
    let server_errors = RwSignal::new(Vec::<FieldError>::new());

    let stored_url = move || shared.config.with(|c| c.as_ref().map(|c| c.callback_url.clone()).unwrap_or_default());
    let request = move || {
        let typed = url.get().trim().to_owned();
        let mut request = WebhookConfigRequest {
            enable_yn: Some(if enabled.get() { "Y" } else { "N" }.to_owned()),
            ..WebhookConfigRequest::default()
        };
        // An unchanged URL is not sent (absent: unchanged), so clearing nothing never trips a rule.
        if typed != stored_url() {
            request.callback_url = Some(typed);
        }
        request
    };
    let report = Memo::new(move |_| validate_webhook_config(&request(), &stored_url(), lang));
    let errors_on = move |field: &'static str| {
        move || {
            let local: Vec<FieldError> =
                report.with(|r| r.errors.iter().filter(|e| e.field == field).cloned().collect());
            let errors = if local.is_empty() {
                server_errors.with(|errors| errors.iter().filter(|e| e.field == field).cloned().collect())
            } else {
                local
            };
            errors
                .into_iter()
                .map(|e| view! { <li class="field-error" data-code=e.code.as_str()>{e.message}</li> })
                .collect_view()
        }
    };
    let typed = move || {
        server_errors.set(Vec::new());
        saved.set(Saved::Not);
    };

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if !report.with_untracked(Report::is_ok) || saved.get_untracked() == Saved::Saving {
            return;
        }
        let change = request();
        let key = key.clone();
        saved.set(Saved::Saving);
        spawn_local(async move {
            match api::save_config(&key, &change).await {
                Ok(mut reply) => {
                    if let Some(secret) = reply.secret.take() {
                        shared.new_secret.set(Some(secret));
                    }
                    url.set(reply.callback_url.clone());
                    enabled.set(reply.enable_yn == "Y");
                    shared.config.set(Some(reply));
                    saved.set(Saved::Done);
                }
                Err(error) => {
                    server_errors.set(error.field_errors().to_vec());
                    saved.set(Saved::Failed(failure_text(&error, lang)));
                }
            }
        });
    };
    let status = move || match saved.get() {
        Saved::Not => None,
        Saved::Saving => Some(view! { <p class="save-status">{t.saving}</p> }.into_any()),
        Saved::Done => Some(view! { <p class="notice notice-success">{t.saved}</p> }.into_any()),
        Saved::Failed(why) => Some(view! { <p class="notice notice-error">{why}</p> }.into_any()),
    };
    let blocked = move || !report.with(Report::is_ok) || saved.get() == Saved::Saving;

    view! {
        <form class="panel webhook-config" on:submit=submit novalidate>
            <h3>{t.settings_title}</h3>
            <label for="wh-url">{t.url_label}</label>
            <input
                type="url"
                id="wh-url"
                inputmode="url"
                autocomplete="off"
                spellcheck="false"
                placeholder="https://pos.example/hooks/coupons"
                aria-describedby="wh-url-hint wh-url-msgs"
                aria-invalid=move || report.with(|r| r.errors.iter().any(|e| e.field == URL_FIELD)).to_string()
                prop:value=move || url.get()
                on:input=move |ev| {
                    url.set(event_target_value(&ev));
                    typed();
                }
            />
            <p id="wh-url-hint" class="field-hint">{t.url_hint}</p>
            <ul id="wh-url-msgs" class="field-messages" role="alert">{errors_on(URL_FIELD)}</ul>
            <label class="switch wh-switch">
                <input
                    type="checkbox"
                    id="wh-enable"
                    aria-describedby="wh-enable-hint wh-enable-msgs"
                    prop:checked=move || enabled.get()
                    on:change=move |ev| {
                        enabled.set(event_target_checked(&ev));
                        typed();
                    }
                />
                {t.enable_label}
            </label>
            <p id="wh-enable-hint" class="field-hint">{t.enable_hint}</p>
            <ul id="wh-enable-msgs" class="field-messages" role="alert">{errors_on(ENABLE_FIELD)}</ul>
            <p>
                <button type="submit" id="wh-save" class="button primary" disabled=blocked>{t.save}</button>
            </p>
            <div id="wh-save-status" role="status">{status}</div>
        </form>
    }
}
