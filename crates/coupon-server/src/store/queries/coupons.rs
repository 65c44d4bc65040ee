//! Coupons: reads into the rules' [`Coupon`], and the conditional writes.

use coupon_rules::Coupon;
use sqlx::Executor;

use super::{Conn, Db};
use crate::clock;
use crate::store::coupons::{
    product_ids_text, CouponRow, CouponWithUseRow, Expected, Inserted, Page, StoredCoupon, COLUMNS,
};
use crate::store::uses::UseRecord;
use crate::store::StoreError;

/// An account's coupon with this code (another account's is not found).
pub async fn find(
    db: impl Executor<'_, Database = Db>,
    account_id: i64,
    cpn_no: &str,
) -> Result<Option<StoredCoupon>, StoreError> {
    let sql = format!("SELECT {COLUMNS} FROM coupons c WHERE c.cpn_no = $1 AND c.account_id = $2");
    let row: Option<CouponRow> = sqlx::query_as(&sql).bind(cpn_no).bind(account_id).fetch_optional(db).await?;
    row.map(StoredCoupon::try_from).transpose()
}

/// Every coupon of an account's group (0: the coupons without a group), by code.
pub async fn in_group(
    db: impl Executor<'_, Database = Db>,
    account_id: i64,
    grp_idx: i64,
) -> Result<Vec<StoredCoupon>, StoreError> {
    let sql = format!("SELECT {COLUMNS} FROM coupons c WHERE c.account_id = $1 AND c.grp_idx = $2 ORDER BY c.cpn_no");
    let rows: Vec<CouponRow> = sqlx::query_as(&sql).bind(account_id).bind(grp_idx).fetch_all(db).await?;
    rows.into_iter().map(StoredCoupon::try_from).collect()
}

/// Up to `limit` coupons of an account's group by code, after the code `after`, and whether more
/// follow.
pub async fn in_group_page(
    db: impl Executor<'_, Database = Db>,
    account_id: i64,
    grp_idx: i64,
    after: Option<&str>,
    limit: u32,
) -> Result<Page, StoreError> {
    let sql = format!(
        "SELECT {COLUMNS} FROM coupons c WHERE c.account_id = $1 AND c.grp_idx = $2 \
         AND ($3 IS NULL OR c.cpn_no > $3) ORDER BY c.cpn_no LIMIT $4"
    );
    let rows: Vec<CouponRow> = sqlx::query_as(&sql)
        .bind(account_id)
        .bind(grp_idx)
        .bind(after)
        .bind(i64::from(limit) + 1)
        .fetch_all(db)
        .await?;
    let more = rows.len() > limit as usize;
    let coupons = rows.into_iter().take(limit as usize).map(StoredCoupon::try_from).collect::<Result<_, _>>()?;
    Ok(Page { coupons, more })
}

/// The coupon with this code, whichever account it belongs to (the public page).
pub async fn find_by_code(
    db: impl Executor<'_, Database = Db>,
    cpn_no: &str,
) -> Result<Option<StoredCoupon>, StoreError> {
    let sql = format!("SELECT {COLUMNS} FROM coupons c WHERE c.cpn_no = $1");
    let row: Option<CouponRow> = sqlx::query_as(&sql).bind(cpn_no).fetch_optional(db).await?;
    row.map(StoredCoupon::try_from).transpose()
}

/// Whether some coupon names `host` (lower case) as its domain (index `coupons_domain`).
pub async fn domain_in_use(db: impl Executor<'_, Database = Db>, host: &str) -> Result<bool, StoreError> {
    let row: Option<(i64,)> =
        sqlx::query_as("SELECT id FROM coupons WHERE domain <> '' AND lower(domain) = $1 LIMIT 1")
            .bind(host)
            .fetch_optional(db)
            .await?;
    Ok(row.is_some())
}

/// The coupon with this code and, if one of its uses was made under idempotency `key`, that use:
/// in one read, as the page's "Use" needs both.
pub async fn find_by_code_with_use(
    db: impl Executor<'_, Database = Db>,
    cpn_no: &str,
    key: &str,
) -> Result<Option<(StoredCoupon, Option<UseRecord>)>, StoreError> {
    let sql = format!(
        "SELECT {COLUMNS}, u.use_no AS first_use_no, COALESCE(u.use_cnt_after, u.use_no) AS first_use_cnt, \
         u.used_at AS first_used_at, \
         u.request_digest AS first_request_digest FROM coupons c \
         LEFT JOIN coupon_uses u ON u.coupon_id = c.id AND u.idempotency_key = $1 WHERE c.cpn_no = $2"
    );
    let row: Option<CouponWithUseRow> = sqlx::query_as(&sql).bind(key).bind(cpn_no).fetch_optional(db).await?;
    let Some(row) = row else { return Ok(None) };
    let first_use = match (row.first_use_no, row.first_use_cnt, row.first_used_at) {
        (Some(use_no), Some(use_cnt), Some(used_at)) => {
            Some(UseRecord { use_no, use_cnt, used_at, request_digest: row.first_request_digest })
        }
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

/// Stores a new coupon for an account, with its use count and last use as given. A taken code is
/// an answer, not an error (and leaves the transaction usable on both drivers).
pub async fn insert(
    conn: &mut Conn,
    account_id: i64,
    coupon: &Coupon,
    password_hash: Option<&str>,
) -> Result<Inserted, StoreError> {
    let now = clock::now_rfc3339();
    let query = sqlx::query_scalar(
        "INSERT INTO coupons (account_id, cpn_no, nm, disc_type_idx, disc, disc_currency, strt_ymd, end_ymd, \
         use_limit, grp_idx, tmpl_idx, onsite_yn, onsite_pwd_hash, memo, url, color, background, user_id, \
         user_nm, user_phnno, user_eml, user_etc1, user_etc2, domain, webhook_enable_yn, use_cnt, last_used_at, \
         product_ids, allowed_uses, recurring, created_at, updated_at, use_seq) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, \
         $22, $23, $24, $25, $26, $27, $28, $29, $30, $31, $32, $26) \
         ON CONFLICT (cpn_no) DO NOTHING RETURNING id",
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
        .fetch_optional(conn)
        .await?;
    Ok(match result {
        Some(id) => Inserted::Created(id),
        None => Inserted::DuplicateCode,
    })
}

/// Writes every field the first dialect edits, if the coupon is still as `expected`; returns
/// whether it was. The use count, last use, code and the second dialect's fields are never written
/// here.
pub async fn update(
    conn: &mut Conn,
    id: i64,
    expected: Expected,
    coupon: &Coupon,
    password_hash: Option<&str>,
) -> Result<bool, StoreError> {
    let query = sqlx::query(
        "UPDATE coupons SET nm = $1, disc_type_idx = $2, disc = $3, disc_currency = $4, strt_ymd = $5, \
         end_ymd = $6, use_limit = $7, grp_idx = $8, tmpl_idx = $9, onsite_yn = $10, onsite_pwd_hash = $11, \
         memo = $12, url = $13, color = $14, background = $15, user_id = $16, user_nm = $17, user_phnno = $18, \
         user_eml = $19, user_etc1 = $20, user_etc2 = $21, domain = $22, webhook_enable_yn = $23, \
         version = version + 1, updated_at = $24 \
         WHERE id = $25 AND version = $26 AND use_cnt = $27",
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
pub async fn delete(conn: &mut Conn, id: i64) -> Result<bool, StoreError> {
    let result = sqlx::query("DELETE FROM coupons WHERE id = $1").bind(id).execute(conn).await?;
    Ok(result.rows_affected() == 1)
}
