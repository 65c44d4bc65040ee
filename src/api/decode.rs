//! Reads the public view of a coupon out of the browser's `JSON.parse` result. Field by field
//! instead of serde: the serde visitors and their error messages cost the bundle about 5 KB
//! gzipped. The field names are the rules crate's (tests/decode.rs checks this reader against
//! `PublicCoupon`'s own serde output), and every value is parsed by the rules crate's types.

use coupon_rules::{CouponStatus, Currency, DiscountType, PublicCoupon, TemplateContent, Ymd};
use wasm_bindgen::JsValue;

/// The coupon, or `None` when a field is missing or of the wrong kind.
pub fn public_coupon(value: &JsValue) -> Option<PublicCoupon> {
    Some(PublicCoupon {
        cpn_no: string(value, "cpnNo")?,
        nm: string(value, "nm")?,
        disc_type_idx: DiscountType::from_idx(integer(&field(value, "discTypeIdx"))?)?,
        disc: field(value, "disc").as_f64()?,
        disc_currency: Currency::parse(&string(value, "discCurrency")?)?,
        strt_ymd: date(&field(value, "strtYmd"))?,
        end_ymd: optional(value, "endYmd", date)?,
        timezone: string(value, "timezone")?,
        status: CouponStatus::parse(&string(value, "status")?)?,
        use_limit: integer(&field(value, "useLimit"))?,
        use_cnt: integer(&field(value, "useCnt"))?,
        uses_left: optional(value, "usesLeft", integer)?,
        onsite: field(value, "onsite").as_bool()?,
        url: string(value, "url")?,
        color: string(value, "color")?,
        background: string(value, "background")?,
        template: optional(value, "template", template)?,
        last_used_at: optional(value, "lastUsedAt", JsValue::as_string)?,
    })
}

/// A field of an object; `undefined` when absent.
pub fn field(object: &JsValue, name: &str) -> JsValue {
    js_sys::Reflect::get(object, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
}

fn string(object: &JsValue, name: &str) -> Option<String> {
    field(object, name).as_string()
}

/// A whole number.
pub fn integer(value: &JsValue) -> Option<i64> {
    value.as_f64().filter(|number| number.fract() == 0.0).map(|number| number as i64)
}

fn date(value: &JsValue) -> Option<Ymd> {
    Ymd::parse(&value.as_string()?).ok()
}

/// A field that may be `null` or absent (`Some(None)`); `None` when present but unreadable.
fn optional<T>(object: &JsValue, name: &str, read: impl Fn(&JsValue) -> Option<T>) -> Option<Option<T>> {
    let value = field(object, name);
    if value.is_null() || value.is_undefined() {
        Some(None)
    } else {
        read(&value).map(Some)
    }
}

/// Template texts; a missing text is blank, as in the rules crate.
fn template(value: &JsValue) -> Option<TemplateContent> {
    let text = |name: &str| field(value, name).as_string().unwrap_or_default();
    value.is_object().then(|| TemplateContent {
        title: text("title"),
        description: text("description"),
        usage: text("usage"),
        precautions: text("precautions"),
    })
}
