//! Taking back a use: by the admin (any use, any time, with a reason), or by staff on the coupon
//! page with the one-time token of the use's receipt within a minute, without the password.

use coupon_rules::CouponStatus;
use serde::Serialize;

use crate::clock;
use crate::keys;
use crate::redeem::UNDO_WINDOW;
use crate::store::accounts::Account;
use crate::store::audits::Actor;
use crate::store::uses::UndoOutcome;
use crate::store::{Store, StoreError};

/// The longest reason.
pub const MAX_REASON: usize = 200;

/// What an undo answers: the coupon as it is now.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct UndoReceipt {
    /// The coupon's code.
    pub cpn_no: String,
    /// The use taken back.
    pub use_no: i64,
    /// Whether this request undid it (false: it had been undone before, nothing changed).
    pub undone: bool,
    /// Uses counted now.
    pub use_cnt: i64,
    /// Uses left under its caps; `null` when uncapped.
    pub uses_left: Option<i64>,
    /// Its status now, by the rules, today in the account's time zone.
    pub status: CouponStatus,
}

/// Why an undo was refused or failed.
#[derive(Debug, thiserror::Error)]
pub enum UndoError {
    /// No such coupon (for this account).
    #[error("no such coupon")]
    NotFound,
    /// The coupon has no use of that number.
    #[error("no such use")]
    NoSuchUse,
    /// The token is unknown, taken, or its minute is over.
    #[error("the undo token is unknown, used or expired")]
    TokenExpired,
    /// The store failed.
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// The receipt of `outcome` for the coupon `cpn_no`, read again after the undo.
async fn receipt(store: &Store, account_id: i64, cpn_no: &str, outcome: UndoOutcome) -> Result<UndoReceipt, UndoError> {
    let (use_no, undone) = match outcome {
        UndoOutcome::Undone { use_no, .. } => (use_no, true),
        UndoOutcome::AlreadyUndone { use_no, .. } => (use_no, false),
        UndoOutcome::NoSuchUse => return Err(UndoError::NoSuchUse),
    };
    let account = store.account(account_id).await?.ok_or(UndoError::NotFound)?;
    let c = store.coupon(account_id, cpn_no).await?.ok_or(UndoError::NotFound)?.coupon;
    Ok(UndoReceipt {
        cpn_no: c.cpn_no.clone(),
        use_no,
        undone,
        use_cnt: c.use_cnt,
        uses_left: c.uses_left(),
        status: c.status_on(account.today()),
    })
}

/// The admin undoes use `use_no` of the account's coupon `cpn_no`.
pub async fn undo(
    store: &Store,
    account: &Account,
    actor: Actor,
    cpn_no: &str,
    use_no: i64,
    reason: String,
) -> Result<UndoReceipt, UndoError> {
    let stored = store.coupon(account.id, cpn_no).await?.ok_or(UndoError::NotFound)?;
    let outcome = store.undo_use(stored.id, &stored.coupon.cpn_no, use_no, actor, reason).await?;
    receipt(store, account.id, &stored.coupon.cpn_no, outcome).await
}

/// Staff undo the page use whose receipt carried `token`, once, within [`UNDO_WINDOW`] of it.
pub async fn undo_with_token(store: &Store, cpn_no: &str, token: &str) -> Result<UndoReceipt, UndoError> {
    let stored = store.coupon_by_code(cpn_no).await?.ok_or(UndoError::NotFound)?;
    let since = clock::rfc3339_before(UNDO_WINDOW);
    let outcome = store.undo_use_by_token(stored.id, &stored.coupon.cpn_no, keys::digest(token), since).await?;
    match outcome {
        UndoOutcome::Undone { .. } => receipt(store, stored.account_id, &stored.coupon.cpn_no, outcome).await,
        // Taken already (by this token or by an admin) or too old: the page offers it no more.
        UndoOutcome::AlreadyUndone { .. } | UndoOutcome::NoSuchUse => Err(UndoError::TokenExpired),
    }
}
