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
