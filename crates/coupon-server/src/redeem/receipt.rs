//! The answer to a successful use.

use coupon_rules::{Coupon, CouponStatus, Ymd};
use serde::Serialize;

use crate::store::uses::UseRecord;

/// What a use answers: the count after this use and what the coupon is now.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct UseReceipt {
    /// The coupon's code.
    pub cpn_no: String,
    /// Uses so far, this one included.
    pub use_cnt: i64,
    /// 0 for unlimited, else 1–5.
    pub use_limit: i64,
    /// Uses left under its use limit and allowed uses; `null` when nothing caps them.
    pub uses_left: Option<i64>,
    /// The coupon's status right after this use (`used_up` after the last one).
    pub status: CouponStatus,
    /// When this use happened (RFC 3339, UTC).
    pub used_at: String,
    /// This use's number among the coupon's uses (what `undo-use` names).
    pub use_no: i64,
    /// A page use's one-time token to undo it within [`UNDO_WINDOW`] without the password (only
    /// in the first answer, never in a retry's).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub undo_token: Option<String>,
}

/// How long after a page use its receipt's undo token works.
pub const UNDO_WINDOW: std::time::Duration = std::time::Duration::from_secs(60);

impl UseReceipt {
    /// The receipt of `record`, a use of `coupon`, seen on `today`.
    pub fn new(coupon: &Coupon, record: &UseRecord, today: Ymd) -> UseReceipt {
        // Both caps on its uses count (its use limit and allowed uses).
        let (limit, used) = (coupon.total_limit(), record.use_cnt);
        UseReceipt {
            cpn_no: coupon.cpn_no.clone(),
            use_cnt: used,
            use_limit: coupon.use_limit,
            uses_left: CouponStatus::uses_left(limit, used),
            status: CouponStatus::on(today, coupon.strt_ymd, coupon.end_ymd, limit, used),
            used_at: record.used_at.clone(),
            use_no: record.use_no,
            undo_token: None,
        }
    }
}
