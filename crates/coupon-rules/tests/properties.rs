#![cfg(not(target_arch = "wasm32"))]
//! Property tests: any JSON object gives a report and never a panic; valid requests survive a serde
//! round trip.

mod common;

use common::*;
use coupon_rules::{validate, Context, Coupon, Field, Lang, Mode, Plan, UpdateRequest};
use proptest::prelude::*;
use serde_json::{Map, Value};

/// Any JSON value, a few levels deep.
fn any_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_filter("JSON has no NaN", |f| f.is_finite()).prop_map(Value::from),
        ".{0,40}".prop_map(Value::String),
        "[A-Z0-9#:/.-]{0,20}".prop_map(Value::String),
    ];
    leaf.prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::btree_map(".{0,8}", inner, 0..4).prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// A key: mostly the API's names, sometimes near misses, sometimes anything.
fn any_key() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => prop::sample::select(Field::ALL).prop_map(|f| f.name().to_owned()),
        1 => prop::sample::select(Field::ALL).prop_map(|f| f.name()[1..].to_owned()),
        1 => ".{0,12}",
    ]
}

fn any_object() -> impl Strategy<Value = Map<String, Value>> {
    prop::collection::btree_map(any_key(), any_json(), 0..30).prop_map(|m| m.into_iter().collect())
}

fn any_context() -> impl Strategy<Value = Context> {
    (prop::sample::select(Plan::ALL), any::<bool>(), any::<bool>(), 0i64..3).prop_map(|(plan, used, lists, cnt)| {
        let stored = if used { Coupon { use_cnt: cnt, ..stored() } } else { stored() };
        let base = context();
        Context {
            plan,
            stored: Some(stored),
            groups: if lists { base.groups.clone() } else { None },
            templates: if lists { base.templates.clone() } else { None },
            ..base
        }
    })
}

/// A request that passes every rule against `context()`.
fn valid_request() -> impl Strategy<Value = UpdateRequest> {
    let text = "[A-Za-z0-9가-힣 ]{0,40}";
    (
        (
            "[A-Z0-9]{8,16}",
            "[A-Za-z가-힣][A-Za-z0-9가-힣 ]{0,50}",
            prop_oneof![Just(None), Just(Some(457))],
            1u32..=100,
        ),
        (0i64..=20, 0i64..=40, 0i64..=1, prop::option::of(prop::sample::select(vec!["Y", "N"]))),
        (
            prop::option::of("[!-~]{4,32}"),
            prop::option::of(text),
            prop::option::of("https://[a-z]{1,10}\\.com/[a-z]{0,10}"),
        ),
        (prop::option::of(prop::sample::select(vec!["#000000", "#1E3A8AFF", "#4F4F4F"])), prop::option::of(text)),
    )
        .prop_map(|((code, nm, kind, disc), (start_off, len, limit, onsite), (pwd, memo, url), (color, user))| {
            let start = today().add_days(start_off);
            UpdateRequest {
                cpn_no: Some(code),
                nm: Some(nm),
                disc_type_idx: kind,
                disc: Some(f64::from(disc)),
                strt_ymd: Some(start.to_string()),
                end_ymd: Some(start.add_days(len).to_string()),
                use_limit: Some(limit),
                onsite_yn: onsite.map(str::to_owned),
                onsite_pwd: pwd,
                memo,
                url,
                color: color.map(str::to_owned),
                user_nm: user,
                ..Default::default()
            }
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn any_json_object_gives_a_report(object in any_object(), context in any_context(), create in any::<bool>(), ko in any::<bool>()) {
        let text = serde_json::to_string(&object).unwrap();
        let request: UpdateRequest = serde_json::from_str(&text).expect("every JSON object is a request");
        let mode = if create { Mode::Create } else { Mode::Update };
        let lang = if ko { Lang::Ko } else { Lang::En };
        let report = validate(&request, &context, mode, lang);
        for finding in report.errors.iter().chain(&report.warnings) {
            prop_assert!(!finding.message.is_empty());
            prop_assert!(!finding.field.is_empty() || object.contains_key(""));
        }
        // An unknown or mistyped field is always among the errors.
        for key in object.keys() {
            if Field::from_name(key).is_none() {
                prop_assert!(report.errors.iter().any(|e| e.field == key.as_str()), "{key} not reported");
            }
        }
    }

    #[test]
    fn any_json_value_parses_or_fails_cleanly(value in any_json()) {
        let text = serde_json::to_string(&value).unwrap();
        let parsed = serde_json::from_str::<UpdateRequest>(&text);
        prop_assert_eq!(parsed.is_ok(), value.is_object());
    }

    #[test]
    fn a_passing_request_still_passes_after_a_round_trip(request in valid_request()) {
        let context = context();
        let report = validate(&request, &context, Mode::Update, Lang::En);
        prop_assert!(report.is_ok(), "{:#?}\n{:#?}", request, report.errors);
        let text = serde_json::to_string(&request).unwrap();
        let again: UpdateRequest = serde_json::from_str(&text).unwrap();
        prop_assert_eq!(&again, &request);
        prop_assert_eq!(validate(&again, &context, Mode::Update, Lang::En), report);
    }
}
