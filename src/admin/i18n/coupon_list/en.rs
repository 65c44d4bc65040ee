//! English texts of the coupon list.

use coupon_rules::CouponStatus;

use super::ListTexts;

/// The English texts.
pub(super) const TEXTS: ListTexts = ListTexts {
    title: "Coupons",
    search_label: "Search",
    search_hint: "A code (start of it), a part of the name, or a user ID.",
    status_label: "Status",
    group_label: "Group",
    all: "All",
    status,
    col_code: "Code",
    col_name: "Name",
    col_status: "Status",
    col_uses: "Uses",
    col_end: "Ends",
    col_last_use: "Last use",
    uses: |used, cap| if cap > 0 { format!("{used} of {cap}") } else { format!("{used} (no cap)") },
    no_end: "No end",
    never: "Never",
    load_more: "Load more",
    loading: "Loading coupons…",
    empty: "No coupons match.",
    count: |count, more| match (count, more) {
        (1, false) => "1 coupon".to_owned(),
        (n, false) => format!("{n} coupons"),
        (n, true) => format!("{n} coupons shown, more to load"),
    },
    failed: "The coupons could not be loaded:",
    caption: "Coupons found; the column buttons change the order",
    open_row: |code| format!("Open {code}"),
};

fn status(status: CouponStatus) -> &'static str {
    match status {
        CouponStatus::Active => "Active",
        CouponStatus::Scheduled => "Scheduled",
        CouponStatus::Expired => "Expired",
        CouponStatus::UsedUp => "Used up",
    }
}
