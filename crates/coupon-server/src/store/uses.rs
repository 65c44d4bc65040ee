//! Uses of coupons: the atomic, limit-respecting use and the log that answers retries.

use sqlx::{SqliteConnection, SqliteExecutor};

use super::StoreError;
use crate::clock;

/// Where a use came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Channel {
    /// The staff button on the coupon page.
    Page,
    /// `PUT /api/coupon/v1/redeem`.
    Api,
}

impl Channel {
    fn as_str(self) -> &'static str {
        match self {
            Channel::Page => "page",
            Channel::Api => "api",
        }
    }
}

/// A use to record.
#[derive(Debug, Clone)]
pub struct NewUse {
    /// The coupon's row id.
    pub coupon_id: i64,
    /// The coupon version whose dates and limit were checked: the use happens only if it is unchanged.
    pub expected_version: i64,
    /// Where it came from.
    pub channel: Channel,
    /// Who used it, if the caller says.
    pub user_id: String,
    /// A note on the use.
    pub memo: String,
    /// The client's key for retries of one press of "Use".
    pub idempotency_key: Option<String>,
}

/// One recorded use.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UseRecord {
    /// The coupon's use count right after this use.
    pub use_no: i64,
    /// When (RFC 3339, UTC).
    pub used_at: String,
}

/// How recording a use went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UseOutcome {
    /// The coupon was used.
    Applied(UseRecord),
    /// The idempotency key had been used already: this is that first use.
    Replayed(UseRecord),
    /// Its limit is reached.
    UsedUp,
    /// It was edited since it was checked: check again.
    Stale,
    /// It was deleted.
    Gone,
}

/// The use recorded under an idempotency key for a coupon.
async fn find_by_key(db: impl SqliteExecutor<'_>, coupon_id: i64, key: &str) -> Result<Option<UseRecord>, StoreError> {
    let row: Option<(i64, String)> =
        sqlx::query_as("SELECT use_no, used_at FROM coupon_uses WHERE coupon_id = ? AND idempotency_key = ?")
            .bind(coupon_id)
            .bind(key)
            .fetch_optional(db)
            .await?;
    Ok(row.map(|(use_no, used_at)| UseRecord { use_no, used_at }))
}

/// Uses a coupon once, atomically: one conditional UPDATE that only a coupon under its use limit
/// and its allowed uses (and unchanged since it was checked) passes, checked for the row it changed. Must run inside a
/// transaction, so the use count and the log change together.
pub async fn record(conn: &mut SqliteConnection, new: &NewUse) -> Result<UseOutcome, StoreError> {
    if let Some(key) = &new.idempotency_key {
        if let Some(first) = find_by_key(&mut *conn, new.coupon_id, key).await? {
            return Ok(UseOutcome::Replayed(first));
        }
    }
    let used_at = clock::now_rfc3339();
    let use_no: Option<i64> = sqlx::query_scalar(
        "UPDATE coupons SET use_cnt = use_cnt + 1, last_used_at = ? \
         WHERE id = ? AND version = ? AND (use_limit = 0 OR use_cnt < use_limit) \
         AND (allowed_uses IS NULL OR use_cnt < allowed_uses) RETURNING use_cnt",
    )
    .bind(&used_at)
    .bind(new.coupon_id)
    .bind(new.expected_version)
    .fetch_optional(&mut *conn)
    .await?;
    let Some(use_no) = use_no else {
        let version: Option<i64> = sqlx::query_scalar("SELECT version FROM coupons WHERE id = ?")
            .bind(new.coupon_id)
            .fetch_optional(&mut *conn)
            .await?;
        return Ok(match version {
            None => UseOutcome::Gone,
            Some(version) if version != new.expected_version => UseOutcome::Stale,
            Some(_) => UseOutcome::UsedUp,
        });
    };
    insert_log(conn, new, use_no, &used_at).await?;
    Ok(UseOutcome::Applied(UseRecord { use_no, used_at }))
}

/// Records a use that happened (the log only; the count is the caller's).
pub async fn insert_log(
    conn: &mut SqliteConnection,
    new: &NewUse,
    use_no: i64,
    used_at: &str,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO coupon_uses (coupon_id, use_no, used_at, channel, user_id, memo, idempotency_key) \
         VALUES (?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(new.coupon_id)
    .bind(use_no)
    .bind(used_at)
    .bind(new.channel.as_str())
    .bind(&new.user_id)
    .bind(&new.memo)
    .bind(&new.idempotency_key)
    .execute(conn)
    .await?;
    Ok(())
}
