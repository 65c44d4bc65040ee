//! Accounts (plan, time zone, global webhook switch) and their API keys.

use chrono_tz::Tz;
use coupon_rules::{Plan, Ymd};
use sqlx::SqliteExecutor;

use super::StoreError;
use crate::clock;

/// A customer account of the coupon service.
#[derive(Debug, Clone, PartialEq)]
pub struct Account {
    /// Its id.
    pub id: i64,
    /// Its display name.
    pub name: String,
    /// What it has paid for.
    pub plan: Plan,
    /// The zone its coupons' days are counted in.
    pub timezone: Tz,
    /// Whether its global webhook is on.
    pub global_webhook: bool,
}

impl Account {
    /// Today in the account's time zone.
    pub fn today(&self) -> Ymd {
        clock::today_in(self.timezone)
    }
}

/// What a new account is made of.
#[derive(Debug, Clone)]
pub struct NewAccount {
    /// Its display name.
    pub name: String,
    /// Its plan.
    pub plan: Plan,
    /// Its time zone.
    pub timezone: Tz,
    /// Whether its global webhook is on.
    pub global_webhook: bool,
}

/// An `accounts` row as read (`id, name, plan, timezone, global_webhook`).
#[derive(sqlx::FromRow)]
pub(super) struct AccountRow {
    id: i64,
    name: String,
    plan: String,
    timezone: String,
    global_webhook: bool,
}

impl TryFrom<AccountRow> for Account {
    type Error = StoreError;

    fn try_from(row: AccountRow) -> Result<Account, StoreError> {
        Ok(Account {
            id: row.id,
            plan: Plan::parse(&row.plan).ok_or_else(|| StoreError::corrupt("plan", &row.plan))?,
            timezone: row.timezone.parse().map_err(|_| StoreError::corrupt("timezone", &row.timezone))?,
            name: row.name,
            global_webhook: row.global_webhook,
        })
    }
}

/// Creates an account; returns its id.
pub async fn insert(db: impl SqliteExecutor<'_>, account: &NewAccount) -> Result<i64, StoreError> {
    let id = sqlx::query_scalar(
        "INSERT INTO accounts (name, plan, timezone, global_webhook, created_at) VALUES (?, ?, ?, ?, ?) RETURNING id",
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
pub async fn any(db: impl SqliteExecutor<'_>) -> Result<bool, StoreError> {
    let found: Option<i64> = sqlx::query_scalar("SELECT id FROM accounts LIMIT 1").fetch_optional(db).await?;
    Ok(found.is_some())
}

/// The account with this id.
pub async fn find(db: impl SqliteExecutor<'_>, id: i64) -> Result<Option<Account>, StoreError> {
    let row: Option<AccountRow> =
        sqlx::query_as("SELECT id, name, plan, timezone, global_webhook FROM accounts WHERE id = ?")
            .bind(id)
            .fetch_optional(db)
            .await?;
    row.map(Account::try_from).transpose()
}

/// The account an API key (given by its SHA-256 digest) belongs to.
pub async fn find_by_key_digest(db: impl SqliteExecutor<'_>, digest: &str) -> Result<Option<Account>, StoreError> {
    let row: Option<AccountRow> = sqlx::query_as(
        "SELECT a.id, a.name, a.plan, a.timezone, a.global_webhook \
         FROM api_keys k JOIN accounts a ON a.id = k.account_id WHERE k.key_sha256 = ?",
    )
    .bind(digest)
    .fetch_optional(db)
    .await?;
    row.map(Account::try_from).transpose()
}

/// Stores an API key's digest for an account.
pub async fn insert_key(db: impl SqliteExecutor<'_>, account_id: i64, digest: &str) -> Result<(), StoreError> {
    sqlx::query("INSERT INTO api_keys (account_id, key_sha256, created_at) VALUES (?, ?, ?)")
        .bind(account_id)
        .bind(digest)
        .bind(clock::now_rfc3339())
        .execute(db)
        .await?;
    Ok(())
}
