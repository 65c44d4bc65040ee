//! The latest events: what, which coupon, the delivery status, attempts, the last answer, when;
//! "Resend" on each; empty, loading and error states (an error keeps the list on screen).

use coupon_rules::{group_code, Lang};
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::screen::Shared;
use super::when::local_time;
use crate::admin::api::webhooks::{self as api, WebhookEvent};
use crate::admin::form::failure_text;
use crate::admin::i18n::{admin_texts, webhook_texts};
use crate::admin::session::ApiKey;

/// The events table.
#[component]
pub(super) fn EventList(lang: Lang, key: ApiKey, shared: Shared) -> impl IntoView {
    let t = webhook_texts(lang);
    // The outcome of the last resend, for everyone.
    let resend_note = RwSignal::new(None::<String>);
    let resend = Callback::new(move |id: String| {
        let key = key.clone();
        spawn_local(async move {
            match api::resend(&key, &id).await {
                Ok(()) => {
                    resend_note.set(Some((t.resent)(&id)));
                    shared.refresh.run(());
                }
                Err(error) => resend_note.set(Some(failure_text(&error, lang))),
            }
        });
    });
    let rows = move || {
        shared.events.get().map(|events| {
            if events.is_empty() {
                return view! { <p id="wh-no-events" class="empty-state">{t.no_events}</p> }.into_any();
            }
            let rows = events.into_iter().map(|event| row(event, lang, resend)).collect_view();
            view! {
                <div class="table-scroll">
                    <table id="wh-events" class="events-table">
                        <thead>
                            <tr>{t.columns.iter().map(|c| view! { <th scope="col">{*c}</th> }).collect_view()}<th scope="col"><span class="visually-hidden">{t.resend}</span></th></tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            }
            .into_any()
        })
    };

    view! {
        <section class="panel webhook-events" aria-labelledby="wh-events-title">
            <div class="section-head">
                <h3 id="wh-events-title">{t.events_title}</h3>
                <button type="button" id="wh-refresh" class="button" on:click=move |_| shared.refresh.run(())>
                    {t.refresh}
                </button>
            </div>
            <p class="notice notice-error" role="alert" hidden=move || shared.events_error.with(Option::is_none)>
                {move || shared.events_error.get()}
            </p>
            <p id="wh-resend-note" role="status">{move || resend_note.get()}</p>
            {move || rows().unwrap_or_else(|| view! { <p aria-busy="true">{admin_texts(lang).loading}</p> }.into_any())}
        </section>
    }
}

/// One event's row.
fn row(event: WebhookEvent, lang: Lang, resend: Callback<String>) -> impl IntoView {
    let t = webhook_texts(lang);
    let what = match event.use_no {
        Some(n) => format!("{} · {}", (t.event_type)(&event.event_type), (t.use_no)(n)),
        None => (t.event_type)(&event.event_type).to_owned(),
    };
    let coupon = if event.cpn_no.is_empty() { "—".to_owned() } else { group_code(&event.cpn_no) };
    let answer = event.last_http_status.map(|s| s.to_string()).unwrap_or_else(|| t.no_reply.to_owned());
    let answer = if event.attempts == 0 { "—".to_owned() } else { answer };
    let id = event.id.clone();
    view! {
        <tr data-event=event.id.clone() data-type=event.event_type.clone()>
            <td><span class="event-type">{what}</span><br /><code class="event-id">{event.id.clone()}</code></td>
            <td>{coupon}</td>
            <td><span class="event-status" data-status=event.status.clone()>{(t.status)(&event.status)}</span></td>
            <td>{event.attempts}</td>
            <td>{answer}</td>
            <td><time datetime=event.created_at.clone()>{local_time(&event.created_at, lang)}</time></td>
            <td>
                <button
                    type="button"
                    class="button resend"
                    aria-label=format!("{} {}", t.resend, event.id)
                    on:click=move |_| resend.run(id.clone())
                >
                    {t.resend}
                </button>
            </td>
        </tr>
    }
}
