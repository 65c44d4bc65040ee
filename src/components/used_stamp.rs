//! The "Used" stamp across a used coupon.

use coupon_rules::{Lang, PublicCoupon};
use leptos::prelude::*;

use crate::i18n::texts;
use crate::time::local_time;

/// A stamp saying the coupon was used, with the time of its last use in the account's time zone;
/// hidden unless `shown`.
pub fn used_stamp(c: &PublicCoupon, lang: Lang, shown: bool) -> impl IntoView {
    let when = c.last_used_at.as_deref().map(|moment| (texts(lang).used_at)(&local_time(moment, &c.timezone, lang)));
    view! {
        <div class="stamp" hidden=!shown>
            <span class="stamp-word">{texts(lang).used_stamp}</span>
            <span class="stamp-time">{when}</span>
        </div>
    }
}
