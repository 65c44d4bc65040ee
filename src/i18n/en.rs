//! English texts.

use super::{split_wait, Texts};

/// The English texts.
pub(super) const TEXTS: Texts = Texts {
    page_title: "Your coupon",
    loading: "Loading your coupon…",
    not_found_title: "Coupon not found",
    not_found_body: "There is no coupon at this address. Check the link you were sent.",
    network_title: "No connection",
    network_body: "The coupon could not be loaded. Check your connection and try again.",
    retry: "Try again",
    status_active: "Active",
    status_scheduled: |start| format!("Not valid yet: from {start}"),
    status_expired: "Expired",
    status_used_up: "Used up",
    uses: |used, limit| {
        if limit == 1 {
            format!("Used {used} of 1 time")
        } else {
            format!("Used {used} of {limit} times")
        }
    },
    uses_left: |left| if left == 1 { "1 use left".to_owned() } else { format!("{left} uses left") },
    valid_between: |start, end, zone| format!("Valid {start} – {end} ({zone})"),
    valid_from: |start, zone| format!("Valid from {start}, no end date ({zone})"),
    code_label: "Coupon code",
    copy_code: "Copy code",
    copied: "Code copied",
    copy_failed: "Copying is not available here: tap the code to select it, then copy it",
    qr_label: "QR code of the coupon code",
    usage_heading: "How to use",
    precautions_heading: "Please note",
    go_to_use: "Go to Use Coupon",
    opens_new_tab: "(opens in a new tab)",
    use_coupon: "Use Coupon",
    staff_only_tag: "Staff only",
    live_word: "Live",
    live_label: "Live coupon page: the clock shows the time now",
    dialog_coupon: |name, code| format!("{name} · {code}"),
    used_stamp: "Used",
    used_at: |time| format!("Used on {time}"),
    used_announcement: "The coupon has been used.",
    dialog_title: "Use this coupon",
    dialog_staff_only: "For store staff only: enter the store password to use this coupon.",
    password_label: "Store password",
    confirm_use: "Use now",
    cancel: "Cancel",
    checking: "Checking…",
    wrong_password: |left| match left {
        0 => "Wrong password. No tries left for now.".to_owned(),
        1 => "Wrong password. 1 try left.".to_owned(),
        n => format!("Wrong password. {n} tries left."),
    },
    too_many_tries: |seconds| match split_wait(seconds) {
        (0, s) => format!("Too many wrong passwords. Try again in {s} seconds."),
        (1, _) => "Too many wrong passwords. Try again in 1 minute.".to_owned(),
        (m, _) => format!("Too many wrong passwords. Try again in {m} minutes."),
    },
    refused_scheduled: "This coupon cannot be used yet: it is not valid yet.",
    refused_expired: "This coupon cannot be used any more: it has expired.",
    refused_used_up: "This coupon cannot be used any more: it has been used up.",
    refused_missing: "This coupon no longer exists.",
    network_retry:
        "The request did not get through. Check the connection and try again: the coupon will not be used twice.",
    unexpected: "Something went wrong. Try again: the coupon will not be used twice.",
    undo_prompt: |left| match left {
        1 => "Used by mistake? You can undo this use for 1 more second.".to_owned(),
        n => format!("Used by mistake? You can undo this use for {n} more seconds."),
    },
    undo: "Undo",
    undoing: "Undoing…",
    undo_offered: "Used by mistake? You can undo this use for 60 seconds.",
    undo_ten_left: "10 seconds left to undo this use.",
    undo_too_late: "The time to undo here is over: only an admin can undo this use now.",
    undo_expired: "Too late to undo here: only an admin can undo this use now.",
    undo_network: "The undo did not get through. Check the connection and try again.",
    undo_failed: "The use could not be undone. Try again.",
    undo_done: "Use undone: the coupon can be used again.",
};
