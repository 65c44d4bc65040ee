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
// Integer arithmetic only: float formatting would add kilobytes to the customer page's wasm.
pub fn money(amount: f64, decimals: u32) -> String {
    let scale = 10u64.pow(decimals);
    let scaled = (amount.abs() * scale as f64).round() as u64;
    let mut text = String::with_capacity(24);
    if amount < 0.0 && scaled != 0 {
        text.push('-');
    }
    push_grouped(&mut text, scaled / scale);
    if decimals > 0 {
        text.push('.');
        push_digits(&mut text, scaled % scale, decimals as usize);
    }
    text
}

/// A number rounded to two decimals, without trailing zeros (`10`, `12.5`, `33.33`).
fn trim_number(value: f64) -> String {
    let hundredths = (value.abs() * 100.0).round() as u64;
    let mut text = String::with_capacity(12);
    if value < 0.0 && hundredths != 0 {
        text.push('-');
    }
    push_digits(&mut text, hundredths / 100, 1);
    match hundredths % 100 {
        0 => {}
        cents if cents.is_multiple_of(10) => {
            text.push('.');
            push_digits(&mut text, cents / 10, 1);
        }
        cents => {
            text.push('.');
            push_digits(&mut text, cents, 2);
        }
    }
    text
}

/// `value` with commas between groups of three digits.
fn push_grouped(text: &mut String, value: u64) {
    let mut digits = String::with_capacity(20);
    push_digits(&mut digits, value, 1);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            text.push(',');
        }
        text.push(digit);
    }
}

/// `value` in decimal, left-padded with zeros to at least `width` digits.
fn push_digits(text: &mut String, mut value: u64, width: usize) {
    let mut reversed = [0u8; 20];
    let mut len = 0;
    while value > 0 || len < width {
        reversed[len] = b'0' + (value % 10) as u8;
        value /= 10;
        len += 1;
    }
    text.extend(reversed[..len].iter().rev().map(|&d| char::from(d)));
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
    fn numbers_round_and_trim() {
        assert_eq!(trim_number(33.333), "33.33");
        assert_eq!(trim_number(0.5), "0.5");
        assert_eq!(trim_number(100.0), "100");
        assert_eq!(money(5.256, 2), "5.26");
        assert_eq!(money(-1234.5, 2), "-1,234.50");
        assert_eq!(money(0.004, 2), "0.00");
        assert_eq!(money(12345678.0, 0), "12,345,678");
    }

    #[test]
    fn money_groups_thousands() {
        assert_eq!(money(0.0, 0), "0");
        assert_eq!(money(999.0, 0), "999");
        assert_eq!(money(1000.0, 0), "1,000");
        assert_eq!(money(100000.0, 2), "100,000.00");
    }
}
