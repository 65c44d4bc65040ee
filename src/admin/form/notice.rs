//! What the form says once, at the top: why a used coupon is locked, and how the last save went
//! (success, the server's refusal, or a network failure with a retry).

use coupon_rules::messages::plan_name;
use coupon_rules::Lang;
use leptos::prelude::*;

use super::state::{FormState, SaveStatus};
use crate::admin::api::AdminApiError;
use crate::admin::i18n::admin_texts;

/// The lock reason and the last save's outcome; `on_retry` sends the same form again.
#[component]
pub fn FormNotice(on_retry: Callback<()>) -> impl IntoView {
    let form = expect_context::<FormState>();
    let texts = admin_texts(form.lang);
    let lock = move || {
        form.is_used().then(|| {
            let uses = form.with_base(|c| c.use_cnt);
            view! { <p class="notice notice-locked" id="used-lock">{(texts.used_lock)(uses)}</p> }
        })
    };
    let outcome = move || match form.status.get() {
        SaveStatus::Saved => {
            Some(view! { <p class="notice notice-success" role="status">{texts.saved}</p> }.into_any())
        }
        SaveStatus::Failed(error) => {
            let retry = error.is_retryable().then(|| {
                view! {
                    <button type="button" class="button retry" on:click=move |_| on_retry.run(())>
                        {texts.retry}
                    </button>
                }
            });
            Some(
                view! {
                    <div class="notice notice-error" role="alert" data-error=error_kind(&error)>
                        <p>{failure_text(&error, form.lang)}</p>
                        {retry}
                    </div>
                }
                .into_any(),
            )
        }
        SaveStatus::Idle | SaveStatus::Saving | SaveStatus::Created(_) => None,
    };
    view! {
        <div class="form-notices">
            {lock}
            {outcome}
        </div>
    }
}

/// What a failed save means for the admin, in their language.
pub fn failure_text(error: &AdminApiError, lang: Lang) -> String {
    let texts = admin_texts(lang);
    match error {
        AdminApiError::Network => texts.network_error.to_owned(),
        AdminApiError::BadReply | AdminApiError::Encode => texts.bad_reply.to_owned(),
        AdminApiError::Invalid(_) => texts.refused_fields.to_owned(),
        AdminApiError::Unauthorized => texts.key_refused.to_owned(),
        AdminApiError::PlanRequired { required, .. } => (texts.plan_refused)(plan_name(required.as_str(), lang)),
        AdminApiError::NotFound => texts.gone.to_owned(),
        AdminApiError::Locked { .. } => texts.locked_refused.to_owned(),
        AdminApiError::Busy { retry_after } => (texts.busy)(*retry_after),
        AdminApiError::DuplicateCode => texts.duplicate_code.to_owned(),
        AdminApiError::Refused { code, message } => (texts.unexpected)(*code, message),
    }
}

/// A stable name of the failure, for tests and styling.
fn error_kind(error: &AdminApiError) -> &'static str {
    match error {
        AdminApiError::Network => "network",
        AdminApiError::Encode => "encode",
        AdminApiError::BadReply => "bad-reply",
        AdminApiError::Invalid(_) => "invalid",
        AdminApiError::Unauthorized => "unauthorized",
        AdminApiError::PlanRequired { .. } => "plan",
        AdminApiError::NotFound => "not-found",
        AdminApiError::Locked { .. } => "locked",
        AdminApiError::Busy { .. } => "busy",
        AdminApiError::DuplicateCode => "duplicate-code",
        AdminApiError::Refused { .. } => "refused",
    }
}
