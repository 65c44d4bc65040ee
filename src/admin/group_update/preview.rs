//! The preview beside the change: the chosen group's coupons, how many the change would update, and
//! which the server would refuse and why, by the same rules, as the admin types.

use coupon_rules::paddle::PaddleField;
use coupon_rules::{discount_text, group_code, Coupon, Lang};
use leptos::prelude::*;

use super::load::load_coupons;
use super::state::{CouponsLoad, GroupState};
use super::verdict::CouponVerdict;
use crate::admin::form::failure_text;
use crate::admin::i18n::{admin_texts, group_texts};

/// The group's coupons and what the change would do to each.
#[component]
pub fn GroupPreview() -> impl IntoView {
    let state = expect_context::<GroupState>();
    let texts = group_texts(state.lang);
    let retry = move |_| load_coupons(state);
    let body = move || match state.coupons.get() {
        CouponsLoad::NotChosen => view! { <p class="preview-hint">{texts.preview_choose}</p> }.into_any(),
        CouponsLoad::Loading => view! { <p class="preview-hint" role="status">{texts.preview_loading}</p> }.into_any(),
        CouponsLoad::Failed(error) => view! {
            <div class="notice notice-error" role="alert">
                <p>{failure_text(&error, state.lang)}</p>
                <button type="button" class="button retry" id="group-preview-retry" on:click=retry>
                    {admin_texts(state.lang).retry}
                </button>
            </div>
        }
        .into_any(),
        CouponsLoad::Loaded(coupons) if coupons.is_empty() => {
            view! { <p class="preview-hint">{texts.preview_empty}</p> }.into_any()
        }
        CouponsLoad::Loaded(coupons) => {
            let count = coupons.len();
            let rows = coupons.into_iter().enumerate().map(|(i, coupon)| row(state, i, coupon)).collect_view();
            view! {
                <Summary count />
                <ul class="group-coupons">{rows}</ul>
            }
            .into_any()
        }
    };
    view! {
        <aside class="preview group-preview" id="group-preview" aria-labelledby="group-preview-title">
            <h3 id="group-preview-title">{texts.preview_title}</h3>
            {body}
        </aside>
    }
}

/// How many coupons change, or how many would be refused (then none changes: all or nothing).
#[component]
fn Summary(count: usize) -> impl IntoView {
    let state = expect_context::<GroupState>();
    let texts = group_texts(state.lang);
    let refused = Memo::new(move |_| state.verdicts.with(|v| v.iter().filter(|v| v.is_refused()).count()));
    let any_refused = Memo::new(move |_| refused.get() > 0);
    let idle = move || state.verdicts.with(Vec::is_empty);
    let changing = move || if idle() || refused.get() > 0 { 0 } else { count };
    let group = move || state.chosen_group().map(|g| g.name).unwrap_or_default();
    let text = move || {
        if idle() {
            (texts.preview_idle)(count, &group())
        } else if refused.get() > 0 {
            (texts.preview_refused)(refused.get(), count)
        } else {
            (texts.preview_all_change)(count, &group())
        }
    };
    view! {
        <p
            id="group-preview-count"
            class="group-summary"
            class:group-summary-refused=any_refused
            aria-live="polite"
            data-coupons=count
            data-changing=changing
            data-refused=move || refused.get()
        >
            {text}
        </p>
    }
}

/// One coupon: its code, name, discount and end now, and what the change does to it.
fn row(state: GroupState, index: usize, coupon: Coupon) -> impl IntoView {
    let lang = state.lang;
    let texts = group_texts(lang);
    let verdict = Memo::new(move |_| state.verdicts.with(|v| v.get(index).cloned()));
    let refused = move || verdict.with(|v| v.as_ref().is_some_and(CouponVerdict::is_refused));
    let row_state = move || match verdict.with(|v| v.as_ref().map(CouponVerdict::is_refused)) {
        None => "idle",
        Some(true) => "refused",
        Some(false) => "changes",
    };
    let badge = move || match row_state() {
        "refused" => Some(view! { <span class="coupon-state coupon-refused">{texts.state_refused}</span> }),
        "changes" => Some(view! { <span class="coupon-state coupon-changes">{texts.state_changes}</span> }),
        _ => None,
    };
    let reasons = move || {
        refused().then(|| {
            let errors = verdict.get().map(|v| v.report.errors).unwrap_or_default();
            view! { <ul class="coupon-reasons">{errors.iter().map(|e| reason(e, lang)).collect_view()}</ul> }
        })
    };
    view! {
        <li class="group-coupon" data-cpn-no=coupon.cpn_no.clone() data-state=row_state>
            <span class="group-coupon-code">{group_code(&coupon.cpn_no)}</span>
            <span class="group-coupon-name">{coupon.nm.clone()}</span>
            <span class="group-coupon-now">{now_text(&coupon, lang)}</span>
            {badge}
            {reasons}
        </li>
    }
}

/// Why a coupon would be refused: the field, then the rules' message.
fn reason(error: &coupon_rules::FieldError, lang: Lang) -> impl IntoView {
    let field = PaddleField::from_name(&error.field)
        .map_or_else(|| error.field.to_string(), |f| (group_texts(lang).label)(f).to_owned());
    view! { <li data-code=error.code.as_str()>{format!("{field}: {}", error.message)}</li> }
}

/// The coupon as it is: `10% OFF · until 2026-12-21 · used once`.
fn now_text(coupon: &Coupon, lang: Lang) -> String {
    let texts = group_texts(lang);
    let mut parts = vec![discount_text(coupon.disc_type_idx, coupon.disc, coupon.disc_currency, lang)];
    parts.push(coupon.end_ymd.map_or_else(|| texts.no_end.to_owned(), |end| (texts.until)(&end.to_string())));
    if coupon.is_used() {
        parts.push((texts.used)(coupon.use_cnt));
    }
    parts.join(" · ")
}
