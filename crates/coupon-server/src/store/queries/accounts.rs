//! Accounts and their API keys.

use sqlx::Executor;

use super::Db;
use crate::clock;
use crate::store::accounts::{Account, AccountRow, NewAccount};
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

/// The account an API key (given by its SHA-256 digest) belongs to.
pub async fn find_by_key_digest(
    db: impl Executor<'_, Database = Db>,
    digest: &str,
) -> Result<Option<Account>, StoreError> {
    let sql = format!("{SELECT} JOIN api_keys k ON k.account_id = a.id WHERE k.key_sha256 = $1");
    let row: Option<AccountRow> = sqlx::query_as(&sql).bind(digest).fetch_optional(db).await?;
    row.map(Account::try_from).transpose()
}

/// Stores an API key's digest for an account.
pub async fn insert_key(db: impl Executor<'_, Database = Db>, account_id: i64, digest: &str) -> Result<(), StoreError> {
    sqlx::query("INSERT INTO api_keys (account_id, key_sha256, created_at) VALUES ($1, $2, $3)")
        .bind(account_id)
        .bind(digest)
        .bind(clock::now_rfc3339())
        .execute(db)
        .await?;
    Ok(())
}
