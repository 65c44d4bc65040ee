//! How the coupon looks and links: URL, colours and their contrast, group and template.

use super::Check;
use crate::formats::color::{contrast_ratio, Rgba, MIN_CONTRAST};
use crate::formats::url::{classify_url, UrlKind, MAX_URL_LEN};
use crate::model::{DEFAULT_BACKGROUND, DEFAULT_COLOR};
use crate::params;
use crate::report::{ErrorCode, Findings};
use crate::request::Field;

pub(super) fn check(check: &Check<'_>, findings: &mut Findings) {
    let request = check.request;
    if let Some(url) = request.url.as_deref() {
        check_url(url, findings);
    }
    let color = request.color.as_deref().map(|text| parse_color(Field::Color, text, findings));
    let background = request.background.as_deref().map(|text| parse_color(Field::Background, text, findings));
    check_index(Field::GrpIdx, request.grp_idx, findings, |idx| {
        check.context.groups.as_ref().is_none_or(|_| check.context.group(idx).is_some())
    });
    check_index(Field::TmplIdx, request.tmpl_idx, findings, |idx| {
        check.context.templates.as_ref().is_none_or(|_| check.context.template(idx).is_some())
    });
    overridden_by_group(check, findings);

    let touched = color.is_some() || background.is_some() || check.is_create();
    if !touched || color == Some(None) || background == Some(None) {
        return;
    }
    let effective = |requested: Option<Option<Rgba>>, stored: fn(&crate::model::Coupon) -> &str, default: &str| {
        requested.flatten().or_else(|| Rgba::parse(check.base.map_or(default, stored)).or_else(|| Rgba::parse(default)))
    };
    let text = effective(color, |c| &c.color, DEFAULT_COLOR);
    let back = effective(background, |c| &c.background, DEFAULT_BACKGROUND);
    if let (Some(text), Some(back)) = (text, back) {
        let ratio = contrast_ratio(text, back);
        if ratio < MIN_CONTRAST {
            let field =
                if request.color.is_some() || request.background.is_none() { Field::Color } else { Field::Background };
            let rounded = (ratio * 100.0).floor() / 100.0;
            findings.warning(
                field.name(),
                ErrorCode::LowContrast,
                params! { "ratio" => rounded, "min" => MIN_CONTRAST },
            );
        }
    }
}

fn check_url(url: &str, findings: &mut Findings) {
    check_web_url(Field::Url.name(), url, findings);
}

/// A link the product follows (a coupon's shop URL, a webhook's callback): empty, or an `http`/`https`
/// URL with a host of at most [`MAX_URL_LEN`] bytes; else one error on `field`.
pub(crate) fn check_web_url(field: &'static str, url: &str, findings: &mut Findings) {
    if url.is_empty() {
        return;
    }
    if url.len() > MAX_URL_LEN {
        findings.error(field, ErrorCode::TooLong, params! { "max" => MAX_URL_LEN });
        return;
    }
    match classify_url(url) {
        UrlKind::Web => {}
        UrlKind::OtherScheme => {
            let scheme = url.split(':').next().unwrap_or("").to_ascii_lowercase();
            findings.error(field, ErrorCode::UnsafeUrl, params! { "scheme" => scheme });
        }
        UrlKind::Invalid => findings.error(field, ErrorCode::InvalidUrl, params! {}),
    }
}

/// `None` for an invalid colour (reported); the empty text means the default colour.
fn parse_color(field: Field, text: &str, findings: &mut Findings) -> Option<Rgba> {
    let default = if field == Field::Color { DEFAULT_COLOR } else { DEFAULT_BACKGROUND };
    let parsed = Rgba::parse(if text.is_empty() { default } else { text });
    if parsed.is_none() {
        findings.error(field.name(), ErrorCode::InvalidColor, params! {});
    }
    parsed
}

fn check_index(field: Field, idx: Option<i64>, findings: &mut Findings, exists: impl FnOnce(i64) -> bool) {
    match idx {
        Some(idx) if idx < 0 => findings.error(field.name(), ErrorCode::OutOfRange, params! { "min" => 0_i64 }),
        Some(idx) if idx > 0 && !exists(idx) => {
            let code = if field == Field::GrpIdx { ErrorCode::UnknownGroup } else { ErrorCode::UnknownTemplate };
            findings.error(field.name(), code, params! { "idx" => idx });
        }
        _ => {}
    }
}

/// A warning on each field the request sets that the coupon's group overrides.
fn overridden_by_group(check: &Check<'_>, findings: &mut Findings) {
    let request = check.request;
    let Some(group) = check.effective(request.grp_idx, |c| c.grp_idx).and_then(|idx| check.context.group(idx)) else {
        return;
    };
    for (field, requested, group_value) in [
        (Field::Color, &request.color, &group.color),
        (Field::Background, &request.background, &group.background),
        (Field::Url, &request.url, &group.url),
    ] {
        if requested.as_deref().is_some_and(|v| !v.is_empty()) && !group_value.is_empty() {
            findings.warning(field.name(), ErrorCode::OverriddenByGroup, params! { "group" => group.name.clone() });
        }
    }
}
