//! Webhooks: the account's config, the outbox (written with the change that causes an event) and
//! the delivery worker's leases and log.

use sqlx::Executor;

use super::{dialect, Conn, Db};
use crate::clock;
use crate::store::webhooks::{
    Attempt, ConfigChange, DeliveryLog, Destination, EventDraft, EventSummary, LeasedEvent, Next, WebhookConfig,
};
use crate::store::StoreError;

/// Writes an event to the outbox if the account's global webhook is on (read in the same
/// transaction as the change); returns whether it was written.
pub async fn insert_event(conn: &mut Conn, draft: &EventDraft) -> Result<bool, StoreError> {
    let written = sqlx::query(
        "INSERT INTO webhook_events (event_id, account_id, coupon_id, cpn_no, grp_idx, event_type, use_no, \
         payload, created_at, created_at_ms, next_attempt_at_ms) \
         SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10 FROM accounts WHERE id = $2 AND global_webhook = TRUE",
    )
    .bind(&draft.event_id)
    .bind(draft.account_id)
    .bind(draft.coupon_id)
    .bind(&draft.cpn_no)
    .bind(draft.grp_idx)
    .bind(draft.event_type.as_str())
    .bind(draft.use_no)
    .bind(&draft.payload)
    .bind(&draft.created_at)
    .bind(draft.created_at_ms)
    .execute(conn)
    .await?;
    Ok(written.rows_affected() == 1)
}

/// Writes a test event to the outbox if the account has a callback URL, whether its switch is on
/// or not (an admin tests the URL before turning it on); returns whether it was written.
pub async fn insert_test_event(conn: &mut Conn, draft: &EventDraft) -> Result<bool, StoreError> {
    let written = sqlx::query(
        "INSERT INTO webhook_events (event_id, account_id, coupon_id, cpn_no, grp_idx, event_type, use_no, \
         payload, created_at, created_at_ms, next_attempt_at_ms) \
         SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10 FROM webhook_configs \
         WHERE account_id = $2 AND callback_url <> ''",
    )
    .bind(&draft.event_id)
    .bind(draft.account_id)
    .bind(draft.coupon_id)
    .bind(&draft.cpn_no)
    .bind(draft.grp_idx)
    .bind(draft.event_type.as_str())
    .bind(draft.use_no)
    .bind(&draft.payload)
    .bind(&draft.created_at)
    .bind(draft.created_at_ms)
    .execute(conn)
    .await?;
    Ok(written.rows_affected() == 1)
}

type ConfigRow = (String, bool, String, Option<String>, Option<i64>);

fn config_of((callback_url, enabled, secret, previous_secret, previous_expires_at_ms): ConfigRow) -> WebhookConfig {
    WebhookConfig { callback_url, enabled, secret, previous_secret, previous_expires_at_ms }
}

/// An account's webhook config, if it has one.
pub async fn config(
    db: impl Executor<'_, Database = Db>,
    account_id: i64,
) -> Result<Option<WebhookConfig>, StoreError> {
    let row: Option<ConfigRow> = sqlx::query_as(
        "SELECT w.callback_url, a.global_webhook, w.secret, w.previous_secret, w.previous_expires_at_ms \
         FROM webhook_configs w JOIN accounts a ON a.id = w.account_id WHERE w.account_id = $1",
    )
    .bind(account_id)
    .fetch_optional(db)
    .await?;
    Ok(row.map(config_of))
}

/// Changes an account's config (creating it with `change.new_secret` when it has none); returns
/// whether it was created (its secret is then shown once).
pub async fn change_config(conn: &mut Conn, account_id: i64, change: &ConfigChange) -> Result<bool, StoreError> {
    let now = clock::now_rfc3339();
    let created: Option<i64> = sqlx::query_scalar(
        "INSERT INTO webhook_configs (account_id, callback_url, secret, updated_at) VALUES ($1, '', $2, $3) \
         ON CONFLICT (account_id) DO NOTHING RETURNING account_id",
    )
    .bind(account_id)
    .bind(&change.new_secret)
    .bind(&now)
    .fetch_optional(&mut *conn)
    .await?;
    if let Some(url) = &change.callback_url {
        sqlx::query("UPDATE webhook_configs SET callback_url = $1, updated_at = $2 WHERE account_id = $3")
            .bind(url)
            .bind(&now)
            .bind(account_id)
            .execute(&mut *conn)
            .await?;
    }
    if let Some(enabled) = change.enabled {
        sqlx::query("UPDATE accounts SET global_webhook = $1 WHERE id = $2")
            .bind(enabled)
            .bind(account_id)
            .execute(&mut *conn)
            .await?;
    }
    Ok(created.is_some())
}

