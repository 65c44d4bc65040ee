//! Whether a coupon can be used today, and if not, why.

use serde::{Deserialize, Serialize};

use super::Ymd;

/// A coupon's state on a given day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CouponStatus {
    /// Usable now.
    Active,
    /// Not valid yet: today is before the start date.
    Scheduled,
    /// Past its end date.
    Expired,
    /// Used as many times as its limit allows.
    UsedUp,
}

impl CouponStatus {
    /// The status on `today` (in the account's time zone) of a coupon valid from the start of
    /// `start` to the end of `end`, used `used` times of `limit` (0: unlimited). A used-up coupon
    /// reads as used up even after it expires: that is what its holder needs to see.
    pub fn on(today: Ymd, start: Ymd, end: Option<Ymd>, limit: i64, used: i64) -> CouponStatus {
        if limit > 0 && used >= limit {
            CouponStatus::UsedUp
        } else if end.is_some_and(|end| today > end) {
            CouponStatus::Expired
        } else if today < start {
            CouponStatus::Scheduled
        } else {
            CouponStatus::Active
        }
    }

    /// Every status.
    pub const ALL: [CouponStatus; 4] =
        [CouponStatus::Active, CouponStatus::Scheduled, CouponStatus::Expired, CouponStatus::UsedUp];

    /// The status with this API name.
    pub fn parse(name: &str) -> Option<CouponStatus> {
        CouponStatus::ALL.into_iter().find(|status| status.as_str() == name)
    }

    /// The API's name (`used_up`).
    pub const fn as_str(self) -> &'static str {
        match self {
            CouponStatus::Active => "active",
            CouponStatus::Scheduled => "scheduled",
            CouponStatus::Expired => "expired",
            CouponStatus::UsedUp => "used_up",
        }
    }

    /// Uses left of a limited coupon; `None` when unlimited.
    pub fn uses_left(limit: i64, used: i64) -> Option<i64> {
        (limit > 0).then(|| (limit - used).max(0))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> Ymd {
        Ymd::parse(text).unwrap()
    }

    #[test]
    fn valid_from_the_start_of_the_first_day_to_the_end_of_the_last() {
        let (start, end) = (d("2026-01-10"), Some(d("2026-01-20")));
        assert_eq!(CouponStatus::on(d("2026-01-09"), start, end, 0, 0), CouponStatus::Scheduled);
        assert_eq!(CouponStatus::on(d("2026-01-10"), start, end, 0, 0), CouponStatus::Active);
        assert_eq!(CouponStatus::on(d("2026-01-20"), start, end, 0, 0), CouponStatus::Active);
        assert_eq!(CouponStatus::on(d("2026-01-21"), start, end, 0, 0), CouponStatus::Expired);
        assert_eq!(CouponStatus::on(d("2099-01-21"), start, None, 0, 0), CouponStatus::Active);
    }

    #[test]
    fn limits_use_coupons_up() {
        let (start, end) = (d("2026-01-10"), Some(d("2026-01-20")));
        assert_eq!(CouponStatus::on(d("2026-01-15"), start, end, 3, 2), CouponStatus::Active);
        assert_eq!(CouponStatus::on(d("2026-01-15"), start, end, 3, 3), CouponStatus::UsedUp);
        assert_eq!(CouponStatus::on(d("2026-02-15"), start, end, 1, 1), CouponStatus::UsedUp);
        assert_eq!(CouponStatus::on(d("2026-01-15"), start, end, 0, 99), CouponStatus::Active);
        assert_eq!(CouponStatus::uses_left(3, 1), Some(2));
        assert_eq!(CouponStatus::uses_left(0, 1), None);
    }
}
