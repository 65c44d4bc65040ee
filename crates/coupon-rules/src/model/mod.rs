//! The coupon model: typed values, the stored coupon, its public view and the rules' context.

mod context;
mod coupon;
mod currency;
mod date;
mod discount_type;
mod plan;
mod public;
mod status;
mod update;
mod yes_no;

pub use context::{Context, Group, Template, TemplateContent};
pub use coupon::{Coupon, DEFAULT_BACKGROUND, DEFAULT_COLOR};
pub use currency::Currency;
pub use date::{DateError, Ymd};
pub use discount_type::DiscountType;
pub use plan::Plan;
pub use public::PublicCoupon;
pub use status::CouponStatus;
pub use update::PasswordChange;
pub use yes_no::YesNo;
