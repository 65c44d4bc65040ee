//! What validation finds: errors and warnings, each a [`FieldError`] `{field, code, message, params}`.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::lang::Lang;
use crate::messages::message;

macro_rules! error_codes {
    ($( $variant:ident $code:literal; )*) => {
        /// A stable, machine-readable reason. Serialised in snake_case (`date_beyond_limit`).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[cfg_attr(feature = "js", derive(tsify::Tsify))]
        #[serde(rename_all = "snake_case")]
        pub enum ErrorCode { $( #[doc = concat!("`", $code, "`")] $variant, )* }

        impl ErrorCode {
            /// Every code.
            pub const ALL: &'static [ErrorCode] = &[$( ErrorCode::$variant, )*];

            /// The snake_case identifier.
            pub const fn as_str(self) -> &'static str {
                match self { $( ErrorCode::$variant => $code, )* }
            }
        }
    };
}

error_codes! {
    UnknownField "unknown_field";
    InvalidType "invalid_type";
    Required "required";
    Blank "blank";
    TooLong "too_long";
    TooShort "too_short";
    InvalidCode "invalid_code";
    ContainsDash "contains_dash";
    InvalidChoice "invalid_choice";
    OutOfRange "out_of_range";
    NotPositive "not_positive";
    TooManyDecimals "too_many_decimals";
    InvalidDateFormat "invalid_date_format";
    NonexistentDate "nonexistent_date";
    StartAfterEnd "start_after_end";
    DateBeyondLimit "date_beyond_limit";
    EndInPast "end_in_past";
    UserIdRequired "user_id_required";
    UnknownGroup "unknown_group";
    UnknownTemplate "unknown_template";
    OverriddenByGroup "overridden_by_group";
    InvalidPassword "invalid_password";
    OnsiteWithoutPassword "onsite_without_password";
    InvalidUrl "invalid_url";
    UnsafeUrl "unsafe_url";
    InvalidColor "invalid_color";
    LowContrast "low_contrast";
    InvalidEmail "invalid_email";
    InvalidPhone "invalid_phone";
    InvalidDomain "invalid_domain";
    PlanRequired "plan_required";
    WebhookGloballyDisabled "webhook_globally_disabled";
    LockedAfterUse "locked_after_use";
    InvalidPattern "invalid_pattern";
    Conflict "conflict";
    OneOfRequired "one_of_required";
    InvalidProductIds "invalid_product_ids";
    IdempotencyKeyReused "idempotency_key_reused";
    TooLarge "too_large";
    TooMany "too_many";
    ControlCharacter "control_character";
    UndoExpired "undo_expired";
}

impl fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A number or text carried with an error, for messages and for programs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum ParamValue {
    /// A whole number.
    Int(i64),
    /// A number with a fraction.
    Num(f64),
    /// A text (a date, a field name, a plan).
    Text(Cow<'static, str>),
}

impl fmt::Display for ParamValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ParamValue::Int(i) => write!(f, "{i}"),
            ParamValue::Num(n) => write!(f, "{n}"),
            ParamValue::Text(t) => f.write_str(t),
        }
    }
}

impl From<i64> for ParamValue {
    fn from(value: i64) -> Self {
        ParamValue::Int(value)
    }
}

impl From<usize> for ParamValue {
    fn from(value: usize) -> Self {
        ParamValue::Int(i64::try_from(value).unwrap_or(i64::MAX))
    }
}

impl From<u32> for ParamValue {
    fn from(value: u32) -> Self {
        ParamValue::Int(i64::from(value))
    }
}

impl From<f64> for ParamValue {
    fn from(value: f64) -> Self {
        ParamValue::Num(value)
    }
}

impl From<&'static str> for ParamValue {
    fn from(value: &'static str) -> Self {
        ParamValue::Text(Cow::Borrowed(value))
    }
}

impl From<String> for ParamValue {
    fn from(value: String) -> Self {
        ParamValue::Text(Cow::Owned(value))
    }
}

/// The numbers and names a message refers to, by name.
pub type Params = BTreeMap<Cow<'static, str>, ParamValue>;

/// One problem with one field: the validator crate's shape, plus the field's API name.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
pub struct FieldError {
    /// The API's name of the field (`endYmd`), or the unknown name that was sent.
    #[cfg_attr(feature = "js", tsify(type = "string"))]
    pub field: Cow<'static, str>,
    /// Why, as a stable identifier.
    pub code: ErrorCode,
    /// Why, for people, in the requested language.
    pub message: String,
    /// The numbers and names in the message.
    #[serde(default)]
    #[cfg_attr(feature = "js", tsify(type = "Record<string, number | string>"))]
    pub params: Params,
}

