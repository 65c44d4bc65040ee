//! `validate_update` and `validate_create`: every rule of the coupon API, in one place.
//!
//! Each submodule checks one area. A rule on one field reads the request's value; a rule that
//! relates fields reads the "effective" value: the request's where it has one, else the stored one.

mod appearance;
pub(crate) use appearance::check_web_url;
pub(crate) mod code;
mod discount;
mod lock;
mod onsite;
mod period;
mod premium;
mod shape;
pub(crate) mod texts;
mod usage;

pub use code::validate_code;
pub use onsite::is_valid_password;
pub use period::latest_end_date;
pub use texts::validate_use_note;

use std::borrow::Cow;

use crate::lang::Lang;
use crate::model::{Context, Coupon};
use crate::report::{Findings, Report};
use crate::request::UpdateRequest;

/// Whether a request changes a stored coupon or makes a new one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// `PUT /api/coupon/v1/update`: absent fields are unchanged; `cpnNo` names the coupon.
    Update,
    /// `POST /api/coupon/v1/create`: absent fields take the API's defaults; no `cpnNo` = generated.
    Create,
}

/// Checks an update request against every rule; messages in English.
pub fn validate_update(request: &UpdateRequest, context: &Context) -> Report {
    validate(request, context, Mode::Update, Lang::En)
}

/// Checks a create request against every rule; messages in English.
pub fn validate_create(request: &UpdateRequest, context: &Context) -> Report {
    validate(request, context, Mode::Create, Lang::En)
}

/// Checks a request in either mode, with messages in `lang`.
pub fn validate(request: &UpdateRequest, context: &Context, mode: Mode, lang: Lang) -> Report {
    run(request, context, mode, lang, true)
}

/// Checks an update's fields against the stored coupon of the context, leaving out the rules on
/// `cpnNo`: for callers that name the coupon another way (the second vendor's dialect).
pub(crate) fn validate_change(request: &UpdateRequest, context: &Context, lang: Lang) -> Report {
    validate_change_of(request, context, context.stored.as_ref(), lang)
}

/// [`validate_change`] against `stored` in place of the context's coupon: checking one request
/// against many coupons needs no copy of the context per coupon.
pub(crate) fn validate_change_of(
    request: &UpdateRequest,
    context: &Context,
    stored: Option<&Coupon>,
    lang: Lang,
) -> Report {
    run_on(request, context, stored.map(Cow::Borrowed), Mode::Update, lang, false)
}

fn run(request: &UpdateRequest, context: &Context, mode: Mode, lang: Lang, identified_by_code: bool) -> Report {
    let base = match mode {
        Mode::Update => context.stored.as_ref().map(Cow::Borrowed),
        Mode::Create => Some(Cow::Owned(Coupon::with_defaults(String::new(), context.today))),
    };
    run_on(request, context, base, mode, lang, identified_by_code)
}

fn run_on(
    request: &UpdateRequest,
    context: &Context,
    base: Option<Cow<'_, Coupon>>,
    mode: Mode,
    lang: Lang,
    identified_by_code: bool,
) -> Report {
    let check = Check { request, context, mode, base: base.as_deref(), identified_by_code };
    let mut findings = Findings::new(lang);
    shape::check(&check, &mut findings);
    code::check(&check, &mut findings);
    texts::check(&check, &mut findings);
    discount::check(&check, &mut findings);
    period::check(&check, &mut findings);
    usage::check(&check, &mut findings);
    onsite::check(&check, &mut findings);
    appearance::check(&check, &mut findings);
    premium::check(&check, &mut findings);
    lock::check(&check, &mut findings);
    findings.finish()
}

/// What every rule reads.
struct Check<'a> {
    request: &'a UpdateRequest,
    context: &'a Context,
    mode: Mode,
    /// The values absent fields fall back to: the stored coupon on update, the defaults on create.
    base: Option<&'a Coupon>,
    /// Whether `cpnNo` names the coupon (and so must be checked).
    identified_by_code: bool,
}

impl<'a> Check<'a> {
    /// The effective value of a field: the request's when given, else the base's.
    fn effective<T>(&self, from_request: Option<T>, from_base: impl FnOnce(&'a Coupon) -> T) -> Option<T> {
        from_request.or_else(|| self.base.map(from_base))
    }

    /// The request's text, or the base's, for a text field.
    fn effective_text(
        &self,
        from_request: &'a Option<String>,
        from_base: impl FnOnce(&'a Coupon) -> &'a str,
    ) -> Option<&'a str> {
        self.effective(from_request.as_deref(), from_base)
    }

    fn is_create(&self) -> bool {
        self.mode == Mode::Create
    }
}
