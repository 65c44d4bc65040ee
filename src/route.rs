//! The one route of the customer bundle, `/c/{cpnNo}`, read from the address without a router.

use coupon_rules::formats::code::is_code;
use coupon_rules::normalize_code;

/// The coupon code in a page path (`/c/ZJLF0399WQBEQZJM`, also `/c/zjlf-0399-wqbe-qzjm/`), if it
/// is one.
pub fn coupon_code(path: &str) -> Option<String> {
    let rest = path.strip_prefix("/c/")?;
    let code = normalize_code(rest.strip_suffix('/').unwrap_or(rest));
    is_code(&code).then_some(code)
}

/// The path of the current page.
pub fn current_path() -> String {
    web_sys::window().and_then(|window| window.location().pathname().ok()).unwrap_or_default()
}
