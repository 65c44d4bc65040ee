//! Coupons as stored: reading them into the rules' [`Coupon`], and the conditional writes.

use coupon_rules::paddle::parse_product_ids;
use coupon_rules::{Coupon, Currency, DiscountType, YesNo, Ymd};
use sqlx::{SqliteConnection, SqliteExecutor};

use super::uses::UseRecord;
use super::StoreError;
use crate::clock;

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

/// How an insert went.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Inserted {
    /// The new coupon's row id.
    Created(i64),
    /// Another coupon (of any account) has this code.
    DuplicateCode,
}

/// The columns of a coupon row, of the table aliased `c`.
const COLUMNS: &str = "c.id, c.account_id, c.version, c.cpn_no, c.nm, c.disc_type_idx, c.disc, c.disc_currency, \
    c.strt_ymd, c.end_ymd, c.use_limit, c.use_cnt, c.grp_idx, c.tmpl_idx, c.onsite_yn, c.onsite_pwd_hash, c.memo, \
    c.url, c.color, c.background, c.user_id, c.user_nm, c.user_phnno, c.user_eml, c.user_etc1, c.user_etc2, \
    c.domain, c.webhook_enable_yn, c.last_used_at, c.product_ids, c.allowed_uses, c.recurring";

#[derive(sqlx::FromRow)]
struct CouponRow {
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

/// An account's coupon with this code (another account's is not found).
pub async fn find(
    db: impl SqliteExecutor<'_>,
    account_id: i64,
    cpn_no: &str,
) -> Result<Option<StoredCoupon>, StoreError> {
    let sql = format!("SELECT {COLUMNS} FROM coupons c WHERE c.cpn_no = ? AND c.account_id = ?");
    let row: Option<CouponRow> = sqlx::query_as(&sql).bind(cpn_no).bind(account_id).fetch_optional(db).await?;
    row.map(StoredCoupon::try_from).transpose()
}

/// Every coupon of an account's group (0: the coupons without a group), by code.
pub async fn in_group(
    db: impl SqliteExecutor<'_>,
    account_id: i64,
    grp_idx: i64,
) -> Result<Vec<StoredCoupon>, StoreError> {
    let sql = format!("SELECT {COLUMNS} FROM coupons c WHERE c.account_id = ? AND c.grp_idx = ? ORDER BY c.cpn_no");
    let rows: Vec<CouponRow> = sqlx::query_as(&sql).bind(account_id).bind(grp_idx).fetch_all(db).await?;
    rows.into_iter().map(StoredCoupon::try_from).collect()
}

/// The coupon with this code, whichever account it belongs to (the public page).
pub async fn find_by_code(db: impl SqliteExecutor<'_>, cpn_no: &str) -> Result<Option<StoredCoupon>, StoreError> {
    let sql = format!("SELECT {COLUMNS} FROM coupons c WHERE c.cpn_no = ?");
    let row: Option<CouponRow> = sqlx::query_as(&sql).bind(cpn_no).fetch_optional(db).await?;
    row.map(StoredCoupon::try_from).transpose()
}

#[derive(sqlx::FromRow)]
struct CouponWithUseRow {
    #[sqlx(flatten)]
    coupon: CouponRow,
    first_use_no: Option<i64>,
    first_used_at: Option<String>,
}

/// The coupon with this code and, if one of its uses was made under idempotency `key`, that use:
/// in one read, as the page's "Use" needs both.
pub async fn find_by_code_with_use(
    db: impl SqliteExecutor<'_>,
    cpn_no: &str,
    key: &str,
) -> Result<Option<(StoredCoupon, Option<UseRecord>)>, StoreError> {
    let sql = format!(
        "SELECT {COLUMNS}, u.use_no AS first_use_no, u.used_at AS first_used_at FROM coupons c \
         LEFT JOIN coupon_uses u ON u.coupon_id = c.id AND u.idempotency_key = ? WHERE c.cpn_no = ?"
    );
    let row: Option<CouponWithUseRow> = sqlx::query_as(&sql).bind(key).bind(cpn_no).fetch_optional(db).await?;
    let Some(row) = row else { return Ok(None) };
    let first_use = match (row.first_use_no, row.first_used_at) {
        (Some(use_no), Some(used_at)) => Some(UseRecord { use_no, used_at }),
        _ => None,
    };
    Ok(Some((StoredCoupon::try_from(row.coupon)?, first_use)))
}

/// Binds the columns the first dialect edits, in this order: `nm, disc_type_idx, disc, disc_currency,
/// strt_ymd, end_ymd, use_limit, grp_idx, tmpl_idx, onsite_yn, onsite_pwd_hash, memo, url, color,
/// background, user_id, user_nm, user_phnno, user_eml, user_etc1, user_etc2, domain,
/// webhook_enable_yn` (a macro: `query` and `query_scalar` are different types).
macro_rules! bind_editable {
    ($query:expr, $coupon:expr, $password_hash:expr) => {
        $query
            .bind(&$coupon.nm)
            .bind($coupon.disc_type_idx.idx())
            .bind($coupon.disc)
            .bind($coupon.disc_currency.code())
            .bind($coupon.strt_ymd.to_string())
            .bind($coupon.end_ymd.map(|end| end.to_string()))
            .bind($coupon.use_limit)
            .bind($coupon.grp_idx)
            .bind($coupon.tmpl_idx)
            .bind($coupon.onsite_yn.as_str())
            .bind($password_hash)
            .bind(&$coupon.memo)
            .bind(&$coupon.url)
            .bind(&$coupon.color)
            .bind(&$coupon.background)
            .bind(&$coupon.user_id)
            .bind(&$coupon.user_nm)
            .bind(&$coupon.user_phnno)
            .bind(&$coupon.user_eml)
            .bind(&$coupon.user_etc1)
            .bind(&$coupon.user_etc2)
            .bind(&$coupon.domain)
            .bind($coupon.webhook_enable_yn.as_str())
    };
}

/// Stores a new coupon for an account, with its use count and last use as given.
pub async fn insert(
    conn: &mut SqliteConnection,
    account_id: i64,
    coupon: &Coupon,
    password_hash: Option<&str>,
) -> Result<Inserted, StoreError> {
    let now = clock::now_rfc3339();
    let query = sqlx::query_scalar(
        "INSERT INTO coupons (account_id, cpn_no, nm, disc_type_idx, disc, disc_currency, strt_ymd, end_ymd, \
         use_limit, grp_idx, tmpl_idx, onsite_yn, onsite_pwd_hash, memo, url, color, background, user_id, \
         user_nm, user_phnno, user_eml, user_etc1, user_etc2, domain, webhook_enable_yn, use_cnt, last_used_at, \
         product_ids, allowed_uses, recurring, created_at, updated_at) \
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) \
         RETURNING id",
    )
    .bind(account_id)
    .bind(&coupon.cpn_no);
    let result = bind_editable!(query, coupon, password_hash)
        .bind(coupon.use_cnt)
        .bind(&coupon.last_used_at)
        .bind(product_ids_text(&coupon.product_ids))
        .bind(coupon.allowed_uses)
        .bind(coupon.recurring)
        .bind(&now)
        .bind(&now)
        .fetch_one(conn)
        .await
        .map_err(StoreError::from);
    match result {
        Ok(id) => Ok(Inserted::Created(id)),
        Err(e) if e.is_unique_violation() => Ok(Inserted::DuplicateCode),
        Err(e) => Err(e),
    }
}

/// Writes every field the first dialect edits, if the coupon is still as `expected`; returns
/// whether it was. The use count, last use, code and the second dialect's fields are never written
/// here.
pub async fn update(
    conn: &mut SqliteConnection,
    id: i64,
    expected: Expected,
    coupon: &Coupon,
    password_hash: Option<&str>,
) -> Result<bool, StoreError> {
    let query = sqlx::query(
        "UPDATE coupons SET nm = ?, disc_type_idx = ?, disc = ?, disc_currency = ?, strt_ymd = ?, end_ymd = ?, \
         use_limit = ?, grp_idx = ?, tmpl_idx = ?, onsite_yn = ?, onsite_pwd_hash = ?, memo = ?, url = ?, color = ?, \
         background = ?, user_id = ?, user_nm = ?, user_phnno = ?, user_eml = ?, user_etc1 = ?, user_etc2 = ?, \
         domain = ?, webhook_enable_yn = ?, version = version + 1, updated_at = ? \
         WHERE id = ? AND version = ? AND use_cnt = ?",
    );
    let result = bind_editable!(query, coupon, password_hash)
        .bind(clock::now_rfc3339())
        .bind(id)
        .bind(expected.version)
        .bind(expected.use_cnt)
        .execute(conn)
        .await?;
    Ok(result.rows_affected() == 1)
}

/// Deletes a coupon and its uses; returns whether it existed.
pub async fn delete(conn: &mut SqliteConnection, id: i64) -> Result<bool, StoreError> {
    let result = sqlx::query("DELETE FROM coupons WHERE id = ?").bind(id).execute(conn).await?;
    Ok(result.rows_affected() == 1)
}
