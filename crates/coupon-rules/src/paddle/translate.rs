//! The fields both dialects describe (discount amount, currency, end date) are checked by the first
//! dialect's rules, so the two can never disagree; this maps the names both ways.

use crate::raw::decimal_places_of;
use crate::report::FieldError;
use crate::request::{Field, UpdateRequest};

use super::request::{PaddleField, PaddleRequest};

/// The part of the request the first dialect also has, in its terms. A blank `expires` (remove the
/// expiry) has no first-dialect equivalent and is left out.
pub(super) fn to_update(request: &PaddleRequest) -> UpdateRequest {
    let disc = request.discount_amount;
    // The decimals as sent travel with the amount, so both dialects check the same exact number.
    let sent_decimals = match (disc, request.decimals(PaddleField::DiscountAmount)) {
        (Some(value), Some(places)) if places != decimal_places_of(value) => vec![(Field::Disc, value, places)],
        _ => Vec::new(),
    };
    UpdateRequest {
        disc,
        disc_currency: request.currency.clone(),
        end_ymd: request.expires.clone().filter(|e| !e.is_empty()),
        sent_decimals,
        ..UpdateRequest::default()
    }
}

/// This dialect's name for a first-dialect field.
pub(super) fn paddle_name(field: &str) -> Option<PaddleField> {
    match Field::from_name(field)? {
        Field::Disc => Some(PaddleField::DiscountAmount),
        Field::DiscCurrency => Some(PaddleField::Currency),
        Field::EndYmd => Some(PaddleField::Expires),
        _ => None,
    }
}

/// First-dialect findings renamed into this dialect.
pub(super) fn translated_findings(report: crate::report::Report) -> crate::report::Report {
    let rename = |mut finding: FieldError| {
        if let Some(field) = paddle_name(&finding.field) {
            finding.field = field.name().into();
        }
        finding
    };
    crate::report::Report {
        errors: report.errors.into_iter().map(rename).collect(),
        warnings: report.warnings.into_iter().map(rename).collect(),
    }
}
