//! A coupon's history: who changed what (audit rows, written with the edit), and its uses and
//! their undoing (from the use log), merged newest first.

use serde::{Deserialize, Serialize};
use serde_json::Value;

/// Who made an edit or an undo.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Actor {
    /// A request with an API key, named by its label.
    ApiKey {
        /// The key's row id.
        id: i64,
        /// Its label (may be empty for keys made before labels).
        label: String,
    },
    /// The second vendor's credentials, by vendor id.
    Vendor(i64),
    /// The command line.
    Cli,
    /// Store staff on the coupon page (undoing their own use with the receipt's token).
    Page,
}

impl Actor {
    /// The kind as stored and shown: `api_key`, `vendor`, `cli`, `page`.
    pub fn kind(&self) -> &'static str {
        match self {
            Actor::ApiKey { .. } => "api_key",
            Actor::Vendor(_) => "vendor",
            Actor::Cli => "cli",
            Actor::Page => "page",
        }
    }

    /// The name as stored and shown: the key's label, the vendor id, or nothing.
    pub fn name(&self) -> String {
        match self {
            Actor::ApiKey { label, .. } => label.clone(),
            Actor::Vendor(id) => id.to_string(),
            Actor::Cli | Actor::Page => String::new(),
        }
    }
}

/// Who, as a history entry shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct By {
    /// `api_key`, `vendor`, `cli` or `page`.
    pub kind: String,
    /// The key's label or the vendor id (empty otherwise).
    pub name: String,
}

impl From<&Actor> for By {
    fn from(actor: &Actor) -> By {
        By { kind: actor.kind().to_owned(), name: actor.name() }
    }
}

/// One field an edit changed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum FieldChange {
    /// A secret (the store password): only that it changed.
    Secret {
        /// The API's field name.
        field: String,
        /// Always true.
        changed: bool,
    },
    /// A value, before and after (in the API's JSON terms).
    Value {
        /// The API's field name.
        field: String,
        /// Before.
        old: Value,
        /// After.
        new: Value,
    },
}

/// An audit row to write with an edit.
#[derive(Debug, Clone, PartialEq)]
pub struct NewAudit {
    /// The coupon's row id.
    pub coupon_id: i64,
    /// What changed (an edit that changes nothing writes no row).
    pub changes: Vec<FieldChange>,
}

/// One entry of a coupon's history.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum HistoryEntry {
    /// An edit.
    #[serde(rename_all = "camelCase")]
    Edit {
        /// When (RFC 3339, UTC).
        at: String,
        /// Who.
        by: By,
        /// What changed.
        changes: Vec<FieldChange>,
    },
    /// A use (still counted unless `undoneAt` is set).
    #[serde(rename_all = "camelCase")]
    Use {
        /// When.
        at: String,
        /// Its number among the coupon's uses (undone ones included).
        use_no: i64,
        /// `page` or `api`.
        channel: String,
        /// Who used it, as the caller said.
        user_id: String,
        /// The use's note.
        memo: String,
        /// When it was undone.
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
        reason: String,
    },
}

/// Where in a history a page starts: after the entry with this time, kind rank and row id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct HistoryMark<'a> {
    /// The entry's time.
    pub at: &'a str,
    /// 0 edit, 1 use, 2 undo (an undo comes before its use at the same second, newest first).
    pub rank: u8,
    /// The row id (audit or use).
    pub id: i64,
}

/// A history entry with the mark that orders it.
#[derive(Debug, Clone, PartialEq)]
pub struct MarkedEntry {
    /// The entry.
    pub entry: HistoryEntry,
    /// Its time.
    pub at: String,
    /// Its kind rank (see [`HistoryMark::rank`]).
    pub rank: u8,
    /// Its row id.
    pub id: i64,
}

/// One page of a history, newest first.
#[derive(Debug, Clone, PartialEq)]
pub struct HistoryPage {
    /// The entries.
    pub entries: Vec<MarkedEntry>,
    /// Whether older ones follow.
    pub more: bool,
}
