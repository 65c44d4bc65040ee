//! English texts of a coupon's history.

use super::HistoryTexts;

/// The English texts.
pub(super) const TEXTS: HistoryTexts = HistoryTexts {
    title: "History",
    loading: "Loading the history…",
    empty: "Nothing has happened to this coupon yet.",
    failed: "The history could not be loaded:",
    load_more: "Load more",
    edited: "Edited",
    used: |no| format!("Use #{no}"),
    undid: |no| format!("Use #{no} undone"),
    by: |kind, name| match (kind, name) {
        ("api_key", "") => "by an API key".to_owned(),
        ("api_key", name) => format!("by API key “{name}”"),
        ("vendor", name) => format!("by the vendor {name}"),
        ("cli", _) => "on the command line".to_owned(),
        ("page", _) => "on the coupon page".to_owned(),
        (other, _) => format!("by {other}"),
    },
    password_changed: "changed",
    empty_value: "(empty)",
    channel: |channel| match channel {
        "page" => "On the coupon page".to_owned(),
        "api" => "Through the API".to_owned(),
        other => other.to_owned(),
    },
    user: |user| format!("User: {user}"),
    memo: |memo| format!("Note: {memo}"),
    undone: |at| format!("Undone {at}"),
    reason: |reason| format!("Reason: {reason}"),
    from: "from",
    to: "to",
};
