//! Wrong store passwords: at most [`LIMITS`] per coupon and per account, counted in the store.
//!
//! A guess counts when it arrives, before the password is checked, so a client that hangs up
//! cannot escape the count; a right one is forgotten once checked. The count lives in the database,
//! so every server sees the same one and a lockout survives a restart. The per-account budget
//! matters because one store password often opens a whole campaign's coupons.

use std::time::Duration;

use super::password::Passwords;
use super::RedeemError;
use crate::store::guesses::GuessLimits;
use crate::store::Store;

/// 5 wrong passwords per coupon and 50 per account within 15 minutes.
pub const LIMITS: GuessLimits = GuessLimits { per_coupon: 5, per_account: 50, window: Duration::from_secs(15 * 60) };

/// A guess to check against a coupon's store password.
#[derive(Debug, Clone)]
pub struct Guess {
    /// The coupon's row id.
    pub coupon_id: i64,
    /// Its account.
    pub account_id: i64,
    /// Its password's argon2id hash.
    pub hash: String,
    /// The password as typed.
    pub given: String,
}

/// Checks a guess within the limits: counts it, checks it, forgets it if it was right. (The use
/// this is part of runs in a task of its own, so all of it happens once it has begun.)
pub async fn check(store: &Store, passwords: &Passwords, guess: Guess) -> Result<(), RedeemError> {
    // Refused at once when argon2 is saturated: nothing is counted then.
    let run = passwords.reserve()?;
    let counted = !guess.given.is_empty();
    let admitted =
        store.admit_guess(guess.coupon_id, guess.account_id, LIMITS, counted).await?.map_err(RedeemError::Locked)?;
    let wrong = RedeemError::WrongPassword { attempts_left: admitted.left_if_wrong.max(0) as usize };
    // Nothing was guessed: refused, not counted.
    let Some(counted) = admitted.guess else { return Err(wrong) };
    if run.verify(guess.hash, guess.given).await? {
        store.forget_guess(counted).await?;
        Ok(())
    } else {
        Err(wrong)
    }
}
