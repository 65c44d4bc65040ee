//! Checks of single values' formats, with no knowledge of the coupon.

pub mod code;
pub mod color;
pub mod email;
pub mod host;
pub mod phone;
pub mod text;
pub mod url;
