//! The request of the second vendor's `POST /2.1/product/update_coupon`, from JSON or a form body.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize};

use crate::fields::{read_fields, FieldSet, ParseProblem};
use crate::raw::{Expected, Raw};
use crate::suggest::nearest;

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

macro_rules! paddle_fields {
    ($( $variant:ident $rust:ident $name:literal $kind:ident; )*) => {
        /// A field of the second vendor's update request, named as that API names it.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum PaddleField { $( #[doc = concat!("`", $name, "`")] $variant, )* }

        impl PaddleField {
            /// Every field, in the order of the vendor's document.
            pub const ALL: &'static [PaddleField] = &[$( PaddleField::$variant, )*];

            /// The field's name (`coupon_code`).
            pub const fn name(self) -> &'static str {
                match self { $( PaddleField::$variant => $name, )* }
            }

            /// The field with this exact name.
            pub fn from_name(name: &str) -> Option<PaddleField> {
                match name { $( $name => Some(PaddleField::$variant), )* _ => None }
            }

            /// The type the field takes.
            pub const fn expected(self) -> Expected {
                match self { $( PaddleField::$variant => Expected::$kind, )* }
            }
        }

        /// An update by coupon code or by group. Every field is optional here; the rules say which are
        /// required. Numbers may come as numbers or as text (form bodies carry only text).
        #[derive(Debug, Clone, Default, PartialEq, Serialize)]
        pub struct PaddleRequest {
            $(
                #[doc = concat!("`", $name, "`")]
                #[serde(rename = $name, skip_serializing_if = "Option::is_none")]
                pub $rust: Option<field_type!($kind)>,
            )*
            /// Unknown names and values of the wrong type.
            #[serde(skip)]
            pub problems: Vec<ParseProblem<PaddleField>>,
        }

        impl PaddleRequest {
            /// Whether the request gives `field` a value (of the right type; see `problems` for the rest).
            pub fn has(&self, field: PaddleField) -> bool {
                match field { $( PaddleField::$variant => self.$rust.is_some(), )* }
            }
        }

        impl FieldSet for PaddleRequest {
            type Field = PaddleField;

            fn field_named(name: &str) -> Option<PaddleField> {
                PaddleField::from_name(name)
            }

            fn suggest(name: &str) -> Option<PaddleField> {
                nearest(name, PaddleField::ALL.iter().map(|f| (f.name(), *f)))
            }

            fn set(&mut self, field: PaddleField, raw: Raw) {
                let raw = match field.expected() {
                    Expected::Text => raw,
                    _ => raw.numbers_from_text(),
                };
                match field {
                    $( PaddleField::$variant => match raw.convert() {
                        Ok(value) => self.$rust = value,
                        Err(()) => self.problems.push(ParseProblem::WrongType { field, expected: Expected::$kind }),
                    }, )*
                }
            }

            fn problems(&mut self) -> &mut Vec<ParseProblem<PaddleField>> {
                &mut self.problems
            }
        }
    };
}

paddle_fields! {
    VendorId vendor_id "vendor_id" Integer;
    VendorAuthCode vendor_auth_code "vendor_auth_code" Text;
    CouponCode coupon_code "coupon_code" Text;
    Group group "group" Text;
    NewCouponCode new_coupon_code "new_coupon_code" Text;
    NewGroup new_group "new_group" Text;
    ProductIds product_ids "product_ids" Text;
    Expires expires "expires" Text;
    AllowedUses allowed_uses "allowed_uses" Integer;
    Currency currency "currency" Text;
    DiscountAmount discount_amount "discount_amount" Number;
    Recurring recurring "recurring" Integer;
}

impl fmt::Display for PaddleField {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl PaddleRequest {
    /// Reads a form body's decoded `name=value` pairs (`application/x-www-form-urlencoded`).
    pub fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> PaddleRequest {
        let mut request = PaddleRequest::default();
        for (name, value) in pairs {
            match PaddleField::from_name(name) {
                Some(field) => request.set(field, Raw::Str(value.to_owned())),
                None => {
                    let suggestion = PaddleRequest::suggest(name);
                    request.problems.push(ParseProblem::UnknownField { name: name.to_owned(), suggestion });
                }
            }
        }
        request
    }
}

impl<'de> Deserialize<'de> for PaddleRequest {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        read_fields(deserializer)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_and_form_bodies_read_the_same() {
        let json: PaddleRequest = serde_json::from_str(
            r#"{"vendor_id":12,"vendor_auth_code":"abc","coupon_code":"SUMMER1","discount_amount":"12.5","recurring":1}"#,
        )
        .unwrap();
        let form = PaddleRequest::from_pairs([
            ("vendor_id", "12"),
            ("vendor_auth_code", "abc"),
            ("coupon_code", "SUMMER1"),
            ("discount_amount", "12.5"),
            ("recurring", "1"),
        ]);
        assert_eq!(json, form);
        assert_eq!(form.vendor_id, Some(12));
        assert_eq!(form.discount_amount, Some(12.5));
    }

    #[test]
    fn blanks_are_kept_for_text_and_absent_for_numbers() {
        let form = PaddleRequest::from_pairs([("product_ids", ""), ("expires", ""), ("allowed_uses", "")]);
        assert_eq!(form.product_ids.as_deref(), Some(""));
        assert_eq!(form.expires.as_deref(), Some(""));
        assert_eq!(form.allowed_uses, None);
        assert!(form.problems.is_empty());
    }

    #[test]
    fn unknown_names_and_bad_numbers_are_problems() {
        let form = PaddleRequest::from_pairs([("coupon_cod", "X"), ("allowed_uses", "many")]);
        assert_eq!(
            form.problems,
            vec![
                ParseProblem::UnknownField { name: "coupon_cod".into(), suggestion: Some(PaddleField::CouponCode) },
                ParseProblem::WrongType { field: PaddleField::AllowedUses, expected: Expected::Integer },
            ]
        );
    }
}
