//! The rules of the second vendor's request that need no stored coupon.

use crate::fields::ParseProblem;
use crate::lang::Lang;
use crate::model::{Context, Currency, Plan, Ymd};
use crate::params;
use crate::report::{ErrorCode, Findings, Report};
use crate::validate::code::check_format;
use crate::validate::texts::no_controls;
use crate::validate::validate_change;

use super::request::{PaddleField, PaddleRequest};
use super::translate::{to_update, translated_findings};

/// The currencies this dialect accepts.
pub const PADDLE_CURRENCIES: [Currency; 3] = [Currency::USD, Currency::GBP, Currency::EUR];
/// Bounds of a coupon code selector or new code, in characters.
pub const PADDLE_CODE_LEN: (usize, usize) = (5, 300);
/// Bounds of a group name, in characters.
pub const PADDLE_GROUP_LEN: (usize, usize) = (1, 50);
/// The fields of `update_coupon` that the API-key group update (`POST /api/coupon/v1/group-update`)
/// does not take: its caller is known by the key, and it selects by group only.
pub const NOT_IN_GROUP_UPDATE: [PaddleField; 4] =
    [PaddleField::VendorId, PaddleField::VendorAuthCode, PaddleField::CouponCode, PaddleField::NewCouponCode];

/// Checks everything about a request that does not depend on a particular coupon: credentials'
/// shape, the selector, formats, and the rules shared with the first dialect (dates, currencies).
pub fn validate_paddle_request(request: &PaddleRequest, today: Ymd, lang: Lang) -> Report {
    let mut findings = Findings::new(lang);
    credentials(request, &mut findings);
    body(request, today, &mut findings);
    findings.finish()
}

/// Only the credentials (`vendor_id`, `vendor_auth_code`): their presence, type and shape. A server
/// checks these, then authenticates, before it says anything about the rest.
pub fn validate_paddle_credentials(request: &PaddleRequest, lang: Lang) -> Report {
    let mut findings = Findings::new(lang);
    credentials(request, &mut findings);
    findings.finish()
}

/// Everything [`validate_paddle_request`] checks except the credentials.
pub fn validate_paddle_body(request: &PaddleRequest, today: Ymd, lang: Lang) -> Report {
    let mut findings = Findings::new(lang);
    body(request, today, &mut findings);
    findings.finish()
}

/// The request of the API-key group update: the dialect's change fields for one group (by name),
/// without credentials, `coupon_code` or `new_coupon_code` (each an `unknown_field` there).
pub fn validate_group_update(request: &PaddleRequest, today: Ymd, lang: Lang) -> Report {
    let mut findings = Findings::new(lang);
    let is_foreign = |field: PaddleField| NOT_IN_GROUP_UPDATE.contains(&field);
    let mut unknown: Vec<(String, Option<PaddleField>)> = NOT_IN_GROUP_UPDATE
        .iter()
        .filter(|field| is_present(request, **field))
        .map(|field| (field.name().to_owned(), None))
        .collect();
    for problem in &request.problems {
        if let ParseProblem::UnknownField { name } = problem {
            unknown.push((name.clone(), PaddleField::suggest(name).filter(|f| !is_foreign(*f))));
        }
    }
    wrong_types(request, &mut findings, |field| !is_foreign(field));
    unknown_fields(unknown, &mut findings);
    let accepted = PaddleRequest {
        vendor_id: None,
        vendor_auth_code: None,
        coupon_code: None,
        new_coupon_code: None,
        problems: Vec::new(),
        ..request.clone()
    };
    match accepted.group.as_deref() {
        None | Some("") => findings.error(PaddleField::Group.name(), ErrorCode::Required, params! {}),
        Some(group) => {
            length(PaddleField::Group, group, PADDLE_GROUP_LEN, &mut findings);
        }
    }
    targets(&accepted, &mut findings);
    shared(&accepted, today, &mut findings);
    findings.finish()
}

/// Whether the request carries `field`, with a value of any type.
fn is_present(request: &PaddleRequest, field: PaddleField) -> bool {
    request.has(field)
        || request.problems.iter().any(|p| matches!(p, ParseProblem::WrongType { field: f, .. } if *f == field))
}

fn is_credential(field: PaddleField) -> bool {
    matches!(field, PaddleField::VendorId | PaddleField::VendorAuthCode)
}

/// The selector, the changes and the rules shared with the first dialect, with the shape problems
/// of those fields.
fn body(request: &PaddleRequest, today: Ymd, findings: &mut Findings) {
    wrong_types(request, findings, |field| !is_credential(field));
    let unknown = request.problems.iter().filter_map(|problem| match problem {
        ParseProblem::UnknownField { name } => Some((name.clone(), PaddleField::suggest(name))),
        ParseProblem::WrongType { .. } => None,
    });
    unknown_fields(unknown.collect(), findings);
    selector(request, findings);
    targets(request, findings);
    shared(request, today, findings);
}

