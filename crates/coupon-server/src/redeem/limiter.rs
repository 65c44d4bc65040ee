//! At most 5 wrong store passwords per coupon per 15 minutes.
//!
//! Counted in memory: the limit protects a 4-digit password against guessing, and an attacker
//! cannot restart the server. A guess in flight holds a slot, so a burst of concurrent guesses
//! cannot get more than 5 past the limit.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// Wrong passwords allowed per coupon within [`WINDOW`].
pub const MAX_WRONG: usize = 5;
/// The window wrong passwords are counted in.
pub const WINDOW: Duration = Duration::from_secs(15 * 60);

#[derive(Default)]
struct Tries {
    /// When each recent wrong password was given, oldest first.
    wrong: Vec<Instant>,
    /// Guesses being checked right now.
    in_flight: usize,
}

impl Tries {
    fn forget_old(&mut self, now: Instant) {
        self.wrong.retain(|at| now.duration_since(*at) < WINDOW);
    }
}

/// The wrong-password counts of every coupon; cheap to clone.
#[derive(Clone, Default)]
pub struct PasswordLimiter {
    tries: Arc<Mutex<HashMap<i64, Tries>>>,
}

/// A password may not be tried now; try again after this long.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Locked {
    /// Until the oldest counted wrong password leaves the window.
    pub retry_after: Duration,
}

/// A guess in flight: report its result with [`Attempt::wrong`] or [`Attempt::right`].
#[must_use]
pub struct Attempt {
    limiter: PasswordLimiter,
    coupon_id: i64,
    settled: bool,
}

impl PasswordLimiter {
    fn with_tries<T>(&self, coupon_id: i64, f: impl FnOnce(&mut Tries) -> T) -> T {
        let mut all = self.tries.lock().unwrap_or_else(|e| e.into_inner());
        let tries = all.entry(coupon_id).or_default();
        let result = f(tries);
        if tries.wrong.is_empty() && tries.in_flight == 0 {
            all.remove(&coupon_id);
        }
        result
    }

    /// Starts a guess at a coupon's password, unless too many were wrong lately.
    pub fn begin(&self, coupon_id: i64) -> Result<Attempt, Locked> {
        let now = Instant::now();
        self.with_tries(coupon_id, |tries| {
            tries.forget_old(now);
            if tries.wrong.len() + tries.in_flight >= MAX_WRONG {
                let oldest = tries.wrong.first().copied().unwrap_or(now);
                let retry_after = WINDOW.saturating_sub(now.duration_since(oldest)).max(Duration::from_secs(1));
                return Err(Locked { retry_after });
            }
            tries.in_flight += 1;
            Ok(())
        })?;
        Ok(Attempt { limiter: self.clone(), coupon_id, settled: false })
    }

    /// How many more wrong passwords this coupon may get now.
    pub fn attempts_left(&self, coupon_id: i64) -> usize {
        let now = Instant::now();
        self.with_tries(coupon_id, |tries| {
            tries.forget_old(now);
            MAX_WRONG.saturating_sub(tries.wrong.len() + tries.in_flight)
        })
    }
}

impl Attempt {
    /// The password was wrong: it counts. Returns how many wrong ones are left.
    pub fn wrong(mut self) -> usize {
        self.settled = true;
        let now = Instant::now();
        self.limiter.with_tries(self.coupon_id, |tries| {
            tries.in_flight -= 1;
            tries.wrong.push(now);
            MAX_WRONG.saturating_sub(tries.wrong.len() + tries.in_flight)
        })
    }

    /// The password was right: the guess does not count.
    pub fn right(self) {}
}

impl Drop for Attempt {
    fn drop(&mut self) {
        if !self.settled {
            self.limiter.with_tries(self.coupon_id, |tries| tries.in_flight -= 1);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sixth_guess_is_refused_until_the_window_passes() {
        let limiter = PasswordLimiter::default();
        for left in (0..MAX_WRONG).rev() {
            assert_eq!(limiter.begin(7).expect("allowed").wrong(), left);
        }
        let locked = limiter.begin(7).err().expect("locked");
        assert!(locked.retry_after > WINDOW - Duration::from_secs(5), "{locked:?}");
        assert!(limiter.begin(8).is_ok(), "other coupons are not affected");
    }

    #[test]
    fn right_passwords_and_guesses_in_flight_do_not_count_once_settled() {
        let limiter = PasswordLimiter::default();
        limiter.begin(1).expect("allowed").right();
        assert_eq!(limiter.attempts_left(1), MAX_WRONG);
        let in_flight: Vec<_> = (0..MAX_WRONG).map(|_| limiter.begin(1).expect("allowed")).collect();
        assert!(limiter.begin(1).is_err(), "guesses in flight hold their slots");
        drop(in_flight);
        assert_eq!(limiter.attempts_left(1), MAX_WRONG);
    }
}
