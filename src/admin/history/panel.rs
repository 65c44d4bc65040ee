//! The history panel: loads the newest page, more on request, and again after each save.

use coupon_rules::Lang;
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::entry::EntryItem;
use crate::admin::api::{self, HistoryEntry};
use crate::admin::form::failure_text;
use crate::admin::i18n::history_texts;
use crate::admin::session::ApiKey;

/// Entries per page.
const PAGE: u32 = 20;

/// The timeline of coupon `cpn_no`; it reloads from the newest each time `saves` changes.
#[component]
pub fn HistoryPanel(lang: Lang, key: ApiKey, cpn_no: String, saves: Signal<u32>) -> impl IntoView {
    let texts = history_texts(lang);
    let entries = RwSignal::new(Vec::<HistoryEntry>::new());
    let next = RwSignal::new(None::<String>);
    let loading = RwSignal::new(false);
    let answered = RwSignal::new(false);
    let failure = RwSignal::new(None::<String>);
    // Each request's number: only the newest request's answer is shown.
    let latest = StoredValue::new(0_u32);

    let fetch = move |after: Option<String>| {
        let key = key.clone();
        let cpn_no = cpn_no.clone();
        let number = latest.get_value() + 1;
        latest.set_value(number);
        loading.set(true);
        spawn_local(async move {
            let page = api::fetch_history(&key, &cpn_no, PAGE, after.as_deref()).await;
            if latest.get_value() != number {
                return;
            }
            loading.set(false);
            match page {
                Ok(page) => {
                    failure.set(None);
                    if after.is_some() {
                        entries.update(|shown| shown.extend(page.entries));
                    } else {
                        entries.set(page.entries);
                    }
                    next.set(page.next);
                    answered.set(true);
                }
                // What is on screen stays; the reason goes above it.
                Err(error) => failure.set(Some(failure_text(&error, lang))),
            }
        });
    };
    let first_page = fetch.clone();
    Effect::new(move |_| {
        saves.track();
        first_page(None);
    });
    let more = move |_| fetch(next.get_untracked());

    let status_text = move || {
        if loading.get() {
            texts.loading
        } else if answered.get() && entries.with(Vec::is_empty) {
            texts.empty
        } else {
            ""
        }
    };
    view! {
        <section class="history" id="history" aria-labelledby="history-title" aria-busy=move || loading.get().to_string()>
            <h3 id="history-title">{texts.title}</h3>
            <p id="history-error" class="notice notice-error" role="alert" hidden=move || failure.with(Option::is_none)>
                {texts.failed}
                " "
                {move || failure.get()}
            </p>
            <p class="history-status" aria-live="polite">{status_text}</p>
            <ol class="history-entries">
                {move || {
                    entries.get().into_iter().map(|entry| view! { <EntryItem entry lang /> }).collect_view()
                }}
            </ol>
            <p class="list-more" hidden=move || next.with(Option::is_none)>
                <button type="button" id="history-more" class="button" disabled=move || loading.get() on:click=more>
                    {texts.load_more}
                </button>
            </p>
        </section>
    }
}
