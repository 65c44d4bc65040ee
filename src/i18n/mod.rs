//! Every people-facing text of the coupon page, in English and Korean.

mod en;
mod ko;

pub use coupon_rules::Lang;

/// The texts of one language. Texts with numbers in them are functions.
pub struct Texts {
    /// The page's heading, above the card.
    pub page_title: &'static str,
    /// Shown while the coupon loads.
    pub loading: &'static str,
    /// Heading when there is no such coupon.
    pub not_found_title: &'static str,
    /// Explains a missing coupon.
    pub not_found_body: &'static str,
    /// Heading when the server cannot be reached.
    pub network_title: &'static str,
    /// Explains a network failure.
    pub network_body: &'static str,
    /// The button that loads again.
    pub retry: &'static str,
    /// Status: usable now.
    pub status_active: &'static str,
    /// Status: not valid yet, with its first day.
    pub status_scheduled: fn(&str) -> String,
    /// Status: past its end date.
    pub status_expired: &'static str,
    /// Status: every use taken.
    pub status_used_up: &'static str,
    /// Uses of a limited coupon: (used, limit).
    pub uses: fn(i64, i64) -> String,
    /// Uses left of a limited coupon.
    pub uses_left: fn(i64) -> String,
    /// The validity period: (first day, last day, time zone).
    pub valid_between: fn(&str, &str, &str) -> String,
    /// The validity of a coupon with no end: (first day, time zone).
    pub valid_from: fn(&str, &str) -> String,
    /// Label of the code.
    pub code_label: &'static str,
    /// The copy button.
    pub copy_code: &'static str,
    /// Said once the code is on the clipboard.
    pub copied: &'static str,
    /// Said when the clipboard is out of reach: the code can be selected and copied by hand.
    pub copy_failed: &'static str,
    /// The QR code's description for screen readers.
    pub qr_label: &'static str,
    /// Heading of the template's usage text.
    pub usage_heading: &'static str,
    /// Heading of the template's precautions.
    pub precautions_heading: &'static str,
    /// The shop link.
    pub go_to_use: &'static str,
    /// Tells screen readers the shop link opens a new tab.
    pub opens_new_tab: &'static str,
    /// The on-site redemption button.
    pub use_coupon: &'static str,
    /// The tag on that button: it is for store staff, not for customers.
    pub staff_only_tag: &'static str,
    /// The live mark's word beside the running clock.
    pub live_word: &'static str,
    /// What screen readers hear for the live mark.
    pub live_label: &'static str,
    /// The dialog's line naming the coupon it will use: name, then code.
    pub dialog_coupon: fn(&str, &str) -> String,
    /// The stamp on a used coupon.
    pub used_stamp: &'static str,
    /// When it was last used.
    pub used_at: fn(&str) -> String,
    /// Announced after a successful use.
    pub used_announcement: &'static str,
    /// The dialog's heading.
    pub dialog_title: &'static str,
    /// The dialog's explanation: it is for store staff.
    pub dialog_staff_only: &'static str,
    /// The password field's label.
    pub password_label: &'static str,
    /// The dialog's confirm button.
    pub confirm_use: &'static str,
    /// The dialog's cancel button.
    pub cancel: &'static str,
    /// Said while the request is in flight.
    pub checking: &'static str,
    /// A wrong password, with the tries left.
    pub wrong_password: fn(u32) -> String,
    /// Too many wrong passwords, with the wait in seconds.
    pub too_many_tries: fn(u64) -> String,
    /// Not usable any more because it is not valid yet.
    pub refused_scheduled: &'static str,
    /// Not usable any more because it expired.
    pub refused_expired: &'static str,
    /// Not usable any more because every use is taken.
    pub refused_used_up: &'static str,
    /// The coupon vanished meanwhile.
    pub refused_missing: &'static str,
    /// The request did not get through; trying again is safe.
    pub network_retry: &'static str,
    /// The server answered something unexpected; trying again is safe.
    pub unexpected: &'static str,
    /// The receipt's offer while time is left: (seconds left).
    pub undo_prompt: fn(u32) -> String,
    /// The undo button.
    pub undo: &'static str,
    /// Said while the undo is on its way.
    pub undoing: &'static str,
    /// Announced once when the offer appears.
    pub undo_offered: &'static str,
    /// Announced once when 10 seconds are left.
    pub undo_ten_left: &'static str,
    /// The time for undoing here is up.
    pub undo_too_late: &'static str,
    /// The server refused the undo as too late (`undo_expired`).
    pub undo_expired: &'static str,
    /// The undo did not get through; the button stays.
    pub undo_network: &'static str,
    /// The undo failed otherwise; the button stays.
    pub undo_failed: &'static str,
    /// Shown and announced after the use was undone.
    pub undo_done: &'static str,
}

/// The texts in `lang`.
pub fn texts(lang: Lang) -> &'static Texts {
    match lang {
        Lang::En => &en::TEXTS,
        Lang::Ko => &ko::TEXTS,
    }
}

/// A wait in seconds, rounded up to whole minutes once it is a minute or more: (minutes, seconds).
fn split_wait(seconds: u64) -> (u64, u64) {
    if seconds >= 60 {
        (seconds.div_ceil(60), 0)
    } else {
        (0, seconds.max(1))
    }
}

/// The language the browser prefers among those we speak (`navigator.languages`).
pub fn browser_lang() -> Lang {
    let Some(navigator) = web_sys::window().map(|w| w.navigator()) else {
        return Lang::default();
    };
    let tags: Vec<String> = navigator.languages().iter().filter_map(|tag| tag.as_string()).collect();
    if tags.is_empty() {
        return navigator.language().as_deref().and_then(Lang::from_tag).unwrap_or_default();
    }
    Lang::from_preferences(tags.iter().map(String::as_str))
}
