//! Component tests of the admin form in headless Chromium: each mounts the form on a given context
//! and stored coupon (no network), types the way an admin does, and checks what the admin would see.
//! Expected messages come from the rules' own catalogue, never from copies of their text.

use coupon_app::admin::session::ApiKey;
use coupon_app::admin::CouponForm;
use coupon_rules::{
    latest_end_date, params, Context, Coupon, Currency, DiscountType, ErrorCode, FieldError, Group, Lang, Mode, Plan,
    Template, TemplateContent, YesNo, Ymd,
};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{Element, HtmlButtonElement};

wasm_bindgen_test_configure!(run_in_browser);

mod dom;

use dom::{find, is_disabled, settle, Fields};

/// This screen's fields: `#f-{field}`.
const FORM: Fields = Fields("f");

fn today() -> Ymd {
    Ymd::parse("2026-11-21").unwrap()
}

/// The demo's first coupon, as `GET get` shows it.
fn active_coupon() -> Coupon {
    Coupon {
        nm: "10% off everything".into(),
        disc_type_idx: DiscountType::Percentage,
        disc: 10.0,
        disc_currency: Currency::KRW,
        end_ymd: Some(today().add_days(30)),
        use_limit: 1,
        onsite_yn: YesNo::Yes,
        has_onsite_pwd: true,
        url: "https://example.com/shop".into(),
        color: "#FFFFFFFF".into(),
        background: "#1E3A8AFF".into(),
        tmpl_idx: 1,
        ..Coupon::with_defaults("DEMOACTIVE000001".into(), today().add_days(-7))
    }
}

/// A coupon used once of once: only its memo may change.
fn used_coupon() -> Coupon {
    Coupon {
        cpn_no: "DEMOUSED00000001".into(),
        nm: "Used welcome gift".into(),
        use_cnt: 1,
        last_used_at: Some("2026-11-20T09:00:00Z".into()),
        ..active_coupon()
    }
}

/// The account's context as `GET context` gives it, with `stored` as `GET get` gives it.
fn context(stored: Coupon, plan: Plan) -> Context {
    Context {
        timezone: "Asia/Seoul".into(),
        stored: Some(stored),
        groups: Some(vec![
            Group {
                idx: 1,
                name: "VIP".into(),
                color: "#FFD700FF".into(),
                background: "#1A1A1AFF".into(),
                url: "https://example.com/vip".into(),
            },
            Group {
                idx: 2,
                name: "Spring sale".into(),
                color: String::new(),
                background: String::new(),
                url: String::new(),
            },
        ]),
        templates: Some(vec![Template {
            idx: 1,
            content: TemplateContent { title: "Welcome offer".into(), ..TemplateContent::default() },
        }]),
        ..Context::new(today(), plan)
    }
}

/// Mounts the edit form into a fresh element of the page and returns that element.
fn mount_form(context: Context, lang: Lang) -> Element {
    let document = document();
    let host = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&host).unwrap();
    let key = ApiKey::new("component-test-key").unwrap();
    leptos::mount::mount_to(host.clone().unchecked_into(), move || {
        view! { <CouponForm context mode=Mode::Update lang key /> }
    })
    .forget();
    host
}

fn save_button(host: &Element) -> HtmlButtonElement {
    find(host, "#save").unchecked_into()
}

/// The rules' message for a finding, in `lang`.
fn rules_message(field: &'static str, code: ErrorCode, params: coupon_rules::Params, lang: Lang) -> String {
    FieldError::new(field, code, params, lang).message
}

