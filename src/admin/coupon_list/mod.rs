//! The admin's home after sign-in: opening by code or creating (the [`OpenCoupon`] form), then the
//! account's coupons found by search, filtered by status and group, sorted by a column and paged
//! with "Load more"; a row opens its coupon in the form.
//!
//! [`screen`] holds the state and the requests; [`filters`], [`table`], [`sort_header`] and [`row`]
//! show it.
//!
//! [`OpenCoupon`]: crate::admin::screens::OpenCoupon

mod filters;
mod row;
mod screen;
mod sort_header;
mod status;
mod table;

pub use screen::CouponListScreen;
