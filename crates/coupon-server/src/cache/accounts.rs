//! Accounts (by API key and by id), kept for [`TTL`], and their groups and templates, kept for
//! [`CATALOG_TTL`].
//!
//! Accounts change only through the CLI (another process), so a short lifetime bounds how stale
//! they can be. An unknown key is never cached: a key made by `create-key` works at once. Groups and
//! templates are checked by every write, so a change made outside the server (a dashboard, SQL) must
//! be seen quickly: they are kept for a second only.

use std::sync::Arc;
use std::time::Duration;

use coupon_rules::{Group, Template};
use sqlx::SqlitePool;

use super::expiring::Expiring;
use crate::store::accounts::{self, Account};
use crate::store::{catalog, StoreError};

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
    catalogs: Expiring<i64, Catalog>,
}

impl Default for AccountCache {
    fn default() -> Self {
        AccountCache { by_key: Expiring::new(TTL), by_id: Expiring::new(TTL), catalogs: Expiring::new(CATALOG_TTL) }
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
        let groups = catalog::groups(pool, account_id).await?;
        let templates = catalog::templates(pool, account_id).await?;
        let catalog = Arc::new(Catalog { groups, templates });
        self.catalogs.insert(account_id, Arc::clone(&catalog));
        Ok(catalog)
    }
}
