//! The coupon page's components, one per file. The card and its parts render given data and never
//! fetch: the admin form's live preview reuses them.

mod card;
mod code;
mod discount;
mod qr;
mod shop_link;
mod states;
mod status_badge;
mod template_texts;
mod use_dialog;
mod used_stamp;
mod validity;

pub use card::CouponCard;
pub use code::CouponCode;
pub use discount::Discount;
pub use qr::QrCode;
pub use shop_link::ShopLink;
pub use states::{LoadingState, NetworkErrorState, NotFoundState};
pub use status_badge::StatusBadge;
pub use template_texts::TemplateTexts;
pub use use_dialog::UseDialog;
pub use used_stamp::UsedStamp;
pub use validity::Validity;