#[wasm_bindgen_test]
async fn an_end_date_past_the_limit_is_refused_on_its_field_and_disables_save() {
    let host = mount_form(context(active_coupon(), Plan::Business), Lang::En);
    settle().await;
    assert!(save_button(&host).disabled(), "nothing changed yet");
    let latest = latest_end_date(today());
    assert!(find(&host, "#f-endYmd-hint").text_content().unwrap().contains(&latest.to_string()));

    FORM.type_into(&host, "endYmd", &latest.add_days(1).to_string()).await;

    let expected =
        rules_message("endYmd", ErrorCode::DateBeyondLimit, params! { "max" => latest.to_string() }, Lang::En);
    let shown = FORM.messages(&host, "endYmd");
    assert_eq!(shown.len(), 1, "{shown:?}");
    assert_eq!(shown[0].0, "date_beyond_limit");
    assert!(shown[0].1.ends_with(&expected), "{:?} should say {expected:?}", shown[0].1);
    assert_eq!(FORM.with_messages(&host), vec!["endYmd".to_owned()], "only the end date has a message");
    assert_eq!(find(&host, "#f-endYmd").get_attribute("aria-invalid").as_deref(), Some("true"));
    let described_by = find(&host, "#f-endYmd").get_attribute("aria-describedby").unwrap();
    assert!(described_by.split(' ').any(|id| id == "f-endYmd-msgs"), "{described_by}");
    assert!(save_button(&host).disabled());
    assert!(
        host.query_selector("#save-why a[data-field='endYmd']").unwrap().is_some(),
        "the save bar names the field at fault"
    );

    FORM.type_into(&host, "endYmd", &latest.to_string()).await;

    assert!(FORM.messages(&host, "endYmd").is_empty());
    assert!(FORM.with_messages(&host).is_empty());
    assert_eq!(find(&host, "#f-endYmd").get_attribute("aria-invalid").as_deref(), Some("false"));
    assert!(!save_button(&host).disabled(), "the fixed value can be saved");
    assert!(host.query_selector("#save-why a").unwrap().is_none());
}

#[wasm_bindgen_test]
async fn a_discount_that_is_not_a_number_is_refused_and_fixing_it_clears_the_error() {
    let host = mount_form(context(active_coupon(), Plan::Business), Lang::En);
    settle().await;

    FORM.type_into(&host, "disc", "1O").await;
    let expected = rules_message("disc", ErrorCode::InvalidType, params! { "expected" => "number" }, Lang::En);
    let shown = FORM.messages(&host, "disc");
    assert_eq!(shown.iter().map(|(code, _)| code.as_str()).collect::<Vec<_>>(), vec!["invalid_type"]);
    assert!(shown[0].1.ends_with(&expected), "{shown:?}");
    assert!(save_button(&host).disabled());

    FORM.type_into(&host, "disc", "101").await;
    let expected = rules_message("disc", ErrorCode::OutOfRange, params! { "min" => 1_i64, "max" => 100_i64 }, Lang::En);
    assert!(FORM.messages(&host, "disc")[0].1.ends_with(&expected), "{:?}", FORM.messages(&host, "disc"));
    assert!(save_button(&host).disabled());

    FORM.type_into(&host, "disc", "15").await;
    assert!(FORM.messages(&host, "disc").is_empty());
    assert!(!save_button(&host).disabled());
}

#[wasm_bindgen_test]
async fn caps_on_amounts_and_texts_show_while_typing() {
    let krw = Coupon {
        disc_type_idx: DiscountType::FixedAmount,
        disc_currency: Currency::KRW,
        disc: 5000.0,
        ..active_coupon()
    };
    let host = mount_form(context(krw, Plan::Business), Lang::En);
    settle().await;

    FORM.type_into(&host, "disc", "0.0000001").await;
    let codes = |field| FORM.messages(&host, field).into_iter().map(|(code, _)| code).collect::<Vec<_>>();
    assert_eq!(codes("disc"), vec!["too_many_decimals".to_owned()]);
    FORM.type_into(&host, "disc", "1e15").await;
    let expected = rules_message(
        "disc",
        ErrorCode::TooLarge,
        params! { "max" => Currency::KRW.max_amount(), "currency" => "KRW" },
        Lang::En,
    );
    let shown = FORM.messages(&host, "disc");
    assert_eq!(shown.len(), 1, "{shown:?}");
    assert!(shown[0].1.ends_with(&expected), "{shown:?}");
    assert!(save_button(&host).disabled());

    FORM.type_into(&host, "nm", "Gift \u{202E}gpj.exe").await;
    assert_eq!(codes("nm"), vec!["control_character".to_owned()]);

    FORM.type_into(&host, "disc", "5000").await;
    FORM.type_into(&host, "nm", "Gift").await;
    assert!(FORM.messages(&host, "disc").is_empty());
    assert!(FORM.messages(&host, "nm").is_empty());
    assert!(!save_button(&host).disabled());
}

