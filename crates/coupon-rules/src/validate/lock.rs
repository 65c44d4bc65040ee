//! After a coupon has been used, only its memo may change; resending an unchanged value is fine.

use super::{Check, Mode};
use crate::formats::color::Rgba;
use crate::model::{Coupon, Ymd};
use crate::params;
use crate::report::{ErrorCode, Findings};
use crate::request::{Field, UpdateRequest};

pub(super) fn check(check: &Check<'_>, findings: &mut Findings) {
    let Some(stored) = check.base.filter(|c| check.mode == Mode::Update && c.is_used()) else {
        return;
    };
    for field in Field::ALL {
        if !matches!(field, Field::CpnNo | Field::Memo) && changes(check.request, stored, *field) {
            findings.error(field.name(), ErrorCode::LockedAfterUse, params! {});
        }
    }
}

/// Whether the request sets `field` to something other than the stored value.
fn changes(request: &UpdateRequest, stored: &Coupon, field: Field) -> bool {
    let text = |requested: &Option<String>, current: &str| requested.as_deref().is_some_and(|v| v != current);
    let number = |requested: Option<i64>, current: i64| requested.is_some_and(|v| v != current);
    let color = |requested: &Option<String>, current: &str| {
        requested.as_deref().is_some_and(|v| match (Rgba::parse(v), Rgba::parse(current)) {
            (Some(a), Some(b)) => a != b,
            _ => v != current,
        })
    };
    match field {
        Field::CpnNo => false,
        Field::Domain => text(&request.domain, &stored.domain),
        Field::WebhookEnableYn => text(&request.webhook_enable_yn, stored.webhook_enable_yn.as_str()),
        Field::Nm => text(&request.nm, &stored.nm),
        Field::DiscTypeIdx => number(request.disc_type_idx, stored.disc_type_idx.idx()),
        Field::Disc => request.disc.is_some_and(|v| v != stored.disc),
        Field::DiscCurrency => text(&request.disc_currency, stored.disc_currency.code()),
        Field::StrtYmd => request.strt_ymd.as_deref().is_some_and(|v| Ymd::parse(v) != Ok(stored.strt_ymd)),
        Field::EndYmd => request.end_ymd.as_deref().is_some_and(|v| Ymd::parse(v).ok() != stored.end_ymd),
        Field::UseLimit => number(request.use_limit, stored.use_limit),
        Field::GrpIdx => number(request.grp_idx, stored.grp_idx),
        Field::TmplIdx => number(request.tmpl_idx, stored.tmpl_idx),
        Field::OnsiteYn => text(&request.onsite_yn, stored.onsite_yn.as_str()),
        // The stored password is a hash: any new one is a change, except "none" when there is none.
        Field::OnsitePwd => request.onsite_pwd.as_deref().is_some_and(|v| !v.is_empty() || stored.has_onsite_pwd),
        Field::Memo => text(&request.memo, &stored.memo),
        Field::Url => text(&request.url, &stored.url),
        Field::Color => color(&request.color, &stored.color),
        Field::Background => color(&request.background, &stored.background),
        Field::UserId => text(&request.user_id, &stored.user_id),
        Field::UserNm => text(&request.user_nm, &stored.user_nm),
        Field::UserPhnno => text(&request.user_phnno, &stored.user_phnno),
        Field::UserEml => text(&request.user_eml, &stored.user_eml),
        Field::UserEtc1 => text(&request.user_etc1, &stored.user_etc1),
        Field::UserEtc2 => text(&request.user_etc2, &stored.user_etc2),
    }
}
