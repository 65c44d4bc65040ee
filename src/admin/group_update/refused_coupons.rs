//! The coupons the server would refuse for the change being typed, each with the rules' reasons
//! (a used coupon is locked, say): the first few, then how many more. Absent while every coupon
//! can take the change.

use coupon_rules::paddle::PaddleField;
use coupon_rules::{group_code, Coupon, FieldError, Lang};
use leptos::prelude::*;

use super::coupon_list::now_text;
use super::state::{CouponsLoad, GroupState};

/// How many refused coupons are listed with their reasons; the rest are counted.
const LISTED: usize = 10;
use crate::admin::i18n::group_texts;

/// The refused coupons, re-listed whenever the verdicts change.
#[component]
pub fn RefusedCoupons() -> impl IntoView {
    let state = expect_context::<GroupState>();
    let lang = state.lang;
    let refused = move || {
        state.coupons.with(|load| match load {
            CouponsLoad::Loaded(coupons) => state.verdicts.with(|verdicts| {
                let pairs = coupons.iter().zip(verdicts).filter(|(_, v)| v.is_refused());
                let listed = pairs.clone().take(LISTED);
                let listed = listed.map(|(coupon, verdict)| (coupon.clone(), verdict.report.errors.clone())).collect();
                (listed, pairs.count().saturating_sub(LISTED))
            }),
            _ => (Vec::new(), 0),
        })
    };
    move || {
        let (listed, more): (Vec<(Coupon, Vec<FieldError>)>, usize) = refused();
        (!listed.is_empty()).then(|| {
            let more = (more > 0)
                .then(|| view! { <li class="group-coupon-more">{(group_texts(lang).more_refused)(more)}</li> });
            view! {
                <ul class="group-coupons" id="group-refused">
                    {listed.into_iter().map(|(coupon, errors)| item(&coupon, &errors, lang)).collect_view()}
                    {more}
                </ul>
            }
        })
    }
}

/// One refused coupon: its code, name and values now, and why.
fn item(coupon: &Coupon, errors: &[FieldError], lang: Lang) -> impl IntoView {
    view! {
        <li class="group-coupon" data-cpn-no=coupon.cpn_no.clone() data-state="refused">
            <span class="group-coupon-code">{group_code(&coupon.cpn_no)}</span>
            <span class="group-coupon-name">{coupon.nm.clone()}</span>
            <span class="group-coupon-now">{now_text(coupon, lang)}</span>
            <ul class="coupon-reasons">{errors.iter().map(|e| reason(e, lang)).collect_view()}</ul>
        </li>
    }
}

/// Why: the field, then the rules' message.
fn reason(error: &FieldError, lang: Lang) -> impl IntoView {
    let field = PaddleField::from_name(&error.field)
        .map_or_else(|| error.field.to_string(), |f| (group_texts(lang).label)(f).to_owned());
    view! { <li data-code=error.code.as_str()>{format!("{field}: {}", error.message)}</li> }
}
