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

/// The Rust type of a field of a given JSON kind.
macro_rules! field_type {
    (Text) => {
        String
    };
    (Integer) => {
        i64
    };
    (Number) => {
        f64
    };
}
pub(crate) use field_type;

/// Defines a request made of named optional fields, from one list of `Variant rust_name "api_name"
/// Kind;` lines: the field enum, the request struct (serialised with the API's names, absent fields
/// left out) and how it is read. `numbers_from_text: true` reads numbers sent as text too (form
/// bodies carry only text).
macro_rules! field_set {
    (
        $(#[$field_doc:meta])* enum $Field:ident;
        $(#[$request_doc:meta])* struct $Request:ident;
        numbers_from_text: $numbers_from_text:literal;
        $( $variant:ident $rust:ident $name:literal $kind:ident; )*
    ) => {
        $(#[$field_doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $Field { $( #[doc = concat!("`", $name, "`")] $variant, )* }

        impl $Field {
            /// Every field, in the order of the API's document.
            pub const ALL: &'static [$Field] = &[$( $Field::$variant, )*];

            /// The field's name in the API.
            pub const fn name(self) -> &'static str {
                match self { $( $Field::$variant => $name, )* }
            }

            /// The field with this exact name.
            pub fn from_name(name: &str) -> Option<$Field> {
                match name { $( $name => Some($Field::$variant), )* _ => None }
            }

            /// The JSON type the field takes.
            pub const fn expected(self) -> $crate::raw::Expected {
                match self { $( $Field::$variant => $crate::raw::Expected::$kind, )* }
            }

            /// The known field closest to a misspelt name, if one is close enough to be a likely typo.
            pub fn suggest(name: &str) -> Option<$Field> {
                $crate::suggest::nearest(name, $Field::ALL.iter().map(|f| (f.name(), *f)))
            }
        }

        impl ::std::fmt::Display for $Field {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.name())
            }
        }

        $(#[$request_doc])*
        #[derive(Debug, Clone, Default, PartialEq, ::serde::Serialize)]
        pub struct $Request {
            $(
                #[doc = concat!("`", $name, "`")]
                #[serde(rename = $name, skip_serializing_if = "Option::is_none")]
                pub $rust: Option<$crate::fields::field_type!($kind)>,
            )*
            /// What was wrong with the request's shape (unknown names, values of the wrong type).
            #[serde(skip)]
            pub problems: Vec<$crate::fields::ParseProblem<$Field>>,
        }

        impl $Request {
            /// Whether the request gives `field` a value (of the right type; see `problems` for the rest).
            pub fn has(&self, field: $Field) -> bool {
                match field { $( $Field::$variant => self.$rust.is_some(), )* }
            }
        }

        impl $crate::fields::FieldSet for $Request {
            type Field = $Field;

            fn field_named(name: &str) -> Option<$Field> {
                $Field::from_name(name)
            }

            fn suggest(name: &str) -> Option<$Field> {
                $Field::suggest(name)
            }

            fn set(&mut self, field: $Field, raw: $crate::raw::Raw) {
                let raw = match field.expected() {
                    $crate::raw::Expected::Text => raw,
                    _ if $numbers_from_text => raw.numbers_from_text(),
                    _ => raw,
                };
                match field {
                    $( $Field::$variant => match raw.convert() {
                        Ok(value) => self.$rust = value,
                        Err(()) => self.problems.push($crate::fields::ParseProblem::WrongType {
                            field,
                            expected: $crate::raw::Expected::$kind,
                        }),
                    }, )*
                }
            }

            fn problems(&mut self) -> &mut Vec<$crate::fields::ParseProblem<$Field>> {
                &mut self.problems
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $Request {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                $crate::fields::read_fields(deserializer)
            }
        }
    };
}
pub(crate) use field_set;
