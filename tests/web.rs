//! Component tests of the coupon card in headless Chromium: each mounts the card with given data
//! and checks what a customer would see and could press.

use coupon_app::components::CouponCard;
use coupon_rules::{CouponStatus, Currency, DiscountType, Lang, PublicCoupon, TemplateContent, Ymd};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

/// An active, on-site, single-use coupon with a shop link, like the demo's first one.
fn active_coupon() -> PublicCoupon {
    PublicCoupon {
        cpn_no: "ZJLF0399WQBEQZJM".to_owned(),
        nm: "10% off everything".to_owned(),
        disc_type_idx: DiscountType::Percentage,
        disc: 10.0,
        disc_currency: Currency::KRW,
        strt_ymd: Ymd::parse("2026-11-14").unwrap(),
        end_ymd: Some(Ymd::parse("2026-12-21").unwrap()),
        timezone: "Asia/Seoul".to_owned(),
        status: CouponStatus::Active,
        use_limit: 1,
        use_cnt: 0,
        uses_left: Some(1),
        onsite: true,
        url: "https://example.com/shop".to_owned(),
        color: "#FFFFFFFF".to_owned(),
        background: "#1E3A8AFF".to_owned(),
        template: Some(TemplateContent {
            title: "Welcome offer".to_owned(),
            description: "Ten percent off your whole basket.".to_owned(),
            usage: "Show this page at the till.".to_owned(),
            precautions: String::new(),
        }),
        last_used_at: None,
    }
}

/// The page's stylesheet, so the card looks and hides things as it does on the real page.
const STYLESHEET: &str = include_str!("../style/main.css");

/// A fresh element in the page, with the stylesheet loaded.
fn new_host() -> Element {
    let document = document();
    if document.get_element_by_id("page-style").is_none() {
        let style = document.create_element("style").unwrap();
        style.set_id("page-style");
        style.set_text_content(Some(STYLESHEET));
        document.head().unwrap().append_child(&style).unwrap();
    }
    let host = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&host).unwrap();
    host
}

/// Mounts the card (with a "Use Coupon" action) into a fresh element of the page and returns it.
fn mount_card(coupon: PublicCoupon, lang: Lang) -> Element {
    let host = new_host();
    let on_use = Callback::new(|()| {});
    leptos::mount::mount_to(host.clone().unchecked_into(), move || {
        view! { <CouponCard coupon=Signal::stored(coupon) lang on_use /> }
    })
    .forget();
    host
}

fn find(host: &Element, selector: &str) -> Option<HtmlElement> {
    host.query_selector(selector).unwrap().map(|element| element.unchecked_into())
}

fn text(host: &Element, selector: &str) -> String {
    find(host, selector).unwrap_or_else(|| panic!("no {selector}")).text_content().unwrap_or_default()
}

/// Whether the element takes up space on screen (not hidden itself or by an ancestor).
fn is_shown(host: &Element, selector: &str) -> bool {
    find(host, selector).is_some_and(|element| element.get_client_rects().length() > 0)
}

fn computed(host: &Element, selector: &str, property: &str) -> String {
    let element = find(host, selector).unwrap();
    window().get_computed_style(&element).unwrap().unwrap().get_property_value(property).unwrap()
}

#[wasm_bindgen_test]
fn an_active_coupon_shows_everything_in_its_colours() {
    let card = mount_card(active_coupon(), Lang::En);
    assert_eq!(text(&card, ".coupon-name"), "10% off everything");
    assert_eq!(text(&card, ".coupon-discount"), "10% OFF");
    assert_eq!(text(&card, ".coupon-validity"), "Valid 2026-11-14 – 2026-12-21 (Asia/Seoul)");
    assert_eq!(text(&card, ".status"), "Active");
    assert_eq!(text(&card, ".coupon-uses"), "Used 0 of 1 time · 1 use left");
    assert_eq!(text(&card, ".coupon-code-value"), "ZJLF-0399-WQBE-QZJM");
    assert_eq!(text(&card, ".template-title"), "Welcome offer");
    assert!(is_shown(&card, ".template-usage"));
    assert!(!is_shown(&card, ".template-precautions"), "a blank text is not shown");
    assert!(is_shown(&card, ".qr path"));
    assert!(is_shown(&card, ".copy-button"));
    assert!(is_shown(&card, ".use-button"));
    assert_eq!(text(&card, ".use-button-label"), "Use Coupon");
    assert!(!is_shown(&card, ".stamp"));
    assert_eq!(computed(&card, ".coupon", "color"), "rgb(255, 255, 255)");
    assert_eq!(computed(&card, ".coupon", "background-color"), "rgb(30, 58, 138)");
}

