//! The account's API keys: the list (`GET keys`, never a key itself), a new key (`POST keys`, the
//! only answer that carries the key) and revoking one (`POST keys/revoke`).

use gloo_net::http::Request;
use serde::{Deserialize, Serialize};

use super::{envelope, send_for_text, AdminApiError, BASE};
use crate::admin::session::ApiKey;

/// One key of the account as the list shows it.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct KeyInfo {
    /// What revoking names.
    pub id: i64,
    /// The name the admin gave it.
    pub label: String,
    /// When it was made (RFC 3339, UTC).
    pub created_at: String,
    /// When it was last used, to the minute; `None`: never.
    pub last_used_at: Option<String>,
    /// When it was revoked; `None`: it works.
    pub revoked_at: Option<String>,
}

/// A key just made: the only time the key itself is seen.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct NewKey {
    /// Its id.
    pub id: i64,
    /// Its label, as stored (trimmed).
    pub label: String,
    /// The key.
    pub key: String,
}

/// `result` of `GET keys`.
#[derive(Debug, Deserialize)]
struct KeyList {
    keys: Vec<KeyInfo>,
}

/// `result` of `POST keys/revoke` (its `id` is the one sent; nothing else to read).
#[derive(Debug, Deserialize)]
struct Revoked {}

/// `POST keys`.
#[derive(Debug, Serialize)]
struct CreateBody<'a> {
    label: &'a str,
}

/// `POST keys/revoke`.
#[derive(Debug, Serialize)]
struct RevokeBody {
    id: i64,
}

/// The account's keys, oldest first.
pub async fn fetch_keys(key: &ApiKey) -> Result<Vec<KeyInfo>, AdminApiError> {
    let text = send_for_text::<()>(Request::get(&format!("{BASE}/keys")), key, None).await?;
    envelope::read::<KeyList>(&text).map(|list| list.keys)
}

/// Makes a key labelled `label`; the answer holds the key, shown this once.
pub async fn create_key(key: &ApiKey, label: &str) -> Result<NewKey, AdminApiError> {
    let text = send_for_text(Request::post(&format!("{BASE}/keys")), key, Some(&CreateBody { label })).await?;
    envelope::read(&text)
}

/// Revokes the account's key `id`: it is refused from its next request on.
pub async fn revoke_key(key: &ApiKey, id: i64) -> Result<(), AdminApiError> {
    let text = send_for_text(Request::post(&format!("{BASE}/keys/revoke")), key, Some(&RevokeBody { id })).await?;
    envelope::read::<Revoked>(&text).map(drop)
}
