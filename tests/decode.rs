//! The page reads coupons field by field (to keep serde out of its bundle): these tests hold that
//! reader to the rules crate's own serde form of `PublicCoupon`, so the two cannot drift apart.

use coupon_app::api::decode::public_coupon;
use coupon_rules::{CouponStatus, Currency, DiscountType, PublicCoupon, TemplateContent, Ymd};
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

fn coupon() -> PublicCoupon {
    PublicCoupon {
        cpn_no: "DEMOLIMIT3000003".to_owned(),
        nm: "₩5,000 off \"today\"".to_owned(),
        disc_type_idx: DiscountType::FixedAmount,
        disc: 5000.0,
        disc_currency: Currency::KRW,
        strt_ymd: Ymd::parse("2026-11-20").unwrap(),
        end_ymd: Some(Ymd::parse("2027-01-20").unwrap()),
        timezone: "Asia/Seoul".to_owned(),
        status: CouponStatus::UsedUp,
        use_limit: 3,
        use_cnt: 3,
        uses_left: Some(0),
        onsite: true,
        url: "https://example.com/shop".to_owned(),
        color: "#1F2937FF".to_owned(),
        background: "#FEF3C7FF".to_owned(),
        template: Some(TemplateContent {
            title: "Welcome".to_owned(),
            description: "Line one\nline two".to_owned(),
            usage: String::new(),
            precautions: "Once".to_owned(),
        }),
        last_used_at: Some("2026-11-21T05:04:00Z".to_owned()),
    }
}

/// The coupon as the server sends it, parsed by the browser, read by the page.
fn round_trip(coupon: &PublicCoupon) -> Option<PublicCoupon> {
    let json = serde_json::to_string(coupon).unwrap();
    public_coupon(&js_sys::JSON::parse(&json).unwrap())
}

#[wasm_bindgen_test]
fn every_field_reads_back_as_sent() {
    let full = coupon();
    assert_eq!(round_trip(&full).as_ref(), Some(&full));
    for status in [CouponStatus::Active, CouponStatus::Scheduled, CouponStatus::Expired] {
        let coupon = PublicCoupon { status, ..coupon() };
        assert_eq!(round_trip(&coupon).as_ref(), Some(&coupon));
    }
}

#[wasm_bindgen_test]
fn absent_values_read_back_as_absent() {
    let bare = PublicCoupon {
        disc_type_idx: DiscountType::Percentage,
        disc: 12.5,
        disc_currency: Currency::USD,
        end_ymd: None,
        use_limit: 0,
        uses_left: None,
        onsite: false,
        url: String::new(),
        template: None,
        last_used_at: None,
        ..coupon()
    };
    assert_eq!(round_trip(&bare).as_ref(), Some(&bare));
}

#[wasm_bindgen_test]
fn malformed_coupons_are_refused() {
    let mut json: serde_json::Value = serde_json::to_value(coupon()).unwrap();
    for (field, bad) in [
        ("discTypeIdx", serde_json::json!(459)),
        ("discCurrency", serde_json::json!("XYZ")),
        ("strtYmd", serde_json::json!("2026-02-30")),
        ("status", serde_json::json!("gone")),
        ("useLimit", serde_json::json!(1.5)),
        ("onsite", serde_json::json!("Y")),
        ("nm", serde_json::Value::Null),
    ] {
        let original = json[field].clone();
        json[field] = bad;
        let parsed = js_sys::JSON::parse(&json.to_string()).unwrap();
        assert_eq!(public_coupon(&parsed), None, "{field}");
        json[field] = original;
    }
}
