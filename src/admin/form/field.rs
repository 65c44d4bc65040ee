//! One field of the form: its label, its control, its hint, and the rules' errors and warnings on
//! it, which the control names with `aria-describedby` so screen readers read them with the field.

use coupon_rules::messages::plan_name;
use coupon_rules::{Field, FieldError};
use leptos::prelude::*;

use super::state::FormState;
use crate::admin::i18n::admin_texts;

/// The kind of input a field has.
#[derive(Debug, Clone)]
pub enum Control {
    /// A one-line text; `inputmode` picks the phone keyboard (`decimal`, `numeric`, `email`, `tel`, `url`).
    Text {
        /// The `inputmode` attribute.
        inputmode: &'static str,
        /// An example of the format.
        placeholder: &'static str,
    },
    /// A new password: never prefilled.
    Password,
    /// Several lines.
    TextArea,
    /// One of these `(value, label)` options.
    Select(Vec<(String, String)>),
    /// An on/off switch (`Y`/`N`) with this text.
    Switch(&'static str),
    /// A hex colour: the text, and a picker for its RGB part.
    Colour,
}

impl Control {
    /// A plain one-line text.
    pub const TEXT: Control = Control::Text { inputmode: "text", placeholder: "" };
}

/// The element ids of a field: the control's and those of its hint and messages.
#[derive(Debug, Clone, Copy)]
pub struct FieldIds {
    field: Field,
}

impl FieldIds {
    /// The ids of `field`.
    pub fn of(field: Field) -> FieldIds {
        FieldIds { field }
    }

    /// The control's id (`f-endYmd`): also the target of the save bar's links.
    pub fn control(self) -> String {
        format!("f-{}", self.field.name())
    }

    /// The hint's id.
    pub fn hint(self) -> String {
        format!("f-{}-hint", self.field.name())
    }

