//! The preview beside the change: how many of the group's coupons the change would update, and which
//! the server would refuse and why, by the same rules, as the admin types; the group's coupons below.

use coupon_rules::Lang;
use leptos::prelude::*;

use super::coupon_list::coupon_list;
use super::load::load_coupons;
use super::preview_summary::PreviewSummary;
use super::refused_coupons::RefusedCoupons;
use super::state::{CouponsLoad, GroupState};
use crate::admin::api::AdminApiError;
use crate::admin::form::failure_text;
use crate::admin::i18n::{admin_texts, group_texts};

/// The chosen group's coupons and what the change would do to them.
#[component]
pub fn GroupPreview() -> impl IntoView {
    let state = expect_context::<GroupState>();
    let texts = group_texts(state.lang);
    let retry = move |_| load_coupons(state);
    let body = move || match state.coupons.get() {
        CouponsLoad::NotChosen => view! { <p class="preview-hint">{texts.preview_choose}</p> }.into_any(),
        CouponsLoad::Loading => view! { <p class="preview-hint" role="status">{texts.preview_loading}</p> }.into_any(),
        CouponsLoad::Failed(error) => view! {
            <div class="notice notice-error" role="alert">
                <p>{load_failure(&error, state.lang)}</p>
                <button type="button" class="button retry" id="group-preview-retry" on:click=retry>
                    {admin_texts(state.lang).retry}
                </button>
            </div>
        }
        .into_any(),
        CouponsLoad::Loaded(coupons) if coupons.is_empty() => {
            view! { <p class="preview-hint">{texts.preview_empty}</p> }.into_any()
        }
        CouponsLoad::Loaded(coupons) => view! {
            <PreviewSummary count=coupons.len() />
            <RefusedCoupons />
            {coupon_list(&coupons, state.lang)}
        }
        .into_any(),
    };
    view! {
        <aside class="preview group-preview" id="group-preview" aria-labelledby="group-preview-title">
            <h3 id="group-preview-title">{texts.preview_title}</h3>
            {body}
        </aside>
    }
}

/// Why the group's coupons could not be loaded: a group refused by the server is gone (deleted meanwhile).
fn load_failure(error: &AdminApiError, lang: Lang) -> String {
    match error {
        AdminApiError::Invalid(_) | AdminApiError::NotFound => group_texts(lang).group_gone.to_owned(),
        error => failure_text(error, lang),
    }
}
