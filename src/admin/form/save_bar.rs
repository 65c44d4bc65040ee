//! The save bar: the Save button and, whenever it is disabled, why, with links to the fields at fault.

use coupon_rules::{Field, Mode};
use leptos::prelude::*;

use super::field::FieldIds;
use super::save::can_save;
use super::state::{FormState, SaveStatus};
use crate::admin::i18n::admin_texts;

/// Save (or Create) and the reason it cannot be pressed.
#[component]
pub fn SaveBar() -> impl IntoView {
    let form = expect_context::<FormState>();
    let texts = admin_texts(form.lang);
    let label = if form.mode == Mode::Create { texts.create } else { texts.save };
    let saving = move || form.status.with(|s| *s == SaveStatus::Saving);
    let fields_at_fault = Memo::new(move |_| form.fields_with_errors());
    let reason = move || {
        if saving() {
            view! { <p>{texts.why_saving}</p> }.into_any()
        } else if !form.dirty.get() {
            view! { <p>{texts.why_no_changes}</p> }.into_any()
        } else if fields_at_fault.with(|f| !f.is_empty()) {
            let names = fields_at_fault.get();
            view! {
                <p>{(texts.why_errors)(names.len())}</p>
                <ul class="fields-at-fault">
                    {names.into_iter().map(|name| fault_link(&name, texts.label)).collect_view()}
                </ul>
            }
            .into_any()
        } else {
            view! { <p class="unsaved">{texts.unsaved}</p> }.into_any()
        }
    };
    view! {
        <div class="save-bar">
            <button
                type="submit"
                id="save"
                class="button primary"
                disabled=move || !can_save(&form)
                aria-describedby="save-why"
            >
                {move || if saving() { texts.saving } else { label }}
            </button>
            <div id="save-why" class="save-why" aria-live="polite">
                {reason}
            </div>
        </div>
    }
}

/// A link that moves the focus to a field with a problem.
fn fault_link(name: &str, label: fn(Field) -> &'static str) -> impl IntoView {
    let field = Field::from_name(name);
    let text = field.map_or_else(|| name.to_owned(), |f| label(f).to_owned());
    let target = field.map(|f| FieldIds::of(f).control()).unwrap_or_default();
    let href = format!("#{target}");
    view! {
        <li>
            <a
                href=href
                data-field=name.to_owned()
                on:click=move |ev| {
                    ev.prevent_default();
                    let element = document().get_element_by_id(&target);
                    if let Some(element) = element.and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok()) {
                        let _ = element.focus();
                    }
                }
            >
                {text}
            </a>
        </li>
    }
}