    /// The message list's id.
    pub fn messages(self) -> String {
        format!("f-{}-msgs", self.field.name())
    }
}

/// A field with its label, control, hint and findings. Reads the [`FormState`] from the context.
#[component]
pub fn FormField(
    /// Which field of the request.
    field: Field,
    /// Its input.
    control: Control,
    /// A hint under the control (format, limits).
    #[prop(optional, into)]
    hint: Option<Signal<String>>,
) -> impl IntoView {
    let form = expect_context::<FormState>();
    let texts = admin_texts(form.lang);
    let ids = FieldIds::of(field);
    let findings = Memo::new(move |_| form.findings(field));
    let invalid = move || findings.with(|f| !f.errors.is_empty());
    let plan_note = form.plan_needed(field).map(|required| {
        let current = form.with_context(|c| c.plan);
        (texts.plan_excludes)(plan_name(required.as_str(), form.lang), plan_name(current.as_str(), form.lang))
    });
    let has_hint = hint.is_some() || plan_note.is_some();
    let described_by = if has_hint { format!("{} {}", ids.hint(), ids.messages()) } else { ids.messages() };
    let label = (texts.label)(field);

    let control = render_control(form, field, control, ids, described_by, invalid);
    let label_view = match field {
        // A switch is labelled by its own text; the field's name heads it.
        Field::OnsiteYn | Field::WebhookEnableYn => view! { <span class="field-label">{label}</span> }.into_any(),
        _ => view! { <label class="field-label" for=ids.control()>{label}</label> }.into_any(),
    };
    view! {
        <div
            class="field"
            class:field-invalid=invalid
            class:field-disabled=move || form.is_disabled(field)
            data-field=field.name()
        >
            {label_view}
            {control}
            {has_hint
                .then(|| {
                    view! {
                        <p id=ids.hint() class="field-hint">
                            {hint.map(|hint| view! { <span>{hint}</span> })}
                            {plan_note.map(|note| view! { <span class="plan-note">{note}</span> })}
                        </p>
                    }
                })}
            <ul id=ids.messages() class="field-messages" aria-live="polite">
                {move || {
                    findings
                        .with(|f| {
                            let errors = f.errors.iter().map(|e| message_item(e, "field-error", texts.error_prefix));
                            let warnings = f
                                .warnings
                                .iter()
                                .map(|w| message_item(w, "field-warning", texts.warning_prefix));
                            errors.chain(warnings).collect_view()
                        })
                }}
            </ul>
        </div>
    }
}

/// One finding in the list; its code is kept as `data-code` for tests and styling.
fn message_item(finding: &FieldError, class: &'static str, prefix: &'static str) -> impl IntoView {
    view! {
        <li class=class data-code=finding.code.as_str()>
            <span class="visually-hidden">{prefix}</span>
            {finding.message.clone()}
        </li>
    }
}

/// The control of a field, bound to its input signal.
fn render_control(
    form: FormState,
    field: Field,
    control: Control,
    ids: FieldIds,
    described_by: String,
    invalid: impl Fn() -> bool + Copy + Send + Sync + 'static,
) -> AnyView {
    let Some(input) = form.input(field) else {
        return ().into_any();
    };
    let disabled = move || form.is_disabled(field);
    let on_text = move |ev: leptos::ev::Event| form.set_input(field, event_target_value(&ev));
    let id = ids.control();
    match control {
        Control::Text { inputmode, placeholder } => view! {
            <input
                type="text"
                id=id
                name=field.name()
                inputmode=inputmode
                placeholder=placeholder
                autocomplete="off"
                spellcheck="false"
                aria-describedby=described_by
                aria-invalid=move || invalid().to_string()
                prop:value=move || input.get()
                disabled=disabled
                on:input=on_text
            />
        }
        .into_any(),
        Control::Password => view! {
            <input
                type="password"
                id=id
                name=field.name()
                autocomplete="new-password"
                aria-describedby=described_by
                aria-invalid=move || invalid().to_string()
                prop:value=move || input.get()
                disabled=disabled
                on:input=on_text
            />
        }
        .into_any(),
        Control::TextArea => view! {
            <textarea
                id=id
                name=field.name()
                rows="4"
                aria-describedby=described_by
                aria-invalid=move || invalid().to_string()
                prop:value=move || input.get()
                disabled=disabled
                on:input=on_text
            ></textarea>
        }
        .into_any(),
        Control::Select(options) => view! {
            <select
                id=id
                name=field.name()
                aria-describedby=described_by
                aria-invalid=move || invalid().to_string()
                disabled=disabled
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
        Control::Switch(text) => view! {
            <label class="switch">
                <input
                    type="checkbox"
                    id=id
                    name=field.name()
                    aria-describedby=described_by
                    prop:checked=move || input.with(|now| now == "Y")
                    disabled=disabled
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        form.set_input(field, if on { "Y" } else { "N" }.to_owned());
                    }
                />
                <span>{text}</span>
            </label>
        }
        .into_any(),
        Control::Colour => view! {
            <div class="colour-input">
                <input
                    type="text"
                    id=id
                    name=field.name()
                    placeholder="#RRGGBBAA"
                    autocomplete="off"
                    spellcheck="false"
                    aria-describedby=described_by
                    aria-invalid=move || invalid().to_string()
                    prop:value=move || input.get()
                    disabled=disabled
                    on:input=on_text
                />
                <input
                    type="color"
                    class="colour-picker"
                    tabindex="-1"
                    aria-hidden="true"
                    prop:value=move || input.with(|text| picker_value(text))
                    disabled=disabled
                    on:input=move |ev| {
                        let picked = event_target_value(&ev);
                        let text = input.with_untracked(|now| with_picked_rgb(now, &picked));
                        form.set_input(field, text);
                    }
                />
            </div>
        }
        .into_any(),
    }
}

/// The `#rrggbb` a colour picker shows for a typed colour (black when it is no colour yet).
fn picker_value(text: &str) -> String {
    let hex = text.strip_prefix('#').unwrap_or("");
    if hex.len() >= 6 && hex.is_char_boundary(6) && hex[..6].bytes().all(|c| c.is_ascii_hexdigit()) {
        format!("#{}", hex[..6].to_ascii_lowercase())
    } else {
        "#000000".to_owned()
    }
}

/// The typed colour with its RGB part replaced by the picked one, keeping a typed alpha.
fn with_picked_rgb(typed: &str, picked: &str) -> String {
    let rgb = picked.trim_start_matches('#').to_ascii_uppercase();
    let alpha = typed.strip_prefix('#').filter(|hex| hex.len() == 8 && hex.is_char_boundary(6)).map(|hex| &hex[6..]);
    format!("#{rgb}{}", alpha.unwrap_or("FF"))
}
