//! The admin bundle's root: sign in, choose a coupon, edit it, update a group, or set up webhooks;
//! the header with the plan, the way between the screens, and sign-out.

use coupon_rules::messages::plan_name;
use coupon_rules::{Context, Lang, Mode};
use leptos::either::EitherOf6;
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::api::{self, AdminApiError};
use super::coupon_list::CouponListScreen;
use super::form::{failure_text, CouponForm, LeaveGuard};
use super::group_update::GroupUpdateScreen;
use super::i18n::{admin_texts, group_texts, webhook_texts};
use super::screens::SignIn;
use super::session::{self, ApiKey};
use super::webhooks::WebhooksScreen;
use crate::i18n::browser_lang;

/// Where the admin is.
#[derive(Debug, Clone)]
enum Screen {
    /// Checking a key kept from earlier in this tab.
    Resuming,
    /// Asking for the API key.
    SignIn,
    /// The coupon list: choosing a coupon to open, or creating one.
    Open,
    /// The form, on this context (with the stored coupon when updating).
    Edit(Box<Context>, Mode),
    /// One change for every coupon of a group.
    GroupUpdate,
    /// The account's webhook settings and events.
    Webhooks,
}

/// The admin app at `/admin`, in the browser's language.
#[component]
pub fn AdminApp() -> impl IntoView {
    let lang = browser_lang();
    if let Some(root) = document().document_element() {
        let _ = root.set_attribute("lang", lang.tag());
    }
    let texts = admin_texts(lang);
    let guard = LeaveGuard::new();
    provide_context(guard);
    let key = RwSignal::new(session::stored_key());
    let plan = RwSignal::new(None::<coupon_rules::Plan>);
    // A failure outside any form (resuming a kept key, opening a just-created coupon), under the header.
    let app_error = RwSignal::new(None::<String>);
    let screen = RwSignal::new(if key.get_untracked().is_some() { Screen::Resuming } else { Screen::SignIn });

    if let Some(kept) = key.get_untracked() {
        // A key from earlier in this tab: check it is still good before showing anything behind it.
        spawn_local(async move {
            match api::fetch_context(&kept).await {
                Ok(context) => {
                    plan.set(Some(context.plan));
                    screen.set(Screen::Open);
                }
                Err(error) => {
                    // A refused key is forgotten; any other failure says what happened.
                    if error != AdminApiError::Unauthorized {
                        app_error.set(Some(failure_text(&error, lang)));
                    }
                    session::forget();
                    key.set(None);
                    screen.set(Screen::SignIn);
                }
            }
        });
    }

    let signed_in = Callback::new(move |(accepted, context): (ApiKey, Context)| {
        app_error.set(None);
        plan.set(Some(context.plan));
        key.set(Some(accepted));
        screen.set(Screen::Open);
    });
    let sign_out = move |_| {
        if guard.may_leave(texts.confirm_discard) {
            session::forget();
            key.set(None);
            plan.set(None);
            screen.set(Screen::SignIn);
        }
    };
    let back = move |_| {
        if guard.may_leave(texts.confirm_discard) {
            screen.set(Screen::Open);
        }
    };
    let edit = Callback::new(move |context: Context| {
        app_error.set(None);
        screen.set(Screen::Edit(Box::new(context), Mode::Update));
    });
    let create = Callback::new(move |context: Context| {
        app_error.set(None);
        screen.set(Screen::Edit(Box::new(context), Mode::Create));
    });
    let to_group_update = move |_| {
        if guard.may_leave(texts.confirm_discard) {
            app_error.set(None);
            screen.set(Screen::GroupUpdate);
        }
    };
    let to_webhooks = move |_| {
        if guard.may_leave(texts.confirm_discard) {
            app_error.set(None);
            screen.set(Screen::Webhooks);
        }
    };
    let away_from_open = move || matches!(screen.get(), Screen::Edit(..) | Screen::GroupUpdate | Screen::Webhooks);
    let on_webhooks = move || matches!(screen.get(), Screen::Webhooks | Screen::Resuming);
    let updating_group = move || matches!(screen.get(), Screen::GroupUpdate);

    let body = move || {
        let current_key = key.get();
        match (screen.get(), current_key) {
            (Screen::Resuming, _) => EitherOf6::A(view! { <p class="panel">{texts.loading}</p> }),
            (Screen::Open, Some(key)) => {
                EitherOf6::B(view! { <CouponListScreen lang key on_open=edit on_create=create /> })
            }
            (Screen::Edit(context, mode), Some(key)) => {
                EitherOf6::C(editor(*context, mode, Actions { lang, key, edit, create, app_error }))
            }
            (Screen::GroupUpdate, Some(key)) => EitherOf6::D(view! { <GroupUpdateScreen lang key /> }),
            (Screen::Webhooks, Some(key)) => {
                EitherOf6::E(view! { <WebhooksScreen lang key plan=plan.get_untracked() /> })
            }
            (Screen::SignIn, _) | (_, None) => EitherOf6::F(view! { <SignIn lang on_signed_in=signed_in /> }),
        }
    };

    view! {
        <header class="admin-header">
            <h1>{texts.app_title}</h1>
            <p class="plan-badge" hidden=move || plan.get().is_none()>
                {move || plan.get().map(|p| (texts.plan_badge)(plan_name(p.as_str(), lang)))}
            </p>
            <nav class="admin-nav" hidden=move || key.get().is_none()>
                <button type="button" id="back-to-open" class="button" hidden=move || !away_from_open() on:click=back>
                    {texts.back_to_open}
                </button>
                <button
                    type="button"
                    id="to-group-update"
                    class="button"
                    hidden=move || updating_group() || matches!(screen.get(), Screen::Resuming)
                    on:click=to_group_update
                >
                    {group_texts(lang).title}
                </button>
                <button type="button" id="to-webhooks" class="button" hidden=on_webhooks on:click=to_webhooks>
                    {webhook_texts(lang).title}
                </button>
                <button type="button" id="sign-out" class="button" on:click=sign_out>
                    {texts.sign_out}
                </button>
            </nav>
        </header>
        <main class="admin-main">
            <p id="app-error" class="notice notice-error" role="alert" hidden=move || app_error.with(Option::is_none)>
                {move || app_error.get()}
            </p>
            {body}
        </main>
    }
}

/// What the editor can do besides editing.
struct Actions {
    lang: Lang,
    key: ApiKey,
    edit: Callback<Context>,
    create: Callback<Context>,
    app_error: RwSignal<Option<String>>,
}

/// The form for one coupon; a created coupon can be opened for editing, or another one started.
fn editor(context: Context, mode: Mode, actions: Actions) -> impl IntoView {
    let Actions { lang, key, edit, create, app_error } = actions;
    let loader_key = key.clone();
    let on_open = Callback::new(move |code: String| {
        let key = loader_key.clone();
        spawn_local(async move {
            let loaded = match api::fetch_coupon(&key, &code).await {
                Ok(coupon) => api::fetch_context(&key).await.map(|context| Context { stored: Some(coupon), ..context }),
                Err(error) => Err(error),
            };
            match loaded {
                Ok(context) => edit.run(context),
                Err(error) => app_error.set(Some(failure_text(&error, lang))),
            }
        });
    });
    let fresh = context.clone();
    let on_new = Callback::new(move |()| create.run(Context { stored: None, ..fresh.clone() }));
    view! { <CouponForm context mode lang key on_open on_new /> }
}
