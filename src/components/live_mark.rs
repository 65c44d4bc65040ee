//! The live mark: a clock with seconds and a softly pulsing dot on an active coupon, so staff can
//! tell the live page from a screenshot of it.

use coupon_rules::Lang;
use leptos::prelude::*;
use std::time::Duration;

use crate::i18n::texts;

/// "● Live 14:03:27": the browser's time, ticking every second while the mark is shown.
#[component]
pub fn LiveMark(
    /// The language of the label and of the time's format.
    lang: Lang,
) -> impl IntoView {
    let now = RwSignal::new(clock_text(lang));
    if let Ok(handle) = set_interval_with_handle(move || now.set(clock_text(lang)), Duration::from_secs(1)) {
        on_cleanup(move || handle.clear());
    }
    let t = texts(lang);
    view! {
        // A timer that says nothing on each tick: screen readers hear its label, not 60 updates a minute.
        <p class="live-mark" role="timer" aria-live="off" aria-label=t.live_label>
            <span class="live-dot" aria-hidden="true"></span>
            <span class="live-word">{t.live_word}</span>
            <time class="live-time">{move || now.get()}</time>
        </p>
    }
}

/// The time now as `HH:MM:SS` in the browser's zone.
fn clock_text(lang: Lang) -> String {
    let options = js_sys::Object::new();
    for (key, value) in [("hour", "2-digit"), ("minute", "2-digit"), ("second", "2-digit")] {
        let _ = js_sys::Reflect::set(&options, &key.into(), &value.into());
    }
    let _ = js_sys::Reflect::set(&options, &"hourCycle".into(), &"h23".into());
    js_sys::Date::new_0().to_locale_time_string_with_options(lang.tag(), &options).into()
}
