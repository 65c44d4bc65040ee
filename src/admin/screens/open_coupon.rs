//! Choosing what to edit: a coupon by its code (typed with or without dashes), or a new one.

use coupon_rules::{normalize_code, validate_code, Context, Coupon, Lang};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::admin::api::{self, AdminApiError};
use crate::admin::form::failure_text;
use crate::admin::i18n::admin_texts;
use crate::admin::session::ApiKey;

/// The code field and the "New coupon" button. `on_open` gets the fresh context with the stored
/// coupon; `on_create` the fresh context for a new one.
#[component]
pub fn OpenCoupon(lang: Lang, key: ApiKey, on_open: Callback<Context>, on_create: Callback<Context>) -> impl IntoView {
    let texts = admin_texts(lang);
    let typed = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let failure = RwSignal::new(None::<String>);
    let open_key = key.clone();
    let open = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let code = normalize_code(&typed.get_untracked());
        if let Some(problem) = code_problem(&code, lang) {
            failure.set(Some(problem));
            return;
        }
        let key = open_key.clone();
        busy.set(true);
        failure.set(None);
        spawn_local(async move {
            let loaded = load(&key, &code).await;
            busy.set(false);
            match loaded {
                Ok(context) => on_open.run(context),
                Err(AdminApiError::NotFound) => failure.set(Some((texts.not_found)(&code))),
                Err(error) => failure.set(Some(failure_text(&error, lang))),
            }
        });
    };
    let create = move |_| {
        let key = key.clone();
        busy.set(true);
        failure.set(None);
        spawn_local(async move {
            let loaded = api::fetch_context(&key).await;
            busy.set(false);
            match loaded {
                Ok(context) => on_create.run(context),
                Err(error) => failure.set(Some(failure_text(&error, lang))),
            }
        });
    };
    view! {
        <form class="panel open-coupon" on:submit=open>
            <h2>{texts.open_title}</h2>
            <label for="open-code">{texts.code_label}</label>
            <div class="open-row">
                <input
                    type="text"
                    id="open-code"
                    autocomplete="off"
                    spellcheck="false"
                    aria-describedby="open-code-hint open-code-error"
                    prop:value=move || typed.get()
                    on:input=move |ev| typed.set(event_target_value(&ev))
                />
                <button type="submit" id="open" class="button primary" disabled=move || busy.get()>
                    {texts.open}
                </button>
            </div>
            <p id="open-code-hint" class="field-hint">{texts.code_hint}</p>
            <p id="open-code-error" class="field-error" role="alert">{move || failure.get()}</p>
            <p>
                <button type="button" id="new-coupon" class="button" disabled=move || busy.get() on:click=create>
                    {texts.new_coupon}
                </button>
            </p>
        </form>
    }
}

/// What the rules say about a code, in the admin's language; `None` when it is one.
fn code_problem(code: &str, lang: Lang) -> Option<String> {
    validate_code(code, lang).errors.into_iter().next().map(|e| e.message)
}

/// The context to edit a coupon in: the account's, fresh (the server's today), with the coupon.
pub async fn load(key: &ApiKey, code: &str) -> Result<Context, AdminApiError> {
    let coupon: Coupon = api::fetch_coupon(key, code).await?;
    let mut context = api::fetch_context(key).await?;
    context.stored = Some(coupon);
    Ok(context)
}
