//! The second vendor's credentials: `vendor_id` and a digest of `vendor_auth_code`, per account.

use sqlx::SqliteExecutor;

use super::accounts::{Account, AccountRow};
use super::StoreError;
use crate::clock;

/// Stores credentials for an account: with `vendor_id` when given, else the next free one.
/// Returns the vendor id.
pub async fn insert(
    db: impl SqliteExecutor<'_>,
    account_id: i64,
    vendor_id: Option<i64>,
    auth_code_digest: &str,
) -> Result<i64, StoreError> {
    let id = sqlx::query_scalar(
        "INSERT INTO vendor_credentials (vendor_id, account_id, auth_code_sha256, created_at) \
         VALUES (?, ?, ?, ?) RETURNING vendor_id",
    )
    .bind(vendor_id)
    .bind(account_id)
    .bind(auth_code_digest)
    .bind(clock::now_rfc3339())
    .fetch_one(db)
    .await?;
    Ok(id)
}

/// The account these credentials (the auth code given by its SHA-256 digest) belong to.
pub async fn find_account(
    db: impl SqliteExecutor<'_>,
    vendor_id: i64,
    auth_code_digest: &str,
) -> Result<Option<Account>, StoreError> {
    let row: Option<AccountRow> = sqlx::query_as(
        "SELECT a.id, a.name, a.plan, a.timezone, a.global_webhook \
         FROM vendor_credentials v JOIN accounts a ON a.id = v.account_id \
         WHERE v.vendor_id = ? AND v.auth_code_sha256 = ?",
    )
    .bind(vendor_id)
    .bind(auth_code_digest)
    .fetch_optional(db)
    .await?;
    row.map(Account::try_from).transpose()
}
