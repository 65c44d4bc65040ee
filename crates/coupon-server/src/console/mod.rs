//! The admin console's services: finding coupons, their history, undoing uses, API keys.

pub mod history;
pub mod keys;
pub mod search;
pub mod undo;
