//! The Webhooks screen: loads the account's webhook config and latest events, and polls the events
//! while one is pending so that a delivery shows up without a reload.

use std::time::Duration;

use coupon_rules::messages::plan_name;
use coupon_rules::{Lang, Plan};
use leptos::either::EitherOf4;
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::config_form::ConfigForm;
use super::event_list::EventList;
use super::secret_panel::SecretPanel;
use super::test_event::TestEvent;
use crate::admin::api::webhooks::{self as api, WebhookConfig, WebhookEvent};
use crate::admin::api::AdminApiError;
use crate::admin::form::failure_text;
use crate::admin::i18n::{admin_texts, webhook_texts};
use crate::admin::session::ApiKey;

/// How often the events are read again while one is pending.
const POLL: Duration = Duration::from_secs(2);

/// What the screen shares with its parts.
#[derive(Clone, Copy)]
pub(super) struct Shared {
    /// The config as the server last answered it (`None` while loading).
    pub config: RwSignal<Option<WebhookConfig>>,
    /// The latest events (`None` while loading).
    pub events: RwSignal<Option<Vec<WebhookEvent>>>,
    /// Why the events could not be read last time (the list on screen stays).
    pub events_error: RwSignal<Option<String>>,
    /// A secret just made, shown once.
    pub new_secret: RwSignal<Option<String>>,
    /// Reads the events again.
    pub refresh: Callback<()>,
}

/// The screen, for an account on `plan`.
#[component]
pub fn WebhooksScreen(lang: Lang, key: ApiKey, plan: Option<Plan>) -> AnyView {
    let t = webhook_texts(lang);
    if plan.is_some_and(|plan| !plan.includes(Plan::WEBHOOK)) {
        let needed = plan_name(Plan::WEBHOOK.as_str(), lang);
        return view! {
            <section class="panel webhooks" aria-labelledby="webhooks-title">
                <h2 id="webhooks-title">{t.title}</h2>
                <p id="webhooks-plan" class="notice notice-locked">{(t.needs_plan)(needed)}</p>
            </section>
        }
        .into_any();
    }
    let config = RwSignal::new(None::<WebhookConfig>);
    let load_error = RwSignal::new(None::<AdminApiError>);
    let events = RwSignal::new(None::<Vec<WebhookEvent>>);
    let events_error = RwSignal::new(None::<String>);
    let new_secret = RwSignal::new(None::<String>);

    let events_key = key.clone();
    let refresh = Callback::new(move |()| {
        let key = events_key.clone();
        spawn_local(async move {
            match api::fetch_events(&key).await {
                Ok(found) => {
                    events.set(Some(found));
                    events_error.set(None);
                }
                Err(error) => events_error.set(Some(failure_text(&error, lang))),
            }
        });
    });
    let config_key = key.clone();
    let load = Callback::new(move |()| {
        let key = config_key.clone();
        load_error.set(None);
        spawn_local(async move {
            match api::fetch_config(&key).await {
                Ok(found) => config.set(Some(found)),
                Err(error) => load_error.set(Some(error)),
            }
        });
        refresh.run(());
    });
    load.run(());
    // While an event is on its way, its delivery shows up by itself.
    let pending = move || events.with(|list| list.iter().flatten().any(|event| event.status == "pending"));
    if let Ok(handle) = set_interval_with_handle(
        move || {
            if pending() {
                refresh.run(());
            }
        },
        POLL,
    ) {
        on_cleanup(move || handle.clear());
    }
    let shared = Shared { config, events, events_error, new_secret, refresh };

    // The parts keep their own state (typed text, a save's outcome): they are made once, when the
    // config first arrives, not again each time it changes.
    let loaded = Memo::new(move |_| config.with(Option::is_some));
    let body = move || match (loaded.get(), load_error.get()) {
        (_, Some(AdminApiError::PlanRequired { required, .. })) => EitherOf4::A(view! {
            <p id="webhooks-plan" class="notice notice-locked">{(t.needs_plan)(plan_name(required.as_str(), lang))}</p>
        }),
        (_, Some(error)) => EitherOf4::B(view! {
            <div class="notice notice-error" role="alert">
                <p>{failure_text(&error, lang)}</p>
                <button type="button" class="button retry" on:click=move |_| load.run(())>
                    {admin_texts(lang).retry}
                </button>
            </div>
        }),
        (false, None) => {
            EitherOf4::C(view! { <p class="webhooks-loading" aria-busy="true">{admin_texts(lang).loading}</p> })
        }
        (true, None) => EitherOf4::D(parts(lang, key.clone(), shared)),
    };
    view! {
        <section class="webhooks" aria-labelledby="webhooks-title">
            <h2 id="webhooks-title">{t.title}</h2>
            <p class="webhooks-intro">{t.intro}</p>
            {body}
        </section>
    }
    .into_any()
}

/// The loaded screen: settings and secret side by side on wide screens, the events below.
fn parts(lang: Lang, key: ApiKey, shared: Shared) -> impl IntoView {
    view! {
        <div class="webhooks-settings">
            <ConfigForm lang key=key.clone() shared />
            <div class="webhooks-side">
                <SecretPanel lang key=key.clone() shared />
                <TestEvent lang key=key.clone() shared />
            </div>
        </div>
        <EventList lang key shared />
    }
}
