//! Component tests of the API keys screen's parts in headless Chromium (no network): the label is
//! checked by the rules as it is typed, the list shows labels and states and never a key, and
//! Revoke asks first. The expected messages come from the rules' catalogue.
#![cfg(target_arch = "wasm32")]

mod dom;

use coupon_app::admin::api::KeyInfo;
use coupon_app::admin::keys::{CreateKeyForm, KeyList};
use coupon_rules::{params, ErrorCode, FieldError, Lang, Params};
use dom::{find, settle, Fields};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{Element, KeyboardEvent, KeyboardEventInit};

wasm_bindgen_test_configure!(run_in_browser);

/// The create form's field: `#key-label`.
const FORM: Fields = Fields("key");

fn host() -> Element {
    let host = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&host).unwrap();
    host
}

fn rules_message(code: ErrorCode, params: Params, lang: Lang) -> String {
    FieldError::new("label", code, params, lang).message
}

/// Mounts the create form; returns the host and the labels it asked to create.
fn mount_form(lang: Lang) -> (Element, RwSignal<Vec<String>>) {
    let host = host();
    let created = RwSignal::new(Vec::<String>::new());
    leptos::mount::mount_to(host.clone().unchecked_into(), move || {
        view! {
            <CreateKeyForm
                lang
                label=RwSignal::new(String::new())
                busy=false
                refused=RwSignal::new(Vec::new())
                failure=Signal::derive(|| None::<String>)
                on_create=Callback::new(move |label| created.update(|all| all.push(label)))
            />
        }
    })
    .forget();
    (host, created)
}

async fn press_create(host: &Element) {
    find(host, "#create-key").click();
    settle().await;
}

#[wasm_bindgen_test]
async fn the_label_is_checked_by_the_rules_as_it_is_typed() {
    let (host, created) = mount_form(Lang::En);
    settle().await;
    assert!(FORM.messages(&host, "label").is_empty(), "nothing is said before the admin types");

    FORM.type_into(&host, "label", "   ").await;
    assert_eq!(
        FORM.messages(&host, "label"),
        [("blank".to_owned(), format!("Error: {}", rules_message(ErrorCode::Blank, params! {}, Lang::En)))]
    );
    FORM.type_into(&host, "label", &"가".repeat(101)).await;
    let too_long = rules_message(ErrorCode::TooLong, params! { "max" => 100_usize }, Lang::En);
    assert_eq!(FORM.messages(&host, "label"), [("too_long".to_owned(), format!("Error: {too_long}"))]);
    assert_eq!(dom::attribute(&host, "#key-label", "aria-invalid"), "true");

    press_create(&host).await;
    assert!(created.get_untracked().is_empty(), "a refused label is not sent");
    assert_eq!(document().active_element().map(|e| e.id()).as_deref(), Some("key-label"), "back to the field");

    FORM.type_into(&host, "label", "").await;
    assert_eq!(FORM.messages(&host, "label")[0].0, "required");

    FORM.type_into(&host, "label", &"가".repeat(100)).await;
    assert!(FORM.messages(&host, "label").is_empty(), "100 characters are fine, whatever their bytes");
    FORM.type_into(&host, "label", "Front desk").await;
    press_create(&host).await;
    assert_eq!(created.get_untracked(), ["Front desk"]);
}

#[wasm_bindgen_test]
async fn korean_admins_read_the_rules_in_korean() {
    let (host, _) = mount_form(Lang::Ko);
    FORM.type_into(&host, "label", " ").await;
    let blank = rules_message(ErrorCode::Blank, params! {}, Lang::Ko);
    assert!(FORM.messages(&host, "label")[0].1.ends_with(&blank), "{:?}", FORM.messages(&host, "label"));
    assert!(find(&host, "label[for=key-label]").text_content().unwrap().contains("이름"));
}

