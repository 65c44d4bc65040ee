//! Native speed of the rules: the full 24-field update request (goal: under 1 µs per call).
//! Run with `cargo xtask bench rules` (or `cargo bench -p coupon-rules --bench validate`).

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use std::hint::black_box;

    use coupon_rules::{validate, Context, Lang, Mode, UpdateRequest};
    use criterion::Criterion;

    /// Every one of the 24 fields, all valid (shared with the browser benchmark).
    pub const FULL_REQUEST: &str = include_str!("fixtures/full_request.json");

    const CONTEXT: &str = include_str!("fixtures/context.json");

    /// An update that breaks five rules, so messages are written.
    const BAD_REQUEST: &str = r##"{"cpnNo":"ZJLF0399WQBEQZJM","nm":"","disc":0,"endYmd":"2030-01-01",
    "url":"javascript:x","color":"red"}"##;

    pub fn benches(c: &mut Criterion) {
        let request: UpdateRequest = serde_json::from_str(FULL_REQUEST).unwrap();
        let bad: UpdateRequest = serde_json::from_str(BAD_REQUEST).unwrap();
        let context: Context = serde_json::from_str(CONTEXT).unwrap();
        assert!(validate(&request, &context, Mode::Update, Lang::En).is_ok());
        assert_eq!(validate(&bad, &context, Mode::Update, Lang::En).errors.len(), 5);

        c.bench_function("validate_update, 24 valid fields", |b| {
            b.iter(|| validate(black_box(&request), black_box(&context), Mode::Update, Lang::En))
        });
        c.bench_function("parse + validate_update, 24 valid fields", |b| {
            b.iter(|| {
                let request: UpdateRequest = serde_json::from_str(black_box(FULL_REQUEST)).unwrap();
                validate(&request, black_box(&context), Mode::Update, Lang::En)
            })
        });
        c.bench_function("validate_update, 5 errors with messages", |b| {
            b.iter(|| validate(black_box(&bad), black_box(&context), Mode::Update, Lang::En))
        });
    }
}

#[cfg(not(target_arch = "wasm32"))]
criterion::criterion_group!(benches, native::benches);
#[cfg(not(target_arch = "wasm32"))]
criterion::criterion_main!(benches);

#[cfg(target_arch = "wasm32")]
fn main() {}
