//! The customer's coupon page at `/c/{cpnNo}`: loads the coupon, shows its card and lets store
//! staff use it on site.

use coupon_rules::{Lang, PublicCoupon};
use leptos::either::EitherOf4;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::{fetch_coupon, ApiError};
use crate::components::{CouponCard, LoadingState, NetworkErrorState, NotFoundState, UndoOffer, UseDialog};
use crate::i18n::texts;

/// Where the page is.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Phase {
    Loading,
    /// Loaded; later updates (after a use) go into the signal, so the card stays mounted.
    Ready(RwSignal<PublicCoupon>),
    NotFound,
    Unreachable,
}

/// The page for the coupon `cpn_no`; `None` (no code in the address) shows "not found" at once.
#[component]
pub fn CouponPage(cpn_no: Option<String>, lang: Lang) -> impl IntoView {
    let phase = RwSignal::new(if cpn_no.is_some() { Phase::Loading } else { Phase::NotFound });
    let code = StoredValue::new(cpn_no.unwrap_or_default());

    let load = Callback::new(move |()| {
        spawn_local(async move {
            let result = fetch_coupon(&code.get_value()).await;
            // Only a change of phase re-renders; a reloaded coupon goes into its own signal.
            phase.maybe_update(|phase| {
                let next = next_phase(*phase, result);
                let changed = next != *phase;
                *phase = next;
                changed
            });
        });
    });
    if phase.get_untracked() == Phase::Loading {
        load.run(());
    }
    let retry = Callback::new(move |()| {
        phase.set(Phase::Loading);
        load.run(());
    });

    view! {
        <main class="page" lang=lang.tag()>
            <h1 class="visually-hidden">{texts(lang).page_title}</h1>
            {move || match phase.get() {
                Phase::Loading => EitherOf4::A(view! { <LoadingState lang /> }),
                Phase::Ready(coupon) => EitherOf4::B(view! { <LoadedCoupon coupon lang reload=load /> }),
                Phase::NotFound => EitherOf4::C(view! { <NotFoundState lang /> }),
                Phase::Unreachable => EitherOf4::D(view! { <NetworkErrorState lang on_retry=retry /> }),
            }}
        </main>
    }
}

/// The phase after a load: a reload of a shown coupon updates it in place and keeps it shown
/// when the network fails.
fn next_phase(current: Phase, result: Result<PublicCoupon, ApiError>) -> Phase {
    match (current, result) {
        (Phase::Ready(shown), Ok(coupon)) => {
            shown.set(coupon);
            current
        }
        (_, Ok(coupon)) => Phase::Ready(RwSignal::new(coupon)),
        (_, Err(ApiError::NotFound)) => Phase::NotFound,
        (Phase::Ready(_), Err(_)) => current,
        (_, Err(_)) => Phase::Unreachable,
    }
}

/// The card of a loaded coupon with the staff's dialog behind "Use Coupon", and after a use on this
/// page the receipt's "Undo" while its token is good.
#[component]
fn LoadedCoupon(coupon: RwSignal<PublicCoupon>, lang: Lang, reload: Callback<()>) -> impl IntoView {
    let dialog_open = RwSignal::new(false);
    let redeemed = RwSignal::new(false);
    let undo_token = RwSignal::new(None::<String>);
    let undone = RwSignal::new(false);
    // The stamp shows at once; the reload brings the time of the use and the uses left.
    let used_now = Callback::new(move |token: Option<String>| {
        undone.set(false);
        undo_token.set(token);
        redeemed.set(true);
        reload.run(());
    });
    // The reload brings the status and uses left as they are after the undo.
    let undone_now = Callback::new(move |()| {
        undo_token.set(None);
        redeemed.set(false);
        undone.set(true);
        reload.run(());
    });
    let cpn_no = Signal::derive(move || coupon.with(|c| c.cpn_no.clone()));
    let name = Signal::derive(move || coupon.with(|c| c.nm.clone()));
    let t = texts(lang);
    view! {
        <CouponCard coupon lang redeemed on_use=Callback::new(move |()| dialog_open.set(true)) />
        <p class="visually-hidden" role="status">
            {move || redeemed.get().then_some(t.used_announcement)}
        </p>
        {move || undo_token.get().map(|token| view! { <UndoOffer cpn_no token lang on_undone=undone_now /> })}
        <p id="undo-done" class="undo-done" role="status" hidden=move || !undone.get()>
            {t.undo_done}
        </p>
        <UseDialog cpn_no name lang open=dialog_open on_used=used_now on_stale=reload />
    }
}
