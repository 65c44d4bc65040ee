//! Browser benchmark of `validateCouponUpdate` called with JS objects, conversion included.
//! Run with `cargo xtask bench rules-js` (ignored in the normal test run).
#![cfg(all(target_arch = "wasm32", feature = "js"))]

use coupon_rules::js::validate_coupon_update;
use js_sys::{Array, JSON};
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = performance)]
    fn now() -> f64;
}

/// Every one of the 24 fields, all valid (the native benchmark's request).
const FULL_REQUEST: &str = include_str!("../benches/fixtures/full_request.json");

const CONTEXT: &str = include_str!("../benches/fixtures/context.json");

fn per_call_micros(request: &JsValue, context: &JsValue, calls: u32) -> f64 {
    let start = now();
    for _ in 0..calls {
        let report = validate_coupon_update(request.clone(), context.clone(), Some("en".into())).unwrap();
        assert_eq!(Array::from(&js_sys::Reflect::get(&report, &"errors".into()).unwrap()).length(), 0);
    }
    (now() - start) * 1000.0 / f64::from(calls)
}

#[wasm_bindgen_test]
#[ignore = "a benchmark: cargo xtask bench rules-js"]
fn bench_validate_coupon_update_from_js() {
    let request = JSON::parse(FULL_REQUEST).unwrap();
    let context = JSON::parse(CONTEXT).unwrap();
    per_call_micros(&request, &context, 2_000);
    let mut runs: Vec<f64> = (0..5).map(|_| per_call_micros(&request, &context, 10_000)).collect();
    runs.sort_by(f64::total_cmp);
    console_log!(
        "validateCouponUpdate (24 fields, JS objects in and out): median {:.2} µs per call, best {:.2} µs (5 runs of 10000)",
        runs[2],
        runs[0]
    );
}
