//! The update (and create) request of the coupon API: 24 optional fields with the API's own names.
//!
//! Parsing never fails on a JSON object: an unknown name or a value of the wrong JSON type is kept as
//! a [`ParseProblem`], which `validate_update` reports beside every other rule, so a caller sees every
//! problem at once.

pub use crate::fields::ParseProblem;
use crate::fields::{field_set, FieldSet};
pub use crate::raw::Expected;
use crate::raw::Raw;

field_set! {
    /// A field of the update request, named as the API names it.
    enum Field;
    /// A request of the update or create API. `None` means "absent": unchanged on update.
    struct UpdateRequest;
    numbers_from_text: false;
    CpnNo cpn_no "cpnNo" Text "string";
    Domain domain "domain" Text "string";
    WebhookEnableYn webhook_enable_yn "webhookEnableYn" Text "\"Y\" | \"N\"";
    Nm nm "nm" Text "string";
    DiscTypeIdx disc_type_idx "discTypeIdx" Integer "457 | 458";
    Disc disc "disc" Number "number";
    DiscCurrency disc_currency "discCurrency" Text "string";
    StrtYmd strt_ymd "strtYmd" Text "string";
    EndYmd end_ymd "endYmd" Text "string";
    UseLimit use_limit "useLimit" Integer "number";
    GrpIdx grp_idx "grpIdx" Integer "number";
    TmplIdx tmpl_idx "tmplIdx" Integer "number";
    OnsiteYn onsite_yn "onsiteYn" Text "\"Y\" | \"N\"";
    OnsitePwd onsite_pwd "onsitePwd" Text "string";
    Memo memo "memo" Text "string";
    Url url "url" Text "string";
    Color color "color" Text "string";
    Background background "background" Text "string";
    UserId user_id "userId" Text "string";
    UserNm user_nm "userNm" Text "string";
    UserPhnno user_phnno "userPhnno" Text "string";
    UserEml user_eml "userEml" Text "string";
    UserEtc1 user_etc1 "userEtc1" Text "string";
    UserEtc2 user_etc2 "userEtc2" Text "string";
}

impl UpdateRequest {
    /// Sets a field from what a person typed into a form: numbers are parsed from the text, an empty
    /// number field is absent, and text that is not a number is kept as a problem.
    pub fn set_input(&mut self, field: Field, text: &str) {
        self.problems.retain(|p| !matches!(p, ParseProblem::WrongType { field: f, .. } if *f == field));
        let raw = match field.expected() {
            Expected::Text => Raw::Str(text.to_owned()),
            _ => Raw::Str(text.to_owned()).numbers_from_text(),
        };
        self.set(field, raw);
        self.note_decimals(field, text);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(json: &str) -> UpdateRequest {
        serde_json::from_str(json).expect("a JSON object parses")
    }

    #[test]
    fn all_24_fields_have_their_api_names() {
        assert_eq!(Field::ALL.len(), 24);
        for field in Field::ALL {
            assert_eq!(Field::from_name(field.name()), Some(*field));
        }
    }

    #[test]
    fn reads_known_fields_and_treats_null_as_absent() {
        let r = parse(r#"{"cpnNo":"ZJLF0399WQBEQZJM","disc":10,"useLimit":1.0,"memo":null}"#);
        assert_eq!(r.cpn_no.as_deref(), Some("ZJLF0399WQBEQZJM"));
        assert_eq!(r.disc, Some(10.0));
        assert_eq!(r.use_limit, Some(1));
        assert_eq!(r.memo, None);
        assert!(r.problems.is_empty());
    }

    #[test]
    fn unknown_names_and_wrong_types_are_kept_not_fatal() {
        let r = parse(r#"{"cpNo":"X","disc":"10","useLimit":1.5,"nm":{"a":[1,2]},"zzzzzzzz":1}"#);
        assert_eq!(
            r.problems,
            vec![
                ParseProblem::UnknownField { name: "cpNo".into() },
                ParseProblem::WrongType { field: Field::Disc, expected: Expected::Number },
                ParseProblem::WrongType { field: Field::UseLimit, expected: Expected::Integer },
                ParseProblem::WrongType { field: Field::Nm, expected: Expected::Text },
                ParseProblem::UnknownField { name: "zzzzzzzz".into() },
            ]
        );
    }

    #[test]
    fn a_non_object_is_a_parse_error() {
        assert!(serde_json::from_str::<UpdateRequest>("[1]").is_err());
        assert!(serde_json::from_str::<UpdateRequest>("\"x\"").is_err());
    }

    #[test]
    fn serialises_only_present_fields_with_api_names() {
        let r = UpdateRequest { cpn_no: Some("ABCD1234".into()), user_etc1: Some("x".into()), ..Default::default() };
        assert_eq!(serde_json::to_string(&r).unwrap(), r#"{"cpnNo":"ABCD1234","userEtc1":"x"}"#);
    }

    #[test]
    fn form_input_parses_numbers_and_keeps_bad_ones_as_problems() {
        let mut r = UpdateRequest::default();
        r.set_input(Field::Disc, " 12.5 ");
        assert_eq!(r.disc, Some(12.5));
        r.set_input(Field::UseLimit, "abc");
        assert_eq!(r.problems, vec![ParseProblem::WrongType { field: Field::UseLimit, expected: Expected::Integer }]);
        r.set_input(Field::UseLimit, "2");
        assert_eq!(r.use_limit, Some(2));
        assert!(r.problems.is_empty());
        r.set_input(Field::UseLimit, "");
        assert_eq!(r.use_limit, None);
    }
}
