//! The fixed corpus that native and wasm must agree on: `corpus/cases.json` run natively must give
//! exactly `corpus/expected.json`; `js.rs` checks the wasm export gives the same file. Regenerate
//! after a deliberate rule change with `UPDATE_CORPUS=1 cargo test -p coupon-rules --test corpus`.
#![cfg(not(target_arch = "wasm32"))]

use coupon_rules::{validate, Context, Lang, Mode, Report, UpdateRequest};
use serde::Deserialize;
use serde_json::Value;

#[derive(Deserialize)]
struct Case {
    name: String,
    mode: String,
    lang: String,
    request: Value,
    context: Value,
}

fn run(case: &Case) -> Report {
    let request: UpdateRequest = serde_json::from_value(case.request.clone()).unwrap();
    let context: Context = serde_json::from_value(case.context.clone()).unwrap();
    let mode = if case.mode == "create" { Mode::Create } else { Mode::Update };
    validate(&request, &context, mode, Lang::from_tag(&case.lang).unwrap())
}

#[test]
fn native_reports_match_the_recorded_corpus() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/corpus");
    let cases: Vec<Case> =
        serde_json::from_str(&std::fs::read_to_string(format!("{dir}/cases.json")).unwrap()).unwrap();
    let reports: Vec<Value> = cases.iter().map(|case| serde_json::to_value(run(case)).unwrap()).collect();
    let path = format!("{dir}/expected.json");
    if std::env::var_os("UPDATE_CORPUS").is_some() {
        std::fs::write(&path, serde_json::to_string_pretty(&reports).unwrap() + "\n").unwrap();
    }
    let expected: Vec<Value> = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    assert_eq!(expected.len(), cases.len());
    for ((case, report), expected) in cases.iter().zip(&reports).zip(&expected) {
        assert_eq!(report, expected, "case {:?}", case.name);
    }
    // The corpus is only worth something if it exercises both outcomes.
    assert!(reports.iter().any(|r| r["errors"].as_array().unwrap().is_empty()));
    assert!(reports.iter().filter(|r| !r["errors"].as_array().unwrap().is_empty()).count() > cases.len() / 2);
}
