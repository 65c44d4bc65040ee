//! `GET search`: one page of the account's coupons found by code, name or user id, with a status
//! filter, a group filter, an order and a cursor to the next page.

use coupon_rules::{Coupon, CouponStatus};
use gloo_net::http::Request;
use serde::Deserialize;

use super::{send, AdminApiError, BASE};
use crate::admin::session::ApiKey;

/// The orders the server knows (`sort=`; `-` in front for descending).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortKey {
    /// By code.
    Code,
    /// By name.
    Name,
    /// By end date.
    EndYmd,
    /// By the last use.
    LastUsedAt,
}

impl SortKey {
    /// The API's name.
    pub const fn as_str(self) -> &'static str {
        match self {
            SortKey::Code => "code",
            SortKey::Name => "name",
            SortKey::EndYmd => "endYmd",
            SortKey::LastUsedAt => "lastUsedAt",
        }
    }
}

/// What to search for; empty parts are left out of the query.
#[derive(Debug, Clone, PartialEq)]
pub struct SearchQuery {
    /// The text typed.
    pub text: String,
    /// Only this status.
    pub status: Option<CouponStatus>,
    /// Only this group.
    pub grp_idx: Option<i64>,
    /// The order, and whether it is reversed.
    pub sort: Option<(SortKey, bool)>,
}

impl SearchQuery {
    /// The query string (without `?`), starting after the cursor `after` when given.
    pub fn to_query(&self, limit: u32, after: Option<&str>) -> String {
        let mut parts = vec![format!("limit={limit}")];
        let text = self.text.trim();
        if !text.is_empty() {
            parts.push(format!("q={}", String::from(js_sys::encode_uri_component(text))));
        }
        if let Some(status) = self.status {
            parts.push(format!("status={}", status.as_str()));
        }
        if let Some(grp_idx) = self.grp_idx {
            parts.push(format!("grpIdx={grp_idx}"));
        }
        if let Some((key, descending)) = self.sort {
            parts.push(format!("sort={}{}", if descending { "-" } else { "" }, key.as_str()));
        }
        if let Some(after) = after {
            parts.push(format!("after={}", String::from(js_sys::encode_uri_component(after))));
        }
        parts.join("&")
    }
}

/// A coupon found, with its status today.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Hit {
    /// The admin view of the coupon.
    #[serde(flatten)]
    pub coupon: Coupon,
    /// Its status today in the account's zone.
    pub status: CouponStatus,
    /// Its total cap on uses (0: none), the "m" of "n of m".
    #[serde(default)]
    pub total_limit: i64,
}

/// One page of a search, and the cursor of the next (`None` after the last).
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct HitPage {
    /// The coupons found, in order.
    pub coupons: Vec<Hit>,
    /// The `after` of the next page.
    pub next: Option<String>,
}

/// One page of `query`, `limit` coupons at most, after the cursor `after`.
pub async fn search(
    key: &ApiKey,
    query: &SearchQuery,
    limit: u32,
    after: Option<&str>,
) -> Result<HitPage, AdminApiError> {
    send(Request::get(&format!("{BASE}/search?{}", query.to_query(limit, after))), key, None).await
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    fn the_query_leaves_out_what_is_empty_and_escapes_the_text() {
        let all = SearchQuery { text: "  ".into(), status: None, grp_idx: None, sort: None };
        assert_eq!(all.to_query(50, None), "limit=50");
        let some = SearchQuery {
            text: "10% & more".into(),
            status: Some(CouponStatus::UsedUp),
            grp_idx: Some(2),
            sort: Some((SortKey::Code, true)),
        };
        assert_eq!(
            some.to_query(20, Some("abc=")),
            "limit=20&q=10%25%20%26%20more&status=used_up&grpIdx=2&sort=-code&after=abc%3D"
        );
    }
}
