//! One change written to a selection of coupons (one coupon by code, or a whole group) at once: the
//! second vendor's `update_coupon`.
//!
//! The rules were checked on coupons read before; inside the write transaction the selection is
//! read again and must be exactly what was checked (same coupons, versions and use counts), or
//! nothing is written and the caller checks again. A use that lands in between can therefore never
//! slip past the after-use lock. Then one UPDATE changes every selected row. All of it runs under a
//! savepoint, so a refusal undoes this job alone, not the other jobs of the writer's batch.

use coupon_rules::paddle::PaddleChanges;
use sqlx::SqliteConnection;

use super::catalog;
use super::coupons::{product_ids_text, Expected};
use super::StoreError;
use crate::clock;

/// Which coupons of an account the change applies to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Selection {
    /// One coupon, by row id.
    Coupon(i64),
    /// Every coupon of a group, by group index.
    Group(i64),
}

impl Selection {
    /// The SQL condition (one `?`, bound by [`Selection::value`]) on table `coupons`.
    fn condition(self) -> &'static str {
        match self {
            Selection::Coupon(_) => "id = ?",
            Selection::Group(_) => "grp_idx = ?",
        }
    }

    fn value(self) -> i64 {
        match self {
            Selection::Coupon(id) | Selection::Group(id) => id,
        }
    }
}

/// A change to write, with the state it was validated against.
#[derive(Debug, Clone)]
pub struct BulkUpdate {
    /// The account whose coupons change.
    pub account_id: i64,
    /// Which of its coupons.
    pub selection: Selection,
    /// Every selected coupon as validated: row id and state, ordered by row id.
    pub expected: Vec<(i64, Expected)>,
    /// The selected coupons' codes, whose cached public views the change makes stale.
    pub codes: Vec<String>,
    /// What changes.
    pub changes: PaddleChanges,
}

/// How a bulk update went.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BulkOutcome {
    /// Written to this many coupons.
    Updated(usize),
    /// The selection changed since it was validated: nothing was written, validate again.
    Stale,
    /// The new code belongs to another coupon: nothing was written.
    DuplicateCode,
}

/// Writes `update` if its selection is still as validated. Must run inside a transaction.
pub async fn apply(conn: &mut SqliteConnection, update: &BulkUpdate) -> Result<BulkOutcome, StoreError> {
    sqlx::query("SAVEPOINT bulk_update").execute(&mut *conn).await?;
    let outcome = match write(conn, update).await {
        Err(e) if e.is_unique_violation() => Ok(BulkOutcome::DuplicateCode),
        other => other,
    };
    if !matches!(outcome, Ok(BulkOutcome::Updated(_))) {
        sqlx::query("ROLLBACK TO bulk_update").execute(&mut *conn).await?;
    }
    sqlx::query("RELEASE bulk_update").execute(&mut *conn).await?;
    outcome
}

async fn write(conn: &mut SqliteConnection, update: &BulkUpdate) -> Result<BulkOutcome, StoreError> {
    if current_state(conn, update).await? != update.expected {
        return Ok(BulkOutcome::Stale);
    }
    let changes = &update.changes;
    let group_idx = match &changes.new_group {
        Some(name) => Some(catalog::find_or_create_group(&mut *conn, update.account_id, name).await?),
        None => None,
    };
    let sql = format!(
        "UPDATE coupons SET cpn_no = COALESCE(?, cpn_no), grp_idx = COALESCE(?, grp_idx), \
         product_ids = COALESCE(?, product_ids), end_ymd = CASE WHEN ? THEN ? ELSE end_ymd END, \
         allowed_uses = COALESCE(?, allowed_uses), disc_currency = COALESCE(?, disc_currency), \
         disc = COALESCE(?, disc), recurring = COALESCE(?, recurring), version = version + 1, updated_at = ? \
         WHERE account_id = ? AND {}",
        update.selection.condition()
    );
    let result = sqlx::query(&sql)
        .bind(&changes.new_code)
        .bind(group_idx)
        .bind(changes.product_ids.as_deref().map(product_ids_text))
        .bind(changes.end_ymd.is_some())
        .bind(changes.end_ymd.flatten().map(|end| end.to_string()))
        .bind(changes.allowed_uses)
        .bind(changes.currency.map(|c| c.code()))
        .bind(changes.disc)
        .bind(changes.recurring)
        .bind(clock::now_rfc3339())
        .bind(update.account_id)
        .bind(update.selection.value())
        .execute(&mut *conn)
        .await?;
    Ok(BulkOutcome::Updated(result.rows_affected() as usize))
}

/// The selection as it is now: row id, version and use count of each coupon, by row id.
async fn current_state(conn: &mut SqliteConnection, update: &BulkUpdate) -> Result<Vec<(i64, Expected)>, StoreError> {
    let sql = format!(
        "SELECT id, version, use_cnt FROM coupons WHERE account_id = ? AND {} ORDER BY id",
        update.selection.condition()
    );
    let rows: Vec<(i64, i64, i64)> =
        sqlx::query_as(&sql).bind(update.account_id).bind(update.selection.value()).fetch_all(&mut *conn).await?;
    Ok(rows.into_iter().map(|(id, version, use_cnt)| (id, Expected { version, use_cnt })).collect())
}
