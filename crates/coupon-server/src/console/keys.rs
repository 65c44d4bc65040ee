//! Named API keys: listed, made (shown once) and revoked by the account's admin; each key's last
//! use noted at most about once a minute per server.

use crate::keys;
use crate::store::accounts::ApiKeyInfo;
use crate::store::{Store, StoreError};

/// Notes a use of key `key_id` in the background, unless this server did so in the last minute:
/// a request never waits on it, and a failure only leaves "last used" older.
pub fn note_use(store: &Store, key_id: i64) {
    if !store.due_key_use(key_id) {
        return;
    }
    let store = store.clone();
    tokio::spawn(async move {
        if let Err(error) = store.touch_api_key(key_id).await {
            tracing::warn!(%error, key_id, "noting a key's use failed");
        }
    });
}

/// A key just made: the only time the key itself is seen.
#[derive(Debug, Clone, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct NewKey {
    /// Its id.
    pub id: i64,
    /// Its label.
    pub label: String,
    /// The key (shown once; stored as a digest).
    pub key: String,
}

/// The account's keys, oldest first (never the keys themselves).
pub async fn list(store: &Store, account_id: i64) -> Result<Vec<ApiKeyInfo>, StoreError> {
    store.api_keys(account_id).await
}

/// Makes a key with this label for the account.
pub async fn create(store: &Store, account_id: i64, label: String) -> Result<NewKey, StoreError> {
    let key = keys::new_key();
    let id = store.add_api_key(account_id, keys::digest(&key), label.clone()).await?;
    Ok(NewKey { id, label, key })
}

/// Revokes one of the account's keys at once; returns whether the account has it.
pub async fn revoke(store: &Store, account_id: i64, key_id: i64) -> Result<bool, StoreError> {
    store.revoke_api_key(account_id, key_id).await
}
