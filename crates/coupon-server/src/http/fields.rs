//! Small request bodies of a few optional text fields (use, redeem), read strictly: an unknown
//! name is a field error (1002), a value that is not a string is a type error (1001).

use std::collections::HashMap;

use coupon_rules::{params, ErrorCode, FieldError, Lang, Report};
use serde_json::{Map, Value};

use super::error::ApiError;

/// The longest idempotency key (the page's use and the API's redeem).
pub const MAX_IDEMPOTENCY_KEY: usize = 128;

/// The text fields of a body, by name.
#[derive(Debug, Default)]
pub struct TextFields {
    values: HashMap<&'static str, String>,
}

impl TextFields {
    /// Reads `body`, which may contain only the `known` names, each a string or `null`.
    pub fn parse(body: Map<String, Value>, known: &[&'static str], lang: Lang) -> Result<TextFields, ApiError> {
        let mut fields = TextFields::default();
        let (mut unknown, mut wrong_types) = (Vec::new(), Vec::new());
        for (name, value) in body {
            let Some(known_name) = known.iter().copied().find(|k| *k == name) else {
                unknown.push(FieldError::new(name, ErrorCode::UnknownField, params! {}, lang));
                continue;
            };
            match value {
                Value::String(text) => {
                    fields.values.insert(known_name, text);
                }
                Value::Null => {}
                _ => wrong_types.push(FieldError::new(
                    known_name,
                    ErrorCode::InvalidType,
                    params! { "expected" => "string" },
                    lang,
                )),
            }
        }
        if !wrong_types.is_empty() {
            return Err(ApiError::WrongTypes(wrong_types));
        }
        if !unknown.is_empty() {
            return Err(ApiError::Invalid(Report { errors: unknown, warnings: Vec::new() }));
        }
        Ok(fields)
    }

    /// The field's value, if given and not empty.
    pub fn take(&mut self, name: &str) -> Option<String> {
        self.values.remove(name).filter(|v| !v.is_empty())
    }
}

/// A 1002 error when `value` is longer than `max` characters.
pub fn check_max_len(field: &'static str, value: Option<&str>, max: usize, lang: Lang) -> Result<(), ApiError> {
    match value {
        Some(v) if v.chars().count() > max => Err(ApiError::Invalid(Report {
            errors: vec![FieldError::new(field, ErrorCode::TooLong, params! { "max" => max }, lang)],
            warnings: Vec::new(),
        })),
        _ => Ok(()),
    }
}