fn key(id: i64, label: &str, last_used_at: Option<&str>, revoked_at: Option<&str>) -> KeyInfo {
    KeyInfo {
        id,
        label: label.to_owned(),
        created_at: "2026-11-21T09:00:00Z".to_owned(),
        last_used_at: last_used_at.map(str::to_owned),
        revoked_at: revoked_at.map(str::to_owned),
    }
}

/// Mounts the list; returns the host, the keys shown and the ids it asked to revoke.
fn mount_list(keys: Vec<KeyInfo>) -> (Element, RwSignal<Vec<KeyInfo>>, RwSignal<Vec<i64>>) {
    let host = host();
    let keys = RwSignal::new(keys);
    let revoked = RwSignal::new(Vec::<i64>::new());
    leptos::mount::mount_to(host.clone().unchecked_into(), move || {
        view! {
            <KeyList
                keys
                lang=Lang::En
                confirming=RwSignal::new(None)
                revoking=Signal::derive(|| None::<i64>)
                on_revoke=Callback::new(move |id| revoked.update(|all| all.push(id)))
            />
        }
    })
    .forget();
    (host, keys, revoked)
}

fn row_text(host: &Element, id: i64, part: &str) -> String {
    find(host, &format!(".key-row[data-key-id=\"{id}\"] {part}")).text_content().unwrap_or_default()
}

#[wasm_bindgen_test]
async fn the_list_shows_labels_uses_and_states() {
    let (host, keys, _) = mount_list(vec![
        key(1, "Test key", Some("2026-11-21T10:00:00Z"), None),
        key(2, "Old till", None, Some("2026-11-22T10:00:00Z")),
    ]);
    settle().await;
    assert!(find(&host, "#keys-empty").hidden());
    assert_eq!(row_text(&host, 1, ".key-label"), "Test key");
    assert!(row_text(&host, 1, ".key-last-used").contains("2026"), "a time: {}", row_text(&host, 1, ".key-last-used"));
    assert_eq!(row_text(&host, 1, ".key-state"), "Active");
    assert_eq!(row_text(&host, 2, ".key-last-used"), "never");
    assert!(row_text(&host, 2, ".key-state").starts_with("Revoked"), "{}", row_text(&host, 2, ".key-state"));
    assert!(find(&host, ".key-row[data-key-id=\"2\"] .revoke-key").hidden(), "a revoked key cannot be revoked");
    assert_eq!(dom::attribute(&host, ".key-row[data-key-id=\"1\"] .revoke-key", "aria-label"), "Revoke “Test key”");

    keys.set(Vec::new());
    settle().await;
    assert!(!find(&host, "#keys-empty").hidden(), "the empty state");
    assert!(host.query_selector(".key-row").unwrap().is_none());
}

#[wasm_bindgen_test]
async fn revoke_asks_first_and_escape_takes_the_question_back() {
    let (host, _, revoked) = mount_list(vec![key(7, "Front desk", None, None)]);
    settle().await;
    assert!(host.query_selector("[role=alertdialog]").unwrap().is_none());
    find(&host, ".revoke-key").click();
    settle().await;
    let question = find(&host, "[role=alertdialog]");
    assert!(question.text_content().unwrap().contains("Revoke “Front desk”?"));
    assert!(revoked.get_untracked().is_empty(), "nothing is revoked before the answer");
    assert_eq!(document().active_element().map(|e| e.id()).as_deref(), Some("cancel-revoke"));

    let init = KeyboardEventInit::new();
    init.set_key("Escape");
    init.set_bubbles(true);
    question.dispatch_event(&KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap()).unwrap();
    settle().await;
    assert!(host.query_selector("[role=alertdialog]").unwrap().is_none(), "Escape closes it");
    assert!(revoked.get_untracked().is_empty());

    find(&host, ".revoke-key").click();
    settle().await;
    find(&host, "#confirm-revoke").click();
    settle().await;
    assert_eq!(revoked.get_untracked(), [7]);
}
