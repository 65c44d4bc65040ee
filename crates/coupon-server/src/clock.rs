//! The server's clock: "today" in an account's time zone, and timestamps for the store.

use chrono::{Datelike, SecondsFormat, Utc};
use chrono_tz::Tz;
use coupon_rules::Ymd;

/// Today's date in `zone`: the day the coupon rules and statuses are evaluated on.
pub fn today_in(zone: Tz) -> Ymd {
    let local = Utc::now().with_timezone(&zone).date_naive();
    // chrono's years are within 1–9999 for any real clock; fall back to the epoch otherwise.
    Ymd::new(local.year() as u16, local.month() as u8, local.day() as u8)
        .unwrap_or_else(|| Ymd::from_days_since_epoch(0).expect("1970-01-01 exists"))
}

/// Now, as stored and shown: RFC 3339 in UTC with seconds (`2026-11-21T23:15:46Z`).
pub fn now_rfc3339() -> String {
    Utc::now().to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// A time in Unix milliseconds as RFC 3339 in UTC; `None` out of chrono's range.
pub fn rfc3339_of_millis(millis: i64) -> Option<String> {
    chrono::DateTime::from_timestamp_millis(millis).map(|t| t.to_rfc3339_opts(SecondsFormat::Secs, true))
}

/// Now, in milliseconds since the Unix epoch (for windows of time kept in the store).
pub fn now_millis() -> i64 {
    Utc::now().timestamp_millis()
}

/// The time `ago` before now, as stored (to compare with stored timestamps).
pub fn rfc3339_before(ago: std::time::Duration) -> String {
    let ago = chrono::Duration::from_std(ago).unwrap_or(chrono::Duration::zero());
    (Utc::now() - ago).to_rfc3339_opts(SecondsFormat::Secs, true)
}
