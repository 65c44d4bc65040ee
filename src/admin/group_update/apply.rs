//! Applying the change: whether it may be sent now (and why not), and sending it to
//! `POST group-update`. A failure keeps every input as typed and puts the server's findings on
//! their fields, naming the coupon at fault.

use coupon_rules::paddle::PaddleField;
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::findings::ServerFindings;
use super::load;
use super::state::{ApplyStatus, CouponsLoad, GroupState};
use crate::admin::api::{self, AdminApiError};

/// Why Apply cannot be pressed now; the first that holds.
#[derive(Debug, Clone, PartialEq)]
pub enum Blocker {
    /// A change is on its way.
    Applying,
    /// No group is chosen.
    NoGroup,
    /// The group's coupons are not here (yet).
    NoCoupons,
    /// The group has no coupons.
    EmptyGroup,
    /// No change is entered.
    NothingToApply,
    /// The rules found errors on these fields, or would refuse these coupons.
    Problems {
        /// The fields with errors.
        fields: Vec<PaddleField>,
        /// The coupons that would be refused.
        coupons: Vec<String>,
    },
}

/// What stops Apply now, if anything (tracked).
// Not inlined: the apply bar and `apply` share one copy in the bundle.
#[inline(never)]
pub fn blocker(state: &GroupState) -> Option<Blocker> {
    if state.status.with(|s| *s == ApplyStatus::Applying) {
        return Some(Blocker::Applying);
    }
    if state.group.with(Option::is_none) {
        return Some(Blocker::NoGroup);
    }
    match state.coupons.with(|load| match load {
        CouponsLoad::Loaded(coupons) => Some(coupons.is_empty()),
        _ => None,
    }) {
        None => return Some(Blocker::NoCoupons),
        Some(true) => return Some(Blocker::EmptyGroup),
        Some(false) => {}
    }
    if !state.has_changes.get() {
        return Some(Blocker::NothingToApply);
    }
    let fields = state.fields_with_errors();
    let coupons: Vec<String> = state.refused().into_iter().map(|v| v.cpn_no).collect();
    (!fields.is_empty() || !coupons.is_empty()).then_some(Blocker::Problems { fields, coupons })
}

/// Sends the change as it is now, unless something stops it (a second press while applying, say).
pub fn apply(state: GroupState) {
    if untrack(|| blocker(&state)).is_some() {
        return;
    }
    let Some(request) = state.request.get_untracked() else {
        return;
    };
    let key = state.key();
    state.status.set(ApplyStatus::Applying);
    spawn_local(async move {
        match api::group_update(&key, &request).await {
            Ok(updated) => {
                state.server.set(ServerFindings::default());
                state.clear_inputs();
                state.status.set(ApplyStatus::Applied(updated));
                load::refresh(state);
            }
            Err(refusal) => {
                // The server words messages by Accept-Language; the admin's language is the screen's.
                let errors = refusal.error.field_errors().iter().map(|e| e.localized(state.lang)).collect();
                state.server.set(ServerFindings { errors, cpn_no: refusal.cpn_no.clone() });
                let stale = refusal.cpn_no.is_some() || matches!(refusal.error, AdminApiError::NotFound);
                state.status.set(ApplyStatus::Failed(refusal));
                if stale {
                    // A coupon changed meanwhile (used, say): the preview shows the group as it is now.
                    load::load_coupons(state);
                }
            }
        }
    });
}
