//! Calendar dates written `YYYY-MM-DD`, without a clock: rules get `today` from their context.

use std::fmt;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A calendar date (proleptic Gregorian, years 1–9999): a chrono [`NaiveDate`] that is read and
/// written only as `YYYY-MM-DD`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Ymd(NaiveDate);

/// Why a text is not a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateError {
    /// Not exactly `YYYY-MM-DD`.
    Format,
    /// Shaped right, but no such day (`2025-02-29`, `2024-13-01`).
    Nonexistent,
}

/// 1970-01-01 counted in chrono's days from 0001-01-01 (day 1).
const EPOCH_DAYS_FROM_CE: i64 = 719_163;

impl Ymd {
    /// The date, if it exists.
    pub fn new(year: u16, month: u8, day: u8) -> Option<Ymd> {
        if !(1..=9999).contains(&year) {
            return None;
        }
        NaiveDate::from_ymd_opt(i32::from(year), u32::from(month), u32::from(day)).map(Ymd)
    }

    /// Reads exactly `YYYY-MM-DD`.
    pub fn parse(text: &str) -> Result<Ymd, DateError> {
        // chrono's own parser also takes `2024-1-1` and `+2024-01-01`: the shape is checked here, the
        // calendar by chrono.
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
    pub fn year(self) -> u16 {
        // Always within 1–9999: every constructor checks it.
        self.0.year() as u16
    }

    /// The month, 1–12.
    pub fn month(self) -> u8 {
        self.0.month() as u8
    }

    /// The day of the month, 1–31.
    pub fn day(self) -> u8 {
        self.0.day() as u8
    }

    /// 31 December of the year after this date's: the latest end date a coupon may have.
    pub fn end_of_next_year(self) -> Ymd {
        let year = (self.year() + 1).min(9999);
        Ymd::new(year, 12, 31).unwrap_or(self)
    }

    /// Days since 1970-01-01 (negative before).
    pub fn days_since_epoch(self) -> i64 {
        i64::from(self.0.num_days_from_ce()) - EPOCH_DAYS_FROM_CE
    }

    /// The date `days` after 1970-01-01, if it is within years 1–9999.
    pub fn from_days_since_epoch(days: i64) -> Option<Ymd> {
        let from_ce = i32::try_from(days.checked_add(EPOCH_DAYS_FROM_CE)?).ok()?;
        let date = NaiveDate::from_num_days_from_ce_opt(from_ce)?;
        (1..=9999).contains(&date.year()).then_some(Ymd(date))
    }

    /// The date `days` later (or earlier, when negative), kept within years 1–9999.
    pub fn add_days(self, days: i64) -> Ymd {
        self.days_since_epoch().checked_add(days).and_then(Ymd::from_days_since_epoch).unwrap_or(self)
    }
}

impl fmt::Display for Ymd {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year(), self.month(), self.day())
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
        assert_eq!(Ymd::parse("2024-02-29").unwrap().end_of_next_year().to_string(), "2025-12-31");
        assert_eq!(Ymd::parse("9999-06-01").unwrap().end_of_next_year().to_string(), "9999-12-31");
    }

    #[test]
    fn days_count_across_leap_years_centuries_and_the_edges() {
        assert_eq!(Ymd::parse("2000-03-01").unwrap().add_days(-1).to_string(), "2000-02-29");
        assert_eq!(Ymd::parse("1900-03-01").unwrap().add_days(-1).to_string(), "1900-02-28");
        assert_eq!(Ymd::parse("1969-12-31").unwrap().days_since_epoch(), -1);
        assert_eq!(Ymd::parse("2026-11-21").unwrap().days_since_epoch(), 20_778);
        let first = Ymd::parse("0001-01-01").unwrap();
        let last = Ymd::parse("9999-12-31").unwrap();
        assert_eq!(first.add_days(-1), first, "kept within years 1–9999");
        assert_eq!(last.add_days(1), last);
        assert_eq!(Ymd::from_days_since_epoch(last.days_since_epoch() + 1), None);
        assert_eq!(Ymd::from_days_since_epoch(i64::MAX), None);
        assert_eq!(first.add_days(i64::MAX), first);
        assert_eq!((last.year(), last.month(), last.day()), (9999, 12, 31));
    }
}
