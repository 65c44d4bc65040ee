//! Store passwords guessed, counted for every server at once.

use std::time::Duration;

use super::{dialect, Conn};
use crate::store::guesses::{Admitted, GuessId, GuessLimits, Locked};
use crate::store::StoreError;

/// Admits a guess at a coupon's password unless the coupon or its account has no guesses left,
/// counting it (`count`) before anyone checks it. Must run inside a transaction; guesses of one
/// account are admitted one at a time (the driver's account lock, or SQLite's single writer), so
/// no burst across servers slips past a limit.
pub async fn admit(
    conn: &mut Conn,
    coupon_id: i64,
    account_id: i64,
    limits: GuessLimits,
    now_ms: i64,
    count: bool,
) -> Result<Result<Admitted, Locked>, StoreError> {
    if let Some(lock) = dialect::LOCK_ACCOUNT {
        sqlx::query(lock).bind(account_id).execute(&mut *conn).await?;
    }
    let window_ms = i64::try_from(limits.window.as_millis()).unwrap_or(i64::MAX);
    let since = now_ms.saturating_sub(window_ms);
    sqlx::query("DELETE FROM password_guesses WHERE account_id = $1 AND guessed_at_ms <= $2")
        .bind(account_id)
        .bind(since)
        .execute(&mut *conn)
        .await?;
    let (on_coupon, coupon_oldest): (i64, Option<i64>) =
        sqlx::query_as("SELECT COUNT(*), MIN(guessed_at_ms) FROM password_guesses WHERE coupon_id = $1")
            .bind(coupon_id)
            .fetch_one(&mut *conn)
            .await?;
    let (on_account, account_oldest): (i64, Option<i64>) =
        sqlx::query_as("SELECT COUNT(*), MIN(guessed_at_ms) FROM password_guesses WHERE account_id = $1")
            .bind(account_id)
            .fetch_one(&mut *conn)
            .await?;
    let locked_since = if on_coupon >= limits.per_coupon {
        coupon_oldest
    } else if on_account >= limits.per_account {
        account_oldest
    } else {
        None
    };
    if let Some(oldest) = locked_since {
        let wait_ms = oldest.saturating_add(window_ms).saturating_sub(now_ms).max(1000);
        return Ok(Err(Locked { retry_after: Duration::from_millis(wait_ms.unsigned_abs()) }));
    }
    let left = (limits.per_coupon - on_coupon).min(limits.per_account - on_account);
    if !count {
        return Ok(Ok(Admitted { guess: None, left_if_wrong: left }));
    }
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO password_guesses (coupon_id, account_id, guessed_at_ms) VALUES ($1, $2, $3) RETURNING id",
    )
    .bind(coupon_id)
    .bind(account_id)
    .bind(now_ms)
    .fetch_one(&mut *conn)
    .await?;
    Ok(Ok(Admitted { guess: Some(GuessId(id)), left_if_wrong: left - 1 }))
}

/// Forgets a guess whose password was right: it does not count.
pub async fn forget(conn: &mut Conn, guess: GuessId) -> Result<(), StoreError> {
    sqlx::query("DELETE FROM password_guesses WHERE id = $1").bind(guess.0).execute(conn).await?;
    Ok(())
}
