//! How the last Apply went, said once at the top: how many coupons were updated, or the server's
//! refusal (which coupon, and why), or a network failure with a retry. Nothing typed is lost.

use coupon_rules::paddle::PaddleField;
use coupon_rules::{group_code, FieldError, Lang};
use leptos::prelude::*;

use super::state::{ApplyStatus, GroupState};
use crate::admin::api::{AdminApiError, GroupUpdateError};
use crate::admin::form::failure_text;
use crate::admin::i18n::{admin_texts, group_texts};

/// The last Apply's outcome; `on_retry` sends the same change again.
#[component]
pub fn ApplyOutcome(on_retry: Callback<()>) -> impl IntoView {
    let state = expect_context::<GroupState>();
    let texts = group_texts(state.lang);
    let outcome = move || match state.status.get() {
        ApplyStatus::Applied(updated) => Some(
            view! {
                <p class="notice notice-success" id="group-outcome" role="status" data-updated=updated>
                    {(texts.applied)(updated)}
                </p>
            }
            .into_any(),
        ),
        ApplyStatus::Failed(refusal) => {
            // A refusal changed nothing; after a lost request or reply, who knows: "Try again" is safe
            // either way (the same change twice is the change once).
            let refused = (!refusal.error.is_retryable()).then_some(texts.nothing_changed);
            let retry = refusal.error.is_retryable().then(|| {
                view! {
                    <button type="button" class="button retry" on:click=move |_| on_retry.run(())>
                        {admin_texts(state.lang).retry}
                    </button>
                }
            });
            let errors = refusal.error.field_errors().to_vec();
            let listed = (!errors.is_empty()).then(|| {
                view! { <ul class="refusal-errors">{errors.iter().map(|e| error_item(e, state.lang)).collect_view()}</ul> }
            });
            Some(
                view! {
                    <div
                        class="notice notice-error"
                        id="group-outcome"
                        role="alert"
                        data-cpn-no=refusal.cpn_no.clone().unwrap_or_default()
                    >
                        <div>
                            <p>{headline(&refusal, state.lang)}</p>
                            {listed}
                            {refused.map(|text| view! { <p>{text}</p> })}
                        </div>
                        {retry}
                    </div>
                }
                .into_any(),
            )
        }
        ApplyStatus::Idle | ApplyStatus::Applying => None,
    };
    view! { <div class="form-notices">{outcome}</div> }
}

/// The refusal's first line: which coupon, when the server named one.
fn headline(refusal: &GroupUpdateError, lang: Lang) -> String {
    let texts = group_texts(lang);
    let coupon = refusal.cpn_no.as_deref().map(group_code);
    match (&refusal.error, coupon) {
        (AdminApiError::Locked { .. }, Some(code)) => (texts.refused_locked)(&code),
        (AdminApiError::Invalid(_), Some(code)) => (texts.refused_coupon)(&code),
        (AdminApiError::Invalid(_) | AdminApiError::Locked { .. }, None) => texts.refused.to_owned(),
        (AdminApiError::NotFound, _) => texts.group_gone.to_owned(),
        (error, _) => failure_text(error, lang),
    }
}

/// One of the server's field errors, with the field's label, in the admin's language.
fn error_item(error: &FieldError, lang: Lang) -> impl IntoView {
    let error = error.localized(lang);
    let field = PaddleField::from_name(&error.field)
        .map_or_else(|| error.field.to_string(), |f| (group_texts(lang).label)(f).to_owned());
    view! { <li data-code=error.code.as_str()>{format!("{field}: {}", error.message)}</li> }
}
