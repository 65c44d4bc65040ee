//! Component tests of the group update screen in headless Chromium: each mounts the form on a given
//! context and the chosen group's coupons (no network), types the way an admin does, and checks what
//! the admin would see. Expected messages come from the rules' own catalogue, never from copies of
//! their text.

use coupon_app::admin::group_update::GroupCoupons;
use coupon_app::admin::session::ApiKey;
use coupon_app::admin::GroupUpdateForm;
use coupon_rules::{
    group_code, latest_end_date, params, Context, Coupon, DiscountType, ErrorCode, FieldError, Group, Lang, Plan, Ymd,
};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{Element, HtmlButtonElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

mod dom;

use dom::{attribute, find, fire, settle, Fields};

/// This screen's fields: `#g-{field}`.
const SCREEN: Fields = Fields("g");

/// The group the tests change: "Spring sale", as in the demo data.
const SPRING: i64 = 2;

fn today() -> Ymd {
    Ymd::parse("2026-11-21").unwrap()
}

/// A percentage coupon of "Spring sale", active and unused, as `GET list` gives it.
fn spring_coupon(cpn_no: &str, percent: f64) -> Coupon {
    Coupon {
        nm: format!("Spring {percent}%"),
        disc_type_idx: DiscountType::Percentage,
        disc: percent,
        end_ymd: Some(today().add_days(30)),
        grp_idx: SPRING,
        ..Coupon::with_defaults(cpn_no.into(), today().add_days(-1))
    }
}

/// The demo's three spring coupons; `used` of them used once.
fn spring_coupons(used: &[&str]) -> Vec<Coupon> {
    [("DEMOSPRING000001", 10.0), ("DEMOSPRING000002", 15.0), ("DEMOSPRING000003", 20.0)]
        .into_iter()
        .map(|(code, percent)| {
            let coupon = spring_coupon(code, percent);
            if used.contains(&code) {
                Coupon { use_cnt: 1, last_used_at: Some("2026-11-20T09:00:00Z".into()), ..coupon }
            } else {
                coupon
            }
        })
        .collect()
}

fn group(idx: i64, name: &str) -> Group {
    Group { idx, name: name.into(), color: String::new(), background: String::new(), url: String::new() }
}

/// The account's context as `GET context` gives it.
fn context() -> Context {
    Context {
        timezone: "Asia/Seoul".into(),
        groups: Some(vec![group(1, "VIP"), group(SPRING, "Spring sale")]),
        ..Context::new(today(), Plan::Business)
    }
}

/// Mounts the screen's form with "Spring sale" chosen and `coupons` as its coupons.
fn mount_group(coupons: Vec<Coupon>, lang: Lang) -> Element {
    let document = document();
    let host = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&host).unwrap();
    let key = ApiKey::new("component-test-key").unwrap();
    let loaded = GroupCoupons { grp_idx: SPRING, coupons };
    leptos::mount::mount_to(host.clone().unchecked_into(), move || {
        view! { <GroupUpdateForm context=context() lang key loaded /> }
    })
    .forget();
    host
}

/// Turns a checkbox on or off as a click does.
async fn switch(host: &Element, id: &str, on: bool) {
    let input: HtmlInputElement = find(host, &format!("#{id}")).unchecked_into();
    input.set_checked(on);
    fire(&input, "change");
    settle().await;
}

fn apply_button(host: &Element) -> HtmlButtonElement {
    find(host, "#apply").unchecked_into()
}

/// The rules' message for a finding, in `lang`.
fn rules_message(field: &'static str, code: ErrorCode, params: coupon_rules::Params, lang: Lang) -> String {
    FieldError::new(field, code, params, lang).message
}

/// The preview's figures: (coupons in the group, coupons that change, coupons refused).
fn preview_counts(host: &Element) -> (String, String, String) {
    let count = "#group-preview-count";
    (
        attribute(host, count, "data-coupons"),
        attribute(host, count, "data-changing"),
        attribute(host, count, "data-refused"),
    )
}

/// The codes of the coupons listed under `css` (the refused ones, or the whole group).
fn listed_coupons(host: &Element, css: &str) -> Vec<String> {
    let rows = host.query_selector_all(&format!("{css} li[data-cpn-no]")).unwrap();
    (0..rows.length())
        .filter_map(|i| rows.item(i))
        .map(|row| row.unchecked_into::<Element>().get_attribute("data-cpn-no").unwrap_or_default())
        .collect()
}