/// Replaces an account's secret, keeping the old one valid until `previous_until_ms`; creates
/// the config when there is none.
pub async fn rotate_secret(
    conn: &mut Conn,
    account_id: i64,
    secret: &str,
    previous_until_ms: i64,
) -> Result<(), StoreError> {
    let now = clock::now_rfc3339();
    sqlx::query(
        "INSERT INTO webhook_configs (account_id, callback_url, secret, updated_at) VALUES ($1, '', $2, $3) \
         ON CONFLICT (account_id) DO UPDATE SET previous_secret = webhook_configs.secret, \
         previous_expires_at_ms = $4, secret = $2, updated_at = $3",
    )
    .bind(account_id)
    .bind(secret)
    .bind(&now)
    .bind(previous_until_ms)
    .execute(conn)
    .await?;
    Ok(())
}

/// Sets a group's own callback URL (`""`: none); returns whether the group exists.
pub async fn set_group_url(conn: &mut Conn, account_id: i64, grp_idx: i64, url: &str) -> Result<bool, StoreError> {
    let result = sqlx::query("UPDATE coupon_groups SET webhook_url = $1 WHERE account_id = $2 AND idx = $3")
        .bind(url)
        .bind(account_id)
        .bind(grp_idx)
        .execute(conn)
        .await?;
    Ok(result.rows_affected() == 1)
}

/// A group's own callback URL (`""`: none), if the group exists.
pub async fn group_url(
    db: impl Executor<'_, Database = Db>,
    account_id: i64,
    grp_idx: i64,
) -> Result<Option<String>, StoreError> {
    let url = sqlx::query_scalar("SELECT webhook_url FROM coupon_groups WHERE account_id = $1 AND idx = $2")
        .bind(account_id)
        .bind(grp_idx)
        .fetch_optional(db)
        .await?;
    Ok(url)
}

/// Where an account's event of group `grp_idx` goes: the group's URL when it has one, else the
/// global one; `None` without a config.
pub async fn destination(
    db: impl Executor<'_, Database = Db> + Copy,
    account_id: i64,
    grp_idx: i64,
) -> Result<Option<Destination>, StoreError> {
    let Some(config) = config(db, account_id).await? else { return Ok(None) };
    let group_url = match grp_idx {
        0 => None,
        _ => group_url(db, account_id, grp_idx).await?.filter(|url| !url.is_empty()),
    };
    Ok(Some(match group_url {
        Some(url) => Destination { url, group: true, config },
        None => Destination { url: config.callback_url.clone(), group: false, config },
    }))
}

type LeasedRow = (i64, String, i64, i64, String, i64, i64);

/// Leases up to `limit` events due at `now_ms` until `until_ms`, oldest first: those no other
/// worker holds, and of each coupon only the first not yet tried (a later one waits for it unless
/// it has failed once: one failing receiver does not hold the rest back for 24 hours).
pub async fn lease(conn: &mut Conn, now_ms: i64, until_ms: i64, limit: i64) -> Result<Vec<LeasedEvent>, StoreError> {
    let sql = format!(
        "UPDATE webhook_events SET lease_until_ms = $2 WHERE id IN (SELECT e.id FROM webhook_events e \
         WHERE e.status = 'pending' AND e.next_attempt_at_ms <= $1 \
         AND (e.lease_until_ms IS NULL OR e.lease_until_ms < $1) \
         AND NOT EXISTS (SELECT 1 FROM webhook_events p WHERE p.coupon_id = e.coupon_id AND p.id < e.id \
         AND p.status = 'pending' AND p.attempts = 0) \
         ORDER BY e.id LIMIT $3{}) \
         RETURNING id, event_id, account_id, grp_idx, payload, attempts, created_at_ms",
        dialect::SKIP_LOCKED
    );
    let mut rows: Vec<LeasedRow> = sqlx::query_as(&sql).bind(now_ms).bind(until_ms).bind(limit).fetch_all(conn).await?;
    rows.sort_by_key(|row| row.0);
    Ok(rows
        .into_iter()
        .map(|(row, event_id, account_id, grp_idx, payload, attempts, created_at_ms)| LeasedEvent {
            row,
            event_id,
            account_id,
            grp_idx,
            payload,
            attempts,
            created_at_ms,
        })
        .collect())
}

