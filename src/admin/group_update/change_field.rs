//! One field of the change: its label, its control (a text or a list), its hint, an optional
//! "remove" switch, and the rules' findings on it, which the controls name with `aria-describedby`.

use coupon_rules::paddle::PaddleField;
use leptos::prelude::*;

use super::finding_list::FindingList;
use super::ids::ChangeIds;
use super::state::GroupState;
use crate::admin::i18n::group_texts;

/// The kind of input a field of the change has.
#[derive(Debug, Clone)]
pub enum ChangeControl {
    /// A one-line text; `inputmode` picks the phone keyboard (`decimal`, `numeric`).
    Text {
        /// The `inputmode` attribute.
        inputmode: &'static str,
        /// An example of the format.
        placeholder: &'static str,
    },
    /// One of these `(value, label)` options; the value `""` keeps the coupons' own.
    Select(Vec<(String, String)>),
}

/// A field of the change. Reads the [`GroupState`] from the context. With `clear`, a switch of that
/// text sends the field blank (removes the value) and sets the typed text aside meanwhile.
#[component]
pub fn ChangeField(
    /// Which field of the request.
    field: PaddleField,
    /// Its input.
    control: ChangeControl,
    /// The format and limits, under the control.
    #[prop(into)]
    hint: Signal<String>,
    /// The text of the "remove" switch, for a field that can be blanked on purpose.
    #[prop(optional)]
    clear: Option<&'static str>,
) -> impl IntoView {
    let state = expect_context::<GroupState>();
    let ids = ChangeIds::of(field);
    let findings = Memo::new(move |_| state.findings(field));
    let invalid = move || findings.with(|f| f.has_errors());
    let cleared = state.cleared(field).filter(|_| clear.is_some());
    let label = (group_texts(state.lang).label)(field);
    let Some(input) = state.input(field) else {
        return ().into_any();
    };
    let on_text = move |ev: leptos::ev::Event| {
        input.set(event_target_value(&ev));
        state.edited(field);
    };
    let is_cleared = move || cleared.is_some_and(|on| on.get());
    let control = match control {
        ChangeControl::Text { inputmode, placeholder } => view! {
            <input
                type="text"
                id=ids.control()
                name=field.name()
                inputmode=inputmode
                placeholder=placeholder
                autocomplete="off"
                spellcheck="false"
                aria-describedby=ids.described_by()
                aria-invalid=move || invalid().to_string()
                prop:value=move || input.get()
                disabled=is_cleared
                on:input=on_text
            />
        }
        .into_any(),
        ChangeControl::Select(options) => view! {
            <select
                id=ids.control()
                name=field.name()
                aria-describedby=ids.described_by()
                aria-invalid=move || invalid().to_string()
                on:change=on_text
            >
                {options
                    .into_iter()
                    .map(|(value, label)| {
                        let selected = {
                            let value = value.clone();
                            move || input.with(|now| *now == value)
                        };
                        view! {
                            <option value=value prop:selected=selected>
                                {label}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        }
        .into_any(),
    };
    let switch = cleared.zip(clear).map(|(on, text)| {
        view! {
            <label class="switch clear-switch">
                <input
                    type="checkbox"
                    id=ids.clear()
                    aria-describedby=ids.messages()
                    prop:checked=move || on.get()
                    on:change=move |ev| {
                        on.set(event_target_checked(&ev));
                        state.edited(field);
                    }
                />
                <span>{text}</span>
            </label>
        }
    });
    view! {
        <div class="field" class:field-invalid=invalid data-field=field.name()>
            <label class="field-label" for=ids.control()>{label}</label>
            {control}
            {switch}
            <p id=ids.hint() class="field-hint">{hint}</p>
            <FindingList ids findings lang=state.lang />
        </div>
    }
    .into_any()
}
