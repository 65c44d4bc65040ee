//! Accounts and their API keys.

use sqlx::Executor;

use super::Db;
use crate::clock;
use crate::store::accounts::{Account, AccountRow, ApiKeyInfo, KeyHolder, KeyRow, NewAccount};
use crate::store::StoreError;

const SELECT: &str = "SELECT a.id, a.name, a.plan, a.timezone, a.global_webhook FROM accounts a";

/// Creates an account; returns its id.
pub async fn insert(db: impl Executor<'_, Database = Db>, account: &NewAccount) -> Result<i64, StoreError> {
    let id = sqlx::query_scalar(
        "INSERT INTO accounts (name, plan, timezone, global_webhook, created_at) VALUES ($1, $2, $3, $4, $5) \
         RETURNING id",
    )
    .bind(&account.name)
    .bind(account.plan.as_str())
    .bind(account.timezone.name())
    .bind(account.global_webhook)
    .bind(clock::now_rfc3339())
    .fetch_one(db)
    .await?;
    Ok(id)
}

/// Whether the database holds any account (the demo is seeded only into an empty one).
pub async fn any(db: impl Executor<'_, Database = Db>) -> Result<bool, StoreError> {
    let found: Option<i64> = sqlx::query_scalar("SELECT id FROM accounts LIMIT 1").fetch_optional(db).await?;
    Ok(found.is_some())
}

/// The account with this id.
pub async fn find(db: impl Executor<'_, Database = Db>, id: i64) -> Result<Option<Account>, StoreError> {
    let row: Option<AccountRow> =
        sqlx::query_as(&format!("{SELECT} WHERE a.id = $1")).bind(id).fetch_optional(db).await?;
    row.map(Account::try_from).transpose()
}

/// The account an API key (given by its SHA-256 digest) belongs to, with the key; a revoked key
/// finds nothing.
pub async fn find_by_key_digest(
    db: impl Executor<'_, Database = Db>,
    digest: &str,
) -> Result<Option<KeyHolder>, StoreError> {
    let sql = "SELECT a.id, a.name, a.plan, a.timezone, a.global_webhook, k.id AS key_id, k.label AS key_label \
               FROM accounts a JOIN api_keys k ON k.account_id = a.id \
               WHERE k.key_sha256 = $1 AND k.revoked_at IS NULL";
    let row: Option<KeyRow> = sqlx::query_as(sql).bind(digest).fetch_optional(db).await?;
    row.map(KeyHolder::try_from).transpose()
}

/// Stores an API key's digest for an account, with a label; returns the key's id.
pub async fn insert_key(
    db: impl Executor<'_, Database = Db>,
    account_id: i64,
    digest: &str,
    label: &str,
) -> Result<i64, StoreError> {
    let id = sqlx::query_scalar(
        "INSERT INTO api_keys (account_id, key_sha256, label, created_at) VALUES ($1, $2, $3, $4) RETURNING id",
    )
    .bind(account_id)
    .bind(digest)
    .bind(label)
    .bind(clock::now_rfc3339())
    .fetch_one(db)
    .await?;
    Ok(id)
}

/// An account's API keys, oldest first.
pub async fn keys(db: impl Executor<'_, Database = Db>, account_id: i64) -> Result<Vec<ApiKeyInfo>, StoreError> {
    let keys = sqlx::query_as(
        "SELECT id, label, created_at, last_used_at, revoked_at FROM api_keys WHERE account_id = $1 ORDER BY id",
    )
    .bind(account_id)
    .fetch_all(db)
    .await?;
    Ok(keys)
}

/// Revokes one of an account's keys (at once: it finds no account from now on); returns whether
/// the account has that key (revoking a revoked key again changes nothing).
pub async fn revoke_key(
    db: impl Executor<'_, Database = Db>,
    account_id: i64,
    key_id: i64,
) -> Result<bool, StoreError> {
    let found: Option<i64> = sqlx::query_scalar(
        "UPDATE api_keys SET revoked_at = COALESCE(revoked_at, $1) WHERE id = $2 AND account_id = $3 RETURNING id",
    )
    .bind(clock::now_rfc3339())
    .bind(key_id)
    .bind(account_id)
    .fetch_optional(db)
    .await?;
    Ok(found.is_some())
}

/// Notes that a key was used now.
pub async fn touch_key(db: impl Executor<'_, Database = Db>, key_id: i64) -> Result<(), StoreError> {
    sqlx::query("UPDATE api_keys SET last_used_at = $1 WHERE id = $2")
        .bind(clock::now_rfc3339())
        .bind(key_id)
        .execute(db)
        .await?;
    Ok(())
}
