//! Finding an account's coupons: what a search asks for, in store terms.

use coupon_rules::{CouponStatus, Ymd};

/// The order of a search's results; every order breaks ties by code, which makes it total.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortKey {
    /// By code.
    Code,
    /// By name, case-insensitively.
    Name,
    /// By end date, coupons without one last.
    EndDate,
    /// By last use, never-used coupons first.
    LastUse,
    /// By creation.
    Created,
}

impl SortKey {
    /// Every key, with its API name.
    pub const ALL: [(SortKey, &'static str); 5] = [
        (SortKey::Code, "code"),
        (SortKey::Name, "name"),
        (SortKey::EndDate, "endYmd"),
        (SortKey::LastUse, "lastUsedAt"),
        (SortKey::Created, "createdAt"),
    ];

    /// The key with this API name.
    pub fn parse(name: &str) -> Option<SortKey> {
        SortKey::ALL.iter().find(|(_, n)| *n == name).map(|(key, _)| *key)
    }

    /// The SQL expression of the key over table `c`, word for word as in the indexes of migration
    /// 0006 (sqlite) / 0004 (postgres), so that they serve the query.
    pub(super) fn expression(self) -> &'static str {
        match self {
            SortKey::Code => "c.cpn_no",
            SortKey::Name => "lower(c.nm)",
            SortKey::EndDate => "COALESCE(c.end_ymd, '9999-12-31')",
            SortKey::LastUse => "COALESCE(c.last_used_at, '')",
            SortKey::Created => "c.created_at",
        }
    }
}

/// Where a page of results starts: after the row with this sort key value and code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cursor {
    /// The sort key's value of the last row of the page before.
    pub key: String,
    /// That row's code.
    pub cpn_no: String,
}

/// One search of an account's coupons.
#[derive(Debug, Clone)]
pub struct SearchQuery {
    /// The account searched.
    pub account_id: i64,
    /// The text typed, trimmed (`None`: every coupon).
    pub text: Option<SearchText>,
    /// Only coupons of this status (on `today`).
    pub status: Option<CouponStatus>,
    /// Only coupons of this group (0: without a group).
    pub grp_idx: Option<i64>,
    /// The order.
    pub sort: SortKey,
    /// Newest / largest first.
    pub descending: bool,
    /// Today in the account's time zone (statuses are computed on it).
    pub today: Ymd,
    /// Rows at most.
    pub limit: u32,
    /// Where the page starts.
    pub after: Option<Cursor>,
}

/// What a search text matches: a code prefix (normalized by the rules), a name substring (already
/// lowercased), or a user id exactly.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchText {
    /// The code prefix, when the text can start a code.
    pub code_prefix: Option<String>,
    /// The text lowercased, for names.
    pub name_part: String,
    /// The text as typed, for user ids.
    pub user_id: String,
}

/// A coupon found, with its sort key's value (for the cursor).
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    /// The coupon.
    pub coupon: super::coupons::StoredCoupon,
    /// Its sort key's value.
    pub key: String,
}

/// One page of results.
#[derive(Debug, Clone, PartialEq)]
pub struct Results {
    /// The coupons, in order.
    pub found: Vec<Found>,
    /// Whether more follow.
    pub more: bool,
}
