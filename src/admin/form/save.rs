//! Sending the form: `PUT update` with the changed fields, or `POST create`; the outcome goes into
//! the form's status, and the server's field errors onto their fields. Inputs are never cleared on
//! failure, so nothing typed is lost.

use coupon_rules::Mode;
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::state::{FormState, SaveStatus};
use crate::admin::api;
use crate::admin::session::ApiKey;

/// Whether Save may be pressed now: something changed, no findings stop it, nothing is on its way.
pub fn can_save(form: &FormState) -> bool {
    form.dirty.get() && form.fields_with_errors().is_empty() && form.status.get() != SaveStatus::Saving
}

/// Sends what the form holds now, unless it may not be sent (a second press while saving, say).
pub fn save(form: FormState, key: ApiKey) {
    if !untrack(|| can_save(&form)) {
        return;
    }
    let request = form.request.get_untracked();
    let snapshot = form.snapshot();
    form.status.set(SaveStatus::Saving);
    spawn_local(async move {
        let result = match form.mode {
            Mode::Update => api::update(&key, &request).await,
            Mode::Create => api::create(&key, &request).await,
        };
        match (result, form.mode) {
            (Ok(_), Mode::Update) => {
                form.commit_update(&request, &snapshot);
                form.status.set(SaveStatus::Saved);
            }
            (Ok(code), Mode::Create) => form.status.set(SaveStatus::Created(code)),
            (Err(error), _) => {
                // The server words messages by Accept-Language; the admin's language is the form's.
                let on_fields = error.field_errors().iter().map(|e| e.localized(form.lang)).collect();
                form.server_errors.set(on_fields);
                form.status.set(SaveStatus::Failed(error));
            }
        }
    });
}
