//! The form's field groups, in the order an admin thinks of a coupon: one fieldset per file.

mod advanced;
mod appearance;
mod basics;
mod memo;
mod onsite;
mod recipient;
mod validity;

pub use advanced::AdvancedGroup;
pub use appearance::AppearanceGroup;
pub use basics::BasicsGroup;
pub use memo::MemoGroup;
pub use onsite::OnsiteGroup;
pub use recipient::RecipientGroup;
pub use validity::ValidityGroup;
