//! The request of the second vendor's `POST /2.1/product/update_coupon`, from JSON or a form body.

use crate::fields::{field_set, FieldSet, ParseProblem};
use crate::raw::Raw;

field_set! {
    /// A field of the second vendor's update request, named as that API names it.
    enum PaddleField;
    /// An update by coupon code or by group. Every field is optional here; the rules say which are
    /// required. Numbers may come as numbers or as text (form bodies carry only text).
    struct PaddleRequest;
    numbers_from_text: true;
    VendorId vendor_id "vendor_id" Integer "number | string";
    VendorAuthCode vendor_auth_code "vendor_auth_code" Text "string";
    CouponCode coupon_code "coupon_code" Text "string";
    Group group "group" Text "string";
    NewCouponCode new_coupon_code "new_coupon_code" Text "string";
    NewGroup new_group "new_group" Text "string";
    ProductIds product_ids "product_ids" Text "string";
    Expires expires "expires" Text "string";
    AllowedUses allowed_uses "allowed_uses" Integer "number | string";
    Currency currency "currency" Text "\"USD\" | \"GBP\" | \"EUR\"";
    DiscountAmount discount_amount "discount_amount" Number "number | string";
    Recurring recurring "recurring" Integer "0 | 1 | \"0\" | \"1\"";
}

impl PaddleRequest {
    /// Reads a form body's decoded `name=value` pairs (`application/x-www-form-urlencoded`).
    pub fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> PaddleRequest {
        let mut request = PaddleRequest::default();
        for (name, value) in pairs {
            match PaddleField::from_name(name) {
                Some(field) => {
                    request.set(field, Raw::Str(value.to_owned()));
                    request.note_decimals(field, value);
                }
                // No suggestion yet: it is worked out only when the problem is reported, after the
                // credentials have been checked.
                None => request.problems.push(ParseProblem::UnknownField { name: name.to_owned() }),
            }
        }
        request
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::raw::Expected;

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
                ParseProblem::UnknownField { name: "coupon_cod".into() },
                ParseProblem::WrongType { field: PaddleField::AllowedUses, expected: Expected::Integer },
            ]
        );
    }
}
