//! A map whose entries are forgotten after a while.

use std::collections::HashMap;
use std::hash::Hash;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// Entries kept at most; beyond that the map starts over (simple, and rare).
const CAPACITY: usize = 10_000;

/// Values by key, each forgotten `ttl` after it was stored.
pub struct Expiring<K, V> {
    ttl: Duration,
    entries: Mutex<HashMap<K, (Instant, Arc<V>)>>,
}

impl<K: Eq + Hash, V> Expiring<K, V> {
    /// An empty map whose entries live for `ttl`.
    pub fn new(ttl: Duration) -> Expiring<K, V> {
        Expiring { ttl, entries: Mutex::new(HashMap::new()) }
    }

    /// The value of `key`, if stored less than `ttl` ago.
    pub fn get(&self, key: &K) -> Option<Arc<V>> {
        let entries = self.entries.lock().unwrap_or_else(|e| e.into_inner());
        entries.get(key).filter(|(stored, _)| stored.elapsed() < self.ttl).map(|(_, value)| Arc::clone(value))
    }

    /// Stores a value.
    pub fn insert(&self, key: K, value: Arc<V>) {
        self.insert_if(key, value, || true);
    }

    /// Stores a value if `still_valid()`, asked while no other change can happen: with a counter
    /// bumped before every [`Expiring::remove`], a value read before a removal is never stored after it.
    pub fn insert_if(&self, key: K, value: Arc<V>, still_valid: impl FnOnce() -> bool) {
        let mut entries = self.entries.lock().unwrap_or_else(|e| e.into_inner());
        if !still_valid() {
            return;
        }
        if entries.len() >= CAPACITY {
            entries.clear();
        }
        entries.insert(key, (Instant::now(), value));
    }

    /// Forgets a key's value.
    pub fn remove(&self, key: &K) {
        self.entries.lock().unwrap_or_else(|e| e.into_inner()).remove(key);
    }
}
