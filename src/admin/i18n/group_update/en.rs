//! English texts of the group update screen.

use coupon_rules::paddle::PaddleField;

use super::GroupTexts;

/// The English texts.
pub(super) const TEXTS: GroupTexts = GroupTexts {
    title: "Update a group",
    intro: "One change for every coupon of a group. The group changes all or nothing: if one coupon would be refused, none changes.",
    context_failed: "The account's groups could not be loaded.",
    label,
    choose_group: "Choose a group…",
    hint_group: "Its coupons are listed in the preview.",
    no_groups: "This account has no groups yet.",
    changes_legend: "Changes",
    changes_hint: "Leave a field empty to keep each coupon's own value.",
    hint_new_group: "Moves the coupons to the group of this name (1–50 characters).",
    hint_expires: |latest| format!("YYYY-MM-DD. Latest allowed: {latest}."),
    no_expiry: "No expiry (remove the end date)",
    hint_discount: "1–100 for percentage coupons; an amount in the currency for fixed ones.",
    hint_currency: "For fixed-amount coupons; needed when their amount changes.",
    hint_allowed_uses: "A total over all users, at least 1.",
    hint_product_ids: "Comma-separated, e.g. 499531,1234.",
    remove_products: "Remove the product list (valid for every product)",
    hint_recurring: "For subscriptions: whether the discount also applies after the first payment.",
    keep: "Keep as it is",
    recurring_yes: "Yes: recurring payments too (1)",
    recurring_no: "No: the first payment only (0)",
    on_coupons: |codes| format!("Coupons: {codes}"),
    preview_title: "Preview",
    preview_choose: "Choose a group to see its coupons.",
    preview_loading: "Loading the group's coupons…",
    preview_empty: "This group has no coupons.",
    preview_idle: |n, group| match n {
        1 => format!("1 coupon in “{group}”. Enter a change to see what it does."),
        n => format!("{n} coupons in “{group}”. Enter a change to see what it does."),
    },
    preview_all_change: |n, group| match n {
        1 => format!("The coupon of “{group}” will change."),
        n => format!("All {n} coupons of “{group}” will change."),
    },
    preview_refused: |refused, n| {
        let coupons = if n == 1 { "coupon" } else { "coupons" };
        format!("{refused} of {n} {coupons} would be refused, so none will change.")
    },
    and_more: |named, more| format!("{named} and {more} more"),
    more_refused: |more| if more == 1 { "…and 1 more coupon.".to_owned() } else { format!("…and {more} more coupons.") },
    more_coupons: |more| format!("…and {more} more."),
    all_coupons: |n| if n == 1 { "The group's coupon".to_owned() } else { format!("The group's {n} coupons") },
    until: |date| format!("until {date}"),
    no_end: "no expiry",
    used: |uses| if uses == 1 { "used once".to_owned() } else { format!("used {uses} times") },
    apply: "Apply to the group",
    applying: "Applying…",
    why_no_group: "Choose a group first.",
    why_no_coupons: "Waiting for the group's coupons.",
    why_empty: "The group has no coupons to change.",
    why_nothing: "Nothing to apply yet: enter at least one change.",
    why_fields: |n| {
        if n == 1 {
            "Apply is disabled until this field is fixed:".to_owned()
        } else {
            format!("Apply is disabled until these {n} fields are fixed:")
        }
    },
    why_refused: |codes| format!("Refused coupons: {codes}."),
    ready: |n| if n == 1 { "1 coupon will change.".to_owned() } else { format!("{n} coupons will change.") },
    applied: |n| if n == 1 { "Updated 1 coupon.".to_owned() } else { format!("Updated {n} coupons.") },
    refused_coupon: |code| format!("The server refused coupon {code}:"),
    refused_locked: |code| format!("Coupon {code} has been used meanwhile, so it is locked:"),
    refused: "The server refused the change: see the marked fields.",
    group_gone: "The group was not found: it may have been deleted meanwhile.",
    nothing_changed: "Nothing was changed. Everything you typed is still here.",
};

fn label(field: PaddleField) -> &'static str {
    match field {
        PaddleField::Group => "Group",
        PaddleField::NewGroup => "Move to group",
        PaddleField::Expires => "Expiry date",
        PaddleField::DiscountAmount => "Discount amount",
        PaddleField::Currency => "Currency",
        PaddleField::AllowedUses => "Allowed uses (total)",
        PaddleField::ProductIds => "Product IDs",
        PaddleField::Recurring => "Recurring payments",
        PaddleField::VendorId => "Vendor ID",
        PaddleField::VendorAuthCode => "Vendor auth code",
        PaddleField::CouponCode => "Coupon code",
        PaddleField::NewCouponCode => "New coupon code",
    }
}
