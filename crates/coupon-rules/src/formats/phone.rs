//! Phone numbers as people type them: digits, spaces and `+ - ( )`.

/// The longest phone number accepted.
pub const MAX_PHONE_LEN: usize = 30;

/// Whether the text is a phone number: only digits, spaces and `+ - ( )`, with at least one digit.
pub fn is_phone_number(text: &str) -> bool {
    text.chars().count() <= MAX_PHONE_LEN
        && text.chars().any(|c| c.is_ascii_digit())
        && text.chars().all(|c| c.is_ascii_digit() || matches!(c, ' ' | '+' | '-' | '(' | ')'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phones() {
        for ok in ["+1 123-4567-8900", "010-1234-5678", "(02) 123 4567"] {
            assert!(is_phone_number(ok), "{ok}");
        }
        for bad in ["call me", "+1 123 ext. 5", "---", "1234567890123456789012345678901"] {
            assert!(!is_phone_number(bad), "{bad}");
        }
    }
}
