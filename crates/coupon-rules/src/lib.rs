//! The coupon model and every rule of the coupon API, in one crate that compiles natively (for the
//! server) and to wasm (for the admin form and JavaScript callers).
//!
//! ```
//! use coupon_rules::{validate_update, Context, Plan, UpdateRequest, Ymd};
//!
//! let request: UpdateRequest = serde_json::from_str(r#"{"cpnNo":"ZJLF0399WQBEQZJM","endYmd":"2031-01-01"}"#).unwrap();
//! let context = Context::new(Ymd::parse("2026-11-21").unwrap(), Plan::Personal);
//! let report = validate_update(&request, &context);
//! assert_eq!(report.errors[0].code.as_str(), "date_beyond_limit");
//! ```

pub mod api_key;
pub mod display;
mod fields;
pub mod formats;
pub mod lang;
pub mod messages;
pub mod model;
pub mod paddle;
pub mod page_host;
mod raw;
pub mod report;
pub mod request;
mod suggest;
pub mod validate;
pub mod webhook;

#[cfg(feature = "js")]
pub mod js;

pub use api_key::{check_key_label, MAX_KEY_LABEL_LEN};
pub use display::discount_text;
pub use formats::code::{group_code, normalize_code};
pub use formats::color::contrast_ratio;
pub use formats::url::is_safe_link;
pub use lang::Lang;
pub use model::*;
pub use report::{ErrorCode, FieldError, ParamValue, Params, Report};
pub use request::{Field, UpdateRequest};
pub use validate::{
    is_valid_password, latest_end_date, validate, validate_code, validate_create, validate_update, validate_use_note,
    Mode,
};
pub use webhook::{
    is_webhook_secret, validate_group_webhook, validate_webhook_config, GroupWebhookRequest, WebhookConfigRequest,
};
