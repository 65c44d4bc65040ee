//! Any bytes: parse as a request (when they are JSON) and run every rule in every mode and situation.
//! Nothing may panic; a parsed object always yields a report.
#![no_main]

use coupon_rules::{validate, Context, Coupon, Lang, Mode, Plan, UpdateRequest, Ymd};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&switches, json)) = data.split_first() else { return };
    let Ok(request) = serde_json::from_slice::<UpdateRequest>(json) else { return };
    let today = Ymd::parse("2026-11-21").unwrap();
    let plan = Plan::ALL[usize::from(switches) % Plan::ALL.len()];
    let stored = Coupon {
        use_cnt: i64::from(switches >> 7),
        ..Coupon::with_defaults("ZJLF0399WQBEQZJM".into(), today)
    };
    let context = Context { stored: (switches & 8 == 0).then_some(stored), global_webhook: switches & 16 != 0, ..Context::new(today, plan) };
    let mode = if switches & 32 == 0 { Mode::Update } else { Mode::Create };
    let lang = if switches & 64 == 0 { Lang::En } else { Lang::Ko };
    let report = validate(&request, &context, mode, lang);
    for finding in report.errors.iter().chain(&report.warnings) {
        assert!(!finding.message.is_empty());
    }
    // A request that serialises must parse back to itself.
    let text = serde_json::to_string(&request).unwrap();
    let again: UpdateRequest = serde_json::from_str(&text).unwrap();
    assert_eq!(serde_json::to_string(&again).unwrap(), text);
});
