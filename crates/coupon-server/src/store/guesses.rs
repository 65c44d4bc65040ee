//! Store passwords guessed: the limits a guess is admitted under, and what admitting it says.

use std::time::Duration;

/// How many guesses may be counted at once, and for how long each counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GuessLimits {
    /// Guesses counted per coupon.
    pub per_coupon: i64,
    /// Guesses counted per account, over all its coupons (one store password may open many).
    pub per_account: i64,
    /// How long a guess counts.
    pub window: Duration,
}

/// A guess at a password may not be made now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Locked {
    /// Until the oldest counted guess leaves the window.
    pub retry_after: Duration,
}

/// A guess the store has admitted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Admitted {
    /// The counted guess, to forget if the password was right (`None`: not counted, nothing was
    /// guessed).
    pub guess: Option<GuessId>,
    /// Guesses still allowed if this one is wrong.
    pub left_if_wrong: i64,
}

/// A guess counted in the store.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GuessId(pub(super) i64);
