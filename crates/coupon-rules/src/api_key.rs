//! An API key's label (`POST /api/coupon/v1/keys {label}`): the name an admin knows a key by in the
//! key list and in a coupon's history. The admin screen checks it on every keystroke and the server
//! checks it again, with this one function.

use crate::lang::Lang;
use crate::params;
use crate::report::{ErrorCode, FieldError};

/// The request field a label travels in.
pub const KEY_LABEL_FIELD: &str = "label";
/// The longest label, in characters, once trimmed.
pub const MAX_KEY_LABEL_LEN: usize = 100;

/// What is wrong with a label as sent (`None`: the field is absent), if anything: it is required,
/// must not be blank, and is at most [`MAX_KEY_LABEL_LEN`] characters without its surrounding
/// spaces (which are not stored).
pub fn check_key_label(label: Option<&str>, lang: Lang) -> Option<FieldError> {
    let error = |code, params| Some(FieldError::new(KEY_LABEL_FIELD, code, params, lang));
    match label.map(str::trim) {
        None => error(ErrorCode::Required, params! {}),
        Some("") => error(ErrorCode::Blank, params! {}),
        Some(text) if text.chars().count() > MAX_KEY_LABEL_LEN => {
            error(ErrorCode::TooLong, params! { "max" => MAX_KEY_LABEL_LEN })
        }
        Some(_) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(label: Option<&str>) -> Option<&'static str> {
        check_key_label(label, Lang::En).map(|error| error.code.as_str())
    }

    #[test]
    fn a_label_is_required_and_not_blank() {
        assert_eq!(code(None), Some("required"));
        assert_eq!(code(Some("")), Some("blank"));
        assert_eq!(code(Some("  \t ")), Some("blank"));
        assert_eq!(code(Some("Front desk")), None);
    }

    #[test]
    fn a_label_has_at_most_100_characters_without_its_spaces() {
        assert_eq!(code(Some(&"가".repeat(100))), None, "characters, not bytes");
        assert_eq!(code(Some(&format!("  {}  ", "a".repeat(100)))), None, "surrounding spaces are not stored");
        let error = check_key_label(Some(&"a".repeat(101)), Lang::En).unwrap();
        assert_eq!((error.field.as_ref(), error.code.as_str()), ("label", "too_long"));
        assert_eq!(error.message, "At most 100 characters.");
    }
}
