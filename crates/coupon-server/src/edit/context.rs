//! The context the rules validate a request in, from the account and the store.

use coupon_rules::{Context, Coupon};
use sqlx::SqlitePool;

use crate::store::accounts::Account;
use crate::store::{catalog, StoreError};

/// The account's rules context: today in its zone, its plan, webhook switch, groups and templates,
/// and the stored coupon an update applies to (`None` for create, and for the form's context).
pub async fn load(pool: &SqlitePool, account: &Account, stored: Option<Coupon>) -> Result<Context, StoreError> {
    Ok(Context {
        today: account.today(),
        plan: account.plan,
        timezone: account.timezone.name().to_owned(),
        global_webhook: account.global_webhook,
        stored,
        groups: Some(catalog::groups(pool, account.id).await?),
        templates: Some(catalog::templates(pool, account.id).await?),
    })
}
