//! Per-process caches that spare the database a read per request, with what a write makes stale.
//!
//! Reads through `sqlx` hop to a connection's worker thread and back; on two cores those context
//! switches, not the query, are what a request costs. So what is read on every request and changes
//! rarely is kept here (moka): public views (SQLite only: its one server sees every write),
//! accounts and catalogs (groups and templates). Every entry also expires after [`TTL`], which
//! bounds how long a change made elsewhere (the CLI, another server, SQL by hand) can go unseen;
//! writes of this process forget what they touch before they are answered, and on PostgreSQL the
//! other servers are told through LISTEN/NOTIFY (see `postgres::listener`).

use std::future::Future;
use std::hash::Hash;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use moka::sync::Cache;

use super::accounts::{Account, KeyHolder};
use super::catalog::Catalog;
use crate::views::PublicSource;

/// How long any entry is kept.
pub const TTL: Duration = Duration::from_secs(1);
/// How often a process writes a key's last use at most.
pub const NOTE_KEY_USE_EVERY: Duration = Duration::from_secs(60);
/// Public views kept at most.
const PUBLIC_CAPACITY: u64 = 100_000;
/// Accounts (by each way of naming one) and catalogs kept at most.
const ACCOUNT_CAPACITY: u64 = 10_000;

/// How a request names an account.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum AccountKey {
    /// By the second vendor's id and auth code digest.
    Vendor(i64, String),
    /// By id.
    Id(i64),
}

/// What committed writes have changed, for the caches to forget.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Stale {
    /// Coupons, by code, whose public views go.
    pub codes: Vec<String>,
    /// Accounts whose groups or templates changed (their coupons' views go too).
    pub catalogs: Vec<i64>,
    /// Accounts or keys changed (plan, revoked key): every cached account goes.
    pub accounts: bool,
}

impl Stale {
    /// A write that changes one coupon.
    pub fn code(code: &str) -> Stale {
        Stale { codes: vec![code.to_owned()], ..Stale::default() }
    }

    /// A write that changes an account's groups or templates.
    pub fn catalog(account_id: i64) -> Stale {
        Stale { catalogs: vec![account_id], ..Stale::default() }
    }

    /// A write that changes accounts or their keys.
    pub fn accounts() -> Stale {
        Stale { accounts: true, ..Stale::default() }
    }

    /// Adds what another write makes stale.
    pub fn merge(&mut self, other: Stale) {
        self.codes.extend(other.codes);
        self.catalogs.extend(other.catalogs);
        self.accounts |= other.accounts;
    }

    /// Whether nothing is stale.
    pub fn is_empty(&self) -> bool {
        self.codes.is_empty() && self.catalogs.is_empty() && !self.accounts
    }
}

/// Every cache of a store.
pub struct Caches {
    public: Guarded<String, Arc<PublicSource>>,
    accounts: Guarded<AccountKey, Arc<Account>>,
    keys: Guarded<String, Arc<KeyHolder>>,
    /// Keys whose last use this process wrote lately.
    noted_keys: Cache<i64, ()>,
    catalogs: Guarded<i64, Arc<Catalog>>,
}

impl Default for Caches {
    fn default() -> Caches {
        Caches {
            public: Guarded::new(PUBLIC_CAPACITY),
            accounts: Guarded::new(ACCOUNT_CAPACITY),
            keys: Guarded::new(ACCOUNT_CAPACITY),
            noted_keys: Cache::builder().max_capacity(ACCOUNT_CAPACITY).time_to_live(NOTE_KEY_USE_EVERY).build(),
            catalogs: Guarded::new(ACCOUNT_CAPACITY),
        }
    }
}

impl Caches {
    /// The public source of a code, read with `load` when not cached.
    pub async fn public<E>(
        &self,
        code: &str,
        load: impl Future<Output = Result<Option<PublicSource>, E>>,
    ) -> Result<Option<Arc<PublicSource>>, E> {
        self.public.read_through(code.to_owned(), async { Ok(load.await?.map(Arc::new)) }).await
    }

    /// An account, read with `load` when not cached (an unknown one is never cached: a key made
    /// by `create-key` works at once).
    pub async fn account<E>(
        &self,
        key: AccountKey,
        load: impl Future<Output = Result<Option<Account>, E>>,
    ) -> Result<Option<Arc<Account>>, E> {
        self.accounts.read_through(key, async { Ok(load.await?.map(Arc::new)) }).await
    }

    /// The holder of an API key (by digest), read with `load` when not cached (an unknown or
    /// revoked key is never cached).
    pub async fn key<E>(
        &self,
        digest: &str,
        load: impl Future<Output = Result<Option<KeyHolder>, E>>,
    ) -> Result<Option<Arc<KeyHolder>>, E> {
        self.keys.read_through(digest.to_owned(), async { Ok(load.await?.map(Arc::new)) }).await
    }

