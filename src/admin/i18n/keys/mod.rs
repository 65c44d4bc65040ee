//! The texts of the API keys screen, in English and Korean. The label's validation messages are not
//! here: they come from `coupon-rules`, in the same language.

mod en;
mod ko;

use coupon_rules::Lang;

/// The API keys screen's texts of one language. Texts with values in them are functions.
pub struct KeyTexts {
    /// The navigation button and the screen's heading.
    pub title: &'static str,
    /// What keys are for.
    pub intro: &'static str,
    /// Shown while the list loads.
    pub loading: &'static str,
    /// The account has no keys.
    pub empty: &'static str,
    /// The list could not be loaded: the reason and a retry follow.
    pub load_failed: &'static str,
    /// The list's caption, for screen readers.
    pub list_caption: &'static str,
    /// Column heading: the label.
    pub col_label: &'static str,
    /// Column heading: when it was made.
    pub col_created: &'static str,
    /// Column heading: when it was last used.
    pub col_last_used: &'static str,
    /// Column heading: whether it works.
    pub col_state: &'static str,
    /// A key never used.
    pub never: &'static str,
    /// A key that works.
    pub active: &'static str,
    /// A revoked key: (when).
    pub revoked_on: fn(&str) -> String,
    /// The per-key revoke button.
    pub revoke: &'static str,
    /// The revoke button's name for screen readers: (label).
    pub revoke_named: fn(&str) -> String,
    /// The confirmation's question: (label).
    pub confirm_title: fn(&str) -> String,
    /// What revoking does.
    pub confirm_body: &'static str,
    /// The confirmation's button.
    pub confirm_revoke: &'static str,
    /// Closes the confirmation without revoking.
    pub cancel: &'static str,
    /// Said while revoking.
    pub revoking: &'static str,
    /// A key was revoked: (label).
    pub revoked: fn(&str) -> String,
    /// Revoking failed: (label); the reason follows.
    pub revoke_failed: fn(&str) -> String,
    /// The key was not found (another account's, or gone).
    pub key_gone: &'static str,
    /// Shown on the sign-in screen after the admin revoked the key they were signed in with.
    pub signed_out_revoked: &'static str,
    /// The create form's heading.
    pub create_title: &'static str,
    /// The label field's label.
    pub label_label: &'static str,
    /// The label field's hint: (the longest label).
    pub label_hint: fn(usize) -> String,
    /// The create button.
    pub create: &'static str,
    /// Said while creating.
    pub creating: &'static str,
    /// Creating failed; what was typed stays: the reason follows.
    pub create_failed: &'static str,
    /// The new key's heading: (label).
    pub new_key_title: fn(&str) -> String,
    /// The once-only warning.
    pub new_key_once: &'static str,
    /// The label of the key's text.
    pub new_key_label: &'static str,
    /// The copy button.
    pub copy_key: &'static str,
    /// Said once the key is on the clipboard.
    pub copied: &'static str,
    /// Said when the clipboard is out of reach.
    pub copy_failed: &'static str,
    /// Closes the new key's panel: the key is gone from the screen.
    pub done: &'static str,
}

/// The API keys screen's texts in `lang`.
pub fn key_texts(lang: Lang) -> &'static KeyTexts {
    match lang {
        Lang::En => &en::TEXTS,
        Lang::Ko => &ko::TEXTS,
    }
}
