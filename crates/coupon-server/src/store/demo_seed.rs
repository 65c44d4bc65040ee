//! The demo's data as the store writes it (what it holds is decided in `crate::demo`).

use coupon_rules::{Coupon, Group, Template};

use super::accounts::NewAccount;

/// Everything `serve --demo` writes into an empty database, in one transaction.
#[derive(Debug, Clone)]
pub struct DemoSeed {
    /// The demo account.
    pub account: NewAccount,
    /// Its API key's digest.
    pub api_key_digest: String,
    /// Its vendor id in the second dialect.
    pub vendor_id: i64,
    /// Its vendor auth code's digest.
    pub vendor_auth_digest: String,
    /// Its groups.
    pub groups: Vec<Group>,
    /// Its templates.
    pub templates: Vec<Template>,
    /// Its coupons.
    pub coupons: Vec<DemoCoupon>,
}

/// One demo coupon.
#[derive(Debug, Clone)]
pub struct DemoCoupon {
    /// The coupon (its use count set when it has been used).
    pub coupon: Coupon,
    /// Its store password's hash.
    pub password_hash: Option<String>,
    /// When it was used, if it has been (one use is logged then).
    pub used_at: Option<String>,
}
