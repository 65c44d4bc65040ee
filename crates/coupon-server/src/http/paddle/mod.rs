//! The second vendor's dialect: `POST /2.1/product/update_coupon` (seed `002_…`), on the same
//! coupons as the first. Authenticated by `vendor_id` + `vendor_auth_code`; answered in that
//! vendor's style (HTTP 200, `success`, its error codes).

mod answer;
mod body;
mod codes;
mod error;
mod messages;

use std::sync::Arc;

use axum::extract::State;
use axum::routing::post;
use axum::Router;
use coupon_rules::paddle::{validate_paddle_body, validate_paddle_credentials, PaddleRequest};
use coupon_rules::Plan;

use super::lang::RequestLang;
use crate::edit::bulk::{self, Target};
use crate::keys;
use crate::state::AppState;
use crate::store::accounts::Account;
use crate::store::audits::Actor;
pub use answer::Updated;
use body::PaddleBody;
pub use error::{PaddleError, Unreadable};

/// The vendor's path.
pub const PATH: &str = "/2.1/product/update_coupon";

/// The route of `update_coupon`; any other method is the vendor's "bad method call".
pub fn routes() -> Router<AppState> {
    Router::new().route(PATH, post(update_coupon).fallback(bad_method))
}

async fn bad_method() -> PaddleError {
    PaddleError::Unreadable(Unreadable::Method)
}

/// Checks the credentials, then who they belong to, then the rest of the request, then applies it
/// to the coupon (by code) or the group (by name): all of the group or nothing.
async fn update_coupon(
    State(state): State<AppState>,
    RequestLang(lang): RequestLang,
    body: Result<PaddleBody, PaddleError>,
) -> Result<Updated, PaddleError> {
    let PaddleBody(request) = body?;
    PaddleError::check(validate_paddle_credentials(&request, lang))?;
    let account = authenticate(&state, &request).await?;
    PaddleError::check(validate_paddle_body(&request, account.today(), lang))?;
    let target = target(&request).ok_or_else(|| PaddleError::Internal(Box::new(NoSelector)))?;
    let actor = Actor::Vendor(request.vendor_id.unwrap_or_default());
    let updated = bulk::apply(&state.store, &account, &actor, target, &request, lang).await?;
    Ok(Updated { updated })
}

/// A request that passed the rules without naming a coupon or a group: a bug in the rules.
#[derive(Debug, thiserror::Error)]
#[error("a request without coupon_code or group passed the rules")]
struct NoSelector;

/// The account of the request's credentials (already checked for shape), on a plan with the API.
async fn authenticate(state: &AppState, request: &PaddleRequest) -> Result<Arc<Account>, PaddleError> {
    let (Some(vendor_id), Some(code)) = (request.vendor_id, request.vendor_auth_code.as_deref()) else {
        return Err(PaddleError::BadCredentials);
    };
    let account =
        state.store.account_by_vendor(vendor_id, &keys::digest(code)).await?.ok_or(PaddleError::BadCredentials)?;
    if !account.plan.includes(Plan::API) {
        return Err(PaddleError::PlanExcludesApi);
    }
    Ok(account)
}

/// The coupon or group the request names (the rules have checked it names exactly one).
fn target(request: &PaddleRequest) -> Option<Target<'_>> {
    given(&request.coupon_code).map(Target::Code).or_else(|| given(&request.group).map(Target::Group))
}

fn given(value: &Option<String>) -> Option<&str> {
    value.as_deref().filter(|v| !v.is_empty())
}
