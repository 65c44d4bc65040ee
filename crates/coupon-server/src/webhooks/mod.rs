//! Webhooks (issue 12): the account's settings and the worker that delivers the outbox's events.
//!
//! Events are written by the store in the transaction of the use or edit that causes them (see
//! `store::queries::webhooks`); this module only configures and sends.

pub mod address;
pub mod sign;
pub mod worker;

use coupon_rules::webhook::{WEBHOOK_SECRET_PREFIX, WEBHOOK_SECRET_RANDOM_LEN};
use rand::distr::{Alphanumeric, SampleString};

use crate::clock;
use crate::store::webhooks::{ConfigChange, WebhookConfig};
use crate::store::{Store, StoreError};
pub use worker::{WebhookSettings, Worker};

/// How long a rotated-out secret still signs.
pub const ROTATION_OVERLAP_MS: i64 = 24 * 60 * 60 * 1000;

/// A new signing secret: `whsec_` and 32 random letters or digits.
pub fn new_secret() -> String {
    format!("{WEBHOOK_SECRET_PREFIX}{}", Alphanumeric.sample_string(&mut rand::rng(), WEBHOOK_SECRET_RANDOM_LEN))
}

/// A config after a change, and its secret when it was just created (shown once).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Configured {
    /// The config now.
    pub config: WebhookConfig,
    /// The new secret, when the change created the config.
    pub new_secret: Option<String>,
}

/// Changes an account's URL and/or global switch (a config is created with a new secret the
/// first time).
pub async fn configure(
    store: &Store,
    account_id: i64,
    callback_url: Option<String>,
    enabled: Option<bool>,
) -> Result<Configured, StoreError> {
    let secret = new_secret();
    let change = ConfigChange { callback_url, enabled, new_secret: secret.clone() };
    let created = store.change_webhook_config(account_id, change).await?;
    let config = store
        .webhook_config(account_id)
        .await?
        .ok_or_else(|| StoreError::corrupt("webhook config (just written)", account_id.to_string()))?;
    Ok(Configured { config, new_secret: created.then_some(secret) })
}

/// Replaces an account's secret; the old one signs too for 24 hours. Returns the new secret
/// (shown once).
pub async fn rotate(store: &Store, account_id: i64) -> Result<String, StoreError> {
    let secret = new_secret();
    store.rotate_webhook_secret(account_id, secret.clone(), clock::now_millis() + ROTATION_OVERLAP_MS).await?;
    Ok(secret)
}
