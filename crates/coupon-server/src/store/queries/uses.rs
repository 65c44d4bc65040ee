//! Uses of coupons: the atomic, limit-respecting use and the log that answers retries.

use sqlx::Executor;

use super::{dialect, webhooks, Conn, Db};
use crate::clock;
use crate::store::uses::{NewUse, UseOutcome, UseRecord};
use crate::store::StoreError;

/// The use recorded under an idempotency key for a coupon.
pub async fn find_by_key(
    db: impl Executor<'_, Database = Db>,
    coupon_id: i64,
    key: &str,
) -> Result<Option<UseRecord>, StoreError> {
    let row: Option<(i64, String, Option<String>)> = sqlx::query_as(
        "SELECT use_no, used_at, request_digest FROM coupon_uses WHERE coupon_id = $1 AND idempotency_key = $2",
    )
    .bind(coupon_id)
    .bind(key)
    .fetch_optional(db)
    .await?;
    Ok(row.map(|(use_no, used_at, request_digest)| UseRecord { use_no, used_at, request_digest }))
}

/// Uses a coupon once, atomically: one conditional UPDATE that only a coupon under its use limit
/// and its allowed uses (and unchanged since it was checked) passes, checked for the row it
/// changed. Must run inside a transaction, so the use count and the log change together. Two uses
/// under one idempotency key at once (on two servers) cannot both be logged: the second fails the
/// log's UNIQUE constraint and its transaction, and the caller answers it with the first.
///
/// With an event due (`new.event`) the use, its log row and its event are written in the caller's
/// transaction (on PostgreSQL too: the outbox row commits with the use or not at all).
pub async fn record(conn: &mut Conn, new: &NewUse) -> Result<UseOutcome, StoreError> {
    if dialect::USE_IN_ONE_STATEMENT && new.event.is_none() {
        return record_in_one_statement(conn, new).await;
    }
    if let Some(key) = &new.idempotency_key {
        if let Some(first) = find_by_key(&mut *conn, new.coupon_id, key).await? {
            return Ok(UseOutcome::Replayed(first));
        }
    }
    let used_at = clock::now_rfc3339();
    let use_no: Option<i64> = sqlx::query_scalar(
        "UPDATE coupons SET use_cnt = use_cnt + 1, last_used_at = $1 \
         WHERE id = $2 AND version = $3 AND (use_limit = 0 OR use_cnt < use_limit) \
         AND (allowed_uses IS NULL OR use_cnt < allowed_uses) RETURNING use_cnt",
    )
    .bind(&used_at)
    .bind(new.coupon_id)
    .bind(new.expected_version)
    .fetch_optional(&mut *conn)
    .await?;
    let Some(use_no) = use_no else { return refusal(conn, new).await };
    insert_log(conn, new, use_no, &used_at).await?;
    if let Some(event) = &new.event {
        webhooks::insert_event(conn, &event.draft(new.coupon_id, use_no, &used_at)).await?;
    }
    Ok(UseOutcome::Applied(UseRecord { use_no, used_at, request_digest: new.request_digest.clone() }))
}

/// [`record`] as one statement: the conditional count and the log row in a data-changing CTE,
/// atomic without a transaction around it. A key already logged fails the log's UNIQUE constraint
/// (and with it the whole statement); the caller answers with the first use.
async fn record_in_one_statement(conn: &mut Conn, new: &NewUse) -> Result<UseOutcome, StoreError> {
    let used_at = clock::now_rfc3339();
    let use_no: Option<i64> = sqlx::query_scalar(
        "WITH used AS (UPDATE coupons SET use_cnt = use_cnt + 1, last_used_at = $1 \
         WHERE id = $2 AND version = $3 AND (use_limit = 0 OR use_cnt < use_limit) \
         AND (allowed_uses IS NULL OR use_cnt < allowed_uses) RETURNING id, use_cnt) \
         INSERT INTO coupon_uses (coupon_id, use_no, used_at, channel, user_id, memo, idempotency_key, \
         request_digest) SELECT id, use_cnt, $1, $4, $5, $6, $7, $8 FROM used RETURNING use_no",
    )
    .bind(&used_at)
    .bind(new.coupon_id)
    .bind(new.expected_version)
    .bind(new.channel.as_str())
    .bind(&new.user_id)
    .bind(&new.memo)
    .bind(&new.idempotency_key)
    .bind(&new.request_digest)
    .fetch_optional(&mut *conn)
    .await?;
    match use_no {
        Some(use_no) => {
            Ok(UseOutcome::Applied(UseRecord { use_no, used_at, request_digest: new.request_digest.clone() }))
        }
        None => refusal(conn, new).await,
    }
}

/// Why a coupon's conditional count changed nothing: deleted, edited since it was checked, or at
/// its limit.
async fn refusal(conn: &mut Conn, new: &NewUse) -> Result<UseOutcome, StoreError> {
    let version: Option<i64> = sqlx::query_scalar("SELECT version FROM coupons WHERE id = $1")
        .bind(new.coupon_id)
        .fetch_optional(&mut *conn)
        .await?;
    Ok(match version {
        None => UseOutcome::Gone,
        Some(version) if version != new.expected_version => UseOutcome::Stale,
        Some(_) => UseOutcome::UsedUp,
    })
}

/// Records a use that happened (the log only; the count is the caller's).
pub async fn insert_log(conn: &mut Conn, new: &NewUse, use_no: i64, used_at: &str) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO coupon_uses (coupon_id, use_no, used_at, channel, user_id, memo, idempotency_key, \
         request_digest) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(new.coupon_id)
    .bind(use_no)
    .bind(used_at)
    .bind(new.channel.as_str())
    .bind(&new.user_id)
    .bind(&new.memo)
    .bind(&new.idempotency_key)
    .bind(&new.request_digest)
    .execute(conn)
    .await?;
    Ok(())
}