/// The rules both dialects share (discount, currency, end date), reported under this dialect's names.
fn shared(request: &PaddleRequest, today: Ymd, findings: &mut Findings) {
    let shared = validate_change(&to_update(request), &Context::new(today, Plan::Enterprise), findings.lang());
    findings.extend_unseen(translated_findings(shared));
}

/// Values of the wrong type, in the vendor's field order, for the fields `include` accepts.
fn wrong_types(request: &PaddleRequest, findings: &mut Findings, include: impl Fn(PaddleField) -> bool) {
    let mut wrong: Vec<_> = request
        .problems
        .iter()
        .filter_map(|problem| match problem {
            ParseProblem::WrongType { field, expected } if include(*field) => Some((*field, *expected)),
            _ => None,
        })
        .collect();
    wrong.sort_by_key(|(field, _)| *field);
    for (field, expected) in wrong {
        findings.error(field.name(), ErrorCode::InvalidType, params! { "expected" => expected.name() });
    }
}

/// Unknown names, alphabetically (whatever the order they came in), each with its suggestion.
fn unknown_fields(mut unknown: Vec<(String, Option<PaddleField>)>, findings: &mut Findings) {
    unknown.sort_by(|a, b| a.0.cmp(&b.0));
    for (name, suggestion) in unknown {
        let params = suggestion.map_or_else(|| params! {}, |f| params! { "suggestion" => f.name() });
        findings.error(name, ErrorCode::UnknownField, params);
    }
}

fn credentials(request: &PaddleRequest, findings: &mut Findings) {
    wrong_types(request, findings, is_credential);
    match request.vendor_id {
        None => findings.error(PaddleField::VendorId.name(), ErrorCode::Required, params! {}),
        Some(id) if id < 1 => {
            findings.error(PaddleField::VendorId.name(), ErrorCode::OutOfRange, params! { "min" => 1_i64 })
        }
        Some(_) => {}
    }
    match request.vendor_auth_code.as_deref() {
        None | Some("") => findings.error(PaddleField::VendorAuthCode.name(), ErrorCode::Required, params! {}),
        Some(code) if !code.bytes().all(|c| c.is_ascii_digit() || (b'a'..=b'f').contains(&c)) => findings.error(
            PaddleField::VendorAuthCode.name(),
            ErrorCode::InvalidPattern,
            params! { "pattern" => "[0-9a-f]+" },
        ),
        Some(_) => {}
    }
}

/// Exactly one of `coupon_code` and `group` picks the coupons.
fn selector(request: &PaddleRequest, findings: &mut Findings) {
    let code = request.coupon_code.as_deref().filter(|c| !c.is_empty());
    let group = request.group.as_deref().filter(|g| !g.is_empty());
    let field = PaddleField::CouponCode.name();
    match (code, group) {
        (None, None) => findings.error(field, ErrorCode::OneOfRequired, params! { "fields" => "coupon_code, group" }),
        (Some(_), Some(_)) => findings.error(field, ErrorCode::Conflict, params! { "other" => "group" }),
        _ => {}
    }
    if let Some(code) = code {
        length(PaddleField::CouponCode, code, PADDLE_CODE_LEN, findings);
    }
    if let Some(group) = group {
        length(PaddleField::Group, group, PADDLE_GROUP_LEN, findings);
    }
}

/// What the request changes: new code, new group, products, allowed uses, the recurring flag.
fn targets(request: &PaddleRequest, findings: &mut Findings) {
    if let Some(code) = request.new_coupon_code.as_deref() {
        let field = PaddleField::NewCouponCode;
        if request.group.as_deref().is_some_and(|g| !g.is_empty()) {
            findings.error(field.name(), ErrorCode::Conflict, params! { "other" => "group" });
        }
        if length(field, code, PADDLE_CODE_LEN, findings) {
            // The coupon keeps its page at /c/{code}: the new code must also be a code of this store.
            check_format(field.name(), code, findings);
        }
    }
    if let Some(group) = request.new_group.as_deref() {
        length(PaddleField::NewGroup, group, PADDLE_GROUP_LEN, findings);
    }
    if let Some(ids) = request.product_ids.as_deref() {
        let field = PaddleField::ProductIds.name();
        match parse_product_ids(ids) {
            Ok(_) => {}
            Err(ProductIdsError::NotAnId(item)) => {
                findings.error(field, ErrorCode::InvalidProductIds, params! { "item" => item })
            }
            Err(ProductIdsError::OutOfRange(item)) => findings.error(
                field,
                ErrorCode::OutOfRange,
                params! { "min" => 1_i64, "max" => MAX_PRODUCT_ID as i64, "item" => item },
            ),
            Err(ProductIdsError::TooMany(count)) => {
                findings.error(field, ErrorCode::TooMany, params! { "max" => MAX_PRODUCT_IDS, "count" => count })
            }
        }
    }
    if request.allowed_uses.is_some_and(|uses| uses < 1) {
        findings.error(PaddleField::AllowedUses.name(), ErrorCode::OutOfRange, params! { "min" => 1_i64 });
    }
    if request.recurring.is_some_and(|r| r != 0 && r != 1) {
        findings.error(PaddleField::Recurring.name(), ErrorCode::InvalidChoice, params! { "allowed" => "0, 1" });
    }
    if let Some(code) = request.currency.as_deref() {
        if !PADDLE_CURRENCIES.iter().any(|c| c.code() == code) {
            findings.error(
                PaddleField::Currency.name(),
                ErrorCode::InvalidChoice,
                params! { "allowed" => "USD, GBP, EUR" },
            );
        }
    }
    if request.discount_amount.is_some_and(|amount| amount <= 0.0) {
        findings.error(PaddleField::DiscountAmount.name(), ErrorCode::NotPositive, params! {});
    }
}

