//! At most 5 wrong store passwords per coupon per 15 minutes.
//!
//! Guesses at one coupon's password are checked one at a time (each holds the coupon's lock while
//! argon2 runs), so a burst of concurrent guesses cannot slip past the count; guesses at different
//! coupons run in parallel. Counted in memory: the limit protects a short password against
//! guessing, and an attacker cannot restart the server.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use tokio::sync::{Mutex as AsyncMutex, OwnedMutexGuard};

/// Wrong passwords allowed per coupon within [`WINDOW`].
pub const MAX_WRONG: usize = 5;
/// The window wrong passwords are counted in.
pub const WINDOW: Duration = Duration::from_secs(15 * 60);

/// When each recent wrong password was given, oldest first.
#[derive(Debug, Default)]
struct Tries {
    wrong: Vec<Instant>,
}

impl Tries {
    fn forget_old(&mut self, now: Instant) {
        self.wrong.retain(|at| now.duration_since(*at) < WINDOW);
    }

    fn left(&self) -> usize {
        MAX_WRONG.saturating_sub(self.wrong.len())
    }
}

/// The wrong-password counts of every coupon; cheap to clone.
#[derive(Clone, Default)]
pub struct PasswordLimiter {
    coupons: Arc<Mutex<HashMap<i64, Arc<AsyncMutex<Tries>>>>>,
}

/// A password may not be tried now; try again after this long.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Locked {
    /// Until the oldest counted wrong password leaves the window.
    pub retry_after: Duration,
}

/// A guess being checked; the coupon's other guesses wait until it is settled or dropped.
#[must_use]
pub struct Attempt {
    limiter: PasswordLimiter,
    coupon_id: i64,
    tries: Option<OwnedMutexGuard<Tries>>,
}

impl PasswordLimiter {
    /// Waits for the coupon's turn, then starts a guess, unless too many were wrong lately.
    pub async fn begin(&self, coupon_id: i64) -> Result<Attempt, Locked> {
        let lock = {
            let mut coupons = self.coupons.lock().unwrap_or_else(|e| e.into_inner());
            Arc::clone(coupons.entry(coupon_id).or_default())
        };
        let mut tries = lock.lock_owned().await;
        let now = Instant::now();
        tries.forget_old(now);
        let attempt = Attempt { limiter: self.clone(), coupon_id, tries: Some(tries) };
        match attempt.tries.as_ref().and_then(|t| t.wrong.first().copied().filter(|_| t.left() == 0)) {
            Some(oldest) => Err(Locked {
                retry_after: WINDOW.saturating_sub(now.duration_since(oldest)).max(Duration::from_secs(1)),
            }),
            None => Ok(attempt),
        }
    }
}

impl Attempt {
    /// Wrong passwords still allowed, this guess not counted.
    pub fn left(&self) -> usize {
        self.tries.as_ref().map_or(0, |t| t.left())
    }

    /// The password was wrong: it counts. Returns how many wrong ones are left.
    pub fn wrong(mut self) -> usize {
        match self.tries.as_mut() {
            Some(tries) => {
                tries.wrong.push(Instant::now());
                tries.left()
            }
            None => 0,
        }
    }

    /// The password was right: the guess does not count.
    pub fn right(self) {}
}

impl Drop for Attempt {
    /// Releases the coupon's turn, and forgets a coupon with nothing left to count.
    fn drop(&mut self) {
        let Some(tries) = self.tries.take() else { return };
        let forget = tries.wrong.is_empty();
        let lock = OwnedMutexGuard::mutex(&tries).clone();
        drop(tries);
        if forget {
            let mut coupons = self.limiter.coupons.lock().unwrap_or_else(|e| e.into_inner());
            // Only when nobody else holds or waits for this coupon's lock (the map, and `lock`).
            if Arc::strong_count(&lock) == 2 {
                coupons.remove(&self.coupon_id);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn the_sixth_guess_is_refused_until_the_window_passes() {
        let limiter = PasswordLimiter::default();
        for left in (0..MAX_WRONG).rev() {
            assert_eq!(limiter.begin(7).await.expect("allowed").wrong(), left);
        }
        let locked = limiter.begin(7).await.err().expect("locked");
        assert!(locked.retry_after > WINDOW - Duration::from_secs(5), "{locked:?}");
        assert!(limiter.begin(8).await.is_ok(), "other coupons are not affected");
    }

    #[tokio::test]
    async fn right_passwords_do_not_count_and_guesses_take_turns() {
        let limiter = PasswordLimiter::default();
        limiter.begin(1).await.expect("allowed").right();
        let first = limiter.begin(1).await.expect("allowed");
        assert_eq!(first.left(), MAX_WRONG);
        let waiting = tokio::time::timeout(Duration::from_millis(50), limiter.begin(1)).await;
        assert!(waiting.is_err(), "a second guess waits for the first");
        first.right();
        assert!(limiter.begin(1).await.is_ok());
        assert!(limiter.coupons.lock().unwrap().is_empty(), "nothing left to remember");
    }
}
