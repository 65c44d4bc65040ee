//! The home screen's state: the query, the coupons found so far, the cursor, and the requests.

use coupon_rules::{group_code, Context, Group, Lang};
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::filters::ListFilters;
use super::table::HitTable;
use crate::admin::api::{self, AdminApiError, Hit, SearchQuery};
use crate::admin::form::failure_text;
use crate::admin::i18n::{admin_texts, list_texts};
use crate::admin::screens::{load_for_edit, OpenCoupon};
use crate::admin::session::ApiKey;

/// Coupons per page.
const PAGE: u32 = 50;

/// Opening by code or creating, then the list. `on_open` gets the context with the stored coupon
/// (from the code field or a row), `on_create` the fresh context for a new one.
#[component]
pub fn CouponListScreen(
    lang: Lang,
    key: ApiKey,
    on_open: Callback<Context>,
    on_create: Callback<Context>,
) -> impl IntoView {
    let texts = list_texts(lang);
    let query = RwSignal::new(SearchQuery { text: String::new(), status: None, grp_idx: None, sort: None });
    let hits = RwSignal::new(Vec::<Hit>::new());
    let next = RwSignal::new(None::<String>);
    let loading = RwSignal::new(false);
    // Whether the rows shown answer the current query (false before the first answer).
    let answered = RwSignal::new(false);
    let failure = RwSignal::new(None::<String>);
    let groups = RwSignal::new(Vec::<Group>::new());
    // Each request's number: an answer to an older one (the admin typed on) is dropped.
    let latest = StoredValue::new(0_u32);

    let fetch = {
        let key = key.clone();
        move |after: Option<String>| {
            let key = key.clone();
            let asked = query.get_untracked();
            let number = latest.get_value() + 1;
            latest.set_value(number);
            loading.set(true);
            spawn_local(async move {
                let page = api::search(&key, &asked, PAGE, after.as_deref()).await;
                if latest.get_value() != number {
                    return;
                }
                loading.set(false);
                match page {
                    Ok(page) => {
                        failure.set(None);
                        if after.is_some() {
                            hits.update(|shown| shown.extend(page.coupons));
                        } else {
                            hits.set(page.coupons);
                        }
                        next.set(page.next);
                        answered.set(true);
                    }
                    // What is on screen stays; the reason goes above it.
                    Err(error) => failure.set(Some(failure_text(&error, lang))),
                }
            });
        }
    };
    let first_page = fetch.clone();
    Effect::new(move |_| {
        query.track();
        first_page(None);
    });
    let more = move |_| fetch(next.get_untracked());

    let groups_key = key.clone();
    spawn_local(async move {
        // The group filter's choices; without them the filter offers "All" only.
        if let Ok(context) = api::fetch_context(&groups_key).await {
            groups.set(context.groups.unwrap_or_default());
        }
    });

    let open_key = key.clone();
    let on_pick = Callback::new(move |code: String| {
        let key = open_key.clone();
        failure.set(None);
        spawn_local(async move {
            match load_for_edit(&key, &code).await {
                Ok(context) => on_open.run(context),
                Err(AdminApiError::NotFound) => failure.set(Some((admin_texts(lang).not_found)(&group_code(&code)))),
                Err(error) => failure.set(Some(failure_text(&error, lang))),
            }
        });
    });

    let empty = move || answered.get() && !loading.get() && hits.with(Vec::is_empty);
    let status_text = move || {
        if loading.get() {
            texts.loading.to_owned()
        } else if empty() {
            texts.empty.to_owned()
        } else if answered.get() {
            (texts.count)(hits.with(Vec::len), next.with(Option::is_some))
        } else {
            String::new()
        }
    };
    view! {
        <OpenCoupon lang key on_open on_create />
        <section class="coupon-list" aria-labelledby="coupon-list-title" aria-busy=move || loading.get().to_string()>
            <h2 id="coupon-list-title">{texts.title}</h2>
            <ListFilters lang query groups />
            <p id="list-error" class="notice notice-error" role="alert" hidden=move || failure.with(Option::is_none)>
                {texts.failed}
                " "
                {move || failure.get()}
            </p>
            <p id="list-summary" class="list-summary" aria-live="polite" data-empty=move || empty().to_string()>
                {status_text}
            </p>
            <div hidden=move || hits.with(Vec::is_empty)>
                <HitTable lang hits query on_pick />
            </div>
            <p class="list-more" hidden=move || next.with(Option::is_none)>
                <button type="button" id="load-more" class="button" disabled=move || loading.get() on:click=more>
                    {texts.load_more}
                </button>
            </p>
        </section>
    }
}