/// Reports a length outside `(min, max)` characters, or a control character; `true` when the
/// length is fine.
fn length(field: PaddleField, value: &str, (min, max): (usize, usize), findings: &mut Findings) -> bool {
    no_controls(field.name(), value, false, findings);
    let count = value.chars().count();
    if count < min {
        findings.error(field.name(), ErrorCode::TooShort, params! { "min" => min });
    } else if count > max {
        findings.error(field.name(), ErrorCode::TooLong, params! { "max" => max });
    }
    (min..=max).contains(&count)
}

/// The most products a coupon can apply to: each is stored with every coupon of a group.
pub const MAX_PRODUCT_IDS: usize = 100;
/// The largest product ID (10 digits).
pub const MAX_PRODUCT_ID: u64 = 9_999_999_999;

/// Why a `product_ids` text is refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProductIdsError {
    /// The first item that is not a positive whole number, as sent.
    NotAnId(String),
    /// The first ID of more than 10 digits, as sent.
    OutOfRange(String),
    /// More than [`MAX_PRODUCT_IDS`] different IDs: how many.
    TooMany(usize),
}

/// `499531,1234, 123546` -> the product IDs; a blank text is the empty list (remove them all).
/// At most [`MAX_PRODUCT_IDS`] different IDs of at most [`MAX_PRODUCT_ID`].
pub fn parse_product_ids(text: &str) -> Result<Vec<u64>, ProductIdsError> {
    if text.trim().is_empty() {
        return Ok(Vec::new());
    }
    let ids = text
        .split(',')
        .map(|item| {
            let item = item.trim();
            if item.is_empty() || !item.bytes().all(|c| c.is_ascii_digit()) {
                return Err(ProductIdsError::NotAnId(item.to_owned()));
            }
            match item.parse::<u64>() {
                Ok(0) => Err(ProductIdsError::NotAnId(item.to_owned())),
                Ok(id) if id <= MAX_PRODUCT_ID => Ok(id),
                // Too large for the cap, or even for a u64.
                _ => Err(ProductIdsError::OutOfRange(item.to_owned())),
            }
        })
        .collect::<Result<Vec<u64>, _>>()?;
    let mut distinct = ids.clone();
    distinct.sort_unstable();
    distinct.dedup();
    let distinct = distinct.len();
    if distinct > MAX_PRODUCT_IDS {
        return Err(ProductIdsError::TooMany(distinct));
    }
    Ok(ids)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn product_ids_are_capped_in_count_and_size() {
        assert_eq!(parse_product_ids("9999999999"), Ok(vec![MAX_PRODUCT_ID]));
        let out_of_range = |item: &str| Err(ProductIdsError::OutOfRange(item.into()));
        assert_eq!(parse_product_ids("1, 10000000000"), out_of_range("10000000000"));
        assert_eq!(parse_product_ids("99999999999999999999999"), out_of_range("99999999999999999999999"));
        let list = |n: u64| (1..=n).map(|i| i.to_string()).collect::<Vec<_>>().join(",");
        assert_eq!(parse_product_ids(&list(100)).map(|ids| ids.len()), Ok(100));
        assert_eq!(parse_product_ids(&list(101)), Err(ProductIdsError::TooMany(101)));
        // The same product twice counts once.
        assert_eq!(parse_product_ids(&format!("{},1", list(100))).map(|ids| ids.len()), Ok(101));
    }

    #[test]
    fn product_ids_are_positive_integers_separated_by_commas() {
        assert_eq!(parse_product_ids("499531,1234, 123546"), Ok(vec![499531, 1234, 123546]));
        assert_eq!(parse_product_ids("  "), Ok(vec![]));
        let not_an_id = |item: &str| Err(ProductIdsError::NotAnId(item.into()));
        assert_eq!(parse_product_ids("1,,2"), not_an_id(""));
        assert_eq!(parse_product_ids("1,x"), not_an_id("x"));
        assert_eq!(parse_product_ids("0"), not_an_id("0"));
        assert_eq!(parse_product_ids("-3"), not_an_id("-3"));
        assert_eq!(parse_product_ids("+3"), not_an_id("+3"));
    }
}
