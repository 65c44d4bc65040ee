//! Every people-facing text of the admin form, in English and Korean. Validation messages are not
//! here: they come from `coupon-rules`, in the same language.

mod coupon_list;
mod en;
mod group_update;
mod history;
mod keys;
mod ko;
mod webhooks;

pub use coupon_list::{list_texts, ListTexts};
pub use group_update::{group_texts, GroupTexts};
pub use history::{history_texts, HistoryTexts};
pub use keys::{key_texts, KeyTexts};
pub use webhooks::{webhook_texts, WebhookTexts};

use coupon_rules::{Field, Lang};

/// The admin texts of one language. Texts with values in them are functions.
pub struct AdminTexts {
    /// The page's heading.
    pub app_title: &'static str,
    /// Shown while something loads.
    pub loading: &'static str,
    /// The sign-in heading.
    pub sign_in_title: &'static str,
    /// The API key field's label.
    pub api_key_label: &'static str,
    /// Where the key is kept.
    pub api_key_hint: &'static str,
    /// The sign-in button.
    pub sign_in: &'static str,
    /// Said while the key is checked.
    pub signing_in: &'static str,
    /// The key was not accepted.
    pub unknown_key: &'static str,
    /// The sign-out button.
    pub sign_out: &'static str,
    /// The account's plan, in the header: (plan name).
    pub plan_badge: fn(&str) -> String,
    /// The open/create heading.
    pub open_title: &'static str,
    /// The code field's label.
    pub code_label: &'static str,
    /// How codes may be typed.
    pub code_hint: &'static str,
    /// The open button.
    pub open: &'static str,
    /// The create button.
    pub new_coupon: &'static str,
    /// No such coupon: (code).
    pub not_found: fn(&str) -> String,
    /// Back from the form to the coupon list.
    pub back_to_open: &'static str,
    /// The form's heading when editing: (code in groups of four).
    pub editing_title: fn(&str) -> String,
    /// The form's heading when creating.
    pub creating_title: &'static str,
    /// Legend of the name and discount fields.
    pub group_basics: &'static str,
    /// Legend of the dates and the usage limit.
    pub group_validity: &'static str,
    /// Legend of on-site redemption.
    pub group_onsite: &'static str,
    /// Legend of colours, link, group and template.
    pub group_appearance: &'static str,
    /// Legend of the recipient's details.
    pub group_recipient: &'static str,
    /// Legend of the internal memo.
    pub group_memo: &'static str,
    /// Legend of the plan-dependent settings.
    pub group_advanced: &'static str,
    /// The label of a field.
    pub label: fn(Field) -> &'static str,
    /// Hint of the code field when creating.
    pub hint_new_code: &'static str,
    /// Hint of the discount value.
    pub hint_disc: &'static str,
    /// Hint of a date field.
    pub hint_date: &'static str,
    /// Hint of the end date: (latest allowed date).
    pub hint_end: fn(&str) -> String,
    /// Hint of the usage limit.
    pub hint_use_limit: &'static str,
    /// Hint of a colour field.
    pub hint_color: &'static str,
    /// Hint of the link.
    pub hint_url: &'static str,
    /// Hint of the memo.
    pub hint_memo: &'static str,
    /// Hint of the recipient's user ID.
    pub hint_user_id: &'static str,
    /// Hint of the password when one is stored.
    pub password_set: &'static str,
    /// Hint of the password when none is stored.
    pub password_none: &'static str,
    /// The switch that removes the stored password.
    pub remove_password: &'static str,
    /// The on-site switch's text.
    pub onsite_switch: &'static str,
    /// The webhook switch's text.
    pub webhook_switch: &'static str,
    /// The account's global webhook is off.
    pub webhook_global_off: &'static str,
    /// A field the plan does not include: (required plan, account's plan).
    pub plan_excludes: fn(&str, &str) -> String,
    /// The percentage discount type.
    pub percentage: &'static str,
    /// The fixed-amount discount type.
    pub fixed_amount: &'static str,
    /// No group / no template.
    pub none: &'static str,
    /// A template in the list: (index, title).
    pub template_option: fn(i64, &str) -> String,
    /// Read before an error, for screen readers.
    pub error_prefix: &'static str,
    /// Read before a warning, for screen readers.
    pub warning_prefix: &'static str,
    /// The reason, shown once, that a used coupon is locked: (uses).
    pub used_lock: fn(i64) -> String,
    /// The preview's heading.
    pub preview_title: &'static str,
    /// What the preview is.
    pub preview_hint: &'static str,
    /// The save button when editing.
    pub save: &'static str,
    /// The save button when creating.
    pub create: &'static str,
    /// Said while saving.
    pub saving: &'static str,
    /// Why Save is disabled: nothing changed.
    pub why_no_changes: &'static str,
    /// Why Save is disabled: (number of fields with problems); the fields follow as links.
    pub why_errors: fn(usize) -> String,
    /// Why Save is disabled: a save is under way.
    pub why_saving: &'static str,
    /// Unsaved changes, next to an enabled Save.
    pub unsaved: &'static str,
    /// A save went through.
    pub saved: &'static str,
    /// A coupon was created: (code in groups of four).
    pub created: fn(&str) -> String,
    /// The link to the new coupon's page.
    pub open_page: &'static str,
    /// Opens the new coupon in the form.
    pub edit_created: &'static str,
    /// Creates another coupon.
    pub create_another: &'static str,
    /// The server could not be reached.
    pub network_error: &'static str,
    /// The retry button.
    pub retry: &'static str,
    /// The server refused fields (marked on them).
    pub refused_fields: &'static str,
    /// The server's reply could not be read.
    pub bad_reply: &'static str,
    /// The plan does not allow the change: (plan name).
    pub plan_refused: fn(&str) -> String,
    /// The coupon was used meanwhile: only the memo can change.
    pub locked_refused: &'static str,
    /// The coupon is gone.
    pub gone: &'static str,
    /// The code is taken.
    pub duplicate_code: &'static str,
    /// The key stopped working.
    pub key_refused: &'static str,
    /// Too many requests: (seconds).
    pub busy: fn(u64) -> String,
    /// An unexpected answer: (code, the server's message).
    pub unexpected: fn(i64, &str) -> String,
    /// Asked before unsaved changes are dropped.
    pub confirm_discard: &'static str,
}

/// The admin texts in `lang`.
pub fn admin_texts(lang: Lang) -> &'static AdminTexts {
    match lang {
        Lang::En => &en::TEXTS,
        Lang::Ko => &ko::TEXTS,
    }
}
