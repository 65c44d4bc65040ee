//! The validity period: real `YYYY-MM-DD` dates, start on or before end, end at most 31 December of
//! next year, and a warning for an end in the past (how a coupon is switched off).

use super::Check;
use crate::model::{DateError, Ymd};
use crate::params;
use crate::report::{ErrorCode, Findings};
use crate::request::Field;

pub(super) fn check(check: &Check<'_>, findings: &mut Findings) {
    let request = check.request;
    let start = parse(Field::StrtYmd, request.strt_ymd.as_deref(), findings);
    let end = parse(Field::EndYmd, request.end_ymd.as_deref(), findings);
    if request.end_ymd.is_none() && check.is_create() {
        findings.error(Field::EndYmd.name(), ErrorCode::Required, params! {});
    }
    let today = check.context.today;
    if let Some(Some(end)) = end {
        let limit = latest_end_date(today);
        if end > limit {
            findings.error(Field::EndYmd.name(), ErrorCode::DateBeyondLimit, params! { "max" => limit.to_string() });
        } else if end < today {
            findings.warning(Field::EndYmd.name(), ErrorCode::EndInPast, params! { "today" => today.to_string() });
        }
    }
    if matches!(start, Some(None)) || matches!(end, Some(None)) || (start.is_none() && end.is_none()) {
        return;
    }
    let effective_start = check.effective(start.flatten(), |c| c.strt_ymd);
    let effective_end = check.effective(end, |c| c.end_ymd).flatten();
    if let (Some(start), Some(end)) = (effective_start, effective_end) {
        if start > end {
            let field = if request.end_ymd.is_some() { Field::EndYmd } else { Field::StrtYmd };
            findings.error(
                field.name(),
                ErrorCode::StartAfterEnd,
                params! { "start" => start.to_string(), "end" => end.to_string() },
            );
        }
    }
}

/// The latest end date a coupon may have when today is `today`: 31 December of next year.
pub fn latest_end_date(today: Ymd) -> Ymd {
    today.end_of_next_year()
}

/// `None`: absent; `Some(None)`: present but not a date (reported); `Some(Some(d))`: a date.
fn parse(field: Field, text: Option<&str>, findings: &mut Findings) -> Option<Option<Ymd>> {
    let text = text?;
    Some(match Ymd::parse(text) {
        Ok(date) => Some(date),
        Err(DateError::Format) => {
            findings.error(field.name(), ErrorCode::InvalidDateFormat, params! {});
            None
        }
        Err(DateError::Nonexistent) => {
            findings.error(field.name(), ErrorCode::NonexistentDate, params! {});
            None
        }
    })
}
