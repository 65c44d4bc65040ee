//! Public-view sources by code, so the coupon page's GET costs no database read.
//!
//! Every write of the running server goes through the writer, which invalidates the codes it
//! touched after committing and before answering. A reader fills the cache only if no invalidation
//! happened since it started reading: otherwise it might store what it read before a commit.
//! Entries are also forgotten after [`MAX_AGE`], so what changes outside the server (a group's
//! colours edited in the database) reaches the page within a second.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

use crate::views::PublicSource;

/// How many coupons are kept; beyond that the cache starts over (simple, and rare).
const CAPACITY: usize = 100_000;
/// How long an entry is served before it is read again.
pub const MAX_AGE: Duration = Duration::from_secs(1);

/// Cached public sources by coupon code; cheap to clone.
#[derive(Clone, Default)]
pub struct PublicCache {
    inner: Arc<Inner>,
}

#[derive(Default)]
struct Inner {
    generation: AtomicU64,
    entries: RwLock<HashMap<String, (Instant, Arc<PublicSource>)>>,
}

impl PublicCache {
    /// The cached source of a code.
    pub fn get(&self, cpn_no: &str) -> Option<Arc<PublicSource>> {
        let entries = self.inner.entries.read().unwrap_or_else(|e| e.into_inner());
        entries.get(cpn_no).filter(|(stored, _)| stored.elapsed() < MAX_AGE).map(|(_, source)| Arc::clone(source))
    }

    /// A marker to take before reading the database for [`PublicCache::fill`].
    pub fn generation(&self) -> u64 {
        self.inner.generation.load(Ordering::Acquire)
    }

    /// Stores what was read, unless something was invalidated since `generation` was taken.
    pub fn fill(&self, cpn_no: &str, source: Arc<PublicSource>, generation: u64) {
        let mut entries = self.inner.entries.write().unwrap_or_else(|e| e.into_inner());
        if self.inner.generation.load(Ordering::Acquire) != generation {
            return;
        }
        if entries.len() >= CAPACITY {
            entries.clear();
        }
        entries.insert(cpn_no.to_owned(), (Instant::now(), source));
    }

    /// Forgets these codes (after a commit that changed them).
    pub fn invalidate<'a>(&self, codes: impl IntoIterator<Item = &'a str>) {
        let mut entries = self.inner.entries.write().unwrap_or_else(|e| e.into_inner());
        self.inner.generation.fetch_add(1, Ordering::AcqRel);
        for code in codes {
            entries.remove(code);
        }
    }
}
