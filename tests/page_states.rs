//! The coupon page's states around loading, in headless Chromium: no connection offers a retry,
//! and the retry loads again. The failure is made in the browser's own `fetch`, the page's only way
//! to the server (the end-to-end tests cover every answer of the real server).
#![cfg(target_arch = "wasm32")]

mod dom;

use coupon_app::pages::CouponPage;
use coupon_rules::Lang;
use dom::{find, settle};
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::Element;

wasm_bindgen_test_configure!(run_in_browser);

/// Replaces `window.fetch` (the original is kept as `window.__realFetch`).
fn replace_fetch(with: &str) {
    let script = format!("window.__realFetch = window.__realFetch || window.fetch; window.fetch = {with};");
    js_sys::Function::new_no_args(&script).call0(&JsValue::NULL).unwrap();
}

fn restore_fetch() {
    js_sys::Function::new_no_args("if (window.__realFetch) { window.fetch = window.__realFetch; }")
        .call0(&JsValue::NULL)
        .unwrap();
}

/// Waits (a few event-loop turns at most) until `selector` shows up under `host`.
async fn shown(host: &Element, selector: &str) -> Element {
    for _ in 0..50 {
        if let Some(element) = host.query_selector(selector).unwrap() {
            return element;
        }
        settle().await;
    }
    panic!("{selector} never appeared; the page shows: {}", host.text_content().unwrap_or_default());
}

#[wasm_bindgen_test]
async fn no_connection_offers_a_retry_that_loads_again() {
    replace_fetch("() => Promise.reject(new TypeError('Failed to fetch'))");
    let host = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&host).unwrap();
    leptos::mount::mount_to(host.clone().unchecked_into(), || {
        view! { <CouponPage cpn_no=Some("DEMOACTIVE000001".to_owned()) lang=Lang::En /> }
    })
    .forget();

    let error = shown(&host, ".state-network").await;
    assert_eq!(error.get_attribute("role").as_deref(), Some("alert"), "the failure is announced");
    assert!(error.text_content().unwrap().contains("No connection"));

    // The connection is back, and the server says there is no such coupon.
    replace_fetch(
        "() => Promise.resolve(new Response(JSON.stringify({code: 1005, message: 'not found', result: null}), \
         {status: 404, headers: {'Content-Type': 'application/json'}}))",
    );
    find(&host, ".state-network button").click();
    let not_found = shown(&host, ".state-not-found").await;
    assert!(not_found.text_content().unwrap().contains("Coupon not found"));
    assert!(host.query_selector(".state-network").unwrap().is_none(), "the error is gone");
    restore_fetch();
}

#[wasm_bindgen_test]
async fn the_dialog_names_its_coupon_and_a_wrong_password_leaves_an_empty_focused_field() {
    use coupon_app::components::UseDialog;
    replace_fetch(
        "() => Promise.resolve(new Response(JSON.stringify({code: 1008, message: 'wrong', result: {attemptsLeft: 4}}), \
         {status: 403, headers: {'Content-Type': 'application/json'}}))",
    );
    let host = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&host).unwrap();
    let open = RwSignal::new(true);
    leptos::mount::mount_to(host.clone().unchecked_into(), move || {
        view! {
            <UseDialog
                cpn_no="ZJLF0399WQBEQZJM".to_owned()
                name="10% off everything".to_owned()
                lang=Lang::En
                open
                on_used=Callback::new(|_| {})
                on_stale=Callback::new(|()| {})
            />
        }
    })
    .forget();
    settle().await;
    assert_eq!(find(&host, ".dialog-coupon").text_content().unwrap(), "10% off everything · ZJLF-0399-WQBE-QZJM");
    let field: web_sys::HtmlInputElement = find(&host, "#store-password").unchecked_into();
    field.set_value("9999");
    let form: web_sys::HtmlFormElement = find(&host, "form").unchecked_into();
    form.request_submit().unwrap();
    for _ in 0..50 {
        if find(&host, ".dialog-status").text_content().unwrap_or_default().contains("Wrong password") {
            break;
        }
        settle().await;
    }
    assert_eq!(find(&host, ".dialog-status").text_content().unwrap(), "Wrong password. 4 tries left.");
    assert_eq!(field.value(), "", "the wrong password is gone");
    let focused = document().active_element().map(|element| element.id());
    assert_eq!(focused.as_deref(), Some("store-password"), "ready for the next try");
    restore_fetch();
}
