//! The coupon page's components, one per file. The card and its parts render given data and never
//! fetch: the admin form's live preview reuses them. The card's parts are plain view functions of
//! the coupon: the card renders them again when its coupon changes.

mod card;
mod code;
mod discount;
mod live_mark;
mod qr;
mod shop_link;
mod states;
mod status_badge;
mod template_texts;
mod use_dialog;
mod used_stamp;
mod validity;

pub use card::CouponCard;
pub use code::{copy_to_clipboard, CouponCode};
pub use discount::discount;
pub use live_mark::LiveMark;
pub use qr::qr_code;
pub use shop_link::shop_link;
pub use states::{LoadingState, NetworkErrorState, NotFoundState};
pub use status_badge::status_badge;
pub use template_texts::template_texts;
pub use use_dialog::UseDialog;
pub use used_stamp::used_stamp;
pub use validity::validity;
