//! The group update screen: one change of the second vendor's dialect (new group, expiry, discount,
//! currency, allowed uses, products, recurring) applied to every coupon of a group through
//! `POST /api/coupon/v1/group-update`, all or nothing.
//!
//! On every keystroke the screen builds the request Apply would send and checks it with the server's
//! own rules: `validate_group_update` for the request, and `validate_paddle_change` for each coupon of
//! the group (from `GET list`). The preview says how many coupons change and names any the server
//! would refuse (a used coupon is locked, say).
//!
//! Layout: [`draft`] turns inputs into the request; [`verdict`] and [`findings`] are what the rules
//! say, per coupon and per field; [`state`] wires it reactively; [`load`] and [`apply`] talk to the
//! server; the rest are components, one per file.

pub mod apply;
mod apply_bar;
mod change_field;
mod changes;
mod coupon_list;
pub mod draft;
mod finding_list;
pub mod findings;
mod form;
mod group_picker;
mod ids;
pub mod load;
mod names;
mod outcome;
mod preview;
mod preview_summary;
mod refused_coupons;
mod screen;
pub mod state;
pub mod verdict;

pub use form::GroupUpdateForm;
pub use screen::GroupUpdateScreen;
pub use state::{ApplyStatus, CouponsLoad, GroupCoupons, GroupState};
