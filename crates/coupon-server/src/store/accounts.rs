//! Accounts (plan, time zone, global webhook switch) as the store reads them.

use std::sync::Arc;

use chrono_tz::Tz;
use coupon_rules::{Plan, Ymd};

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

/// The account of an API key, and which key it was.
#[derive(Debug, Clone, PartialEq)]
pub struct KeyHolder {
    /// The key's account.
    pub account: Arc<Account>,
    /// The key's row id.
    pub key_id: i64,
    /// The key's label.
    pub label: String,
}

/// An account's API key as listed (never the key itself, which is not stored).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, sqlx::FromRow)]
#[serde(rename_all = "camelCase")]
pub struct ApiKeyInfo {
    /// Its id (what revoking names).
    pub id: i64,
    /// Its label.
    pub label: String,
    /// When it was made (RFC 3339, UTC).
    pub created_at: String,
    /// When it was last used, to the minute; `null`: never.
    pub last_used_at: Option<String>,
    /// When it was revoked; `null`: it works.
    pub revoked_at: Option<String>,
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

/// An `accounts` row with the key that found it (`key_id`, `key_label`).
#[derive(sqlx::FromRow)]
pub(super) struct KeyRow {
    #[sqlx(flatten)]
    pub(super) account: AccountRow,
    pub(super) key_id: i64,
    pub(super) key_label: String,
}

impl TryFrom<KeyRow> for KeyHolder {
    type Error = StoreError;

    fn try_from(row: KeyRow) -> Result<KeyHolder, StoreError> {
        Ok(KeyHolder { account: Arc::new(Account::try_from(row.account)?), key_id: row.key_id, label: row.key_label })
    }
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
            timezone: parse_zone(&row.timezone)?,
            name: row.name,
            global_webhook: row.global_webhook,
        })
    }
}

/// A stored IANA zone name.
pub(super) fn parse_zone(name: &str) -> Result<Tz, StoreError> {
    name.parse().map_err(|_| StoreError::corrupt("timezone", name))
}