impl FieldError {
    /// An error on `field` with its message written in `lang`.
    pub fn new(field: impl Into<Cow<'static, str>>, code: ErrorCode, params: Params, lang: Lang) -> FieldError {
        let message = message(code, &params, lang);
        FieldError { field: field.into(), code, message, params }
    }

    /// The same error with its message in another language.
    pub fn localized(&self, lang: Lang) -> FieldError {
        FieldError { message: message(self.code, &self.params, lang), ..self.clone() }
    }

    /// A param by name.
    pub fn param(&self, name: &str) -> Option<&ParamValue> {
        self.params.get(name)
    }
}

/// Everything validation found: errors stop a save, warnings only inform.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
pub struct Report {
    /// Problems that make the request fail.
    pub errors: Vec<FieldError>,
    /// Things worth knowing that do not stop the request.
    pub warnings: Vec<FieldError>,
}

impl Report {
    /// Whether the request may go ahead: no errors.
    pub fn is_ok(&self) -> bool {
        self.errors.is_empty()
    }

    /// The errors on one field.
    pub fn errors_for<'a>(&'a self, field: &'a str) -> impl Iterator<Item = &'a FieldError> + 'a {
        self.errors.iter().filter(move |e| e.field == field)
    }

    /// The warnings on one field.
    pub fn warnings_for<'a>(&'a self, field: &'a str) -> impl Iterator<Item = &'a FieldError> + 'a {
        self.warnings.iter().filter(move |e| e.field == field)
    }

    /// Whether any error has this code.
    pub fn has_error(&self, code: ErrorCode) -> bool {
        self.errors.iter().any(|e| e.code == code)
    }

    /// The error codes, in order, for tests and comparisons.
    pub fn error_codes(&self) -> Vec<(String, ErrorCode)> {
        self.errors.iter().map(|e| (e.field.to_string(), e.code)).collect()
    }

    /// The warning codes, in order.
    pub fn warning_codes(&self) -> Vec<(String, ErrorCode)> {
        self.warnings.iter().map(|e| (e.field.to_string(), e.code)).collect()
    }

    /// The same report with every message in another language.
    pub fn localized(&self, lang: Lang) -> Report {
        Report {
            errors: self.errors.iter().map(|e| e.localized(lang)).collect(),
            warnings: self.warnings.iter().map(|e| e.localized(lang)).collect(),
        }
    }
}

/// Collects findings in one language while the rules run.
#[derive(Debug)]
pub(crate) struct Findings {
    lang: Lang,
    report: Report,
}

impl Findings {
    pub(crate) fn new(lang: Lang) -> Findings {
        Findings { lang, report: Report::default() }
    }

    /// The language the findings are written in.
    pub(crate) fn lang(&self) -> Lang {
        self.lang
    }

    pub(crate) fn error(&mut self, field: impl Into<Cow<'static, str>>, code: ErrorCode, params: Params) {
        let field = field.into();
        // "Required" says nothing new about a field already reported (sent with the wrong type, say).
        if code == ErrorCode::Required && self.report.errors.iter().any(|e| e.field == field) {
            return;
        }
        let e = FieldError::new(field, code, params, self.lang);
        self.report.errors.push(e);
    }

    pub(crate) fn warning(&mut self, field: impl Into<Cow<'static, str>>, code: ErrorCode, params: Params) {
        let w = FieldError::new(field, code, params, self.lang);
        self.report.warnings.push(w);
    }

    pub(crate) fn push_error(&mut self, error: FieldError) {
        self.report.errors.push(error);
    }

    /// Adds another report's findings (already in this language), except those with a field and
    /// code already found.
    pub(crate) fn extend_unseen(&mut self, report: Report) {
        let unseen = |seen: &[FieldError], f: &FieldError| !seen.iter().any(|s| s.field == f.field && s.code == f.code);
        for error in report.errors {
            if unseen(&self.report.errors, &error) {
                self.report.errors.push(error);
            }
        }
        for warning in report.warnings {
            if unseen(&self.report.warnings, &warning) {
                self.report.warnings.push(warning);
            }
        }
    }

    pub(crate) fn finish(self) -> Report {
        self.report
    }
}

/// Builds [`Params`] from `name => value` pairs.
#[macro_export]
macro_rules! params {
    () => { $crate::report::Params::new() };
    ($( $name:literal => $value:expr ),+ $(,)?) => {{
        let mut params = $crate::report::Params::new();
        $( params.insert(::std::borrow::Cow::Borrowed($name), $crate::report::ParamValue::from($value)); )+
        params
    }};
}
