//! Calendar dates written `YYYY-MM-DD`, without a clock: rules get `today` from their context.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A calendar date (proleptic Gregorian, years 1–9999).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Ymd {
    year: u16,
    month: u8,
    day: u8,
}

/// Why a text is not a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateError {
    /// Not exactly `YYYY-MM-DD`.
    Format,
    /// Shaped right, but no such day (`2025-02-29`, `2024-13-01`).
    Nonexistent,
}

impl Ymd {
    /// The date, if it exists.
    pub fn new(year: u16, month: u8, day: u8) -> Option<Ymd> {
        let exists =
            (1..=9999).contains(&year) && (1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month);
        exists.then_some(Ymd { year, month, day })
    }

    /// Reads exactly `YYYY-MM-DD`.
    pub fn parse(text: &str) -> Result<Ymd, DateError> {
        let b = text.as_bytes();
        let shaped = b.len() == 10
            && b[4] == b'-'
            && b[7] == b'-'
            && b.iter().enumerate().all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
        if !shaped {
            return Err(DateError::Format);
        }
        let number = |range: std::ops::Range<usize>| b[range].iter().fold(0u16, |n, c| n * 10 + u16::from(c - b'0'));
        Ymd::new(number(0..4), number(5..7) as u8, number(8..10) as u8).ok_or(DateError::Nonexistent)
    }

    /// The year.
    pub const fn year(self) -> u16 {
        self.year
    }

    /// The month, 1–12.
    pub const fn month(self) -> u8 {
        self.month
    }

    /// The day of the month, 1–31.
    pub const fn day(self) -> u8 {
        self.day
    }

    /// 31 December of the year after this date's: the latest end date a coupon may have.
    pub fn end_of_next_year(self) -> Ymd {
        let year = (self.year + 1).min(9999);
        Ymd { year, month: 12, day: 31 }
    }

    /// Days since 1970-01-01 (negative before).
    pub fn days_since_epoch(self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let (m, d) = (i64::from(self.month), i64::from(self.day));
        let y = i64::from(self.year) - i64::from(m <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` after 1970-01-01, if it is within years 1–9999.
    pub fn from_days_since_epoch(days: i64) -> Option<Ymd> {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = doy - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = yoe + era * 400 + i64::from(month <= 2);
        Ymd::new(u16::try_from(year).ok()?, month as u8, day as u8)
    }

    /// The date `days` later (or earlier, when negative), kept within years 1–9999.
    pub fn add_days(self, days: i64) -> Ymd {
        Ymd::from_days_since_epoch(self.days_since_epoch() + days).unwrap_or(self)
    }
}

fn is_leap(year: u16) -> bool {
    year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400))
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl fmt::Display for Ymd {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for Ymd {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Ymd {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        Ymd::parse(&text).map_err(|_| serde::de::Error::custom("expected a date written YYYY-MM-DD"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn leap_days_exist_only_in_leap_years() {
        assert!(Ymd::parse("2024-02-29").is_ok());
        assert_eq!(Ymd::parse("2025-02-29"), Err(DateError::Nonexistent));
        assert!(Ymd::parse("2000-02-29").is_ok());
        assert_eq!(Ymd::parse("1900-02-29"), Err(DateError::Nonexistent));
    }

    #[test]
    fn only_the_exact_shape_is_a_date() {
        for bad in ["2024-1-01", "2024/01/01", "20240101", " 2024-01-01", "2024-01-01T00:00", "２０２４-01-01", ""]
        {
            assert_eq!(Ymd::parse(bad), Err(DateError::Format), "{bad}");
        }
        for missing in ["2024-13-01", "2024-00-10", "2024-04-31", "0000-01-01"] {
            assert_eq!(Ymd::parse(missing), Err(DateError::Nonexistent), "{missing}");
        }
    }

    #[test]
    fn days_round_trip_and_order() {
        let d = Ymd::parse("2026-11-21").unwrap();
        assert_eq!(Ymd::from_days_since_epoch(d.days_since_epoch()), Some(d));
        assert_eq!(Ymd::parse("1970-01-01").unwrap().days_since_epoch(), 0);
        assert_eq!(d.add_days(41).to_string(), "2027-01-01");
        assert!(Ymd::parse("2026-12-31").unwrap() < Ymd::parse("2027-01-01").unwrap());
        assert_eq!(d.end_of_next_year().to_string(), "2027-12-31");
    }
}
