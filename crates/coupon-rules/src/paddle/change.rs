//! The rules of the second vendor's request that depend on the coupon it changes: the discount's
//! bounds for the coupon's type, the currency a flat discount needs, and the after-use lock.

use crate::lang::Lang;
use crate::model::{Context, DiscountType};
use crate::params;
use crate::report::{ErrorCode, Findings, Report};
use crate::validate::validate_change;

use super::request::{PaddleField, PaddleRequest};
use super::translate::{to_update, translated_findings};

/// Checks what applying the request to `context.stored` would break, beyond what
/// [`validate_paddle_request`](super::validate_paddle_request) already reports for the request alone.
/// Without a stored coupon there is nothing to add.
pub fn validate_paddle_change(request: &PaddleRequest, context: &Context, lang: Lang) -> Report {
    let Some(stored) = context.stored.as_ref() else {
        return Report::default();
    };
    let mut findings = Findings::new(lang);
    let update = to_update(request);
    let without_coupon = Context { stored: None, ..context.clone() };
    let general = validate_change(&update, &without_coupon, lang);
    let specific = translated_findings(validate_change(&update, context, lang));
    for error in specific.errors {
        let already_general = general.errors.iter().any(|g| g.code == error.code && same_field(&g.field, &error.field));
        if !already_general {
            findings.push_error(error);
        }
    }

    if stored.disc_type_idx == DiscountType::FixedAmount
        && request.discount_amount.is_some()
        && request.currency.is_none()
    {
        findings.error(PaddleField::Currency.name(), ErrorCode::Required, params! { "discTypeIdx" => 458_i64 });
    }
    if stored.is_used() {
        if request.expires.as_deref() == Some("") && stored.end_ymd.is_some() {
            findings.error(PaddleField::Expires.name(), ErrorCode::LockedAfterUse, params! {});
        }
        let current_group = context.group(stored.grp_idx).map_or("", |g| g.name.as_str());
        if request.new_group.as_deref().is_some_and(|g| g != current_group) {
            findings.error(PaddleField::NewGroup.name(), ErrorCode::LockedAfterUse, params! {});
        }
    }
    findings.finish()
}

fn same_field(first_dialect: &str, paddle: &str) -> bool {
    super::translate::paddle_name(first_dialect).map_or(first_dialect == paddle, |f| f.name() == paddle)
}
