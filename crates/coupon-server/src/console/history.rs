//! A coupon's history: its edits, uses and undos in one timeline, newest first.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use serde::Serialize;

use crate::store::accounts::Account;
use crate::store::audits::{HistoryEntry, HistoryMark};
use crate::store::{Store, StoreError};

/// The most entries one page holds.
pub const MAX_LIMIT: u32 = 200;
/// How many when the client does not say.
pub const DEFAULT_LIMIT: u32 = 50;

/// Where a page starts, as the client holds it (the `next` of the page before).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct After {
    at: String,
    rank: u8,
    id: i64,
}

impl After {
    /// A cursor given back by a client; `None` when it is not one of ours.
    pub fn decode(text: &str) -> Option<After> {
        let bytes = URL_SAFE_NO_PAD.decode(text).ok()?;
        let (at, rank, id): (String, u8, i64) = serde_json::from_slice(&bytes).ok()?;
        Some(After { at, rank, id })
    }

    fn encode(&self) -> String {
        URL_SAFE_NO_PAD.encode(serde_json::json!([self.at, self.rank, self.id]).to_string())
    }
}

/// One page of a coupon's history.
#[derive(Debug, Clone, Serialize)]
pub struct History {
    /// The coupon's code.
    #[serde(rename = "cpnNo")]
    pub cpn_no: String,
    /// Its entries, newest first.
    pub entries: Vec<HistoryEntry>,
    /// The `after` of the next (older) page; `null` after the last.
    pub next: Option<String>,
}

/// Why a history cannot be read.
#[derive(Debug, thiserror::Error)]
pub enum HistoryError {
    /// The account has no such coupon.
    #[error("no such coupon")]
    NotFound,
    /// The store failed.
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Up to `limit` entries of the account's coupon `cpn_no` after `after`, newest first.
pub async fn history(
    store: &Store,
    account: &Account,
    cpn_no: &str,
    limit: u32,
    after: Option<After>,
) -> Result<History, HistoryError> {
    let stored = store.coupon(account.id, cpn_no).await?.ok_or(HistoryError::NotFound)?;
    let mark = after.as_ref().map(|a| HistoryMark { at: &a.at, rank: a.rank, id: a.id });
    let page = store.history(stored.id, mark, limit).await?;
    let next = match (page.more, page.entries.last()) {
        (true, Some(last)) => Some(After { at: last.at.clone(), rank: last.rank, id: last.id }.encode()),
        _ => None,
    };
    let entries = page.entries.into_iter().map(|marked| marked.entry).collect();
    Ok(History { cpn_no: stored.coupon.cpn_no, entries, next })
}
