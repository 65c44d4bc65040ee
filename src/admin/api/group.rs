//! The group endpoints: the coupons of a group (`GET list?grpIdx=N`) and one change applied to all of
//! them (`POST group-update`, all or nothing), whose refusals name the coupon at fault.

use coupon_rules::paddle::PaddleRequest;
use coupon_rules::Coupon;
use gloo_net::http::Request;
use serde::Deserialize;
use thiserror::Error;

use super::{envelope, send, send_for_text, AdminApiError, BASE};
use crate::admin::session::ApiKey;

/// `result` of `GET list`: a page, and the cursor of the next (`None` after the last).
#[derive(Debug, Deserialize)]
struct CouponList {
    coupons: Vec<Coupon>,
    next: Option<String>,
}

/// Coupons per page asked for (the server's most).
const PAGE: u32 = 500;

/// `result` of `POST group-update`.
#[derive(Debug, Deserialize)]
struct Updated {
    updated: u64,
}

/// A group update that did not go through; nothing changed.
#[derive(Debug, Clone, PartialEq, Error)]
#[error("the group update failed: {error}")]
pub struct GroupUpdateError {
    /// Why, by the envelope's code.
    #[source]
    pub error: AdminApiError,
    /// The coupon that broke a rule or is locked, when the server names one.
    pub cpn_no: Option<String>,
}

/// The coupons of group `grp_idx`, ordered by code (every page of the list).
pub async fn fetch_group_coupons(key: &ApiKey, grp_idx: i64) -> Result<Vec<Coupon>, AdminApiError> {
    let mut coupons = Vec::new();
    let mut after: Option<String> = None;
    loop {
        let cursor = after.as_deref().map(|code| format!("&after={code}")).unwrap_or_default();
        let url = format!("{BASE}/list?grpIdx={grp_idx}&limit={PAGE}{cursor}");
        let page: CouponList = send(Request::get(&url), key, None).await?;
        coupons.extend(page.coupons);
        match page.next {
            Some(next) => after = Some(next),
            None => return Ok(coupons),
        }
    }
}

/// Applies `change` (the group by name and the second dialect's change fields, no credentials) to every
/// coupon of the group; the result is how many were updated.
pub async fn group_update(key: &ApiKey, change: &PaddleRequest) -> Result<u64, GroupUpdateError> {
    let text = send_for_text(Request::post(&format!("{BASE}/group-update")), key, Some(change))
        .await
        .map_err(|error| GroupUpdateError { error, cpn_no: None })?;
    envelope::read::<Updated>(&text)
        .map(|reply| reply.updated)
        .map_err(|error| GroupUpdateError { error, cpn_no: envelope::refused_coupon(&text) })
}
