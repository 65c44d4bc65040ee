//! The rules of the second vendor's request that depend on the coupon it changes: the discount's
//! bounds for the coupon's type, the currency a flat discount needs, and the after-use lock.

use crate::lang::Lang;
use crate::model::{Context, Coupon, DiscountType};
use crate::params;
use crate::report::{ErrorCode, Findings, Report};
use crate::request::UpdateRequest;
use crate::validate::validate_change_of;

use super::request::{PaddleField, PaddleRequest};
use super::rules::parse_product_ids;
use super::translate::{to_update, translated_findings};

/// Checks what applying the request to `context.stored` would break, beyond what
/// [`validate_paddle_request`](super::validate_paddle_request) already reports for the request alone.
/// Without a stored coupon there is nothing to add.
pub fn validate_paddle_change(request: &PaddleRequest, context: &Context, lang: Lang) -> Report {
    match context.stored.as_ref() {
        Some(stored) => PaddleCouponCheck::new(request, context, lang).check(stored),
        None => Report::default(),
    }
}

/// One request checked against many coupons (a group update): what does not depend on the coupon
/// is worked out once. `check(c)` is `validate_paddle_change` with `c` as the stored coupon.
pub struct PaddleCouponCheck<'a> {
    request: &'a PaddleRequest,
    context: &'a Context,
    lang: Lang,
    /// The request in the first dialect's terms.
    update: UpdateRequest,
    /// What the first dialect finds without a coupon: already reported for the request alone.
    general: Report,
}

impl<'a> PaddleCouponCheck<'a> {
    /// Prepares the checks of `request` in `context` (whose `stored` is ignored).
    pub fn new(request: &'a PaddleRequest, context: &'a Context, lang: Lang) -> PaddleCouponCheck<'a> {
        let update = to_update(request);
        let general = validate_change_of(&update, context, None, lang);
        PaddleCouponCheck { request, context, lang, update, general }
    }

    /// What applying the request to `coupon` would break.
    pub fn check(&self, coupon: &Coupon) -> Report {
        let mut findings = Findings::new(self.lang);
        let specific = translated_findings(validate_change_of(&self.update, self.context, Some(coupon), self.lang));
        for error in specific.errors {
            let already_general =
                self.general.errors.iter().any(|g| g.code == error.code && same_field(&g.field, &error.field));
            if !already_general {
                findings.push_error(error);
            }
        }
        let request = self.request;
        if coupon.disc_type_idx == DiscountType::FixedAmount
            && request.discount_amount.is_some()
            && request.currency.is_none()
        {
            findings.error(PaddleField::Currency.name(), ErrorCode::Required, params! { "discTypeIdx" => 458_i64 });
        }
        if coupon.is_used() {
            for field in self.locked_fields(coupon) {
                findings.error(field.name(), ErrorCode::LockedAfterUse, params! {});
            }
        }
        findings.finish()
    }

    /// The first of `coupons` (in the order given) that the request would break a rule on, with
    /// what it breaks; `None` when every one of them can take the change.
    pub fn first_refusal<'c>(&self, coupons: impl IntoIterator<Item = &'c Coupon>) -> Option<(&'c Coupon, Report)> {
        coupons.into_iter().find_map(|coupon| {
            let report = self.check(coupon);
            (!report.is_ok()).then_some((coupon, report))
        })
    }

    /// The fields only this dialect has whose change a used coupon refuses (the shared ones, the
    /// discount, currency and a dated expiry, are locked by the first dialect's rule). A rename is
    /// allowed: the uses stay with the coupon.
    fn locked_fields(&self, coupon: &Coupon) -> Vec<PaddleField> {
        let request = self.request;
        let mut locked = Vec::new();
        if request.expires.as_deref() == Some("") && coupon.end_ymd.is_some() {
            locked.push(PaddleField::Expires);
        }
        let current_group = self.context.group(coupon.grp_idx).map_or("", |g| g.name.as_str());
        if request.new_group.as_deref().is_some_and(|g| g != current_group) {
            locked.push(PaddleField::NewGroup);
        }
        let products_change =
            request.product_ids.as_deref().and_then(|ids| parse_product_ids(ids).ok()).is_some_and(|mut ids| {
                let mut stored = coupon.product_ids.clone();
                ids.sort_unstable();
                ids.dedup();
                stored.sort_unstable();
                stored.dedup();
                ids != stored
            });
        if products_change {
            locked.push(PaddleField::ProductIds);
        }
        if request.allowed_uses.is_some_and(|uses| Some(uses) != coupon.allowed_uses) {
            locked.push(PaddleField::AllowedUses);
        }
        if request.recurring.is_some_and(|r| (r == 1) != coupon.recurring) {
            locked.push(PaddleField::Recurring);
        }
        locked
    }
}

fn same_field(first_dialect: &str, paddle: &str) -> bool {
    super::translate::paddle_name(first_dialect).map_or(first_dialect == paddle, |f| f.name() == paddle)
}
