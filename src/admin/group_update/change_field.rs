//! One field of the screen (the group, or a field of the change): its label, its control (a text or
//! a list), its hint, an optional "remove" switch, and the rules' findings on it, which the controls
//! name with `aria-describedby`. The group list is one of these too: one field component in the
//! bundle, not two.

use coupon_rules::paddle::PaddleField;
use leptos::prelude::*;

use super::finding_list::FindingList;
use super::ids::ChangeIds;
use super::load::choose_group;
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
    /// One of these `(value, label)` options; the value `""` keeps the coupons' own (or chooses no group).
    Select(Signal<Vec<(String, String)>>),
}

/// A field of the screen. Reads the [`GroupState`] from the context. With `clear`, a switch of that
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
    let Some((value, set)) = binding(state, field) else {
        return ().into_any();
    };
    let on_text = move |ev: leptos::ev::Event| set.run(event_target_value(&ev));
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
                prop:value=value
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
                {move || {
                    options
                        .get()
                        .into_iter()
                        .map(|(option, label)| {
                            let selected = {
                                let option = option.clone();
                                move || value.with(|now| *now == option)
                            };
                            view! {
                                <option value=option prop:selected=selected>
                                    {label}
                                </option>
                            }
                        })
                        .collect_view()
                }}
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

/// What a field's control shows, and what choosing or typing in it does: the group is the chosen
/// group's index (choosing one loads its coupons); a field of the change is its input's text.
fn binding(state: GroupState, field: PaddleField) -> Option<(Signal<String>, Callback<String>)> {
    if field == PaddleField::Group {
        let chosen = Signal::derive(move || state.group.get().map(|idx| idx.to_string()).unwrap_or_default());
        return Some((chosen, Callback::new(move |text: String| choose_group(state, text.parse().ok()))));
    }
    let input = state.input(field)?;
    let typed = Callback::new(move |text: String| {
        input.set(text);
        state.edited(field);
    });
    Some((input.into(), typed))
}