#[wasm_bindgen_test]
fn the_shop_link_opens_the_coupon_url_safely() {
    let card = mount_card(active_coupon(), Lang::En);
    let link = find(&card, "a.shop-link").unwrap();
    assert!(is_shown(&card, "a.shop-link"));
    assert_eq!(link.get_attribute("href").as_deref(), Some("https://example.com/shop"));
    assert_eq!(link.get_attribute("rel").as_deref(), Some("noopener noreferrer"));
    assert_eq!(link.get_attribute("target").as_deref(), Some("_blank"));
    assert!(link.text_content().unwrap().starts_with("Go to Use Coupon"));
}

#[wasm_bindgen_test]
fn a_scheduled_coupon_names_its_first_day_and_cannot_be_used() {
    let card = mount_card(PublicCoupon { status: CouponStatus::Scheduled, ..active_coupon() }, Lang::En);
    assert_eq!(text(&card, ".status"), "Not valid yet: from 2026-11-14");
    assert!(!is_shown(&card, ".use-button"));
    assert!(!is_shown(&card, ".stamp"));
}

#[wasm_bindgen_test]
fn an_expired_coupon_says_so_and_cannot_be_used() {
    let card = mount_card(PublicCoupon { status: CouponStatus::Expired, ..active_coupon() }, Lang::En);
    assert_eq!(text(&card, ".status"), "Expired");
    assert_eq!(find(&card, ".status").unwrap().get_attribute("data-status").as_deref(), Some("expired"));
    assert!(!is_shown(&card, ".use-button"));
}

#[wasm_bindgen_test]
fn a_used_up_coupon_carries_the_stamp_with_its_time() {
    let coupon = PublicCoupon {
        status: CouponStatus::UsedUp,
        use_cnt: 1,
        uses_left: Some(0),
        last_used_at: Some("2026-11-20T05:04:00Z".to_owned()),
        ..active_coupon()
    };
    let card = mount_card(coupon, Lang::En);
    assert_eq!(text(&card, ".status"), "Used up");
    assert!(is_shown(&card, ".stamp"));
    assert_eq!(text(&card, ".stamp-word"), "Used");
    // 05:04 UTC is 14:04 in Seoul, the account's zone.
    let time = text(&card, ".stamp-time");
    assert!(time.starts_with("Used on ") && time.contains("2:04"), "{time}");
    assert!(!is_shown(&card, ".use-button"));
    assert_eq!(text(&card, ".coupon-uses"), "Used 1 of 1 time · 0 uses left");
}

#[wasm_bindgen_test]
fn a_limited_coupon_counts_its_uses() {
    let coupon = PublicCoupon { use_limit: 3, use_cnt: 1, uses_left: Some(2), ..active_coupon() };
    let card = mount_card(coupon, Lang::En);
    assert_eq!(text(&card, ".coupon-uses"), "Used 1 of 3 times · 2 uses left");
    let unlimited = mount_card(PublicCoupon { use_limit: 0, uses_left: None, ..active_coupon() }, Lang::En);
    assert!(!is_shown(&unlimited, ".coupon-uses"));
    // Capped only by allowed uses (the second vendor's total): the server's usesLeft counts.
    let capped = mount_card(PublicCoupon { use_limit: 0, use_cnt: 2, uses_left: Some(3), ..active_coupon() }, Lang::En);
    assert_eq!(text(&capped, ".coupon-uses"), "Used 2 of 5 times · 3 uses left");
}

