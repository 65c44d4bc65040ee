//! Moments shown to people: the time of a coupon's last use in the account's time zone, and the
//! admin's own doings in the browser's.

use coupon_rules::Lang;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// The browser's `Date`.
    #[wasm_bindgen(js_name = Date)]
    type JsDate;

    #[wasm_bindgen(constructor, js_class = "Date")]
    fn new(text: &str) -> JsDate;

    #[wasm_bindgen(method, js_class = "Date", js_name = getTime)]
    fn get_time(this: &JsDate) -> f64;

    /// Throws a RangeError for a time zone the browser does not know: caught, not fatal.
    #[wasm_bindgen(method, catch, js_class = "Date", js_name = toLocaleString)]
    fn to_locale_string(this: &JsDate, locale: &str, options: &JsValue) -> Result<String, JsValue>;
}

/// An RFC 3339 moment as people read it in `time_zone` (`Nov 21, 2026, 3:04 PM`), falling back to
/// the browser's zone for an unknown zone and to the text itself when it is not a moment at all.
pub fn local_time(rfc3339: &str, time_zone: &str, lang: Lang) -> String {
    moment_text(rfc3339, Some(time_zone), lang)
}

/// An RFC 3339 moment as people read it in the browser's own zone: for the admin's own doings (a
/// key made or last used), which belong to no coupon's zone.
pub fn browser_time(rfc3339: &str, lang: Lang) -> String {
    moment_text(rfc3339, None, lang)
}

fn moment_text(rfc3339: &str, time_zone: Option<&str>, lang: Lang) -> String {
    let date = JsDate::new(rfc3339);
    if date.get_time().is_nan() {
        return rfc3339.to_owned();
    }
    let options = js_sys::Object::new();
    let set = |key: &str, value: &str| {
        let _ = js_sys::Reflect::set(&options, &JsValue::from_str(key), &JsValue::from_str(value));
    };
    set("dateStyle", "medium");
    set("timeStyle", "short");
    if let Some(zone) = time_zone {
        set("timeZone", zone);
    }
    date.to_locale_string(lang.tag(), &options)
        .or_else(|_| {
            let _ = js_sys::Reflect::delete_property(&options, &JsValue::from_str("timeZone"));
            date.to_locale_string(lang.tag(), &options)
        })
        .unwrap_or_else(|_| rfc3339.to_owned())
}
