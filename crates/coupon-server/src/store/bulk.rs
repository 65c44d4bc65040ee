//! One change written to a selection of coupons (one coupon by code, or a whole group) at once: the
//! second vendor's `update_coupon`.
//!
//! The rules were checked on coupons read before; inside the write transaction the selection is
//! read again and must be exactly what was checked (same coupons, versions and use counts), or
//! nothing is written and the caller checks again. A use that lands in between can therefore never
//! slip past the after-use lock. Then one UPDATE changes every selected row. All of it runs under a
//! savepoint, so a refusal undoes this job alone, not the other jobs of the writer's batch.

use coupon_rules::paddle::PaddleChanges;

use super::audits::{Actor, FieldChange};
use super::coupons::Expected;
use super::webhooks::EventDraft;

/// Which coupons of an account the change applies to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Selection {
    /// One coupon, by row id.
    Coupon(i64),
    /// Every coupon of a group, by group index.
    Group(i64),
}

impl Selection {
    /// The column of table `coupons` that selects, compared with [`Selection::value`].
    pub(super) fn column(self) -> &'static str {
        match self {
            Selection::Coupon(_) => "id",
            Selection::Group(_) => "grp_idx",
        }
    }

    /// The selecting column's value.
    pub(super) fn value(self) -> i64 {
        match self {
            Selection::Coupon(id) | Selection::Group(id) => id,
        }
    }
}

/// A change to write, with the state it was validated against.
#[derive(Debug, Clone)]
pub struct BulkUpdate {
    /// The account whose coupons change.
    pub account_id: i64,
    /// Which of its coupons.
    pub selection: Selection,
    /// Every selected coupon as validated: row id and state, ordered by row id.
    pub expected: Vec<(i64, Expected)>,
    /// The selected coupons' codes, whose cached public views the change makes stale.
    pub codes: Vec<String>,
    /// What changes.
    pub changes: PaddleChanges,
    /// Who changes it.
    pub actor: Actor,
    /// What changes in each selected coupon, for its audit row (one per coupon that changes).
    pub audits: Vec<BulkAudit>,
    /// The `coupon.updated` events of the selected coupons that send webhooks, written with the
    /// change (when the account's webhook is on).
    pub events: Vec<EventDraft>,
}

/// One coupon's share of a bulk change, for its audit row.
#[derive(Debug, Clone, PartialEq)]
pub struct BulkAudit {
    /// The coupon's row id.
    pub coupon_id: i64,
    /// Its group before (a move to a group by name is known only when written).
    pub old_grp_idx: i64,
    /// Its other fields' changes.
    pub changes: Vec<FieldChange>,
}

/// How a bulk update went.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BulkOutcome {
    /// Written to this many coupons.
    Updated(usize),
    /// The selection changed since it was validated: nothing was written, validate again.
    Stale,
    /// The new code belongs to another coupon: nothing was written.
    DuplicateCode,
}