#[wasm_bindgen_test]
async fn nothing_typed_shows_the_group_and_keeps_apply_disabled() {
    let host = mount_group(spring_coupons(&[]), Lang::En);
    settle().await;
    let picker: web_sys::HtmlSelectElement = find(&host, "#g-group").unchecked_into();
    assert_eq!(picker.value(), SPRING.to_string(), "the given group is the chosen one");
    assert_eq!(preview_counts(&host), ("3".into(), "0".into(), "0".into()));
    assert_eq!(listed_coupons(&host, "#group-all"), ["DEMOSPRING000001", "DEMOSPRING000002", "DEMOSPRING000003"]);
    assert!(listed_coupons(&host, "#group-refused").is_empty());
    assert!(apply_button(&host).disabled());
    assert!(SCREEN.with_messages(&host).is_empty());
}

#[wasm_bindgen_test]
async fn a_discount_over_100_is_refused_on_its_field_naming_the_coupons_and_disables_apply() {
    let host = mount_group(spring_coupons(&[]), Lang::En);
    settle().await;

    SCREEN.type_into(&host, "discount_amount", "150").await;

    let expected =
        rules_message("discount_amount", ErrorCode::OutOfRange, params! { "min" => 1_i64, "max" => 100_i64 }, Lang::En);
    let shown = SCREEN.messages(&host, "discount_amount");
    assert_eq!(shown.len(), 1, "one message for the three coupons: {shown:?}");
    assert_eq!(shown[0].0, "out_of_range");
    assert!(shown[0].1.contains(&expected), "{:?} should say {expected:?}", shown[0].1);
    for code in ["DEMOSPRING000001", "DEMOSPRING000002", "DEMOSPRING000003"] {
        assert!(shown[0].1.contains(&group_code(code)), "{:?} names {code}", shown[0].1);
    }
    assert_eq!(SCREEN.with_messages(&host), vec!["discount_amount".to_owned()], "only that field has a message");
    assert_eq!(attribute(&host, "#g-discount_amount", "aria-invalid"), "true");
    let described_by = attribute(&host, "#g-discount_amount", "aria-describedby");
    assert!(described_by.split(' ').any(|id| id == "g-discount_amount-msgs"), "{described_by}");
    assert!(apply_button(&host).disabled());
    assert!(
        host.query_selector("#apply-why a[data-field='discount_amount']").unwrap().is_some(),
        "the apply bar names the field at fault"
    );

    SCREEN.type_into(&host, "discount_amount", "12").await;

    assert!(SCREEN.with_messages(&host).is_empty());
    assert_eq!(attribute(&host, "#g-discount_amount", "aria-invalid"), "false");
    assert!(!apply_button(&host).disabled(), "the fixed change can be applied");
    assert_eq!(preview_counts(&host), ("3".into(), "3".into(), "0".into()));
    assert_eq!(
        find(&host, "#group-preview-count").text_content().unwrap(),
        "All 3 coupons of “Spring sale” will change."
    );
}

#[wasm_bindgen_test]
async fn a_discount_that_is_not_a_number_is_refused_as_typed() {
    let host = mount_group(spring_coupons(&[]), Lang::En);
    settle().await;
    SCREEN.type_into(&host, "discount_amount", "1O").await;
    let expected =
        rules_message("discount_amount", ErrorCode::InvalidType, params! { "expected" => "number" }, Lang::En);
    let shown = SCREEN.messages(&host, "discount_amount");
    assert_eq!(shown.iter().map(|(code, _)| code.as_str()).collect::<Vec<_>>(), vec!["invalid_type"]);
    assert!(shown[0].1.ends_with(&expected), "about the change itself, no coupon named: {shown:?}");
    assert!(apply_button(&host).disabled());
}

#[wasm_bindgen_test]
async fn an_expiry_past_the_limit_is_refused_with_the_latest_date_in_the_hint() {
    let host = mount_group(spring_coupons(&[]), Lang::En);
    settle().await;
    let latest = latest_end_date(today());
    assert!(find(&host, "#g-expires-hint").text_content().unwrap().contains(&latest.to_string()));

    SCREEN.type_into(&host, "expires", &latest.add_days(1).to_string()).await;
    let expected =
        rules_message("expires", ErrorCode::DateBeyondLimit, params! { "max" => latest.to_string() }, Lang::En);
    let shown = SCREEN.messages(&host, "expires");
    assert_eq!(shown.len(), 1, "{shown:?}");
    assert!(shown[0].1.ends_with(&expected), "{shown:?}");
    assert!(apply_button(&host).disabled());
}

