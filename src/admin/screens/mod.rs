//! The admin's screens before the form: signing in, and choosing a coupon to open or create.

mod open_coupon;
mod sign_in;

pub use open_coupon::{load as load_for_edit, OpenCoupon};
pub use sign_in::SignIn;
