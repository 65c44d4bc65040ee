//! Loading what the screen shows: the chosen group's coupons, and after a change went through, the
//! account's context (groups may have been created) and the coupons again.

use coupon_rules::paddle::PaddleField;
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::findings::ServerFindings;
use super::state::{CouponsLoad, GroupState};
use crate::admin::api;

/// Chooses group `grp_idx` (or none) and loads its coupons; what was typed stays.
pub fn choose_group(state: GroupState, grp_idx: Option<i64>) {
    state.group.set(grp_idx);
    state.edited(PaddleField::Group);
    // A refusal was about the other group's coupons.
    state.server.set(ServerFindings::default());
    load_coupons(state);
}

/// (Re)loads the chosen group's coupons.
pub fn load_coupons(state: GroupState) {
    let Some(grp_idx) = state.group.get_untracked() else {
        state.coupons.set(CouponsLoad::NotChosen);
        return;
    };
    state.coupons.set(CouponsLoad::Loading);
    let key = state.key();
    spawn_local(async move {
        let loaded = api::fetch_group_coupons(&key, grp_idx).await;
        // Another group may have been chosen while this one loaded: its list is not this one.
        if state.group.get_untracked() == Some(grp_idx) {
            state.coupons.set(match loaded {
                Ok(coupons) => CouponsLoad::Loaded(coupons),
                Err(error) => CouponsLoad::Failed(error),
            });
        }
    });
}

/// After a change went through: the groups (a move may have made one) and the group's coupons afresh.
pub fn refresh(state: GroupState) {
    let key = state.key();
    spawn_local(async move {
        if let Ok(context) = api::fetch_context(&key).await {
            state.context.set(context);
        }
    });
    load_coupons(state);
}
