//! Using a coupon: from the page (store password, idempotency key) or from the API.
//!
//! The status is checked with the rules' [`CouponStatus`]; the write is one conditional UPDATE that
//! also requires the coupon to be unchanged since that check (see [`uses::record`]), so a limit is
//! never exceeded and a use never passes on dates that were edited underneath it.

pub mod limiter;
pub mod password;
mod receipt;

use std::sync::Arc;

use chrono_tz::Tz;
use coupon_rules::{CouponStatus, YesNo, Ymd};
use sha2::{Digest, Sha256};

use crate::clock;
use crate::keys;
use crate::store::accounts::Account;
use crate::store::coupons::StoredCoupon;
use crate::store::guesses::Locked;
use crate::store::uses::{Channel, NewUse, UseOutcome, UseRecord};
use crate::store::webhooks::UseEvent;
use crate::store::{Store, StoreError};
use limiter::Guess;
use password::{PasswordError, Passwords};
pub use receipt::{UseReceipt, UNDO_WINDOW};

/// How often a use is checked again when the coupon was edited between check and write.
const MAX_TRIES: usize = 5;

/// Why a coupon cannot be used now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unusable {
    /// Before its start date.
    Scheduled,
    /// After its end date.
    Expired,
    /// Its limit is reached.
    UsedUp,
    /// Not an on-site coupon: the page has no "Use" for it (the shop redeems it through the API).
    NotOnsite,
}

impl Unusable {
    /// The API's reason (`used_up`).
    pub fn reason(self) -> &'static str {
        match self {
            Unusable::Scheduled => "scheduled",
            Unusable::Expired => "expired",
            Unusable::UsedUp => "used_up",
            Unusable::NotOnsite => "not_onsite",
        }
    }

    /// Why a coupon of this status cannot be used; `None` when it can.
    pub fn from_status(status: CouponStatus) -> Option<Unusable> {
        match status {
            CouponStatus::Active => None,
            CouponStatus::Scheduled => Some(Unusable::Scheduled),
            CouponStatus::Expired => Some(Unusable::Expired),
            CouponStatus::UsedUp => Some(Unusable::UsedUp),
        }
    }
}

