//! The admin part of the app at `/admin` (its own bundle, `src/bin/admin.rs`): sign in with an API
//! key, open or create a coupon, edit it in a form that `coupon-rules` checks on every keystroke,
//! with a live preview of the customer's card, and save through the update or create API.
//!
//! Layout: [`app`] switches between the [`screens`]; [`coupon_list`] is the home after sign-in;
//! [`history`] is a coupon's timeline beside the form; [`form`] is the edit form and its parts;
//! [`group_update`] is the screen that changes every coupon of a group at once;
//! [`draft`] is the form's state (what was typed, what it started from, the request and report);
//! [`api`] talks to the admin endpoints; [`session`] keeps the key for the tab; [`i18n`] has the
//! English and Korean texts.

pub mod api;
mod app;
pub mod coupon_list;
pub mod draft;
pub mod form;
pub mod group_update;
pub mod history;
pub mod i18n;
pub mod screens;
pub mod session;
pub mod webhooks;

pub use app::AdminApp;
pub use form::CouponForm;
pub use group_update::GroupUpdateForm;