#[wasm_bindgen_test]
fn a_coupon_without_url_or_onsite_use_has_no_buttons() {
    let coupon = PublicCoupon {
        nm: "$5.00 off at the counter".to_owned(),
        disc_type_idx: DiscountType::FixedAmount,
        disc: 5.0,
        disc_currency: Currency::USD,
        end_ymd: None,
        onsite: false,
        url: String::new(),
        template: None,
        ..active_coupon()
    };
    let card = mount_card(coupon, Lang::En);
    assert_eq!(text(&card, ".coupon-discount"), "$5.00 OFF");
    assert_eq!(text(&card, ".coupon-validity"), "Valid from 2026-11-14, no end date (Asia/Seoul)");
    assert!(card.query_selector("a[href]").unwrap().is_none());
    assert!(!is_shown(&card, ".shop-link"));
    assert!(!is_shown(&card, ".use-button"));
    assert!(!is_shown(&card, ".coupon-template"));
}

#[wasm_bindgen_test]
fn a_javascript_url_never_becomes_a_link() {
    for url in ["javascript:alert(1)", "JavaScript:alert(document.cookie)", "data:text/html,<b>x</b>", "example.com"] {
        let card = mount_card(PublicCoupon { url: url.to_owned(), ..active_coupon() }, Lang::En);
        assert!(card.query_selector("a[href]").unwrap().is_none(), "{url} became a link");
        assert!(!is_shown(&card, ".shop-link"), "{url} shows a link button");
    }
}

#[wasm_bindgen_test]
fn colours_outside_the_rule_fall_back_to_the_defaults() {
    let coupon = PublicCoupon {
        color: "red; background-image: url(x)".to_owned(),
        background: "#12345".to_owned(),
        ..active_coupon()
    };
    let card = mount_card(coupon, Lang::En);
    assert_eq!(computed(&card, ".coupon", "color"), "rgb(79, 79, 79)");
    assert_eq!(computed(&card, ".coupon", "background-color"), "rgb(255, 255, 255)");
    assert_eq!(computed(&card, ".coupon", "background-image"), "none");
}

#[wasm_bindgen_test]
fn translucent_colours_keep_their_alpha() {
    let card = mount_card(PublicCoupon { background: "#1E3A8A80".to_owned(), ..active_coupon() }, Lang::En);
    assert_eq!(computed(&card, ".coupon", "background-color"), "rgba(30, 58, 138, 0.5)");
}

#[wasm_bindgen_test]
fn korean_readers_get_korean_texts() {
    let coupon = PublicCoupon {
        disc_type_idx: DiscountType::FixedAmount,
        disc: 5000.0,
        status: CouponStatus::Scheduled,
        ..active_coupon()
    };
    let card = mount_card(coupon, Lang::Ko);
    assert_eq!(text(&card, ".coupon-discount"), "₩5,000 할인");
    assert_eq!(text(&card, ".status"), "아직 사용할 수 없음: 2026-11-14부터 사용 가능");
    assert_eq!(text(&card, ".coupon-validity"), "유효기간 2026-11-14 ~ 2026-12-21 (Asia/Seoul)");
    assert_eq!(text(&card, ".copy-button"), "코드 복사");
}

#[wasm_bindgen_test]
async fn the_card_follows_changes_to_its_coupon() {
    let host = new_host();
    let coupon = RwSignal::new(active_coupon());
    let redeemed = RwSignal::new(false);
    let on_use = Callback::new(|()| {});
    leptos::mount::mount_to(host.clone().unchecked_into(), move || {
        view! { <CouponCard coupon lang=Lang::En redeemed on_use /> }
    })
    .forget();
    assert!(is_shown(&host, ".use-button"));
    redeemed.set(true);
    // Effects run on the executor's next tick, as after any event.
    leptos::task::tick().await;
    assert!(is_shown(&host, ".stamp"), "the stamp shows as soon as the coupon is used");
    assert!(!is_shown(&host, ".use-button"), "the button goes");
    coupon.update(|c| {
        c.nm = "Renamed".to_owned();
        c.color = "#000000".to_owned();
    });
    leptos::task::tick().await;
    assert_eq!(text(&host, ".coupon-name"), "Renamed");
    assert_eq!(computed(&host, ".coupon", "color"), "rgb(0, 0, 0)");
}

