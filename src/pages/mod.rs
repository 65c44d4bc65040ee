//! Whole pages: they fetch, then hand data to the components.

mod coupon_page;

pub use coupon_page::CouponPage;
