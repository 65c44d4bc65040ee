//! Leaving with unsaved changes asks first: the browser's own prompt when the tab closes or reloads,
//! and a confirmation before the app itself moves away from the form.

use leptos::ev;
use leptos::prelude::*;

/// Whether the open form holds unsaved changes; shared by the form (writer) and the app (reader).
#[derive(Debug, Clone, Copy)]
pub struct LeaveGuard(RwSignal<bool>);

impl LeaveGuard {
    /// A guard with nothing to protect.
    pub fn new() -> LeaveGuard {
        LeaveGuard(RwSignal::new(false))
    }

    /// Whether leaving may go ahead: nothing unsaved, or the admin confirmed `question`.
    pub fn may_leave(&self, question: &str) -> bool {
        !self.0.get_untracked() || window().confirm_with_message(question).unwrap_or(false)
    }

    /// Nothing to protect any more (the form is gone).
    pub fn release(&self) {
        self.0.set(false);
    }
}

impl Default for LeaveGuard {
    fn default() -> Self {
        LeaveGuard::new()
    }
}

/// Keeps the guard in step with `unsaved` and asks the browser to confirm closing the tab meanwhile.
#[component]
pub fn UnsavedGuard(guard: LeaveGuard, #[prop(into)] unsaved: Signal<bool>) -> impl IntoView {
    Effect::new(move |_| guard.0.set(unsaved.get()));
    let handle = window_event_listener(ev::beforeunload, move |event| {
        if guard.0.get_untracked() {
            // Both, for every browser: the standard call and the legacy return value.
            event.prevent_default();
            event.set_return_value("unsaved");
        }
    });
    on_cleanup(move || {
        handle.remove();
        guard.release();
    });
}
