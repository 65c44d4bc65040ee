//! Finding an account's coupons: the search text read as code, name or user id, statuses by the
//! rules in the account's time zone, and an opaque cursor.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use coupon_rules::formats::code::{normalize_code, MAX_CODE_LEN};
use coupon_rules::{Coupon, CouponStatus};
use serde::Serialize;

use crate::store::accounts::Account;
use crate::store::search::{Cursor, SearchQuery, SearchText, SortKey};
use crate::store::{Store, StoreError};

/// The most coupons one page of a search holds.
pub const MAX_LIMIT: u32 = 200;
/// How many when the client does not say.
pub const DEFAULT_LIMIT: u32 = 50;
/// The longest search text.
pub const MAX_TEXT: usize = 100;

/// A search as the admin asks for it (checked by the handler).
#[derive(Debug, Clone)]
pub struct Search {
    /// The text typed (empty: every coupon).
    pub text: String,
    /// Only this status.
    pub status: Option<CouponStatus>,
    /// Only this group.
    pub grp_idx: Option<i64>,
    /// The order.
    pub sort: SortKey,
    /// Reversed.
    pub descending: bool,
    /// Rows at most.
    pub limit: u32,
    /// Where the page starts (from the page before's `next`).
    pub after: Option<Cursor>,
}

/// A coupon found, with its status now.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Hit {
    /// The admin view of the coupon.
    #[serde(flatten)]
    pub coupon: Coupon,
    /// Its status today in the account's time zone (the rules').
    pub status: CouponStatus,
    /// Uses left under its caps (`null`: uncapped).
    pub uses_left: Option<i64>,
    /// Its total cap on uses (0: none), the "m" of "n of m".
    pub total_limit: i64,
}

/// One page of a search.
#[derive(Debug, Clone, Serialize)]
pub struct HitPage {
    /// The coupons found, in order.
    pub coupons: Vec<Hit>,
    /// The `after` of the next page; `null` after the last.
    pub next: Option<String>,
}

/// What a typed text matches (see [`SearchText`]).
fn search_text(typed: &str) -> Option<SearchText> {
    let typed = typed.trim();
    if typed.is_empty() {
        return None;
    }
    let code = normalize_code(typed);
    let code_like = !code.is_empty()
        && code.len() <= MAX_CODE_LEN
        && code.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit());
    Some(SearchText { code_prefix: code_like.then_some(code), name_part: typed.to_owned(), user_id: typed.to_owned() })
}

/// The opaque cursor of a row: its sort key's value and code.
pub fn encode_cursor(cursor: &Cursor) -> String {
    let json = serde_json::json!([cursor.key, cursor.cpn_no]).to_string();
    URL_SAFE_NO_PAD.encode(json)
}

/// A cursor given back by a client; `None` when it is not one of ours.
pub fn decode_cursor(text: &str) -> Option<Cursor> {
    let bytes = URL_SAFE_NO_PAD.decode(text).ok()?;
    let (key, cpn_no): (String, String) = serde_json::from_slice(&bytes).ok()?;
    Some(Cursor { key, cpn_no })
}

/// A page of the account's coupons matching `search`; never another account's.
pub async fn search(store: &Store, account: &Account, search: Search) -> Result<HitPage, StoreError> {
    let today = account.today();
    let query = SearchQuery {
        account_id: account.id,
        text: search_text(&search.text),
        status: search.status,
        grp_idx: search.grp_idx,
        sort: search.sort,
        descending: search.descending,
        today,
        limit: search.limit,
        after: search.after,
    };
    let results = store.search(&query).await?;
    let next = match (results.more, results.found.last()) {
        (true, Some(last)) => {
            Some(encode_cursor(&Cursor { key: last.key.clone(), cpn_no: last.coupon.coupon.cpn_no.clone() }))
        }
        _ => None,
    };
    let coupons = results
        .found
        .into_iter()
        .map(|found| {
            let c = found.coupon.coupon;
            Hit { status: c.status_on(today), uses_left: c.uses_left(), total_limit: c.total_limit(), coupon: c }
        })
        // The query's status condition mirrors the rules; should they ever disagree, the rules win.
        .filter(|hit| query.status.is_none_or(|wanted| hit.status == wanted))
        .collect();
    Ok(HitPage { coupons, next })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_is_a_code_prefix_only_when_it_can_start_a_code() {
        let text = search_text(" abcd-12 ").unwrap();
        assert_eq!(text.code_prefix.as_deref(), Some("ABCD12"));
        assert_eq!(text.name_part, "abcd-12");
        assert_eq!(search_text("봄 세일").unwrap().code_prefix, None);
        assert_eq!(search_text("   "), None);
    }

    #[test]
    fn cursors_round_trip_and_strangers_are_refused() {
        let cursor = Cursor { key: "spring \"sale\"".into(), cpn_no: "ABCD1234".into() };
        assert_eq!(decode_cursor(&encode_cursor(&cursor)), Some(cursor));
        assert_eq!(decode_cursor("not a cursor"), None);
    }
}
