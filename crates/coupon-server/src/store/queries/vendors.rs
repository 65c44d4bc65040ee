//! The second vendor's credentials: `vendor_id` and a digest of `vendor_auth_code`, per account.

use sqlx::Executor;

use super::Db;
use crate::clock;
use crate::store::accounts::{Account, AccountRow};
use crate::store::StoreError;

/// Stores credentials for an account: with `vendor_id` when given, else the next free one.
/// Returns the vendor id.
pub async fn insert(
    db: impl Executor<'_, Database = Db>,
    account_id: i64,
    vendor_id: Option<i64>,
    auth_code_digest: &str,
) -> Result<i64, StoreError> {
    let id = sqlx::query_scalar(
        "INSERT INTO vendor_credentials (vendor_id, account_id, auth_code_sha256, created_at) \
         VALUES (COALESCE($1, (SELECT COALESCE(MAX(vendor_id), 0) + 1 FROM vendor_credentials)), $2, $3, $4) \
         RETURNING vendor_id",
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
    db: impl Executor<'_, Database = Db>,
    vendor_id: i64,
    auth_code_digest: &str,
) -> Result<Option<Account>, StoreError> {
    let row: Option<AccountRow> = sqlx::query_as(
        "SELECT a.id, a.name, a.plan, a.timezone, a.global_webhook \
         FROM vendor_credentials v JOIN accounts a ON a.id = v.account_id \
         WHERE v.vendor_id = $1 AND v.auth_code_sha256 = $2",
    )
    .bind(vendor_id)
    .bind(auth_code_digest)
    .fetch_optional(db)
    .await?;
    row.map(Account::try_from).transpose()
}
