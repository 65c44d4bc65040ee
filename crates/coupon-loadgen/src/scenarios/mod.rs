//! One module per scenario; each seeds what it needs, measures, checks, and returns table rows.
//! (`group_update` joins here with the group API.)

pub mod public_get;
pub mod update;
pub mod use_coupon;
