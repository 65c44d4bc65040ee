//! The form that makes a key: its label, checked by the rules as it is typed, and "Create key".

use coupon_rules::{check_key_label, FieldError, Lang, MAX_KEY_LABEL_LEN};
use leptos::ev::SubmitEvent;
use leptos::html;
use leptos::prelude::*;

use crate::admin::i18n::{admin_texts, key_texts};

/// The label as the request carries it: an empty field sends no label (`required`), anything else
/// as typed (the rules trim it).
pub fn label_as_sent(typed: &str) -> Option<&str> {
    (!typed.is_empty()).then_some(typed)
}

/// The label field (`#key-label`, its messages in `#key-label-msgs`) and the create button. The
/// rules' finding shows once the admin typed or pressed Create; `refused` are the server's
/// findings on the label, shown until it is edited. A label the rules refuse is never sent.
#[component]
pub fn CreateKeyForm(
    /// The language of the texts and of the rules' messages.
    lang: Lang,
    /// What is typed; the screen empties it once the key is made.
    label: RwSignal<String>,
    /// A create request is in flight.
    #[prop(into)]
    busy: Signal<bool>,
    /// The server's findings on the label from the last refusal.
    refused: RwSignal<Vec<FieldError>>,
    /// Why the last create failed, when it did.
    #[prop(into)]
    failure: Signal<Option<String>>,
    /// Called with the label as sent when Create is pressed on a good label.
    on_create: Callback<String>,
) -> impl IntoView {
    let texts = key_texts(lang);
    let touched = RwSignal::new(false);
    let field = NodeRef::<html::Input>::new();
    let finding = Memo::new(move |_| label.with(|typed| check_key_label(label_as_sent(typed), lang)));
    let shown = move || {
        let mut findings: Vec<FieldError> = finding.get().filter(|_| touched.get()).into_iter().collect();
        if findings.is_empty() {
            findings = refused.get();
        }
        findings
    };
    let invalid = move || !shown().is_empty();
    let submit = move |event: SubmitEvent| {
        event.prevent_default();
        touched.set(true);
        if busy.get_untracked() {
            return;
        }
        if finding.get_untracked().is_some() {
            if let Some(field) = field.get_untracked() {
                let _ = field.focus();
            }
            return;
        }
        // The screen empties the field once the key is made: that empty field is not a mistake.
        touched.set(false);
        on_create.run(label.get_untracked());
    };
    view! {
        <form class="panel keys-create" on:submit=submit novalidate>
            <h3>{texts.create_title}</h3>
            <div class="field" class:field-invalid=invalid>
                <label class="field-label" for="key-label">
                    {texts.label_label}
                </label>
                <div class="key-create-row">
                    <input
                        type="text"
                        id="key-label"
                        name="label"
                        autocomplete="off"
                        aria-describedby="key-label-hint key-label-msgs"
                        aria-invalid=move || invalid().to_string()
                        node_ref=field
                        prop:value=move || label.get()
                        on:input=move |event| {
                            touched.set(true);
                            refused.set(Vec::new());
                            label.set(event_target_value(&event));
                        }
                    />
                    <button type="submit" id="create-key" class="button primary" disabled=move || busy.get()>
                        {move || if busy.get() { texts.creating } else { texts.create }}
                    </button>
                </div>
                <p id="key-label-hint" class="field-hint">
                    {(texts.label_hint)(MAX_KEY_LABEL_LEN)}
                </p>
                <ul id="key-label-msgs" class="field-messages" aria-live="polite">
                    {move || {
                        shown()
                            .into_iter()
                            .map(|finding| {
                                view! {
                                    <li class="field-error" data-code=finding.code.as_str()>
                                        <span class="visually-hidden">{admin_texts(lang).error_prefix}</span>
                                        {finding.message}
                                    </li>
                                }
                            })
                            .collect_view()
                    }}
                </ul>
            </div>
            <p id="create-key-error" class="notice notice-error" role="alert" hidden=move || failure.with(Option::is_none)>
                {move || failure.get()}
            </p>
        </form>
    }
}
