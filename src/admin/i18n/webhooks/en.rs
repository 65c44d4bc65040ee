//! English texts of the Webhooks screen.

use super::WebhookTexts;

/// The English texts.
pub(super) const TEXTS: WebhookTexts = WebhookTexts {
    title: "Webhooks",
    intro: "Your other systems (POS, CRM, accounting) hear of every use, edit and deletion of a coupon \
            that has webhooks on: a signed POST to your URL, retried for 24 hours until it answers 2xx.",
    needs_plan: |plan| format!("Webhooks need the {plan} plan."),
    settings_title: "Where events go",
    url_label: "Callback URL",
    url_hint: "An https:// (or http://) address that accepts POST requests.",
    enable_label: "Send events",
    enable_hint: "The global switch: coupons send events only while it is on (and their own webhook setting is Y).",
    save: "Save settings",
    saving: "Saving…",
    saved: "Settings saved.",
    secret_title: "Signing secret",
    secret_kept: "A secret signs every request (X-Coupon-Signature). It is shown only when it is made.",
    secret_none: "A secret is made when you first save a URL.",
    secret_once: "Your new signing secret. Copy it now: it will not be shown again.",
    copy: "Copy",
    copied: "Copied",
    rotate: "Rotate secret",
    rotate_confirm: "Make a new signing secret? The current one keeps signing beside it for 24 hours.",
    rotating_until: |until| format!("The previous secret also signs until {until}."),
    send_test: "Send a test event",
    test_hint: "Posts a webhook.test event to the URL now, also while sending is off.",
    test_queued: "Test event sent; waiting for your endpoint's answer…",
    test_delivered: "Your endpoint answered the test event with 2xx.",
    test_not_yet: |status| {
        format!("Your endpoint has not accepted the test event yet (last answer: {status}); it is retried.")
    },
    events_title: "Latest events",
    refresh: "Refresh",
    no_events: "No events yet. A use of a coupon with webhooks on, or a test event, appears here.",
    columns: ["Event", "Coupon", "Status", "Attempts", "Last answer", "Created"],
    status: |status| match status {
        "pending" => "Pending",
        "delivered" => "Delivered",
        "failed" => "Failed",
        _ => "Unknown",
    },
    event_type: |kind| match kind {
        "coupon.used" => "Used",
        "coupon.updated" => "Edited",
        "coupon.deleted" => "Deleted",
        "webhook.test" => "Test",
        _ => "Other",
    },
    use_no: |n| format!("use {n}"),
    no_reply: "no reply",
    resend: "Resend",
    resent: |id| format!("{id} is sent again."),
};