#[wasm_bindgen_test]
async fn messages_are_in_the_admins_language() {
    let host = mount_form(context(active_coupon(), Plan::Business), Lang::Ko);
    settle().await;
    FORM.type_into(&host, "endYmd", "2026-13-01").await;
    let expected = rules_message("endYmd", ErrorCode::NonexistentDate, params! {}, Lang::Ko);
    assert!(FORM.messages(&host, "endYmd")[0].1.ends_with(&expected), "{:?}", FORM.messages(&host, "endYmd"));
}

#[wasm_bindgen_test]
async fn low_contrast_colours_warn_without_blocking_save() {
    let host = mount_form(context(active_coupon(), Plan::Business), Lang::En);
    settle().await;
    FORM.type_into(&host, "color", "#2A3F8AFF").await;
    let shown = FORM.messages(&host, "color");
    assert_eq!(shown.iter().map(|(code, _)| code.as_str()).collect::<Vec<_>>(), vec!["low_contrast"]);
    assert!(host.query_selector("#f-color-msgs .field-warning").unwrap().is_some());
    assert!(!save_button(&host).disabled(), "a warning does not stop a save");
}

#[wasm_bindgen_test]
async fn a_used_coupon_allows_only_the_memo() {
    let host = mount_form(context(used_coupon(), Plan::Business), Lang::En);
    settle().await;

    let controls = host.query_selector_all(".coupon-form input, .coupon-form select, .coupon-form textarea").unwrap();
    assert!(controls.length() > 20, "every field is shown");
    for i in 0..controls.length() {
        let control: Element = controls.item(i).unwrap().unchecked_into();
        let id = control.id();
        if id == "f-memo" {
            assert!(!control.has_attribute("disabled"), "the memo stays editable");
        } else {
            assert!(control.has_attribute("disabled"), "{id} {} must be disabled", control.outer_html());
        }
    }
    assert_eq!(host.query_selector_all(".notice-locked").unwrap().length(), 1, "the reason is given once");
    assert!(is_disabled(&host, "#save"));

    FORM.type_into(&host, "memo", "Called the customer").await;
    assert!(FORM.messages(&host, "memo").is_empty());
    assert!(!save_button(&host).disabled(), "a memo change can be saved");
}

#[wasm_bindgen_test]
async fn fields_outside_the_plan_are_shown_disabled_with_the_plan_they_need() {
    let host = mount_form(context(active_coupon(), Plan::Personal), Lang::En);
    settle().await;
    assert!(is_disabled(&host, "#f-domain"));
    assert!(is_disabled(&host, "#f-webhookEnableYn"));
    let note = find(&host, "#f-domain-hint").text_content().unwrap();
    assert!(note.contains("Premium"), "{note}");
    assert!(!is_disabled(&host, "#f-nm"));
}

#[wasm_bindgen_test]
async fn the_preview_follows_the_typing() {
    let host = mount_form(context(active_coupon(), Plan::Business), Lang::En);
    settle().await;
    FORM.type_into(&host, "nm", "Winter sale").await;
    assert_eq!(find(&host, ".preview .coupon-name").text_content().unwrap(), "Winter sale");
    FORM.type_into(&host, "background", "#000000").await;
    let card = find(&host, ".preview .coupon");
    let background = window().get_computed_style(&card).unwrap().unwrap().get_property_value("background-color");
    assert_eq!(background.unwrap(), "rgb(0, 0, 0)");
}
