//! `GET history`: a coupon's edits, uses and undos, newest first, one page at a time.

use gloo_net::http::Request;
use serde::Deserialize;

use super::{send, AdminApiError, BASE};
use crate::admin::session::ApiKey;

/// Who made an edit or an undo.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct By {
    /// `api_key`, `vendor`, `cli` or `page`.
    pub kind: String,
    /// The key's label or the vendor id (empty otherwise).
    #[serde(default)]
    pub name: String,
}

/// A value as the API's JSON holds it, before or after an edit.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(untagged)]
pub enum Value {
    /// `null`.
    Null,
    /// `true` / `false`.
    Bool(bool),
    /// A number.
    Number(f64),
    /// A text.
    Text(String),
    /// A list (product ids).
    List(Vec<Value>),
}

impl Value {
    /// The value as the history shows it; `None` for nothing (`null`, an empty text).
    pub fn shown(&self) -> Option<String> {
        match self {
            Value::Null => None,
            Value::Bool(value) => Some(value.to_string()),
            Value::Number(value) => Some(value.to_string()),
            Value::Text(text) if text.is_empty() => None,
            Value::Text(text) => Some(text.clone()),
            Value::List(items) => Some(items.iter().filter_map(Value::shown).collect::<Vec<_>>().join(", ")),
        }
    }
}

/// One field an edit changed: before and after, or only that a secret changed.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(untagged)]
pub enum FieldChange {
    /// The store password: only that it changed.
    Secret {
        /// The API's field name.
        field: String,
        /// Always true.
        changed: bool,
    },
    /// A value, before and after.
    Value {
        /// The API's field name.
        field: String,
        /// Before.
        old: Value,
        /// After.
        new: Value,
    },
}

/// One entry of a coupon's history.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum HistoryEntry {
    /// An edit.
    Edit {
        /// When (RFC 3339, UTC).
        at: String,
        /// Who.
        by: By,
        /// What changed.
        changes: Vec<FieldChange>,
    },
    /// A use (still counted unless `undone_at` is set).
    #[serde(rename_all = "camelCase")]
    Use {
        /// When.
        at: String,
        /// Its number among the coupon's uses.
        use_no: i64,
        /// `page` or `api`.
        channel: String,
        /// Who used it, as the caller said.
        #[serde(default)]
        user_id: String,
        /// The use's note.
        #[serde(default)]
        memo: String,
        /// When it was undone.
        #[serde(default)]
        undone_at: Option<String>,
    },
    /// The undoing of a use.
    #[serde(rename_all = "camelCase")]
    Undo {
        /// When.
        at: String,
        /// The use undone.
        use_no: i64,
        /// Who.
        by: By,
        /// Why.
        #[serde(default)]
        reason: String,
    },
}

/// One page of a history, and the cursor of the next (`None` after the last).
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct HistoryPage {
    /// The entries, newest first.
    pub entries: Vec<HistoryEntry>,
    /// The `after` of the next page.
    pub next: Option<String>,
}

/// One page of the history of `cpn_no` (normalised: nothing to escape), after the cursor `after`.
pub async fn fetch_history(
    key: &ApiKey,
    cpn_no: &str,
    limit: u32,
    after: Option<&str>,
) -> Result<HistoryPage, AdminApiError> {
    let cursor = after.map(|after| format!("&after={}", String::from(js_sys::encode_uri_component(after))));
    let url = format!("{BASE}/history?cpnNo={cpn_no}&limit={limit}{}", cursor.unwrap_or_default());
    send(Request::get(&url), key, None).await
}
