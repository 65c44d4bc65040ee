//! One change to one coupon (by code) or to every coupon of a group (by name): the second vendor's
//! `update_coupon`, and the admin's group update.
//!
//! The request itself has been validated by the caller (each endpoint takes different fields). Here
//! every selected coupon is checked by the rules, in code order, and the first that would break one
//! refuses the whole change. The writer then writes all of them in one statement if none changed
//! since they were checked; otherwise they are read and checked again.

use coupon_rules::paddle::{PaddleChanges, PaddleCouponCheck, PaddleRequest};
use coupon_rules::{Context, Lang, Report, YesNo};

use super::{audit, context};
use crate::store::accounts::Account;
use crate::store::audits::Actor;
use crate::store::bulk::{BulkAudit, BulkOutcome, BulkUpdate, Selection};
use crate::store::coupons::StoredCoupon;
use crate::store::webhooks::EventDraft;
use crate::store::{Store, StoreError};

/// How often a change starts over when its coupons changed between checking and writing.
const MAX_TRIES: usize = 5;

/// Which coupons a change applies to.
#[derive(Debug, Clone, Copy)]
pub enum Target<'a> {
    /// The coupon with this code.
    Code(&'a str),
    /// Every coupon of the group with this name.
    Group(&'a str),
}

/// Why a change was refused or failed.
#[derive(Debug, thiserror::Error)]
pub enum BulkError {
    /// The account has no coupon with this code.
    #[error("no such coupon")]
    CouponNotFound,
    /// The account has no group with this name.
    #[error("no such group")]
    GroupNotFound,
    /// A coupon would break a rule: none changes.
    #[error("coupon {cpn_no} breaks {} rule(s)", report.errors.len())]
    Refused {
        /// The first coupon (by code) that would break a rule.
        cpn_no: String,
        /// What it breaks.
        report: Report,
    },
    /// The new code belongs to another coupon.
    #[error("the new coupon code exists")]
    DuplicateCode,
    /// The coupons kept changing while we tried.
    #[error("the coupons keep changing")]
    Busy,
    /// The store failed.
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Applies the request's changes to the target's coupons, all or none; returns how many coupons
/// it applies to.
pub async fn apply(
    store: &Store,
    account: &Account,
    actor: &Actor,
    target: Target<'_>,
    request: &PaddleRequest,
    lang: Lang,
) -> Result<usize, BulkError> {
    let changes = request.changes();
    for _ in 0..MAX_TRIES {
        let context = context::load(store, account, None).await?;
        let (selection, selected) = select(store, account, target, &context).await?;
        let check = PaddleCouponCheck::new(request, &context, lang);
        if let Some((coupon, report)) = check.first_refusal(selected.iter().map(|s| &s.coupon)) {
            return Err(BulkError::Refused { cpn_no: coupon.cpn_no.clone(), report });
        }
        // Nothing to write: no change, or an empty group (which a `new_group` must not create).
        if changes.is_empty() || selected.is_empty() {
            return Ok(selected.len());
        }
        let mut expected: Vec<_> = selected.iter().map(|s| (s.id, s.expected())).collect();
        expected.sort_unstable_by_key(|(id, _)| *id);
        let audits: Vec<BulkAudit> = selected
            .iter()
            .map(|s| BulkAudit {
                coupon_id: s.id,
                old_grp_idx: s.coupon.grp_idx,
                changes: audit::changes(&s.coupon, &changes.applied_to(&s.coupon), false),
            })
            .collect();
        let events = events(account.id, &selected, &audits, &changes);
        let codes = selected.into_iter().map(|s| s.coupon.cpn_no).collect();
        let update = BulkUpdate {
            account_id: account.id,
            selection,
            expected,
            codes,
            changes: changes.clone(),
            actor: actor.clone(),
            audits,
            events,
        };
        match store.bulk_update(update).await? {
            BulkOutcome::Updated(count) => return Ok(count),
            BulkOutcome::DuplicateCode => return Err(BulkError::DuplicateCode),
            BulkOutcome::Stale => continue,
        }
    }
    Err(BulkError::Busy)
}

/// The `coupon.updated` events of the selected coupons that send webhooks and change: the names
/// of the fields that change (from their audit), `cpnNo` the new code when it is renamed.
fn events(
    account_id: i64,
    selected: &[StoredCoupon],
    audits: &[BulkAudit],
    changes: &PaddleChanges,
) -> Vec<EventDraft> {
    selected
        .iter()
        .zip(audits)
        .filter(|(s, _)| s.coupon.webhook_enable_yn == YesNo::Yes)
        .filter_map(|(s, audit)| {
            let mut names = audit::changed_names(&audit.changes);
            // A move to a group named by the change is known only when written (see the store).
            if changes.new_group.is_some() && !names.iter().any(|name| name == "grpIdx") {
                names.push("grpIdx".to_owned());
                names.sort();
            }
            let code = changes.new_code.as_deref().unwrap_or(&s.coupon.cpn_no);
            (!names.is_empty()).then(|| EventDraft::updated(account_id, s.id, code, s.coupon.grp_idx, &names))
        })
        .collect()
}

/// The target's coupons, by code, and how the store selects them.
async fn select(
    store: &Store,
    account: &Account,
    target: Target<'_>,
    context: &Context,
) -> Result<(Selection, Vec<StoredCoupon>), BulkError> {
    match target {
        Target::Code(code) => {
            let stored = store.coupon(account.id, code).await?.ok_or(BulkError::CouponNotFound)?;
            Ok((Selection::Coupon(stored.id), vec![stored]))
        }
        Target::Group(name) => {
            let groups = context.groups.as_deref().unwrap_or_default();
            let group = groups.iter().find(|g| g.name == name).ok_or(BulkError::GroupNotFound)?;
            let selected = store.coupons_in_group(account.id, group.idx).await?;
            Ok((Selection::Group(group.idx), selected))
        }
    }
}
