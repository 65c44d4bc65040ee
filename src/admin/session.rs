//! The admin's API key, kept in `sessionStorage`: it lives as long as the tab, is never written to
//! the address, and is gone after sign-out.

use std::fmt;

/// The `sessionStorage` entry holding the key.
const STORAGE_KEY: &str = "coupon-admin.api-key";

/// An API key, sent as `Authorization: APIKey {key}`. Its `Debug` hides the secret.
#[derive(Clone, PartialEq, Eq)]
pub struct ApiKey(String);

impl ApiKey {
    /// A key as typed, without surrounding spaces; `None` when nothing is left.
    pub fn new(typed: &str) -> Option<ApiKey> {
        let key = typed.trim();
        (!key.is_empty()).then(|| ApiKey(key.to_owned()))
    }

    /// The `Authorization` header's value.
    pub fn header_value(&self) -> String {
        format!("APIKey {}", self.0)
    }
}

impl fmt::Debug for ApiKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("ApiKey(…)")
    }
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}

/// The key this tab signed in with, if any.
pub fn stored_key() -> Option<ApiKey> {
    storage()?.get_item(STORAGE_KEY).ok().flatten().as_deref().and_then(ApiKey::new)
}

/// Keeps the key for the rest of the tab's life. Private browsing may refuse storage: then the key
/// lives only in memory and a reload asks for it again, which is the safe side.
pub fn remember(key: &ApiKey) {
    if let Some(storage) = storage() {
        let _ = storage.set_item(STORAGE_KEY, &key.0);
    }
}

/// Forgets the key (sign-out).
pub fn forget() {
    if let Some(storage) = storage() {
        let _ = storage.remove_item(STORAGE_KEY);
    }
}
