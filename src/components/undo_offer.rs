//! The receipt's "Undo": for 60 seconds after staff used the coupon on this page, the use can be
//! taken back with the receipt's one-time token, without the password.

use coupon_rules::Lang;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::time::Duration;

use crate::api::{undo_use, ApiError};
use crate::i18n::texts;

/// How long the server takes the token after the use.
pub const UNDO_SECONDS: u32 = 60;
/// When the countdown is announced again, in seconds left.
const ANNOUNCE_AT: u32 = 10;

/// Where the offer stands.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Phase {
    /// The button is there.
    Offered,
    /// The undo is on its way.
    Undoing,
    /// It failed on the way (or the server answered something else): the button stays while time is left.
    Failed(ApiError),
    /// Time is up, or the server said so: only an admin can undo now.
    TooLate {
        /// The server refused the token (rather than the clock running out here).
        refused: bool,
    },
}

/// "Used by mistake? You can undo this use for 59 more seconds." and "Undo" (`#undo-offer`). The
/// seconds run visibly; screen readers hear the offer when it starts, at 10 s and when it ends, not
/// every second. `on_undone` runs once the server took the use back.
#[component]
pub fn UndoOffer(
    /// The coupon that was used.
    #[prop(into)]
    cpn_no: Signal<String>,
    /// The receipt's undo token.
    token: String,
    /// The language of the texts.
    lang: Lang,
    /// Called after the use was undone.
    on_undone: Callback<()>,
) -> impl IntoView {
    let t = texts(lang);
    // Counted from a deadline rather than by ticks: a background tab's timers slow down.
    let deadline = js_sys::Date::now() + f64::from(UNDO_SECONDS) * 1000.0;
    let seconds_left =
        move || ((deadline - js_sys::Date::now()) / 1000.0).ceil().clamp(0.0, f64::from(UNDO_SECONDS)) as u32;
    let left = RwSignal::new(UNDO_SECONDS);
    let phase = RwSignal::new(Phase::Offered);
    if let Ok(handle) = set_interval_with_handle(
        move || {
            let now = seconds_left();
            left.set(now);
            if now == 0 && phase.get_untracked() != Phase::Undoing {
                phase.set(Phase::TooLate { refused: false });
            }
        },
        Duration::from_millis(250),
    ) {
        on_cleanup(move || handle.clear());
    }
    let token = StoredValue::new(token);
    let undo = move |_| {
        if phase.get_untracked() == Phase::Undoing {
            return;
        }
        phase.set(Phase::Undoing);
        spawn_local(async move {
            match undo_use(&cpn_no.get_untracked(), &token.get_value()).await {
                Ok(()) => on_undone.run(()),
                Err(ApiError::UndoExpired) => phase.set(Phase::TooLate { refused: true }),
                Err(error) => phase.set(if left.get_untracked() == 0 {
                    Phase::TooLate { refused: false }
                } else {
                    Phase::Failed(error)
                }),
            }
        });
    };
    // One render of plain values per tick, updated in place (the button and its focus stay): the
    // bundle carries one view instead of a reactive closure per text. A text node is written only
    // when its text changes, so the live region speaks at the start, at 10 s and at the end.
    move || {
        let (phase, left) = (phase.get(), left.get());
        let too_late = matches!(phase, Phase::TooLate { .. });
        let undoing = phase == Phase::Undoing;
        let announcement = match phase {
            Phase::TooLate { refused: true } => t.undo_expired,
            Phase::TooLate { refused: false } => t.undo_too_late,
            _ if left <= ANNOUNCE_AT => t.undo_ten_left,
            _ => t.undo_offered,
        };
        let problem = match phase {
            Phase::Failed(ApiError::Network) => t.undo_network,
            Phase::Failed(_) => t.undo_failed,
            _ => "",
        };
        view! {
            <div id="undo-offer" class="undo-offer" data-phase=if too_late { "too-late" } else { "offered" }>
                <p class="undo-text" aria-hidden="true">
                    {if too_late { announcement.to_owned() } else { (t.undo_prompt)(left) }}
                </p>
                <p class="visually-hidden" role="status" aria-live="polite">
                    {announcement}
                </p>
                <p class="undo-problem" role="alert" hidden=problem.is_empty()>
                    {problem}
                </p>
                <button
                    type="button"
                    id="undo-use"
                    class="button undo-button"
                    hidden=too_late
                    disabled=undoing
                    on:click=undo
                >
                    {if undoing { t.undoing } else { t.undo }}
                    <span class="undo-countdown" aria-hidden="true">
                        {format!("{left} s")}
                    </span>
                </button>
            </div>
        }
    }
}