/// Why a use was refused or failed.
#[derive(Debug, thiserror::Error)]
pub enum RedeemError {
    /// No such coupon (for this account).
    #[error("no such coupon")]
    NotFound,
    /// It cannot be used now.
    #[error("the coupon cannot be used now: {}", .0.reason())]
    Unusable(Unusable),
    /// The store password was wrong (or missing).
    #[error("wrong store password ({attempts_left} attempts left)")]
    WrongPassword {
        /// Wrong passwords still allowed in the window.
        attempts_left: usize,
    },
    /// Too many wrong passwords lately.
    #[error("too many wrong passwords")]
    Locked(Locked),
    /// As many password checks as allowed are under way.
    #[error("too many password checks at once")]
    PasswordsBusy,
    /// The coupon kept changing while we tried.
    #[error("the coupon keeps changing")]
    Busy,
    /// The idempotency key was first given with a different request.
    #[error("the idempotency key was used for another request")]
    KeyReused,
    /// Checking the password failed.
    #[error(transparent)]
    Password(PasswordError),
    /// The store failed.
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Who asks for the use.
#[derive(Debug, Clone)]
pub enum Caller {
    /// Store staff on the coupon page: on-site coupons only, the store password is required.
    Page,
    /// The account's own API key: any of its coupons; a store password, when given, is checked.
    Api(Arc<Account>),
}

/// A request to use a coupon once.
#[derive(Debug, Clone, Default)]
pub struct UseRequest {
    /// The store password as typed.
    pub password: Option<String>,
    /// The client's key for retries of one press of "Use".
    pub idempotency_key: Option<String>,
    /// Who used it (API), for the use log.
    pub user_id: String,
    /// A note for the use log (API).
    pub memo: String,
}

impl UseRequest {
    /// What a retry under the same idempotency key must repeat: a SHA-256 of the caller's channel,
    /// `userId`, `memo` and whether a password was given (never of the password: a short secret's
    /// digest would be easy to reverse).
    fn digest(&self, channel: Channel) -> String {
        let given = if self.password.is_some() { "1" } else { "0" };
        let fields = [channel.as_str(), &self.user_id, &self.memo, given].join("\u{0}");
        Sha256::digest(fields.as_bytes()).iter().map(|byte| format!("{byte:02x}")).collect()
    }
}

/// The use a request's key answers with, unless the key was first given with another request.
fn replay(first: UseRecord, digest: Option<&str>) -> Result<UseRecord, RedeemError> {
    match (&first.request_digest, digest) {
        (Some(first_digest), Some(digest)) if first_digest != digest => Err(RedeemError::KeyReused),
        _ => Ok(first),
    }
}

impl From<PasswordError> for RedeemError {
    fn from(error: PasswordError) -> RedeemError {
        match error {
            PasswordError::Busy => RedeemError::PasswordsBusy,
            other => RedeemError::Password(other),
        }
    }
}

/// Uses the coupon `cpn_no` once, or says why not.
///
/// Runs to its end in a task of its own: once a request to use a coupon has arrived, its guess at
/// the password is counted and checked, and the use made or refused, whatever becomes of the
/// client (a client that hangs up escapes nothing; a till that retries with the same idempotency
/// key gets the answer it missed).
pub async fn redeem(
    store: &Store,
    passwords: &Passwords,
    caller: Caller,
    cpn_no: String,
    request: UseRequest,
) -> Result<UseReceipt, RedeemError> {
    let (store, passwords) = (store.clone(), passwords.clone());
    let task = tokio::spawn(async move { attempt(&store, &passwords, &caller, &cpn_no, request).await });
    task.await.map_err(|e| RedeemError::Password(PasswordError::Task(e)))?
}

async fn attempt(
    store: &Store,
    passwords: &Passwords,
    caller: &Caller,
    cpn_no: &str,
    request: UseRequest,
) -> Result<UseReceipt, RedeemError> {
    let channel = match caller {
        Caller::Page => Channel::Page,
        Caller::Api(_) => Channel::Api,
    };
    let digest = request.idempotency_key.as_ref().map(|_| request.digest(channel));
    // Staff may take a page use back for a minute without the password again.
    let undo_token = matches!(caller, Caller::Page).then(keys::new_key);
    // The hash the password has been checked against: an edit in between may change it.
    let mut checked_hash: Option<String> = None;
    for _ in 0..MAX_TRIES {
        let found = locate(store, caller, cpn_no, request.idempotency_key.as_deref()).await?;
        let Found { stored, zone, first_use } = found.ok_or(RedeemError::NotFound)?;
        let today = clock::today_in(zone);
        if let Some(first) = first_use {
            return Ok(UseReceipt::new(&stored.coupon, &replay(first, digest.as_deref())?, today));
        }
        check_usable(&stored, caller, today)?;
        if needs_password(&stored, caller, &request) && checked_hash != stored.password_hash {
            let guess = Guess {
                coupon_id: stored.id,
                account_id: stored.account_id,
                hash: stored.password_hash.clone().unwrap_or_default(),
                given: request.password.clone().unwrap_or_default(),
            };
            limiter::check(store, passwords, guess).await?;
            checked_hash.clone_from(&stored.password_hash);
        }
        let new = NewUse {
            coupon_id: stored.id,
            expected_version: stored.version,
            channel,
            user_id: request.user_id.clone(),
            memo: request.memo.clone(),
            idempotency_key: request.idempotency_key.clone(),
            request_digest: digest.clone(),
            event: use_event(&stored, channel, &request.user_id, today),
            undo_token_digest: undo_token.as_deref().map(keys::digest),
        };
        match store.use_coupon(&stored.coupon.cpn_no, new).await? {
            UseOutcome::Applied(record) => {
                let receipt = UseReceipt::new(&stored.coupon, &record, today);
                return Ok(UseReceipt { undo_token, ..receipt });
            }
            UseOutcome::Replayed(first) => {
                return Ok(UseReceipt::new(&stored.coupon, &replay(first, digest.as_deref())?, today))
            }
            UseOutcome::UsedUp => return Err(RedeemError::Unusable(Unusable::UsedUp)),
            UseOutcome::Gone => return Err(RedeemError::NotFound),
            UseOutcome::Stale => continue,
        }
    }
    Err(RedeemError::Busy)
}

/// The `coupon.used` event of a coupon that sends webhooks; its `userId` is the use's, else the
/// coupon's.
fn use_event(stored: &StoredCoupon, channel: Channel, user_id: &str, today: Ymd) -> Option<UseEvent> {
    let coupon = &stored.coupon;
    (coupon.webhook_enable_yn == YesNo::Yes).then(|| UseEvent {
        account_id: stored.account_id,
        cpn_no: coupon.cpn_no.clone(),
        grp_idx: coupon.grp_idx,
        strt_ymd: coupon.strt_ymd,
        end_ymd: coupon.end_ymd,
        total_limit: coupon.total_limit(),
        today,
        channel: channel.as_str(),
        user_id: if user_id.is_empty() { coupon.user_id.clone() } else { user_id.to_owned() },
    })
}

/// A coupon found for a use.
struct Found {
    stored: StoredCoupon,
    /// The zone its days are counted in.
    zone: Tz,
    /// The use already made under the request's idempotency key.
    first_use: Option<UseRecord>,
}

/// The coupon the caller may use, with the use made under `key` if there is one.
async fn locate(store: &Store, caller: &Caller, cpn_no: &str, key: Option<&str>) -> Result<Option<Found>, StoreError> {
    let found = match key {
        Some(key) => store.coupon_by_code_with_use(cpn_no, key).await?,
        None => store.coupon_by_code(cpn_no).await?.map(|stored| (stored, None)),
    };
    let Some((stored, first_use)) = found else { return Ok(None) };
    let zone = match caller {
        Caller::Api(account) if account.id == stored.account_id => account.timezone,
        // Another account's coupon does not exist for this one.
        Caller::Api(_) => return Ok(None),
        Caller::Page => {
            let account = store.account(stored.account_id).await?;
            account.ok_or_else(|| StoreError::corrupt("coupon account", stored.account_id.to_string()))?.timezone
        }
    };
    Ok(Some(Found { stored, zone, first_use }))
}

fn check_usable(stored: &StoredCoupon, caller: &Caller, today: Ymd) -> Result<(), RedeemError> {
    let c = &stored.coupon;
    if let Some(why) = Unusable::from_status(c.status_on(today)) {
        return Err(RedeemError::Unusable(why));
    }
    if matches!(caller, Caller::Page) && !c.onsite_yn.is_yes() {
        return Err(RedeemError::Unusable(Unusable::NotOnsite));
    }
    Ok(())
}

fn needs_password(stored: &StoredCoupon, caller: &Caller, request: &UseRequest) -> bool {
    stored.password_hash.is_some()
        && match caller {
            Caller::Page => true,
            Caller::Api(_) => request.password.is_some(),
        }
}
