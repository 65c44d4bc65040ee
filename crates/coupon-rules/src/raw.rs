//! A JSON value as the request parsers see it: its type and the scalar it holds, read leniently so
//! a wrong type is a finding, not a parse failure.

use std::fmt;

use serde::de::{self, IgnoredAny, MapAccess, Visitor};
use serde::{Deserialize, Deserializer};

/// The JSON type a field expects.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expected {
    /// A JSON string.
    Text,
    /// A whole number.
    Integer,
    /// Any number.
    Number,
}

impl Expected {
    /// The name used in messages and params.
    pub fn name(self) -> &'static str {
        match self {
            Expected::Text => "string",
            Expected::Integer => "integer",
            Expected::Number => "number",
        }
    }
}

/// A JSON value as far as the request cares: its type, and the scalar it holds.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Raw {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(String),
    Compound,
}

// `null` counts as absent for every field, as most JSON clients send it for "no value".
impl Raw {
    /// The value as the JSON type a field expects; `Err` for a value of another type.
    pub(crate) fn convert<T: FromRaw>(self) -> Result<Option<T>, ()> {
        T::from_raw(self)
    }

    fn text(self) -> Result<Option<String>, ()> {
        match self {
            Raw::Null => Ok(None),
            Raw::Str(s) => Ok(Some(s)),
            _ => Err(()),
        }
    }

    fn integer(self) -> Result<Option<i64>, ()> {
        match self {
            Raw::Null => Ok(None),
            Raw::Int(i) => Ok(Some(i)),
            // JavaScript has only doubles: 3.0 is the integer 3.
            Raw::Float(f) if f.fract() == 0.0 && f.abs() < 9.0e15 => Ok(Some(f as i64)),
            _ => Err(()),
        }
    }

    fn number(self) -> Result<Option<f64>, ()> {
        match self {
            Raw::Null => Ok(None),
            Raw::Int(i) => Ok(Some(i as f64)),
            Raw::Float(f) => Ok(Some(f)),
            _ => Err(()),
        }
    }
}

impl<'de> Deserialize<'de> for Raw {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct RawVisitor;
        impl<'de> Visitor<'de> for RawVisitor {
            type Value = Raw;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("any JSON value")
            }
            fn visit_unit<E>(self) -> Result<Raw, E> {
                Ok(Raw::Null)
            }
            fn visit_none<E>(self) -> Result<Raw, E> {
                Ok(Raw::Null)
            }
            fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Raw, D::Error> {
                Raw::deserialize(d)
            }
            fn visit_bool<E>(self, b: bool) -> Result<Raw, E> {
                Ok(Raw::Bool(b))
            }
            fn visit_i64<E>(self, i: i64) -> Result<Raw, E> {
                Ok(Raw::Int(i))
            }
            fn visit_u64<E>(self, u: u64) -> Result<Raw, E> {
                Ok(i64::try_from(u).map_or(Raw::Float(u as f64), Raw::Int))
            }
            fn visit_f64<E>(self, f: f64) -> Result<Raw, E> {
                Ok(Raw::Float(f))
            }
            fn visit_str<E>(self, s: &str) -> Result<Raw, E> {
                Ok(Raw::Str(s.to_owned()))
            }
            fn visit_string<E>(self, s: String) -> Result<Raw, E> {
                Ok(Raw::Str(s))
            }
            fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<Raw, A::Error> {
                while seq.next_element::<IgnoredAny>()?.is_some() {}
                Ok(Raw::Compound)
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Raw, A::Error> {
                while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
                Ok(Raw::Compound)
            }
        }
        deserializer.deserialize_any(RawVisitor)
    }
}

/// A field value type that can be read from a [`Raw`].
pub(crate) trait FromRaw: Sized {
    fn from_raw(raw: Raw) -> Result<Option<Self>, ()>;
}

impl FromRaw for String {
    fn from_raw(raw: Raw) -> Result<Option<Self>, ()> {
        raw.text()
    }
}

impl FromRaw for i64 {
    fn from_raw(raw: Raw) -> Result<Option<Self>, ()> {
        raw.integer()
    }
}

impl FromRaw for f64 {
    fn from_raw(raw: Raw) -> Result<Option<Self>, ()> {
        raw.number()
    }
}

/// The decimal places of the exact value of a number written as `text` (JSON or form syntax:
/// `5.010` has 2, `1e-7` has 7, `1.5e3` has 0); `None` when `text` is not such a number.
pub(crate) fn decimal_places(text: &str) -> Option<u32> {
    let unsigned = text.strip_prefix(['-', '+']).unwrap_or(text);
    let (mantissa, exponent) = match unsigned.find(['e', 'E']) {
        Some(at) => (&unsigned[..at], unsigned[at + 1..].parse::<i64>().ok()?),
        None => (unsigned, 0),
    };
    let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let digits = || whole.bytes().chain(fraction.bytes());
    if whole.is_empty() && fraction.is_empty() || !digits().all(|b| b.is_ascii_digit()) {
        return None;
    }
    // Trailing zeros of the digits say nothing about the value: 5.010 is 5.01.
    let significant = whole.len() + fraction.len() - digits().rev().take_while(|b| *b == b'0').count();
    if significant == 0 {
        return Some(0);
    }
    let trailing_zeros = (whole.len() + fraction.len() - significant) as i64;
    let scale = (fraction.len() as i64).saturating_sub(exponent).saturating_sub(trailing_zeros);
    Some(u32::try_from(scale.max(0)).unwrap_or(u32::MAX))
}

/// The decimal places of a double as written shortest (the text a JSON encoder sends for it).
pub(crate) fn decimal_places_of(value: f64) -> u32 {
    if !value.is_finite() {
        return 0;
    }
    // Display writes the shortest text that reads back as `value` (without an exponent).
    decimal_places(&format!("{value}")).unwrap_or(0)
}

impl Raw {
    /// A form field's text read as a number: form bodies carry every value as text, and a blank
    /// number is absent.
    pub(crate) fn numbers_from_text(self) -> Raw {
        match self {
            Raw::Str(s) if s.trim().is_empty() => Raw::Null,
            Raw::Str(s) => match s.trim().parse::<i64>() {
                Ok(i) => Raw::Int(i),
                Err(_) => s.trim().parse::<f64>().ok().filter(|f| f.is_finite()).map_or(Raw::Str(s), Raw::Float),
            },
            other => other,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimal_places_are_those_of_the_exact_value() {
        for (text, places) in [
            ("5", 0),
            ("5.01", 2),
            ("5.010", 2),
            ("-5.5", 1),
            ("100", 0),
            ("1e15", 0),
            ("1E308", 0),
            ("1e-7", 7),
            ("0.0000001", 7),
            ("1.25e1", 1),
            ("1.5e3", 0),
            ("0.000", 0),
            ("12.", 0),
            (".5", 1),
            ("5.0100000000000000001", 19),
        ] {
            assert_eq!(decimal_places(text), Some(places), "{text}");
        }
        for text in ["", ".", "abc", "1.2.3", "1e", "inf", "NaN", "0x10"] {
            assert_eq!(decimal_places(text), None, "{text}");
        }
        assert_eq!(decimal_places_of(0.0000001), 7);
        assert_eq!(decimal_places_of(5.01), 2);
        assert_eq!(decimal_places_of(0.1 + 0.2), 17);
        assert_eq!(decimal_places_of(1e308), 0);
    }
}
