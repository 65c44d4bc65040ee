//! The coupon form: field groups, live findings from `coupon-rules`, the save bar, the preview, and
//! the guard against leaving with unsaved changes.

mod created;
pub mod field;
mod groups;
mod notice;
mod preview;
mod save;
mod save_bar;
pub mod state;
mod unsaved_guard;

pub use created::CreatedPanel;
pub use notice::failure_text;
pub use state::{FormState, SaveStatus};
pub use unsaved_guard::{LeaveGuard, UnsavedGuard};

use coupon_rules::{group_code, Context, Lang, Mode};
use leptos::prelude::*;

use crate::admin::history::HistoryPanel;
use crate::admin::i18n::admin_texts;
use crate::admin::session::ApiKey;
use groups::{AdvancedGroup, AppearanceGroup, BasicsGroup, MemoGroup, OnsiteGroup, RecipientGroup, ValidityGroup};
use notice::FormNotice;
use preview::Preview;
use save_bar::SaveBar;

/// The form on `context` (its `stored` coupon when `mode` is update), checked on every keystroke and
/// saved with `key`. It needs no network until Save is pressed. After a create it shows the new
/// code; `on_open` opens a coupon by code (the one just created).
#[component]
pub fn CouponForm(
    /// The account's context from `GET context`, with the coupon from `GET get` when editing.
    context: Context,
    /// Update the stored coupon, or create one.
    mode: Mode,
    /// The admin's language.
    lang: Lang,
    /// The key saves are sent with.
    key: ApiKey,
    /// Opens a coupon by its code in the form.
    #[prop(optional)]
    on_open: Option<Callback<String>>,
    /// Starts a new coupon.
    #[prop(optional)]
    on_new: Option<Callback<()>>,
) -> impl IntoView {
    let texts = admin_texts(lang);
    let title = match (&context.stored, mode) {
        (Some(stored), Mode::Update) => (texts.editing_title)(&group_code(&stored.cpn_no)),
        _ => texts.creating_title.to_owned(),
    };
    let history_code = context.stored.as_ref().filter(|_| mode == Mode::Update).map(|stored| stored.cpn_no.clone());
    let form = FormState::new(context, mode, lang);
    provide_context(form);
    let guard = use_context::<LeaveGuard>().unwrap_or_default();
    // A memo, so that only the step to "created" re-renders, not every change of the save status.
    let created = Memo::new(move |_| match form.status.get() {
        SaveStatus::Created(code) => Some(code),
        _ => None,
    });
    let unsaved = Signal::derive(move || form.dirty.get() && created.with(Option::is_none));
    // The history beside an edited coupon, reloaded after each save.
    let saves = RwSignal::new(0_u32);
    Effect::new(move |_| {
        if matches!(form.status.get(), SaveStatus::Saved) {
            saves.update(|count| *count += 1);
        }
    });
    let history = history_code.map(|cpn_no| (cpn_no, key.clone()));
    let save_key = key.clone();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        save::save(form, save_key.clone());
    };
    let retry = Callback::new(move |()| save::save(form, key.clone()));
    let on_edit = Callback::new(move |code: String| {
        if let Some(on_open) = on_open {
            on_open.run(code);
        }
    });
    let on_again = Callback::new(move |()| {
        if let Some(on_new) = on_new {
            on_new.run(());
        }
    });

    view! {
        <section class="editor" lang=lang.tag()>
            <h2 class="editor-title">{title}</h2>
            <UnsavedGuard guard unsaved />
            {move || match created.get() {
                Some(cpn_no) => view! { <CreatedPanel cpn_no lang on_edit on_again /> }.into_any(),
                None => view! {
                    <FormNotice on_retry=retry />
                    <div class="editor-columns">
                        <form class="coupon-form" novalidate on:submit=submit.clone()>
                            <BasicsGroup />
                            <ValidityGroup />
                            <OnsiteGroup />
                            <AppearanceGroup />
                            <RecipientGroup />
                            <MemoGroup />
                            <AdvancedGroup />
                            <SaveBar />
                        </form>
                        <div class="editor-side">
                            <Preview />
                            {history.clone().map(|(cpn_no, key)| view! { <HistoryPanel lang key cpn_no saves=saves.into() /> })}
                        </div>
                    </div>
                }
                .into_any(),
            }}
        </section>
    }
}
