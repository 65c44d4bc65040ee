//! The group update screen as the app shows it: the account's context is loaded first (its groups
//! and the server's today), with a retry when that fails, then the form.

use coupon_rules::{Context, Lang};
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::form::GroupUpdateForm;
use crate::admin::api::{self, AdminApiError};
use crate::admin::form::failure_text;
use crate::admin::i18n::{admin_texts, group_texts};
use crate::admin::session::ApiKey;

/// Where loading the context stands.
#[derive(Debug, Clone)]
enum Loading {
    /// On its way.
    Pending,
    /// Here it is.
    Ready(Box<Context>),
    /// It could not be loaded.
    Failed(AdminApiError),
}

/// Loads the account's context, then shows the group update form on it.
#[component]
pub fn GroupUpdateScreen(lang: Lang, key: ApiKey) -> impl IntoView {
    let loading = RwSignal::new(Loading::Pending);
    let load_key = key.clone();
    let load = move || {
        let key = load_key.clone();
        loading.set(Loading::Pending);
        spawn_local(async move {
            loading.set(match api::fetch_context(&key).await {
                Ok(context) => Loading::Ready(Box::new(context)),
                Err(error) => Loading::Failed(error),
            });
        });
    };
    load();
    let retry = load.clone();
    move || match loading.get() {
        Loading::Pending => view! { <p class="panel" role="status">{admin_texts(lang).loading}</p> }.into_any(),
        Loading::Ready(context) => view! { <GroupUpdateForm context=*context lang key=key.clone() /> }.into_any(),
        Loading::Failed(error) => {
            let retry = retry.clone();
            view! {
                <div class="panel notice notice-error" role="alert" id="group-context-error">
                    <p>{group_texts(lang).context_failed}" "{failure_text(&error, lang)}</p>
                    <button type="button" class="button retry" on:click=move |_| retry()>
                        {admin_texts(lang).retry}
                    </button>
                </div>
            }
            .into_any()
        }
    }
}
