//! Reading a JSON object of known fields without ever failing on its content: unknown names and
//! values of the wrong type become [`ParseProblem`]s, reported later with every other finding.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, DeserializeSeed, IgnoredAny, MapAccess, Visitor};
use serde::Deserializer;
use serde_json::value::RawValue;

use crate::raw::{Expected, Raw};
use crate::request::Field;

/// Something wrong with the shape of a request, found while reading it.
#[derive(Debug, Clone, PartialEq)]
pub enum ParseProblem<F = Field> {
    /// A field name the API does not have (its nearest known name is found when it is reported).
    UnknownField {
        /// The name as sent.
        name: String,
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
    /// Stores a value, or a problem when it has the wrong type.
    fn set(&mut self, field: Self::Field, raw: Raw);
    /// Whether the field takes any number (whose text as sent is kept exactly).
    fn is_number(field: Self::Field) -> bool;
    /// Stores a number field's value from the text of a JSON number (or any JSON value).
    fn set_json(&mut self, field: Self::Field, json: &str) -> Result<(), serde_json::Error>;
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
                // A double cannot tell 0.0000001 from what was sent: numbers are read from their text.
                Key::Known(field) if T::is_number(field) => {
                    let json = map.next_value::<Box<RawValue>>()?;
                    request.set_json(field, json.get()).map_err(de::Error::custom)?;
                }
                Key::Known(field) => {
                    let raw = map.next_value::<Raw>()?;
                    request.set(field, raw);
                }
                Key::Unknown(name) => {
                    map.next_value::<IgnoredAny>()?;
                    // No suggestion yet: it is worked out only when the problem is reported.
                    request.problems().push(ParseProblem::UnknownField { name });
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

/// A field value read as a number, for the fields that hold one.
pub(crate) trait AsNumber {
    /// The value when it is a number.
    fn as_number(&self) -> Option<f64>;
}

impl AsNumber for f64 {
    fn as_number(&self) -> Option<f64> {
        Some(*self)
    }
}

impl AsNumber for i64 {
    fn as_number(&self) -> Option<f64> {
        None
    }
}

impl AsNumber for String {
    fn as_number(&self) -> Option<f64> {
        None
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
/// Kind "TypeScript type";` lines: the field enum, the request struct (serialised with the API's names, absent fields
/// left out) and how it is read. `numbers_from_text: true` reads numbers sent as text too (form
/// bodies carry only text).
macro_rules! field_set {
    (
        $(#[$field_doc:meta])* enum $Field:ident;
        $(#[$request_doc:meta])* struct $Request:ident;
        numbers_from_text: $numbers_from_text:literal;
        $( $variant:ident $rust:ident $name:literal $kind:ident $ts:literal; )*
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
        #[cfg_attr(feature = "js", derive(tsify::Tsify))]
        pub struct $Request {
            $(
                #[doc = concat!("`", $name, "`")]
                #[serde(rename = $name, skip_serializing_if = "Option::is_none")]
                #[cfg_attr(feature = "js", tsify(type = $ts))]
                pub $rust: Option<$crate::fields::field_type!($kind)>,
            )*
            /// What was wrong with the request's shape (unknown names, values of the wrong type).
            #[serde(skip)]
            pub problems: Vec<$crate::fields::ParseProblem<$Field>>,
            /// Numbers whose text as sent had more decimal places than their double shows
            /// (`5.0100000000000000001`): the field, the value read and the places sent.
            #[serde(skip)]
            pub sent_decimals: Vec<($Field, f64, u32)>,
        }

        impl $Request {
            /// Whether the request gives `field` a value (of the right type; see `problems` for the rest).
            pub fn has(&self, field: $Field) -> bool {
                match field { $( $Field::$variant => self.$rust.is_some(), )* }
            }

            /// The decimal places of a number field's value as it was sent: from its text when that
            /// said more than the double, else from the double; `None` when the field has no number.
            pub fn decimals(&self, field: $Field) -> Option<u32> {
                let value = self.number(field)?;
                let sent = self.sent_decimals.iter().find(|(f, v, _)| *f == field && *v == value);
                Some(sent.map_or_else(|| $crate::raw::decimal_places_of(value), |(_, _, places)| *places))
            }

            /// The value of a number field.
            fn number(&self, field: $Field) -> Option<f64> {
                #[allow(unused_imports)]
                use $crate::fields::AsNumber as _;
                match field { $( $Field::$variant => self.$rust.as_ref().and_then(|v| v.as_number()), )* }
            }

            /// Records the decimal places of `text`, the number as sent for `field`, when its value
            /// has more than its double shows.
            pub(crate) fn note_decimals(&mut self, field: $Field, text: &str) {
                self.sent_decimals.retain(|(f, _, _)| *f != field);
                let (Some(value), Some(places)) = (self.number(field), $crate::raw::decimal_places(text.trim())) else {
                    return;
                };
                if places != $crate::raw::decimal_places_of(value) {
                    self.sent_decimals.push((field, value, places));
                }
            }
        }

        impl $crate::fields::FieldSet for $Request {
            type Field = $Field;

            fn field_named(name: &str) -> Option<$Field> {
                $Field::from_name(name)
            }

            fn is_number(field: $Field) -> bool {
                field.expected() == $crate::raw::Expected::Number
            }

            fn set_json(&mut self, field: $Field, json: &str) -> Result<(), ::serde_json::Error> {
                let raw: $crate::raw::Raw = ::serde_json::from_str(json)?;
                let text = match &raw {
                    $crate::raw::Raw::Int(_) | $crate::raw::Raw::Float(_) => Some(json),
                    $crate::raw::Raw::Str(s) if $numbers_from_text => Some(s.as_str()),
                    _ => None,
                }
                .map(str::to_owned);
                self.set(field, raw);
                if let Some(text) = text {
                    self.note_decimals(field, &text);
                }
                Ok(())
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