    /// Whether a use of key `key_id` is to be written now: not when this process wrote one in the
    /// last [`NOTE_KEY_USE_EVERY`].
    pub fn note_key_use(&self, key_id: i64) -> bool {
        let entry = self.noted_keys.entry(key_id).or_insert(());
        entry.is_fresh()
    }

    /// An account's groups and templates, read with `load` when not cached.
    pub async fn catalog<E>(
        &self,
        account_id: i64,
        load: impl Future<Output = Result<Catalog, E>>,
    ) -> Result<Arc<Catalog>, E> {
        let found = self.catalogs.read_through(account_id, async { Ok(Some(Arc::new(load.await?))) }).await?;
        Ok(found.unwrap_or_default())
    }

    /// Forgets what committed writes made stale.
    pub fn forget(&self, stale: &Stale) {
        if stale.is_empty() {
            return;
        }
        self.public.invalidate(&stale.codes);
        if !stale.catalogs.is_empty() {
            self.catalogs.invalidate(&stale.catalogs);
            // A group's colours and a template's texts are part of its coupons' views.
            self.public.invalidate_all();
        }
        if stale.accounts {
            self.accounts.invalidate_all();
            self.keys.invalidate_all();
        }
    }

    /// Forgets everything (after changes may have gone unseen, e.g. a lost notification channel).
    pub fn forget_all(&self) {
        self.public.invalidate_all();
        self.accounts.invalidate_all();
        self.keys.invalidate_all();
        self.catalogs.invalidate_all();
    }
}

/// A cache that never keeps what was read before a write it has been told of.
///
/// A reader takes the generation before it reads the database and stores what it read only if no
/// invalidation happened since; the check and the store, and the bump and the removal, each happen
/// under one lock, so a value read before a commit can never be stored after that commit's
/// invalidation.
struct Guarded<K, V> {
    cache: Cache<K, V>,
    generation: AtomicU64,
    gate: Mutex<()>,
}

impl<K, V> Guarded<K, V>
where
    K: Hash + Eq + Send + Sync + 'static,
    V: Clone + Send + Sync + 'static,
{
    fn new(capacity: u64) -> Guarded<K, V> {
        let cache = Cache::builder().max_capacity(capacity).time_to_live(TTL).build();
        Guarded { cache, generation: AtomicU64::new(0), gate: Mutex::new(()) }
    }

    async fn read_through<E>(&self, key: K, load: impl Future<Output = Result<Option<V>, E>>) -> Result<Option<V>, E> {
        if let Some(value) = self.cache.get(&key) {
            return Ok(Some(value));
        }
        let generation = self.generation.load(Ordering::Acquire);
        let Some(value) = load.await? else { return Ok(None) };
        let _gate = self.gate.lock().unwrap_or_else(|e| e.into_inner());
        if self.generation.load(Ordering::Acquire) == generation {
            self.cache.insert(key, value.clone());
        }
        Ok(Some(value))
    }

    fn invalidate<'a, Q>(&self, keys: impl IntoIterator<Item = &'a Q>)
    where
        K: std::borrow::Borrow<Q>,
        Q: Hash + Eq + ?Sized + 'a,
    {
        let _gate = self.gate.lock().unwrap_or_else(|e| e.into_inner());
        self.generation.fetch_add(1, Ordering::AcqRel);
        for key in keys {
            self.cache.invalidate(key);
        }
    }

    fn invalidate_all(&self) {
        let _gate = self.gate.lock().unwrap_or_else(|e| e.into_inner());
        self.generation.fetch_add(1, Ordering::AcqRel);
        self.cache.invalidate_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_value_read_before_an_invalidation_is_not_kept() {
        let cache: Guarded<String, u32> = Guarded::new(10);
        let key = "A".to_owned();
        let read = cache.read_through(key.clone(), async {
            // A commit lands while this read is under way.
            cache.invalidate([&key]);
            Ok::<_, ()>(Some(1))
        });
        assert_eq!(read.await, Ok(Some(1)));
        assert_eq!(cache.cache.get(&key), None, "the stale value was not stored");
        let again = cache.read_through(key.clone(), async { Ok::<_, ()>(Some(2)) }).await;
        assert_eq!(again, Ok(Some(2)));
        assert_eq!(cache.cache.get(&key), Some(2));
    }

    #[tokio::test]
    async fn unknown_values_are_not_cached() {
        let cache: Guarded<i64, u32> = Guarded::new(10);
        assert_eq!(cache.read_through(1, async { Ok::<_, ()>(None) }).await, Ok(None));
        assert_eq!(cache.read_through(1, async { Ok::<_, ()>(Some(5)) }).await, Ok(Some(5)));
    }
}
