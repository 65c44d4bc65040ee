//! Coupons as stored: the row, and reading it into the rules' [`Coupon`].

use coupon_rules::paddle::parse_product_ids;
use coupon_rules::{Coupon, Currency, DiscountType, YesNo, Ymd};

use super::StoreError;

/// A stored coupon: the admin view plus what only the server sees.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredCoupon {
    /// Its row id.
    pub id: i64,
    /// The account it belongs to.
    pub account_id: i64,
    /// Changes with every edit (not with uses); writes are conditional on it.
    pub version: i64,
    /// The coupon in the API's terms.
    pub coupon: Coupon,
    /// The argon2id hash of the store password (PHC string), if one is set.
    pub password_hash: Option<String>,
}

/// What an edit was validated against: the write happens only if the row still matches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Expected {
    /// The version read before validating.
    pub version: i64,
    /// The use count read before validating (a use in between may lock the coupon).
    pub use_cnt: i64,
}

impl StoredCoupon {
    /// The state an edit of this coupon must still find when it writes.
    pub fn expected(&self) -> Expected {
        Expected { version: self.version, use_cnt: self.coupon.use_cnt }
    }
}

/// One page of a list of coupons.
#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    /// The coupons, in the list's order.
    pub coupons: Vec<StoredCoupon>,
    /// Whether more follow.
    pub more: bool,
}

/// How an insert went.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Inserted {
    /// The new coupon's row id.
    Created(i64),
    /// Another coupon (of any account) has this code.
    DuplicateCode,
}

/// The columns of a coupon row, of the table aliased `c`.
pub(super) const COLUMNS: &str =
    "c.id, c.account_id, c.version, c.cpn_no, c.nm, c.disc_type_idx, c.disc, c.disc_currency, \
    c.strt_ymd, c.end_ymd, c.use_limit, c.use_cnt, c.grp_idx, c.tmpl_idx, c.onsite_yn, c.onsite_pwd_hash, c.memo, \
    c.url, c.color, c.background, c.user_id, c.user_nm, c.user_phnno, c.user_eml, c.user_etc1, c.user_etc2, \
    c.domain, c.webhook_enable_yn, c.last_used_at, c.product_ids, c.allowed_uses, c.recurring";

#[derive(sqlx::FromRow)]
pub(super) struct CouponRow {
    id: i64,
    account_id: i64,
    version: i64,
    cpn_no: String,
    nm: String,
    disc_type_idx: i64,
    disc: f64,
    disc_currency: String,
    strt_ymd: String,
    end_ymd: Option<String>,
    use_limit: i64,
    use_cnt: i64,
    grp_idx: i64,
    tmpl_idx: i64,
    onsite_yn: String,
    onsite_pwd_hash: Option<String>,
    memo: String,
    url: String,
    color: String,
    background: String,
    user_id: String,
    user_nm: String,
    user_phnno: String,
    user_eml: String,
    user_etc1: String,
    user_etc2: String,
    domain: String,
    webhook_enable_yn: String,
    last_used_at: Option<String>,
    product_ids: String,
    allowed_uses: Option<i64>,
    recurring: bool,
}

fn date(what: &'static str, text: &str) -> Result<Ymd, StoreError> {
    Ymd::parse(text).map_err(|_| StoreError::corrupt(what, text))
}

/// Product IDs as stored: comma-separated, `""` for none.
pub fn product_ids_text(ids: &[u64]) -> String {
    ids.iter().map(u64::to_string).collect::<Vec<_>>().join(",")
}

fn product_ids(text: &str) -> Result<Vec<u64>, StoreError> {
    parse_product_ids(text).map_err(|_| StoreError::corrupt("product_ids", text))
}

fn yes_no(what: &'static str, text: &str) -> Result<YesNo, StoreError> {
    YesNo::parse(text).ok_or_else(|| StoreError::corrupt(what, text))
}

impl TryFrom<CouponRow> for StoredCoupon {
    type Error = StoreError;

    fn try_from(row: CouponRow) -> Result<StoredCoupon, StoreError> {
        let coupon = Coupon {
            disc_type_idx: DiscountType::from_idx(row.disc_type_idx)
                .ok_or_else(|| StoreError::corrupt("disc_type_idx", row.disc_type_idx.to_string()))?,
            disc_currency: Currency::parse(&row.disc_currency)
                .ok_or_else(|| StoreError::corrupt("disc_currency", &row.disc_currency))?,
            strt_ymd: date("strt_ymd", &row.strt_ymd)?,
            end_ymd: row.end_ymd.as_deref().map(|end| date("end_ymd", end)).transpose()?,
            onsite_yn: yes_no("onsite_yn", &row.onsite_yn)?,
            webhook_enable_yn: yes_no("webhook_enable_yn", &row.webhook_enable_yn)?,
            has_onsite_pwd: row.onsite_pwd_hash.is_some(),
            cpn_no: row.cpn_no,
            nm: row.nm,
            disc: row.disc,
            use_limit: row.use_limit,
            use_cnt: row.use_cnt,
            grp_idx: row.grp_idx,
            tmpl_idx: row.tmpl_idx,
            memo: row.memo,
            url: row.url,
            color: row.color,
            background: row.background,
            user_id: row.user_id,
            user_nm: row.user_nm,
            user_phnno: row.user_phnno,
            user_eml: row.user_eml,
            user_etc1: row.user_etc1,
            user_etc2: row.user_etc2,
            domain: row.domain,
            last_used_at: row.last_used_at,
            product_ids: product_ids(&row.product_ids)?,
            allowed_uses: row.allowed_uses,
            recurring: row.recurring,
        };
        Ok(StoredCoupon {
            id: row.id,
            account_id: row.account_id,
            version: row.version,
            coupon,
            password_hash: row.onsite_pwd_hash,
        })
    }
}

/// A coupon row with the use made under an idempotency key, if any (`LEFT JOIN coupon_uses u`).
#[derive(sqlx::FromRow)]
pub(super) struct CouponWithUseRow {
    #[sqlx(flatten)]
    pub(super) coupon: CouponRow,
    pub(super) first_use_no: Option<i64>,
    pub(super) first_use_cnt: Option<i64>,
    pub(super) first_used_at: Option<String>,
    pub(super) first_request_digest: Option<String>,
}
