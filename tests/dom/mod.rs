//! DOM helpers shared by the admin screens' component tests: find, type, click, read messages.
#![allow(dead_code)]

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, EventInit, HtmlElement, HtmlInputElement};

/// A screen's fields: control `#{prefix}-{field}`, its messages in `#{prefix}-{field}-msgs`.
pub struct Fields(pub &'static str);

impl Fields {
    /// Types `text` into a field the way a browser reports it: the value changes, then `input` fires.
    pub async fn type_into(&self, host: &Element, field: &str, text: &str) {
        let input: HtmlInputElement = find(host, &format!("#{}-{field}", self.0)).unchecked_into();
        input.set_value(text);
        fire(&input, "input");
        settle().await;
    }

    /// The messages shown beside a field: (code, text) of each.
    pub fn messages(&self, host: &Element, field: &str) -> Vec<(String, String)> {
        let items = host.query_selector_all(&format!("#{}-{field}-msgs li", self.0)).unwrap();
        (0..items.length())
            .filter_map(|i| items.item(i))
            .map(|item| {
                let item: Element = item.unchecked_into();
                (item.get_attribute("data-code").unwrap_or_default(), item.text_content().unwrap_or_default())
            })
            .collect()
    }

    /// Every field that shows a message.
    pub fn with_messages(&self, host: &Element) -> Vec<String> {
        let prefix = format!("{}-", self.0);
        let lists = host.query_selector_all(".field-messages").unwrap();
        (0..lists.length())
            .filter_map(|i| lists.item(i))
            .map(|list| list.unchecked_into::<Element>())
            .filter(|list| list.child_element_count() > 0)
            .map(|list| list.id().trim_start_matches(&prefix).trim_end_matches("-msgs").to_owned())
            .collect()
    }
}

/// Lets the reactive system and the DOM catch up (effects run as tasks).
pub async fn settle() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        window().set_timeout_with_callback(&resolve).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// The element `selector` finds under `host`; panics when there is none.
pub fn find(host: &Element, selector: &str) -> HtmlElement {
    host.query_selector(selector).unwrap().unwrap_or_else(|| panic!("no {selector}")).unchecked_into()
}

/// An attribute of the element `selector` finds, or `""`.
pub fn attribute(host: &Element, selector: &str, name: &str) -> String {
    find(host, selector).get_attribute(name).unwrap_or_default()
}

/// Whether the element `selector` finds is disabled.
pub fn is_disabled(host: &Element, selector: &str) -> bool {
    find(host, selector).has_attribute("disabled")
}

/// Dispatches a bubbling event of `kind` at `target`.
pub fn fire(target: &web_sys::EventTarget, kind: &str) {
    let init = EventInit::new();
    init.set_bubbles(true);
    target.dispatch_event(&web_sys::Event::new_with_event_init_dict(kind, &init).unwrap()).unwrap();
}
