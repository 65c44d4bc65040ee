//! The API keys screen: the account's keys with loading, empty and error states, a form that makes
//! one (shown once), and revoking one. A failed request changes nothing on screen but its message.

use coupon_rules::{FieldError, Lang};
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::create_form::CreateKeyForm;
use super::key_list::KeyList;
use super::new_key::NewKeyPanel;
use crate::admin::api::{self, AdminApiError, KeyInfo, NewKey};
use crate::admin::form::failure_text;
use crate::admin::i18n::{admin_texts, key_texts};
use crate::admin::session::ApiKey;

/// How the last revoke went.
#[derive(Debug, Clone, PartialEq)]
enum Outcome {
    /// Revoked: (label).
    Revoked(String),
    /// Not revoked: (label, why).
    Failed(String, String),
}

/// The screen (`#keys-screen`). `on_signed_out` runs when the key this tab is signed in with was
/// revoked here: the list cannot be read with it any more.
#[component]
pub fn KeysScreen(
    /// The language of the texts.
    lang: Lang,
    /// The key the admin signed in with.
    key: ApiKey,
    /// The admin revoked their own key.
    on_signed_out: Callback<()>,
) -> impl IntoView {
    let texts = key_texts(lang);
    let key = StoredValue::new(key);
    // `None` until the first list arrives; a later failure keeps the list shown.
    let keys = RwSignal::new(None::<Vec<KeyInfo>>);
    let loading = RwSignal::new(false);
    let load_error = RwSignal::new(None::<String>);
    let label = RwSignal::new(String::new());
    let creating = RwSignal::new(false);
    let refused = RwSignal::new(Vec::<FieldError>::new());
    let create_error = RwSignal::new(None::<String>);
    let new_key = RwSignal::new(None::<NewKey>);
    let confirming = RwSignal::new(None::<i64>);
    let revoking = RwSignal::new(None::<i64>);
    let outcome = RwSignal::new(None::<Outcome>);

    // `after_revoke`: a refused key means the admin just revoked their own.
    let load = move |after_revoke: bool| {
        loading.set(true);
        spawn_local(async move {
            let answer = api::fetch_keys(&key.get_value()).await;
            loading.set(false);
            match answer {
                Ok(list) => {
                    load_error.set(None);
                    keys.set(Some(list));
                }
                Err(AdminApiError::Unauthorized) if after_revoke => on_signed_out.run(()),
                Err(error) => load_error.set(Some(failure_text(&error, lang))),
            }
        });
    };
    load(false);

    let create = Callback::new(move |typed: String| {
        creating.set(true);
        create_error.set(None);
        spawn_local(async move {
            // The form sends only a label the rules accept; the server checks it again.
            let answer = api::create_key(&key.get_value(), &typed).await;
            creating.set(false);
            match answer {
                Ok(made) => {
                    label.set(String::new());
                    outcome.set(None);
                    new_key.set(Some(made));
                    load(false);
                }
                Err(error) => {
                    refused.set(error.field_errors().iter().filter(|e| e.field == "label").cloned().collect());
                    create_error.set(Some(format!("{} {}", texts.create_failed, failure_text(&error, lang))));
                }
            }
        });
    });

    let revoke = Callback::new(move |id: i64| {
        let name = keys.with_untracked(|list| {
            list.iter().flatten().find(|info| info.id == id).map(|info| info.label.clone()).unwrap_or_default()
        });
        revoking.set(Some(id));
        outcome.set(None);
        spawn_local(async move {
            let answer = api::revoke_key(&key.get_value(), id).await;
            revoking.set(None);
            match answer {
                Ok(()) => {
                    confirming.set(None);
                    outcome.set(Some(Outcome::Revoked(name)));
                    load(true);
                }
                Err(error) => {
                    let why = match error {
                        AdminApiError::NotFound => texts.key_gone.to_owned(),
                        error => failure_text(&error, lang),
                    };
                    outcome.set(Some(Outcome::Failed(name, why)));
                }
            }
        });
    });

    let outcome_view = move || {
        outcome.get().map(|outcome| match outcome {
            Outcome::Revoked(name) => view! {
                <p id="keys-outcome" class="notice notice-success" role="status">
                    {(texts.revoked)(&name)}
                </p>
            }
            .into_any(),
            Outcome::Failed(name, why) => view! {
                <p id="keys-outcome" class="notice notice-error" role="alert">
                    {(texts.revoke_failed)(&name)}
                    " "
                    {why}
                </p>
            }
            .into_any(),
        })
    };
    // Mounted once the first list is in; later lists update its rows in place.
    let loaded = Memo::new(move |_| keys.with(Option::is_some));
    let shown_keys = Signal::derive(move || keys.get().unwrap_or_default());
    let list =
        move || loaded.get().then(|| view! { <KeyList keys=shown_keys lang confirming revoking on_revoke=revoke /> });
    view! {
        <section id="keys-screen" class="keys-screen" aria-labelledby="keys-title">
            <h2 id="keys-title">{texts.title}</h2>
            <p class="keys-intro">{texts.intro}</p>
            {move || {
                new_key
                    .get()
                    .map(|made| {
                        view! { <NewKeyPanel new_key=made lang on_done=Callback::new(move |()| new_key.set(None)) /> }
                    })
            }}
            <CreateKeyForm lang label busy=creating refused failure=create_error on_create=create />
            <section class="panel keys-list" aria-labelledby="keys-list-title" aria-busy=move || loading.get().to_string()>
                <h3 id="keys-list-title">{texts.list_caption}</h3>
                {outcome_view}
                <div id="keys-error" class="notice notice-error" role="alert" hidden=move || load_error.with(Option::is_none)>
                    <p>{texts.load_failed} " " {move || load_error.get()}</p>
                    <button type="button" class="button retry" disabled=move || loading.get() on:click=move |_| load(false)>
                        {admin_texts(lang).retry}
                    </button>
                </div>
                <p id="keys-loading" role="status" hidden=move || !(loading.get() && keys.with(Option::is_none))>
                    {texts.loading}
                </p>
                {list}
            </section>
        </section>
    }
}
