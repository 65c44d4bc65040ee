//! The texts of a coupon's history beside the form, in English and Korean.

mod en;
mod ko;

use coupon_rules::Lang;

/// The history's texts of one language. Texts with values in them are functions.
pub struct HistoryTexts {
    /// The panel's heading.
    pub title: &'static str,
    /// Said while a page loads.
    pub loading: &'static str,
    /// Nothing happened to the coupon yet.
    pub empty: &'static str,
    /// A failed load, before the reason; what is shown stays.
    pub failed: &'static str,
    /// The "load more" button.
    pub load_more: &'static str,
    /// An edit's heading.
    pub edited: &'static str,
    /// A use's heading: (use number).
    pub used: fn(i64) -> String,
    /// An undo's heading: (use number).
    pub undid: fn(i64) -> String,
    /// Who: (kind `api_key`/`vendor`/`cli`/`page`, name).
    pub by: fn(&str, &str) -> String,
    /// The store password changed (its value is never shown).
    pub password_changed: &'static str,
    /// A value that was or became empty.
    pub empty_value: &'static str,
    /// How a use came: (channel `page`/`api`).
    pub channel: fn(&str) -> String,
    /// Who used it: (user id).
    pub user: fn(&str) -> String,
    /// The use's note: (memo).
    pub memo: fn(&str) -> String,
    /// The mark of an undone use: (when).
    pub undone: fn(&str) -> String,
    /// Why a use was undone: (reason).
    pub reason: fn(&str) -> String,
    /// Read before the old value, for screen readers.
    pub from: &'static str,
    /// Read before the new value, for screen readers.
    pub to: &'static str,
}

/// The history's texts in `lang`.
pub fn history_texts(lang: Lang) -> &'static HistoryTexts {
    match lang {
        Lang::En => &en::TEXTS,
        Lang::Ko => &ko::TEXTS,
    }
}
