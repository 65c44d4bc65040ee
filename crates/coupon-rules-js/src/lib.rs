//! The JavaScript package of `coupon-rules`: this crate only links the rules' wasm-bindgen exports
//! (`validateCouponUpdate`, `validateCouponCreate`, `validatePaddleUpdate`, `latestEndDate`,
//! `normalizeCouponCode`) into a `cdylib`, which `cargo xtask js-package` turns into an ES module with
//! TypeScript types. The rules crate itself stays a plain library.

pub use coupon_rules::js::*;
