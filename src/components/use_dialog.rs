//! The store staff's dialog: the store password, one use, a plain answer.

use coupon_rules::{group_code, CouponStatus, Lang};
use leptos::ev::{KeyboardEvent, SubmitEvent};
use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use crate::api::{new_idempotency_key, use_coupon, ApiError};
use crate::i18n::{texts, Texts};

/// The dialog's answer line.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Notice {
    /// The request is in flight.
    Checking,
    /// The coupon was not used, and why.
    Refused(ApiError),
}

/// The password an idempotency key was made for: sending that password again is a retry of the
/// same attempt and reuses the key; another password is a new attempt.
#[derive(Debug, Clone)]
struct Attempt {
    password: String,
    key: String,
}

/// A modal dialog for store staff: it names the coupon, asks for the store password (numeric keypad
/// on phones, Enter submits), uses the coupon once and says what happened. A wrong password empties
/// the field and leaves the focus in it for the next try. Focus stays inside; Escape closes it.
#[component]
pub fn UseDialog(
    /// The coupon to use.
    #[prop(into)]
    cpn_no: Signal<String>,
    /// Its name, so staff see which coupon they are about to use.
    #[prop(into)]
    name: Signal<String>,
    /// The language of the texts.
    lang: Lang,
    /// Whether the dialog is open; it sets this to false when it closes.
    open: RwSignal<bool>,
    /// Called after a successful use, with the receipt's undo token when it has one.
    on_used: Callback<Option<String>>,
    /// Called when the answer shows the page's copy of the coupon is out of date.
    on_stale: Callback<()>,
) -> impl IntoView {
    let dialog = NodeRef::<html::Dialog>::new();
    // Read when submitted: the field needs no signal of its own.
    let password = NodeRef::<html::Input>::new();
    let notice = RwSignal::new(None::<Notice>);
    let in_flight = RwSignal::new(false);
    let attempt = StoredValue::new(None::<Attempt>);

    Effect::new(move |_| {
        let Some(element) = dialog.get() else { return };
        if open.get() {
            if !element.open() {
                notice.set(None);
                let _ = element.show_modal();
            }
        } else if element.open() {
            element.close();
        }
    });

    let submit = move |event: SubmitEvent| {
        event.prevent_default();
        if in_flight.get_untracked() {
            return;
        }
        let typed = password.get_untracked().map(|field| field.value()).unwrap_or_default();
        let key = attempt
            .get_value()
            .filter(|attempt| attempt.password == typed)
            .map(|attempt| attempt.key)
            .unwrap_or_else(new_idempotency_key);
        attempt.set_value(Some(Attempt { password: typed.clone(), key: key.clone() }));
        in_flight.set(true);
        notice.set(Some(Notice::Checking));
        let cpn_no = cpn_no.get_untracked();
        spawn_local(async move {
            let answer = use_coupon(&cpn_no, &typed, &key).await;
            in_flight.set(false);
            match answer {
                Ok(undo_token) => {
                    attempt.set_value(None);
                    if let Some(field) = password.get_untracked() {
                        field.set_value("");
                    }
                    notice.set(None);
                    open.set(false);
                    on_used.run(undo_token);
                }
                Err(error) => {
                    if matches!(error, ApiError::WrongPassword { .. }) {
                        if let Some(field) = password.get_untracked() {
                            field.set_value("");
                            let _ = field.focus();
                        }
                    }
                    if !error.outcome_unknown() {
                        attempt.set_value(None);
                    }
                    if matches!(error, ApiError::NotUsable { .. } | ApiError::NotFound) {
                        on_stale.run(());
                    }
                    notice.set(Some(Notice::Refused(error)));
                }
            }
        });
    };

    let keep_focus_inside = move |event: KeyboardEvent| {
        if event.key() == "Tab" {
            if let Some(element) = dialog.get_untracked() {
                wrap_focus(&element, &event);
            }
        }
    };

    let t = texts(lang);
    view! {
        <dialog
            class="use-dialog"
            node_ref=dialog
            aria-labelledby="use-dialog-title"
            aria-describedby="use-dialog-staff"
            on:close=move |_| open.set(false)
            on:keydown=keep_focus_inside
        >
            <form class="use-form" on:submit=submit>
                <h2 id="use-dialog-title">{t.dialog_title}</h2>
                <p class="dialog-coupon">{move || (t.dialog_coupon)(&name.get(), &group_code(&cpn_no.get()))}</p>
                <p id="use-dialog-staff" class="staff-only">
                    {t.dialog_staff_only}
                </p>
                <label for="store-password">{t.password_label}</label>
                <input
                    id="store-password"
                    name="store-password"
                    type="password"
                    inputmode="numeric"
                    autocomplete="off"
                    autofocus
                    node_ref=password
                />
                <p class="dialog-status" role="status" aria-live="polite">
                    {move || notice.get().map(|notice| notice_text(t, &notice))}
                </p>
                <div class="dialog-buttons">
                    <button type="submit" class="button confirm-use" disabled=move || in_flight.get()>
                        {t.confirm_use}
                    </button>
                    <button type="button" class="button secondary" on:click=move |_| open.set(false)>
                        {t.cancel}
                    </button>
                </div>
            </form>
        </dialog>
    }
}

/// The answer line, in plain words.
fn notice_text(t: &Texts, notice: &Notice) -> String {
    let Notice::Refused(error) = notice else {
        return t.checking.to_owned();
    };
    match error {
        ApiError::WrongPassword { attempts_left } => (t.wrong_password)(*attempts_left),
        ApiError::TooManyAttempts { retry_after } => (t.too_many_tries)(*retry_after),
        ApiError::NotUsable { reason: CouponStatus::Scheduled } => t.refused_scheduled.to_owned(),
        ApiError::NotUsable { reason: CouponStatus::Expired } => t.refused_expired.to_owned(),
        ApiError::NotUsable { .. } => t.refused_used_up.to_owned(),
        ApiError::NotFound => t.refused_missing.to_owned(),
        ApiError::Network => t.network_retry.to_owned(),
        ApiError::BadReply | ApiError::Refused { .. } | ApiError::UndoExpired => t.unexpected.to_owned(),
    }
}

/// Keeps Tab and Shift+Tab cycling through the dialog's controls instead of leaving it.
fn wrap_focus(dialog: &web_sys::HtmlDialogElement, event: &KeyboardEvent) {
    let Ok(controls) = dialog.query_selector_all("input:not([disabled]), button:not([disabled])") else {
        return;
    };
    let control = |index: u32| controls.item(index).and_then(|node| node.dyn_into::<web_sys::HtmlElement>().ok());
    let (Some(first), Some(last)) = (control(0), control(controls.length().saturating_sub(1))) else {
        return;
    };
    let active = web_sys::window().and_then(|window| window.document()).and_then(|doc| doc.active_element());
    let is_active = |element: &web_sys::HtmlElement| active.as_ref().is_some_and(|a| a == element.as_ref());
    let target = if event.shift_key() && is_active(&first) {
        last
    } else if !event.shift_key() && is_active(&last) {
        first
    } else {
        return;
    };
    event.prevent_default();
    let _ = target.focus();
}
