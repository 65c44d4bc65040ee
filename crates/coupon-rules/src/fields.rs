//! Reading a JSON object of known fields without ever failing on its content: unknown names and
//! values of the wrong type become [`ParseProblem`]s, reported later with every other finding.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{DeserializeSeed, IgnoredAny, MapAccess, Visitor};
use serde::Deserializer;

use crate::raw::{Expected, Raw};
use crate::request::Field;

/// Something wrong with the shape of a request, found while reading it.
#[derive(Debug, Clone, PartialEq)]
pub enum ParseProblem<F = Field> {
    /// A field name the API does not have, with the nearest known name.
    UnknownField {
        /// The name as sent.
        name: String,
        /// The closest known field, when one is close enough to be a likely typo.
        suggestion: Option<F>,
    },
    /// A known field whose value has the wrong JSON type.
    WrongType {
        /// The field.
        field: F,
        /// What it takes.
        expected: Expected,
    },
}

/// A request made of named optional fields.
pub(crate) trait FieldSet: Default {
    /// The request's field names.
    type Field: Copy;
    /// The field with this exact name.
    fn field_named(name: &str) -> Option<Self::Field>;
    /// The field closest to a misspelt name.
    fn suggest(name: &str) -> Option<Self::Field>;
    /// Stores a value, or a problem when it has the wrong type.
    fn set(&mut self, field: Self::Field, raw: Raw);
    /// Where problems go.
    fn problems(&mut self) -> &mut Vec<ParseProblem<Self::Field>>;
}

/// Reads a JSON object into `T`; only a non-object (or broken JSON) is an error.
pub(crate) fn read_fields<'de, D: Deserializer<'de>, T: FieldSet>(deserializer: D) -> Result<T, D::Error> {
    deserializer.deserialize_map(ObjectVisitor::<T>(PhantomData))
}

struct ObjectVisitor<T>(PhantomData<T>);

impl<'de, T: FieldSet> Visitor<'de> for ObjectVisitor<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<T, A::Error> {
        let mut request = T::default();
        while let Some(key) = map.next_key_seed(KeySeed::<T>(PhantomData))? {
            match key {
                Key::Known(field) => {
                    let raw = map.next_value::<Raw>()?;
                    request.set(field, raw);
                }
                Key::Unknown(name) => {
                    map.next_value::<IgnoredAny>()?;
                    let suggestion = T::suggest(&name);
                    request.problems().push(ParseProblem::UnknownField { name, suggestion });
                }
            }
        }
        Ok(request)
    }
}

/// A key of the object: a known field, or the name of an unknown one.
enum Key<F> {
    Known(F),
    Unknown(String),
}

struct KeySeed<T>(PhantomData<T>);

impl<'de, T: FieldSet> DeserializeSeed<'de> for KeySeed<T> {
    type Value = Key<T::Field>;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_str(self)
    }
}

impl<T: FieldSet> Visitor<'_> for KeySeed<T> {
    type Value = Key<T::Field>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a field name")
    }

    fn visit_str<E>(self, s: &str) -> Result<Self::Value, E> {
        Ok(T::field_named(s).map_or_else(|| Key::Unknown(s.to_owned()), Key::Known))
    }
}
