//! The texts of the Webhooks screen, in English and Korean. Validation messages are not here: they
//! come from `coupon-rules`, in the same language.

mod en;
mod ko;

use coupon_rules::Lang;

/// The Webhooks screen's texts of one language. Texts with values in them are functions.
pub struct WebhookTexts {
    /// The navigation button and the screen's heading.
    pub title: &'static str,
    /// What webhooks do.
    pub intro: &'static str,
    /// The account's plan has no webhooks: (the plan's name).
    pub needs_plan: fn(&str) -> String,
    /// The settings' heading.
    pub settings_title: &'static str,
    /// The callback URL's label.
    pub url_label: &'static str,
    /// The callback URL's hint.
    pub url_hint: &'static str,
    /// The switch's label.
    pub enable_label: &'static str,
    /// The switch's hint.
    pub enable_hint: &'static str,
    /// The save button.
    pub save: &'static str,
    /// Said while saving.
    pub saving: &'static str,
    /// After a save.
    pub saved: &'static str,
    /// The signing secret's heading.
    pub secret_title: &'static str,
    /// A secret exists (it is never shown again).
    pub secret_kept: &'static str,
    /// No secret yet: one is made with the first save.
    pub secret_none: &'static str,
    /// Above a secret shown once.
    pub secret_once: &'static str,
    /// The copy button.
    pub copy: &'static str,
    /// After copying.
    pub copied: &'static str,
    /// The rotate button.
    pub rotate: &'static str,
    /// The question before rotating.
    pub rotate_confirm: &'static str,
    /// During a rotation: (until when the old secret signs).
    pub rotating_until: fn(&str) -> String,
    /// The test button.
    pub send_test: &'static str,
    /// The test button's hint.
    pub test_hint: &'static str,
    /// After the test event is queued.
    pub test_queued: &'static str,
    /// The test event arrived.
    pub test_delivered: &'static str,
    /// The test event did not arrive (yet): (the HTTP status or "no reply").
    pub test_not_yet: fn(&str) -> String,
    /// The events' heading.
    pub events_title: &'static str,
    /// The refresh button.
    pub refresh: &'static str,
    /// No events yet.
    pub no_events: &'static str,
    /// Column headings: event, coupon, status, attempts, last reply, created.
    pub columns: [&'static str; 6],
    /// A status's label: pending, delivered, failed.
    pub status: fn(&str) -> &'static str,
    /// An event type's label.
    pub event_type: fn(&str) -> &'static str,
    /// Use number: (n).
    pub use_no: fn(i64) -> String,
    /// No HTTP status (no reply yet).
    pub no_reply: &'static str,
    /// The resend button.
    pub resend: &'static str,
    /// After a resend: (the event id).
    pub resent: fn(&str) -> String,
}

/// The Webhooks screen's texts in `lang`.
pub fn webhook_texts(lang: Lang) -> &'static WebhookTexts {
    match lang {
        Lang::En => &en::TEXTS,
        Lang::Ko => &ko::TEXTS,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_status_and_type_has_a_label_in_both_languages() {
        for lang in [Lang::En, Lang::Ko] {
            let t = webhook_texts(lang);
            for status in ["pending", "delivered", "failed"] {
                assert!(!(t.status)(status).is_empty());
            }
            for kind in ["coupon.used", "coupon.updated", "coupon.deleted", "webhook.test"] {
                assert_ne!((t.event_type)(kind), (t.event_type)("something.else"), "{kind}");
            }
        }
    }
}
