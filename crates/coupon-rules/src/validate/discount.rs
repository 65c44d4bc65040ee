//! The discount: its type (457/458), value and currency.

use super::Check;
use crate::model::{Currency, DiscountType};
use crate::params;
use crate::raw::decimal_places_of;
use crate::report::{ErrorCode, Findings};
use crate::request::Field;

/// The allowed currencies, as listed in messages.
pub const CURRENCY_LIST: &str = "KRW, CAD, CNY, EUR, GBP, IDR, JPY, MUR, RUB, SGD, USD";
/// The smallest and largest percentage.
pub const PERCENT_RANGE: (f64, f64) = (1.0, 100.0);

pub(super) fn check(check: &Check<'_>, findings: &mut Findings) {
    let request = check.request;
    let requested_type = match request.disc_type_idx {
        None => {
            if check.is_create() {
                findings.error(Field::DiscTypeIdx.name(), ErrorCode::Required, params! {});
            }
            None
        }
        Some(idx) => {
            let kind = DiscountType::from_idx(idx);
            if kind.is_none() {
                findings.error(
                    Field::DiscTypeIdx.name(),
                    ErrorCode::InvalidChoice,
                    params! { "allowed" => "457, 458" },
                );
            }
            kind
        }
    };
    let requested_currency = request.disc_currency.as_deref().map(|code| {
        let currency = Currency::parse(code);
        if currency.is_none() {
            findings.error(
                Field::DiscCurrency.name(),
                ErrorCode::InvalidChoice,
                params! { "allowed" => CURRENCY_LIST },
            );
        }
        currency
    });
    if requested_type == Some(DiscountType::FixedAmount) && request.disc_currency.is_none() {
        findings.error(Field::DiscCurrency.name(), ErrorCode::Required, params! { "discTypeIdx" => 458_i64 });
    }
    if request.disc.is_none() && check.is_create() {
        findings.error(Field::Disc.name(), ErrorCode::Required, params! {});
    }

    let touched = request.disc.is_some() || request.disc_type_idx.is_some() || request.disc_currency.is_some();
    if !touched || request.disc_type_idx.is_some() && requested_type.is_none() || requested_currency == Some(None) {
        return;
    }
    let (Some(kind), Some(disc)) =
        (check.effective(requested_type, |c| c.disc_type_idx), check.effective(request.disc, |c| c.disc))
    else {
        return;
    };
    let field = Field::Disc.name();
    match kind {
        DiscountType::Percentage => {
            let (min, max) = PERCENT_RANGE;
            if !(min..=max).contains(&disc) {
                findings.error(field, ErrorCode::OutOfRange, params! { "min" => 1_i64, "max" => 100_i64 });
            }
        }
        DiscountType::FixedAmount => {
            let currency = check.effective(requested_currency.flatten(), |c| c.disc_currency).unwrap_or_default();
            // The places of the number as sent, not of its double: 0.0000001 KRW is refused.
            let decimals = request.decimals(Field::Disc).unwrap_or_else(|| decimal_places_of(disc));
            if disc <= 0.0 {
                findings.error(field, ErrorCode::NotPositive, params! {});
            } else if disc > currency.max_amount() as f64 {
                findings.error(
                    field,
                    ErrorCode::TooLarge,
                    params! { "max" => currency.max_amount(), "currency" => currency.code() },
                );
            } else if decimals > currency.decimals() {
                findings.error(
                    field,
                    ErrorCode::TooManyDecimals,
                    params! { "max" => currency.decimals(), "currency" => currency.code() },
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals_are_counted_exactly() {
        let has_at_most = |value: f64, places: u32| decimal_places_of(value) <= places;
        assert!(has_at_most(5.01, 2));
        assert!(!has_at_most(0.1 + 0.2, 2));
        assert!(!has_at_most(5.001, 2));
        assert!(has_at_most(5000.0, 0));
        assert!(!has_at_most(5000.5, 0));
        assert!(!has_at_most(0.0000001, 0));
        assert!(!has_at_most(1000.0000001, 0));
    }
}
