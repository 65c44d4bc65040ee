//! One module per scenario; each seeds what it needs, measures, checks, and returns table rows.

pub mod group_update;
pub mod public_get;
pub mod search;
pub mod soak;
pub mod update;
pub mod use_coupon;
pub mod webhooks;
