//! The texts of the group update screen, in English and Korean. Validation messages are not here:
//! they come from `coupon-rules`, in the same language.

mod en;
mod ko;

use coupon_rules::paddle::PaddleField;
use coupon_rules::Lang;

/// The group update screen's texts of one language. Texts with values in them are functions.
pub struct GroupTexts {
    /// The navigation button and the screen's heading.
    pub title: &'static str,
    /// What the screen does.
    pub intro: &'static str,
    /// The account's context could not be loaded: the retry follows.
    pub context_failed: &'static str,
    /// The label of a field of the change.
    pub label: fn(PaddleField) -> &'static str,
    /// The group list's first entry.
    pub choose_group: &'static str,
    /// Hint of the group list.
    pub hint_group: &'static str,
    /// The account has no groups.
    pub no_groups: &'static str,
    /// Legend of the change fields.
    pub changes_legend: &'static str,
    /// Under the legend: what an empty field means.
    pub changes_hint: &'static str,
    /// Hint of the new group.
    pub hint_new_group: &'static str,
    /// Hint of the expiry date: (latest allowed date).
    pub hint_expires: fn(&str) -> String,
    /// The switch that removes the expiry.
    pub no_expiry: &'static str,
    /// Hint of the discount amount.
    pub hint_discount: &'static str,
    /// Hint of the currency.
    pub hint_currency: &'static str,
    /// Hint of the allowed uses.
    pub hint_allowed_uses: &'static str,
    /// Hint of the product IDs.
    pub hint_product_ids: &'static str,
    /// The switch that removes the product list.
    pub remove_products: &'static str,
    /// Hint of the recurring flag.
    pub hint_recurring: &'static str,
    /// The "keep as it is" entry of a list.
    pub keep: &'static str,
    /// The recurring list's "yes" entry.
    pub recurring_yes: &'static str,
    /// The recurring list's "no" entry.
    pub recurring_no: &'static str,
    /// After a finding about some coupons of the group: (their codes).
    pub on_coupons: fn(&str) -> String,
    /// The preview's heading.
    pub preview_title: &'static str,
    /// The preview before a group is chosen.
    pub preview_choose: &'static str,
    /// The preview while the coupons load.
    pub preview_loading: &'static str,
    /// The group has no coupons.
    pub preview_empty: &'static str,
    /// Nothing typed yet: (number of coupons, group).
    pub preview_idle: fn(usize, &str) -> String,
    /// Every coupon would change: (number, group).
    pub preview_all_change: fn(usize, &str) -> String,
    /// Some coupons would be refused: (refused, number of coupons).
    pub preview_refused: fn(usize, usize) -> String,
    /// Some coupons named, and how many more: (the named codes, how many more).
    pub and_more: fn(&str, usize) -> String,
    /// The refused list goes on: (how many more are refused).
    pub more_refused: fn(usize) -> String,
    /// The folded list goes on: (how many more coupons the group has).
    pub more_coupons: fn(usize) -> String,
    /// The folded list of the group's coupons: (their number).
    pub all_coupons: fn(usize) -> String,
    /// A coupon's validity: (last day).
    pub until: fn(&str) -> String,
    /// A coupon without an end date.
    pub no_end: &'static str,
    /// How often a coupon was used: (uses).
    pub used: fn(i64) -> String,
    /// The apply button.
    pub apply: &'static str,
    /// Said while applying.
    pub applying: &'static str,
    /// Why Apply is disabled: no group.
    pub why_no_group: &'static str,
    /// Why Apply is disabled: the coupons are not loaded.
    pub why_no_coupons: &'static str,
    /// Why Apply is disabled: the group is empty.
    pub why_empty: &'static str,
    /// Why Apply is disabled: nothing entered.
    pub why_nothing: &'static str,
    /// Why Apply is disabled: (fields with errors); the fields follow as links.
    pub why_fields: fn(usize) -> String,
    /// Why Apply is disabled: (coupons that would be refused).
    pub why_refused: fn(&str) -> String,
    /// Apply may be pressed: (coupons that will change).
    pub ready: fn(usize) -> String,
    /// The change went through: (coupons updated).
    pub applied: fn(u64) -> String,
    /// Refused because of a coupon: (its code).
    pub refused_coupon: fn(&str) -> String,
    /// Refused because a coupon was used: (its code).
    pub refused_locked: fn(&str) -> String,
    /// Refused, no coupon named.
    pub refused: &'static str,
    /// The group is not known any more.
    pub group_gone: &'static str,
    /// Closes every refusal: nothing changed.
    pub nothing_changed: &'static str,
}

/// The group update screen's texts in `lang`.
pub fn group_texts(lang: Lang) -> &'static GroupTexts {
    match lang {
        Lang::En => &en::TEXTS,
        Lang::Ko => &ko::TEXTS,
    }
}
