//! Coupon codes: 8–16 capital letters and digits, shown to people in groups of four.

/// The shortest coupon code.
pub const MIN_CODE_LEN: usize = 8;
/// The longest coupon code.
pub const MAX_CODE_LEN: usize = 16;
/// The length of generated codes.
pub const GENERATED_CODE_LEN: usize = 16;
/// The characters a code is made of.
pub const CODE_ALPHABET: &[u8; 36] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

/// What a person typed as a code, cleaned: dashes and white space removed, letters capitalised
/// (`zjlf-0399 wqbe-qzjm` -> `ZJLF0399WQBEQZJM`).
pub fn normalize_code(typed: &str) -> String {
    typed
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-' && *c != '‐' && *c != '–')
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

/// Whether the text is a well-formed code: 8–16 of `A-Z0-9`.
pub fn is_code(text: &str) -> bool {
    (MIN_CODE_LEN..=MAX_CODE_LEN).contains(&text.len())
        && text.bytes().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
}

/// The code in groups of four for reading aloud (`ZJLF-0399-WQBE-QZJM`).
pub fn group_code(code: &str) -> String {
    let mut grouped = String::with_capacity(code.len() + code.len() / 4);
    for (i, c) in code.chars().enumerate() {
        if i > 0 && i % 4 == 0 {
            grouped.push('-');
        }
        grouped.push(c);
    }
    grouped
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalises_what_people_type() {
        assert_eq!(normalize_code(" zjlf-0399 wqbe-qzjm "), "ZJLF0399WQBEQZJM");
        assert!(is_code(&normalize_code("zjlf-0399")));
    }

    #[test]
    fn codes_are_8_to_16_capitals_and_digits() {
        assert!(is_code("ZJLF0399"));
        assert!(is_code("ZJLF0399WQBEQZJM"));
        assert!(!is_code("ZJLF039"));
        assert!(!is_code("ZJLF0399WQBEQZJMX"));
        assert!(!is_code("zjlf0399"));
        assert!(!is_code("ZJLF-0399"));
    }

    #[test]
    fn groups_of_four() {
        assert_eq!(group_code("ZJLF0399WQBEQZJM"), "ZJLF-0399-WQBE-QZJM");
        assert_eq!(group_code("ABCDEFGHIJ"), "ABCD-EFGH-IJ");
        assert_eq!(group_code(""), "");
    }
}
