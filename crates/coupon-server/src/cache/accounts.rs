//! Accounts (by API key, by the second vendor's credentials and by id), kept for [`TTL`], and
//! their groups and templates, kept for [`CATALOG_TTL`] (or until the writer changes them).
//!
//! Accounts change only through the CLI (another process), so a short lifetime bounds how stale
//! they can be. An unknown key is never cached: a key made by `create-key` works at once. Groups and
//! templates are checked by every write, so a change made outside the server (a dashboard, SQL) must
//! be seen quickly: they are kept for a second only.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;

use coupon_rules::{Group, Template};
use sqlx::SqlitePool;

use super::expiring::Expiring;
use crate::store::accounts::{self, Account};
use crate::store::{catalog, vendors, StoreError};

/// How long an account is kept.
pub const TTL: Duration = Duration::from_secs(30);
/// How long an account's groups and templates are kept.
pub const CATALOG_TTL: Duration = Duration::from_secs(1);

/// An account's groups and templates.
#[derive(Debug, Clone, PartialEq)]
pub struct Catalog {
    /// Its groups, by index.
    pub groups: Vec<Group>,
    /// Its templates, by index.
    pub templates: Vec<Template>,
}

/// Accounts and catalogs, read through from the database.
pub struct AccountCache {
    by_key: Expiring<String, Account>,
    by_id: Expiring<i64, Account>,
    /// By vendor id and auth code digest (the second vendor's credentials).
    by_vendor: Expiring<(i64, String), Account>,
    catalogs: Expiring<i64, Catalog>,
    /// Bumped by every [`AccountCache::forget_catalog`]: a catalog read before it is not kept.
    catalog_generation: AtomicU64,
}

impl Default for AccountCache {
    fn default() -> Self {
        AccountCache {
            by_key: Expiring::new(TTL),
            by_id: Expiring::new(TTL),
            by_vendor: Expiring::new(TTL),
            catalogs: Expiring::new(CATALOG_TTL),
            catalog_generation: AtomicU64::new(0),
        }
    }
}

impl AccountCache {
    /// The account of the API key with this digest.
    pub async fn by_key(&self, pool: &SqlitePool, digest: &str) -> Result<Option<Arc<Account>>, StoreError> {
        if let Some(account) = self.by_key.get(&digest.to_owned()) {
            return Ok(Some(account));
        }
        let Some(account) = accounts::find_by_key_digest(pool, digest).await?.map(Arc::new) else {
            return Ok(None);
        };
        self.by_key.insert(digest.to_owned(), Arc::clone(&account));
        Ok(Some(account))
    }

    /// The account of the second vendor's credentials: a vendor id and its auth code's digest.
    /// Unknown credentials are never cached.
    pub async fn by_vendor(
        &self,
        pool: &SqlitePool,
        vendor_id: i64,
        digest: &str,
    ) -> Result<Option<Arc<Account>>, StoreError> {
        let key = (vendor_id, digest.to_owned());
        if let Some(account) = self.by_vendor.get(&key) {
            return Ok(Some(account));
        }
        let Some(account) = vendors::find_account(pool, vendor_id, digest).await?.map(Arc::new) else {
            return Ok(None);
        };
        self.by_vendor.insert(key, Arc::clone(&account));
        Ok(Some(account))
    }

    /// The account with this id.
    pub async fn by_id(&self, pool: &SqlitePool, id: i64) -> Result<Option<Arc<Account>>, StoreError> {
        if let Some(account) = self.by_id.get(&id) {
            return Ok(Some(account));
        }
        let Some(account) = accounts::find(pool, id).await?.map(Arc::new) else {
            return Ok(None);
        };
        self.by_id.insert(id, Arc::clone(&account));
        Ok(Some(account))
    }

    /// The account's groups and templates.
    pub async fn catalog(&self, pool: &SqlitePool, account_id: i64) -> Result<Arc<Catalog>, StoreError> {
        if let Some(catalog) = self.catalogs.get(&account_id) {
            return Ok(catalog);
        }
        let generation = self.catalog_generation.load(Ordering::Acquire);
        let groups = catalog::groups(pool, account_id).await?;
        let templates = catalog::templates(pool, account_id).await?;
        let catalog = Arc::new(Catalog { groups, templates });
        let unchanged = || self.catalog_generation.load(Ordering::Acquire) == generation;
        self.catalogs.insert_if(account_id, Arc::clone(&catalog), unchanged);
        Ok(catalog)
    }

    /// Forgets an account's groups and templates (after a commit that changed them).
    pub fn forget_catalog(&self, account_id: i64) {
        self.catalog_generation.fetch_add(1, Ordering::AcqRel);
        self.catalogs.remove(&account_id);
    }
}
