//! The second vendor's dialect (seed `002_…`): `POST /2.1/product/update_coupon`, which updates one
//! coupon by code or every coupon of a group. The fields it shares with the first dialect (discount
//! amount, currency, end date) go through the first dialect's rules, so both always agree.

mod apply;
mod change;
mod request;
mod rules;
mod translate;

pub use apply::PaddleChanges;
pub use change::{validate_paddle_change, PaddleCouponCheck};
pub use request::{PaddleField, PaddleRequest};
pub use rules::{
    parse_product_ids, validate_group_update, validate_paddle_body, validate_paddle_credentials,
    validate_paddle_request, ProductIdsError, MAX_PRODUCT_ID, MAX_PRODUCT_IDS, NOT_IN_GROUP_UPDATE, PADDLE_CODE_LEN,
    PADDLE_CURRENCIES, PADDLE_GROUP_LEN,
};