#[wasm_bindgen_test]
fn the_staff_button_looks_unlike_the_customers_link_and_says_it_is_for_staff() {
    let card = mount_card(active_coupon(), Lang::En);
    assert_eq!(text(&card, ".use-button .staff-tag"), "Staff only");
    assert_eq!(computed(&card, ".use-button", "border-top-style"), "dashed");
    assert_eq!(computed(&card, ".shop-link", "border-top-style"), "solid");
    assert_ne!(computed(&card, ".use-button", "background-color"), computed(&card, ".shop-link", "background-color"));
    let korean = mount_card(active_coupon(), Lang::Ko);
    assert_eq!(text(&korean, ".use-button .staff-tag"), "직원 전용");
}

#[wasm_bindgen_test]
fn a_coupon_that_cannot_be_used_is_grey_without_qr_code_or_shop_link() {
    let active = mount_card(active_coupon(), Lang::En);
    assert!(is_shown(&active, ".qr path") && is_shown(&active, "a.shop-link[href]"));
    assert_eq!(computed(&active, ".coupon", "filter"), "none");
    for status in [CouponStatus::Scheduled, CouponStatus::Expired, CouponStatus::UsedUp] {
        let card = mount_card(PublicCoupon { status, ..active_coupon() }, Lang::En);
        assert!(find(&card, ".coupon").unwrap().class_list().contains("coupon-unusable"), "{status:?}");
        assert_eq!(computed(&card, ".coupon", "filter"), "grayscale(1)", "{status:?} is dimmed");
        assert!(!is_shown(&card, ".qr"), "{status:?}: no QR code to scan");
        assert!(card.query_selector("a[href]").unwrap().is_none(), "{status:?}: no shop link");
        assert!(!is_shown(&card, ".shop-link"), "{status:?}");
        assert!(!is_shown(&card, ".live-mark"), "{status:?}: not live");
    }
}

#[wasm_bindgen_test]
async fn the_shop_link_and_qr_code_come_back_when_the_coupon_is_usable_again() {
    let host = new_host();
    let coupon = RwSignal::new(PublicCoupon { status: CouponStatus::Scheduled, ..active_coupon() });
    let on_use = Callback::new(|()| {});
    leptos::mount::mount_to(host.clone().unchecked_into(), move || {
        view! { <CouponCard coupon lang=Lang::En on_use /> }
    })
    .forget();
    assert!(!is_shown(&host, "a.shop-link"));
    coupon.update(|c| c.status = CouponStatus::Active);
    leptos::task::tick().await;
    assert!(is_shown(&host, "a.shop-link[href]") && is_shown(&host, ".qr path"), "usable again");
}

/// Waits `ms` milliseconds of the browser's clock.
async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        window().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

#[wasm_bindgen_test]
async fn an_active_coupon_carries_a_running_clock_that_a_screenshot_cannot() {
    let card = mount_card(active_coupon(), Lang::En);
    assert!(is_shown(&card, ".live-mark"));
    assert_eq!(text(&card, ".live-word"), "Live");
    let first = text(&card, ".live-time");
    let parts: Vec<&str> = first.split(':').collect();
    assert!(parts.len() == 3 && parts.iter().all(|p| p.len() == 2 && p.bytes().all(|b| b.is_ascii_digit())), "{first}");
    assert_ne!(computed(&card, ".live-dot", "animation-name"), "none", "the dot moves");
    assert_eq!(find(&card, ".live-mark").unwrap().get_attribute("aria-live").as_deref(), Some("off"));
    sleep(1100).await;
    assert_ne!(text(&card, ".live-time"), first, "the seconds run");
    // The admin form's preview has no Use action: no live mark there.
    let host = new_host();
    leptos::mount::mount_to(host.clone().unchecked_into(), move || {
        view! { <CouponCard coupon=Signal::stored(active_coupon()) lang=Lang::En /> }
    })
    .forget();
    assert!(!is_shown(&host, ".live-mark"));
}
