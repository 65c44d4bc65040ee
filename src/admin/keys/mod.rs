//! The API keys screen: the account's keys by label (never the keys themselves), a new key shown
//! once, and revoking one. One component per file; the calls are in `admin::api::keys`.

mod create_form;
mod key_list;
mod key_row;
mod new_key;
mod revoke_confirm;
mod screen;

pub use create_form::CreateKeyForm;
pub use key_list::KeyList;
pub use new_key::NewKeyPanel;
pub use screen::KeysScreen;
