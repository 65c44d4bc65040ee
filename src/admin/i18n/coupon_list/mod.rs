//! The texts of the coupon list (the admin's home), in English and Korean.

mod en;
mod ko;

use coupon_rules::{CouponStatus, Lang};

/// The coupon list's texts of one language. Texts with values in them are functions.
pub struct ListTexts {
    /// The list's heading.
    pub title: &'static str,
    /// The search box's label.
    pub search_label: &'static str,
    /// What the search box matches.
    pub search_hint: &'static str,
    /// The status filter's label.
    pub status_label: &'static str,
    /// The group filter's label.
    pub group_label: &'static str,
    /// "Every status" / "every group".
    pub all: &'static str,
    /// A status, short.
    pub status: fn(CouponStatus) -> &'static str,
    /// Column: code.
    pub col_code: &'static str,
    /// Column: name.
    pub col_name: &'static str,
    /// Column: status.
    pub col_status: &'static str,
    /// Column: uses.
    pub col_uses: &'static str,
    /// Column: end date.
    pub col_end: &'static str,
    /// Column: last use.
    pub col_last_use: &'static str,
    /// Uses of a coupon: (used, cap; 0: none).
    pub uses: fn(i64, i64) -> String,
    /// No end date.
    pub no_end: &'static str,
    /// Never used.
    pub never: &'static str,
    /// The "load more" button.
    pub load_more: &'static str,
    /// Said while a page loads.
    pub loading: &'static str,
    /// Nothing matches.
    pub empty: &'static str,
    /// How many are shown: (count, whether more can be loaded).
    pub count: fn(usize, bool) -> String,
    /// A failed search, before the reason; what is shown stays.
    pub failed: &'static str,
    /// The table's caption for screen readers.
    pub caption: &'static str,
    /// The label of a row's open button: (code).
    pub open_row: fn(&str) -> String,
}

/// The coupon list's texts in `lang`.
pub fn list_texts(lang: Lang) -> &'static ListTexts {
    match lang {
        Lang::En => &en::TEXTS,
        Lang::Ko => &ko::TEXTS,
    }
}
