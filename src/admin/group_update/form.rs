//! The group update form: the group, the change, the apply bar, and the preview beside them.

use coupon_rules::{Context, Lang};
use leptos::prelude::*;

use super::apply::apply;
use super::apply_bar::ApplyBar;
use super::changes::ChangesFieldset;
use super::group_picker::GroupPicker;
use super::outcome::ApplyOutcome;
use super::preview::GroupPreview;
use super::state::{ApplyStatus, GroupCoupons, GroupState};
use crate::admin::form::{LeaveGuard, UnsavedGuard};
use crate::admin::i18n::group_texts;
use crate::admin::session::ApiKey;

/// The form on `context` (its groups and today), applying changes with `key`. It needs no network
/// until a group is chosen, or at all when `loaded` gives the chosen group's coupons.
#[component]
pub fn GroupUpdateForm(
    /// The account's context from `GET context`.
    context: Context,
    /// The admin's language.
    lang: Lang,
    /// The key calls are sent with.
    key: ApiKey,
    /// A group chosen already, with its coupons from `GET list`.
    #[prop(optional)]
    loaded: Option<GroupCoupons>,
) -> impl IntoView {
    let texts = group_texts(lang);
    let state = GroupState::new(context, lang, key, loaded);
    provide_context(state);
    let guard = use_context::<LeaveGuard>().unwrap_or_default();
    let unsaved = Signal::derive(move || state.has_changes.get() && state.status.with(|s| *s != ApplyStatus::Applying));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        apply(state);
    };
    let retry = Callback::new(move |()| apply(state));
    view! {
        <section class="editor group-update" lang=lang.tag() aria-labelledby="group-update-title">
            <h2 class="editor-title" id="group-update-title">{texts.title}</h2>
            <p class="group-intro">{texts.intro}</p>
            <UnsavedGuard guard unsaved />
            <ApplyOutcome on_retry=retry />
            <div class="editor-columns">
                <form class="group-form" novalidate on:submit=submit>
                    <div class="group group-choice">
                        <GroupPicker />
                    </div>
                    <ChangesFieldset />
                    <ApplyBar />
                </form>
                <GroupPreview />
            </div>
        </section>
    }
}
