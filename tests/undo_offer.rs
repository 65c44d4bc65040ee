//! The receipt's Undo in headless Chromium, with the server's answers made in the browser's own
//! `fetch` (the end-to-end tests undo on the real server): the countdown, the announcements, a
//! refused token, and a dropped connection that keeps the button.
#![cfg(target_arch = "wasm32")]

mod dom;

use coupon_app::components::{UndoOffer, UNDO_SECONDS};
use coupon_rules::Lang;
use dom::{find, settle};
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::Element;

wasm_bindgen_test_configure!(run_in_browser);

/// Replaces `window.fetch` with `with`, recording the last request's URL and body.
fn replace_fetch(with: &str) {
    let script = format!(
        "window.__realFetch = window.__realFetch || window.fetch; window.fetch = async (request) => {{ \
         window.__lastUrl = request.url; window.__lastBody = await request.clone().text(); return ({with})(); }};"
    );
    js_sys::Function::new_no_args(&script).call0(&JsValue::NULL).unwrap();
}

fn global(name: &str) -> String {
    js_sys::Reflect::get(&js_sys::global(), &name.into()).unwrap().as_string().unwrap_or_default()
}

/// An answer of the server: `{code, message, result}` as JSON.
fn answer(code: i64, result: &str) -> String {
    format!(
        "() => Promise.resolve(new Response(JSON.stringify({{code: {code}, message: 'm', result: {result}}}), \
         {{headers: {{'Content-Type': 'application/json'}}}}))"
    )
}

/// Mounts the offer; returns the host and how often `on_undone` ran.
fn mount(lang: Lang) -> (Element, RwSignal<u32>) {
    let host = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&host).unwrap();
    let undone = RwSignal::new(0);
    leptos::mount::mount_to(host.clone().unchecked_into(), move || {
        view! {
            <UndoOffer
                cpn_no="DEMOACTIVE000001".to_owned()
                token="ck_token".to_owned()
                lang
                on_undone=Callback::new(move |()| undone.update(|n| *n += 1))
            />
        }
    })
    .forget();
    (host, undone)
}

async fn wait_for(host: &Element, what: impl Fn(&Element) -> bool) {
    for _ in 0..100 {
        if what(host) {
            return;
        }
        settle().await;
    }
    panic!("never happened; the offer reads: {}", host.text_content().unwrap_or_default());
}

fn text(host: &Element, selector: &str) -> String {
    find(host, selector).text_content().unwrap_or_default()
}

#[wasm_bindgen_test]
async fn the_offer_counts_down_and_undo_sends_the_token_without_a_password() {
    replace_fetch(&answer(
        0,
        "{cpnNo: 'DEMOACTIVE000001', useNo: 1, undone: true, useCnt: 0, usesLeft: 1, status: 'active'}",
    ));
    let (host, undone) = mount(Lang::En);
    settle().await;
    assert_eq!(text(&host, ".undo-countdown"), format!("{UNDO_SECONDS} s"));
    assert_eq!(text(&host, ".undo-text"), "Used by mistake? You can undo this use for 60 more seconds.");
    assert_eq!(text(&host, "[role=status]"), "Used by mistake? You can undo this use for 60 seconds.");

    find(&host, "#undo-use").click();
    wait_for(&host, |_| undone.get_untracked() == 1).await;
    assert!(global("__lastUrl").ends_with("/api/public/v1/coupons/DEMOACTIVE000001/undo-use"));
    assert_eq!(global("__lastBody"), r#"{"undoToken":"ck_token"}"#, "the token, and no password");
}

#[wasm_bindgen_test]
async fn a_refused_token_leaves_it_to_an_admin() {
    replace_fetch(&answer(
        1002,
        "{errors: [{field: 'undoToken', code: 'undo_expired', message: 'late', params: {}}], warnings: []}",
    ));
    let (host, undone) = mount(Lang::Ko);
    settle().await;
    find(&host, "#undo-use").click();
    wait_for(&host, |host| find(host, "#undo-use").hidden()).await;
    assert_eq!(text(&host, ".undo-text"), "취소하기에 너무 늦었습니다. 이제 관리자만 사용을 취소할 수 있습니다.");
    assert_eq!(text(&host, "[role=status]"), text(&host, ".undo-text"), "and it is announced");
    assert_eq!(undone.get_untracked(), 0);
}

#[wasm_bindgen_test]
async fn a_dropped_connection_keeps_the_button_for_another_try() {
    replace_fetch("() => Promise.reject(new TypeError('Failed to fetch'))");
    let (host, undone) = mount(Lang::En);
    settle().await;
    find(&host, "#undo-use").click();
    wait_for(&host, |host| !find(host, ".undo-problem").hidden()).await;
    assert!(text(&host, ".undo-problem").contains("did not get through"));
    assert!(!find(&host, "#undo-use").hidden(), "the button stays");
    assert!(!find(&host, "#undo-use").has_attribute("disabled"));
    assert_eq!(undone.get_untracked(), 0);
}
