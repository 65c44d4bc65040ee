//! What the change would do to each coupon of the group: the rules' check of the request against
//! each coupon (`PaddleCouponCheck`, what `validate_paddle_change` runs), exactly as the server checks
//! every coupon before it applies a group update.

use coupon_rules::paddle::{PaddleCouponCheck, PaddleRequest};
use coupon_rules::{Context, Coupon, Lang, Report};

/// The rules' findings on one coupon of the group for the change being typed.
#[derive(Debug, Clone, PartialEq)]
pub struct CouponVerdict {
    /// The coupon's code.
    pub cpn_no: String,
    /// What applying the change to it would break (errors) or is worth knowing (warnings).
    pub report: Report,
}

impl CouponVerdict {
    /// Whether the server would refuse the whole group because of this coupon.
    pub fn is_refused(&self) -> bool {
        !self.report.errors.is_empty()
    }
}

/// The verdict on every coupon, in the coupons' order.
pub fn verdicts(request: &PaddleRequest, context: &Context, coupons: &[Coupon], lang: Lang) -> Vec<CouponVerdict> {
    // What does not depend on the coupon is worked out once for the whole group.
    let check = PaddleCouponCheck::new(request, context, lang);
    coupons.iter().map(|coupon| CouponVerdict { cpn_no: coupon.cpn_no.clone(), report: check.check(coupon) }).collect()
}
