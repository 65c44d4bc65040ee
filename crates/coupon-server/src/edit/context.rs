//! The context the rules validate a request in, from the account and its catalog.

use coupon_rules::{Context, Coupon};

use crate::store::accounts::Account;
use crate::store::{Store, StoreError};

/// The account's rules context: today in its zone, its plan, webhook switch, groups and templates,
/// and the stored coupon an update applies to (`None` for create, and for the form's context).
pub async fn load(store: &Store, account: &Account, stored: Option<Coupon>) -> Result<Context, StoreError> {
    let catalog = store.catalog(account.id).await?;
    Ok(Context {
        today: account.today(),
        plan: account.plan,
        timezone: account.timezone.name().to_owned(),
        global_webhook: account.global_webhook,
        stored,
        groups: Some(catalog.groups.clone()),
        templates: Some(catalog.templates.clone()),
    })
}
