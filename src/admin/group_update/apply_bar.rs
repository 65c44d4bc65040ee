//! The apply bar: the Apply button and, whenever it is disabled, why: the fields to fix as links that
//! move the focus there, and the coupons that would be refused.

use coupon_rules::paddle::PaddleField;
use leptos::prelude::*;

use super::apply::{blocker, Blocker};
use super::ids::ChangeIds;
use super::names::coupon_names;
use super::state::{ApplyStatus, CouponsLoad, GroupState};
use crate::admin::i18n::group_texts;

/// Apply and the reason it cannot be pressed.
#[component]
pub fn ApplyBar() -> impl IntoView {
    let state = expect_context::<GroupState>();
    let texts = group_texts(state.lang);
    let applying = move || state.status.with(|s| *s == ApplyStatus::Applying);
    let reason = move || match blocker(&state) {
        Some(Blocker::Applying) => view! { <p>{texts.applying}</p> }.into_any(),
        Some(Blocker::NoGroup) => view! { <p>{texts.why_no_group}</p> }.into_any(),
        Some(Blocker::NoCoupons) => view! { <p>{texts.why_no_coupons}</p> }.into_any(),
        Some(Blocker::EmptyGroup) => view! { <p>{texts.why_empty}</p> }.into_any(),
        Some(Blocker::NothingToApply) => view! { <p>{texts.why_nothing}</p> }.into_any(),
        Some(Blocker::Problems { fields, coupons }) => {
            let fields = (!fields.is_empty()).then(|| {
                view! {
                    <p>{(texts.why_fields)(fields.len())}</p>
                    <ul class="fields-at-fault">
                        {fields.into_iter().map(|field| fault_link(field, texts.label)).collect_view()}
                    </ul>
                }
            });
            let coupons = (!coupons.is_empty()).then(|| {
                let names = coupon_names(coupons.iter().map(String::as_str), state.lang);
                view! { <p class="refused-coupons">{(texts.why_refused)(&names)}</p> }
            });
            view! {
                {fields}
                {coupons}
            }
            .into_any()
        }
        None => {
            let count = state.coupons.with(|load| match load {
                CouponsLoad::Loaded(coupons) => coupons.len(),
                _ => 0,
            });
            view! { <p class="unsaved">{(texts.ready)(count)}</p> }.into_any()
        }
    };
    view! {
        <div class="save-bar apply-bar">
            <button
                type="submit"
                id="apply"
                class="button primary"
                disabled=move || blocker(&state).is_some()
                aria-describedby="apply-why"
            >
                {move || if applying() { texts.applying } else { texts.apply }}
            </button>
            <div id="apply-why" class="save-why" aria-live="polite">
                {reason}
            </div>
        </div>
    }
}

/// A link that moves the focus to a field with a problem.
fn fault_link(field: PaddleField, label: fn(PaddleField) -> &'static str) -> impl IntoView {
    let target = ChangeIds::of(field).control();
    let href = format!("#{target}");
    view! {
        <li>
            <a
                href=href
                data-field=field.name()
                on:click=move |ev| {
                    ev.prevent_default();
                    let element = document().get_element_by_id(&target);
                    if let Some(element) = element.and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok()) {
                        let _ = element.focus();
                    }
                }
            >
                {label(field)}
            </a>
        </li>
    }
}
