//! Uses of coupons: what a use records and how recording it went.

use super::webhooks::UseEvent;

/// Where a use came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Channel {
    /// The staff button on the coupon page.
    Page,
    /// `PUT /api/coupon/v1/redeem`.
    Api,
}

impl Channel {
    /// As stored in the use log.
    pub fn as_str(self) -> &'static str {
        match self {
            Channel::Page => "page",
            Channel::Api => "api",
        }
    }
}

/// A use to record.
#[derive(Debug, Clone)]
pub struct NewUse {
    /// The coupon's row id.
    pub coupon_id: i64,
    /// The coupon version whose dates and limit were checked: the use happens only if it is unchanged.
    pub expected_version: i64,
    /// Where it came from.
    pub channel: Channel,
    /// Who used it, if the caller says.
    pub user_id: String,
    /// A note on the use.
    pub memo: String,
    /// The client's key for retries of one press of "Use".
    pub idempotency_key: Option<String>,
    /// What request the key was given with (a digest of its fields), to tell a retry from another
    /// request under the same key.
    pub request_digest: Option<String>,
    /// The `coupon.used` event to write with the use, when the coupon sends webhooks (written
    /// only if the account's global webhook is on when the use commits).
    pub event: Option<UseEvent>,
    /// The digest of the one-time undo token the receipt will carry (page uses).
    pub undo_token_digest: Option<String>,
}

/// One recorded use.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UseRecord {
    /// Its number among the coupon's uses, undone ones included (what an undo names).
    pub use_no: i64,
    /// The coupon's use count right after this use.
    pub use_cnt: i64,
    /// When (RFC 3339, UTC).
    pub used_at: String,
    /// The digest of the request it answered, when it was made under an idempotency key.
    pub request_digest: Option<String>,
}

/// How recording a use went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UseOutcome {
    /// The coupon was used.
    Applied(UseRecord),
    /// The idempotency key had been used already: this is that first use.
    Replayed(UseRecord),
    /// Its limit is reached.
    UsedUp,
    /// It was edited since it was checked: check again.
    Stale,
    /// It was deleted.
    Gone,
}

/// How undoing a use went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UndoOutcome {
    /// Undone now: the coupon's use count after it.
    Undone {
        /// The use undone.
        use_no: i64,
        /// The coupon's use count now.
        use_cnt: i64,
    },
    /// It had been undone before: nothing changed.
    AlreadyUndone {
        /// The use.
        use_no: i64,
        /// The coupon's use count now.
        use_cnt: i64,
    },
    /// The coupon has no such use (or the token is unknown, taken or too old).
    NoSuchUse,
}
