//! What the page shows instead of a coupon: loading, not found, no connection.

use coupon_rules::Lang;
use leptos::prelude::*;

use crate::i18n::texts;

/// Shown while the coupon loads.
#[component]
pub fn LoadingState(lang: Lang) -> impl IntoView {
    view! {
        <p class="state state-loading" role="status">
            {texts(lang).loading}
        </p>
    }
}

/// Shown when there is no coupon at this address.
#[component]
pub fn NotFoundState(lang: Lang) -> impl IntoView {
    let t = texts(lang);
    view! {
        <section class="state state-not-found" role="alert">
            <h2>{t.not_found_title}</h2>
            <p>{t.not_found_body}</p>
        </section>
    }
}

/// Shown when the coupon could not be loaded, with a button that tries again.
#[component]
pub fn NetworkErrorState(lang: Lang, on_retry: Callback<()>) -> impl IntoView {
    let t = texts(lang);
    view! {
        <section class="state state-network" role="alert">
            <h2>{t.network_title}</h2>
            <p>{t.network_body}</p>
            <button type="button" class="button" on:click=move |_| on_retry.run(())>
                {t.retry}
            </button>
        </section>
    }
}
