//! Texts for people: the discount as the coupon shows it.

use crate::lang::Lang;
use crate::model::{Currency, DiscountType};

/// The discount as a coupon shows it: `10% OFF`, `₩5,000 OFF`, `$5.00 OFF` (Korean: `10% 할인`).
pub fn discount_text(kind: DiscountType, disc: f64, currency: Currency, lang: Lang) -> String {
    let amount = match kind {
        DiscountType::Percentage => format!("{}%", trim_number(disc)),
        DiscountType::FixedAmount => {
            format!("{}{}{}", currency.prefix(), money(disc, currency.decimals()), currency.suffix())
        }
    };
    match lang {
        Lang::En => format!("{amount} OFF"),
        Lang::Ko => format!("{amount} 할인"),
    }
}

/// An amount with thousands separators and exactly `decimals` decimal places (`5,000`, `5.00`).
pub fn money(amount: f64, decimals: u32) -> String {
    let text = format!("{:.*}", decimals as usize, amount.abs());
    let (whole, fraction) = text.split_once('.').map_or((text.as_str(), None), |(w, f)| (w, Some(f)));
    let mut grouped = String::with_capacity(text.len() + whole.len() / 3 + 1);
    if amount < 0.0 {
        grouped.push('-');
    }
    for (i, digit) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    if let Some(fraction) = fraction {
        grouped.push('.');
        grouped.push_str(fraction);
    }
    grouped
}

/// A number without a trailing `.0` (`10`, `12.5`).
fn trim_number(value: f64) -> String {
    let text = format!("{:.2}", value);
    text.trim_end_matches('0').trim_end_matches('.').to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn discounts_read_as_on_the_coupon() {
        assert_eq!(discount_text(DiscountType::Percentage, 10.0, Currency::KRW, Lang::En), "10% OFF");
        assert_eq!(discount_text(DiscountType::Percentage, 12.5, Currency::KRW, Lang::En), "12.5% OFF");
        assert_eq!(discount_text(DiscountType::FixedAmount, 5000.0, Currency::KRW, Lang::En), "₩5,000 OFF");
        assert_eq!(discount_text(DiscountType::FixedAmount, 5.0, Currency::USD, Lang::En), "$5.00 OFF");
        assert_eq!(discount_text(DiscountType::FixedAmount, 1234567.5, Currency::EUR, Lang::En), "€1,234,567.50 OFF");
        assert_eq!(discount_text(DiscountType::FixedAmount, 500.0, Currency::RUB, Lang::En), "500.00 ₽ OFF");
        assert_eq!(discount_text(DiscountType::FixedAmount, 5000.0, Currency::KRW, Lang::Ko), "₩5,000 할인");
    }

    #[test]
    fn money_groups_thousands() {
        assert_eq!(money(0.0, 0), "0");
        assert_eq!(money(999.0, 0), "999");
        assert_eq!(money(1000.0, 0), "1,000");
        assert_eq!(money(100000.0, 2), "100,000.00");
    }
}