#[wasm_bindgen_test]
async fn the_preview_names_a_used_coupon_that_would_lock_the_whole_group() {
    let host = mount_group(spring_coupons(&["DEMOSPRING000002"]), Lang::En);
    settle().await;

    SCREEN.type_into(&host, "expires", &today().add_days(20).to_string()).await;

    assert_eq!(preview_counts(&host), ("3".into(), "0".into(), "1".into()), "all or nothing: none changes");
    assert_eq!(listed_coupons(&host, "#group-refused"), ["DEMOSPRING000002"], "only the used coupon is refused");
    let locked = rules_message("expires", ErrorCode::LockedAfterUse, params! {}, Lang::En);
    let row = find(&host, "#group-refused li[data-cpn-no='DEMOSPRING000002']").text_content().unwrap();
    assert!(row.contains(&group_code("DEMOSPRING000002")) && row.contains(&locked), "{row}");
    let summary = find(&host, "#group-preview-count").text_content().unwrap();
    assert_eq!(summary, "1 of 3 coupons would be refused, so none will change.");

    let beside = SCREEN.messages(&host, "expires");
    assert_eq!(beside.iter().map(|(code, _)| code.as_str()).collect::<Vec<_>>(), vec!["locked_after_use"]);
    assert!(beside[0].1.contains(&group_code("DEMOSPRING000002")), "{beside:?}");
    assert!(!beside[0].1.contains(&group_code("DEMOSPRING000001")), "only the used coupon is named: {beside:?}");
    assert!(apply_button(&host).disabled());
    assert!(find(&host, "#apply-why").text_content().unwrap().contains(&group_code("DEMOSPRING000002")));
}

#[wasm_bindgen_test]
async fn no_expiry_is_sent_blank_and_the_typed_date_is_set_aside() {
    let host = mount_group(spring_coupons(&["DEMOSPRING000003"]), Lang::En);
    settle().await;
    SCREEN.type_into(&host, "expires", "2026-13-01").await;
    assert_eq!(SCREEN.messages(&host, "expires")[0].0, "nonexistent_date");

    switch(&host, "g-expires-clear", true).await;

    let input: HtmlInputElement = find(&host, "#g-expires").unchecked_into();
    assert!(input.disabled(), "the date is set aside while there is no expiry");
    assert_eq!(input.value(), "2026-13-01", "and kept for when the switch goes off");
    // Removing the end date of a used coupon is a change it refuses.
    let shown = SCREEN.messages(&host, "expires");
    assert_eq!(shown.iter().map(|(code, _)| code.as_str()).collect::<Vec<_>>(), vec!["locked_after_use"]);
    assert!(shown[0].1.contains(&group_code("DEMOSPRING000003")), "{shown:?}");
}

#[wasm_bindgen_test]
async fn messages_and_texts_are_in_the_admins_language() {
    let host = mount_group(spring_coupons(&[]), Lang::Ko);
    settle().await;
    assert_eq!(find(&host, "#apply").text_content().unwrap(), "그룹에 적용");
    SCREEN.type_into(&host, "allowed_uses", "0").await;
    let expected = rules_message("allowed_uses", ErrorCode::OutOfRange, params! { "min" => 1_i64 }, Lang::Ko);
    let shown = SCREEN.messages(&host, "allowed_uses");
    assert_eq!(shown.len(), 1, "{shown:?}");
    assert!(shown[0].1.ends_with(&expected), "{shown:?}");
}

#[wasm_bindgen_test]
async fn a_large_group_names_a_few_coupons_and_counts_the_rest() {
    let coupons: Vec<Coupon> = (1..=12).map(|n| spring_coupon(&format!("DEMOBULK{n:08}"), 10.0)).collect();
    let host = mount_group(coupons, Lang::En);
    settle().await;

    SCREEN.type_into(&host, "discount_amount", "150").await;

    let shown = SCREEN.messages(&host, "discount_amount");
    assert_eq!(shown.len(), 1, "{shown:?}");
    let named = ["DEMOBULK00000001", "DEMOBULK00000002", "DEMOBULK00000003"].map(group_code).join(", ");
    assert!(shown[0].1.ends_with(&format!("Coupons: {named} and 9 more")), "{shown:?}");
    assert_eq!(listed_coupons(&host, "#group-refused").len(), 10, "the first ten are listed with their reasons");
    assert_eq!(find(&host, "#group-refused .group-coupon-more").text_content().unwrap(), "…and 2 more coupons.");
    assert_eq!(preview_counts(&host), ("12".into(), "0".into(), "12".into()));
}