/// Logs an attempt and sets what follows it; the lease ends.
pub async fn finish(conn: &mut Conn, row: i64, attempt: &Attempt, next: Next) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO webhook_deliveries (event_row, attempt, request_id, webhook_type, url, attempted_at, \
         http_status, latency_ms, reply, error) \
         SELECT id, attempts + 1, $2, $3, $4, $5, $6, $7, $8, $9 FROM webhook_events WHERE id = $1",
    )
    .bind(row)
    .bind(&attempt.request_id)
    .bind(attempt.webhook_type)
    .bind(&attempt.url)
    .bind(&attempt.attempted_at)
    .bind(attempt.http_status)
    .bind(attempt.latency_ms)
    .bind(&attempt.reply)
    .bind(&attempt.error)
    .execute(&mut *conn)
    .await?;
    let (status, next_at, delivered_at) = match next {
        Next::Delivered => ("delivered", None, Some(attempt.attempted_at.clone())),
        Next::RetryAt(at) => ("pending", Some(at), None),
        Next::Failed => ("failed", None, None),
    };
    sqlx::query(
        "UPDATE webhook_events SET attempts = attempts + 1, lease_until_ms = NULL, status = $1, \
         next_attempt_at_ms = COALESCE($2, next_attempt_at_ms), delivered_at = $3, last_http_status = $4, \
         last_error = $5 WHERE id = $6",
    )
    .bind(status)
    .bind(next_at)
    .bind(delivered_at)
    .bind(attempt.http_status)
    .bind(&attempt.error)
    .bind(row)
    .execute(conn)
    .await?;
    Ok(())
}

type SummaryRow = (String, String, String, Option<i64>, String, i64, Option<i64>, String, Option<String>);

/// An account's latest events (newest first), of one coupon and/or one status when given.
pub async fn events(
    db: impl Executor<'_, Database = Db>,
    account_id: i64,
    cpn_no: Option<&str>,
    status: Option<&str>,
    limit: i64,
) -> Result<Vec<EventSummary>, StoreError> {
    let rows: Vec<SummaryRow> = sqlx::query_as(
        "SELECT event_id, event_type, cpn_no, use_no, status, attempts, last_http_status, created_at, delivered_at \
         FROM webhook_events WHERE account_id = $1 AND ($2 IS NULL OR cpn_no = $2) AND ($3 IS NULL OR status = $3) \
         ORDER BY id DESC LIMIT $4",
    )
    .bind(account_id)
    .bind(cpn_no)
    .bind(status)
    .bind(limit)
    .fetch_all(db)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(id, event_type, cpn_no, use_no, status, attempts, last_http_status, created_at, delivered_at)| {
            EventSummary {
                id,
                event_type,
                cpn_no,
                use_no,
                status,
                attempts,
                last_http_status,
                created_at,
                delivered_at,
            }
        })
        .collect())
}

/// Sends an account's event again from now (a fresh 24 hours of retries); returns whether it exists.
pub async fn resend(conn: &mut Conn, account_id: i64, event_id: &str, now_ms: i64) -> Result<bool, StoreError> {
    let result = sqlx::query(
        "UPDATE webhook_events SET status = 'pending', next_attempt_at_ms = $1, created_at_ms = $1, \
         lease_until_ms = NULL WHERE account_id = $2 AND event_id = $3",
    )
    .bind(now_ms)
    .bind(account_id)
    .bind(event_id)
    .execute(conn)
    .await?;
    Ok(result.rows_affected() == 1)
}

type DeliveryRow = (i64, String, String, String, String, Option<i64>, i64, String, Option<String>);

/// The delivery log of an account's event, first attempt first; `None` for no such event.
pub async fn deliveries(
    db: impl Executor<'_, Database = Db> + Copy,
    account_id: i64,
    event_id: &str,
) -> Result<Option<Vec<DeliveryLog>>, StoreError> {
    let row: Option<i64> = sqlx::query_scalar("SELECT id FROM webhook_events WHERE account_id = $1 AND event_id = $2")
        .bind(account_id)
        .bind(event_id)
        .fetch_optional(db)
        .await?;
    let Some(row) = row else { return Ok(None) };
    let rows: Vec<DeliveryRow> = sqlx::query_as(
        "SELECT attempt, request_id, webhook_type, url, attempted_at, http_status, latency_ms, reply, error \
         FROM webhook_deliveries WHERE event_row = $1 ORDER BY attempt, id",
    )
    .bind(row)
    .fetch_all(db)
    .await?;
    Ok(Some(
        rows.into_iter()
            .map(|(attempt, request_id, webhook_type, url, attempted_at, http_status, latency_ms, reply, error)| {
                DeliveryLog {
                    attempt,
                    request_id,
                    webhook_type,
                    url,
                    attempted_at,
                    http_status,
                    latency_ms,
                    reply,
                    error,
                }
            })
            .collect(),
    ))
}
