//! A server time (RFC 3339) as the admin reads it: in the browser's zone and language.

use coupon_rules::Lang;

/// `2026-12-03T18:46:14Z` as e.g. "12/3/2026, 7:46:14 PM" (English) or "2026. 12. 3. 오후 7:46:14"
/// (Korean); the text as it came when the browser cannot read it.
pub fn local_time(rfc3339: &str, lang: Lang) -> String {
    let date = js_sys::Date::new(&rfc3339.into());
    if date.get_time().is_nan() {
        return rfc3339.to_owned();
    }
    date.to_locale_string(lang.tag(), &js_sys::Object::new()).into()
}
