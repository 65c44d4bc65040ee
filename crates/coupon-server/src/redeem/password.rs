//! Store passwords: argon2id hashes (PHC strings), computed off the async threads, a bounded
//! number at a time.
//!
//! Each run takes 19 MiB and most of a core for a moment, and a blocking thread cannot be stopped
//! once it started: unbounded, a flood of guesses whose clients hang up at once would pile up runs
//! until memory runs out. So at most [`Passwords::max_runs`] run at once (about twice the cores);
//! beyond that a request is refused at once ([`PasswordError::Busy`], answered 1007 with
//! `Retry-After`). A run holds its permit until it ends, whatever became of its caller.

use std::sync::Arc;

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;
use tokio::sync::{OwnedSemaphorePermit, Semaphore};

/// Why a password could not be hashed or checked.
#[derive(Debug, thiserror::Error)]
pub enum PasswordError {
    /// As many argon2 runs as allowed are under way: try again in a moment.
    #[error("too many password checks at once")]
    Busy,
    /// argon2 refused (never expected with the default parameters).
    #[error("argon2 failed: {0}")]
    Argon2(String),
    /// The stored hash is not a PHC string.
    #[error("the stored password hash is malformed")]
    MalformedHash,
    /// The blocking task died.
    #[error("the hashing task failed: {0}")]
    Task(#[from] tokio::task::JoinError),
}

/// The server's argon2 runs, bounded; cheap to clone.
#[derive(Clone)]
pub struct Passwords {
    permits: Arc<Semaphore>,
    max_runs: usize,
}

impl Passwords {
    /// At most `max_runs` argon2 runs at once.
    pub fn new(max_runs: usize) -> Passwords {
        let max_runs = max_runs.max(1);
        Passwords { permits: Arc::new(Semaphore::new(max_runs)), max_runs }
    }

    /// Twice this machine's cores: enough to keep them busy, few enough to bound memory.
    pub fn for_this_machine() -> Passwords {
        return_large_blocks_to_the_os();
        Passwords::new(2 * std::thread::available_parallelism().map_or(2, |n| n.get()))
    }

    /// How many runs may happen at once.
    pub fn max_runs(&self) -> usize {
        self.max_runs
    }

    /// A run reserved now, or [`PasswordError::Busy`] when as many as allowed are under way.
    pub fn reserve(&self) -> Result<Reserved, PasswordError> {
        let permit = Arc::clone(&self.permits).try_acquire_owned().map_err(|_| PasswordError::Busy)?;
        Ok(Reserved { permit })
    }

    /// Hashes a new store password (see [`Reserved::hash`]), if a run is free.
    pub async fn hash(&self, password: String) -> Result<String, PasswordError> {
        self.reserve()?.hash(password).await
    }
}

/// Lowers the calling thread's CPU priority (nice 10), once per thread: argon2 runs then yield the
/// cores to requests that need no password (a flood of guesses must not slow the coupon page).
/// Linux keeps the nice value per thread; elsewhere, or if refused, nothing changes.
fn yield_to_requests() {
    thread_local! {
        static LOWERED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    }
    LOWERED.with(|lowered| {
        if !lowered.replace(true) {
            // SAFETY: setpriority only reads its arguments; `who` 0 is the calling thread on Linux.
            #[cfg(target_os = "linux")]
            unsafe {
                libc::setpriority(libc::PRIO_PROCESS, 0, 10);
            }
        }
    });
}

/// Makes glibc's malloc hand every block of 1 MiB or more back to the system when it is freed.
///
/// Why: each argon2 run allocates 19 MiB on whichever blocking thread it lands. glibc raises its
/// mmap threshold after the first such block is freed, so later ones come from its per-thread
/// arenas and stay there: a 300-second soak grew the server's RSS from 80 to 194 MiB with no leak.
/// A fixed threshold turns that off; an mmap and munmap per run cost far less than the run itself.
fn return_large_blocks_to_the_os() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        static ONCE: std::sync::Once = std::sync::Once::new();
        // SAFETY: mallopt only sets an allocator parameter; 1 MiB is within its allowed range.
        ONCE.call_once(|| unsafe {
            libc::mallopt(libc::M_MMAP_THRESHOLD, 1 << 20);
        });
    }
}

/// One argon2 run, reserved; its permit is released when the run ends.
pub struct Reserved {
    permit: OwnedSemaphorePermit,
}

impl Reserved {
    /// Hashes a new store password with argon2id (the crate's defaults: 19 MiB, 2 passes).
    pub async fn hash(self, password: String) -> Result<String, PasswordError> {
        let permit = self.permit;
        tokio::task::spawn_blocking(move || {
            let _permit = permit;
            yield_to_requests();
            // 16 bytes from the thread's CSPRNG, the salt length argon2 recommends.
            let salt = SaltString::encode_b64(&rand::random::<[u8; 16]>())
                .map_err(|e| PasswordError::Argon2(e.to_string()))?;
            Argon2::default()
                .hash_password(password.as_bytes(), &salt)
                .map(|hash| hash.to_string())
                .map_err(|e| PasswordError::Argon2(e.to_string()))
        })
        .await?
    }

    /// Whether `password` matches the stored hash. argon2 compares the digests in constant time.
    pub async fn verify(self, stored_hash: String, password: String) -> Result<bool, PasswordError> {
        let permit = self.permit;
        tokio::task::spawn_blocking(move || {
            let _permit = permit;
            yield_to_requests();
            let parsed = PasswordHash::new(&stored_hash).map_err(|_| PasswordError::MalformedHash)?;
            Ok(Argon2::default().verify_password(password.as_bytes(), &parsed).is_ok())
        })
        .await?
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn hashes_verify_and_runs_beyond_the_bound_are_refused() {
        let passwords = Passwords::new(1);
        let hash = passwords.hash("8642".into()).await.expect("hashed");
        assert!(passwords.reserve().unwrap().verify(hash.clone(), "8642".into()).await.unwrap());
        let held = passwords.reserve().expect("a run");
        assert!(matches!(passwords.reserve(), Err(PasswordError::Busy)));
        assert!(!held.verify(hash, "0000".into()).await.unwrap());
        assert!(passwords.reserve().is_ok(), "the run's end frees its permit");
    }
}
