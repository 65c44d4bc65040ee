//! One change written to a selection of coupons at once (see `store::bulk`).

use super::{audits, catalog, dialect, webhooks, Conn};
use crate::clock;
use crate::store::audits::{FieldChange, NewAudit};
use crate::store::bulk::{BulkOutcome, BulkUpdate};
use crate::store::coupons::{product_ids_text, Expected};
use crate::store::StoreError;

/// Writes `update` if its selection is still as validated. Must run inside a transaction.
pub async fn apply(conn: &mut Conn, update: &BulkUpdate) -> Result<BulkOutcome, StoreError> {
    if let Some(isolation) = dialect::SNAPSHOT_ISOLATION {
        sqlx::query(isolation).execute(&mut *conn).await?;
    }
    sqlx::query("SAVEPOINT bulk_update").execute(&mut *conn).await?;
    let outcome = match write(conn, update).await {
        Err(e) if e.is_unique_violation() => Ok(BulkOutcome::DuplicateCode),
        // Another server changed a selected coupon after this transaction's snapshot.
        Err(e) if e.is_serialization_failure() => Ok(BulkOutcome::Stale),
        other => other,
    };
    if !matches!(outcome, Ok(BulkOutcome::Updated(_))) {
        sqlx::query("ROLLBACK TO bulk_update").execute(&mut *conn).await?;
    }
    sqlx::query("RELEASE bulk_update").execute(&mut *conn).await?;
    outcome
}

async fn write(conn: &mut Conn, update: &BulkUpdate) -> Result<BulkOutcome, StoreError> {
    if current_state(conn, update).await? != update.expected {
        return Ok(BulkOutcome::Stale);
    }
    let changes = &update.changes;
    let group_idx = match &changes.new_group {
        Some(name) => Some(catalog::find_or_create_group(&mut *conn, update.account_id, name).await?),
        None => None,
    };
    let sql = format!(
        "UPDATE coupons SET cpn_no = COALESCE($1, cpn_no), grp_idx = COALESCE($2, grp_idx), \
         product_ids = COALESCE($3, product_ids), end_ymd = CASE WHEN $4 THEN $5 ELSE end_ymd END, \
         allowed_uses = COALESCE($6, allowed_uses), disc_currency = COALESCE($7, disc_currency), \
         disc = COALESCE($8, disc), recurring = COALESCE($9, recurring), version = version + 1, updated_at = $10 \
         WHERE account_id = $11 AND {} = $12",
        update.selection.column()
    );
    let now = clock::now_rfc3339();
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
        .bind(&now)
        .bind(update.account_id)
        .bind(update.selection.value())
        .execute(&mut *conn)
        .await?;
    for event in &update.events {
        webhooks::insert_event(&mut *conn, event).await?;
    }
    let rows: Vec<NewAudit> = update
        .audits
        .iter()
        .map(|audit| {
            let mut changes = audit.changes.clone();
            if let Some(idx) = group_idx.filter(|idx| *idx != audit.old_grp_idx) {
                changes.push(FieldChange::Value {
                    field: "grpIdx".into(),
                    old: audit.old_grp_idx.into(),
                    new: idx.into(),
                });
            }
            NewAudit { coupon_id: audit.coupon_id, changes }
        })
        .collect();
    audits::insert(conn, &rows, &update.actor, &now).await?;
    Ok(BulkOutcome::Updated(result.rows_affected() as usize))
}

/// The selection as it is now: row id, version and use count of each coupon, by row id (locked
/// against other servers' writes until the transaction ends).
async fn current_state(conn: &mut Conn, update: &BulkUpdate) -> Result<Vec<(i64, Expected)>, StoreError> {
    let sql = format!(
        "SELECT id, version, use_cnt FROM coupons WHERE account_id = $1 AND {} = $2 ORDER BY id{}",
        update.selection.column(),
        dialect::FOR_UPDATE
    );
    let rows: Vec<(i64, i64, i64)> =
        sqlx::query_as(&sql).bind(update.account_id).bind(update.selection.value()).fetch_all(&mut *conn).await?;
    Ok(rows.into_iter().map(|(id, version, use_cnt)| (id, Expected { version, use_cnt })).collect())
}
