//! Native speed of the rules: the full 24-field update request (goal: under 1 µs per call).
//! Run with `cargo xtask bench rules` (or `cargo bench -p coupon-rules --bench validate`).

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use std::hint::black_box;

    use coupon_rules::{validate, Context, Lang, Mode, UpdateRequest};
    use criterion::Criterion;

    /// Every one of the 24 fields, all valid.
    pub const FULL_REQUEST: &str = r##"{"cpnNo":"ZJLF0399WQBEQZJM","domain":"coupons.bestshop.com","webhookEnableYn":"N",
    "nm":"Winter sale","discTypeIdx":458,"disc":5000,"discCurrency":"KRW","strtYmd":"2026-12-01","endYmd":"2027-02-28",
    "useLimit":3,"grpIdx":271,"tmplIdx":1,"onsiteYn":"Y","onsitePwd":"2468","memo":"VIP","url":"https://bestshop.com/winter",
    "color":"#1F2937FF","background":"#FEF3C7FF","userId":"att78z","userNm":"Brown Smith","userPhnno":"+1 123-4567-8900",
    "userEml":"brown@bestshop.com","userEtc1":"Gold","userEtc2":""}"##;

    const CONTEXT: &str = r##"{"today":"2026-11-21","plan":"business","timezone":"Asia/Seoul","globalWebhook":false,
    "stored":{"cpnNo":"ZJLF0399WQBEQZJM","nm":"10% off","discTypeIdx":457,"disc":10,"strtYmd":"2026-11-01",
    "endYmd":"2026-12-31","useLimit":1,"userId":"att78z","onsiteYn":"Y","hasOnsitePwd":true},
    "groups":[{"idx":271,"name":"Spring"}],"templates":[{"idx":1,"title":"Welcome"}]}"##;

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
