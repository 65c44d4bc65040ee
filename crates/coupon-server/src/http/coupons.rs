//! The vendor-compatible coupon API: update, create, get, validate, delete.

use axum::extract::State;
use axum::routing::{delete, get, post, put};
use axum::Router;
use coupon_rules::{Coupon, UpdateRequest};

use super::auth::{ApiAccount, ApiCaller};
use super::body::JsonBody;
use super::envelope::Success;
use super::error::ApiError;
use super::error::ApiResult;
use super::lang::RequestLang;
use super::query::CpnNoParam;
use crate::edit;
use crate::redeem::Unusable;
use crate::state::AppState;
use crate::views::AdminCoupon;

/// The routes under `/api/coupon/v1`.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/update", put(update))
        .route("/create", post(create))
        .route("/get", get(get_coupon))
        .route("/validate", get(validate))
        .route("/delete", delete(delete_coupon))
}

/// `PUT /update`: a partial update; `result` is the code.
async fn update(
    State(state): State<AppState>,
    ApiCaller { account, actor }: ApiCaller,
    RequestLang(lang): RequestLang,
    JsonBody(request): JsonBody<UpdateRequest>,
) -> ApiResult<String> {
    Ok(Success(edit::update(state.editor(), &account, &actor, request, lang).await?))
}

/// `POST /create`: a new coupon; `result` is its code (generated when none is given).
async fn create(
    State(state): State<AppState>,
    ApiCaller { account, actor }: ApiCaller,
    RequestLang(lang): RequestLang,
    JsonBody(request): JsonBody<UpdateRequest>,
) -> ApiResult<String> {
    Ok(Success(edit::create(state.editor(), &account, &actor, request, lang).await?))
}

/// `GET /get?cpnNo=`: the admin view of a coupon in any state.
async fn get_coupon(
    State(state): State<AppState>,
    ApiAccount(account): ApiAccount,
    CpnNoParam(cpn_no): CpnNoParam,
) -> ApiResult<AdminCoupon> {
    let stored = state.store.coupon(account.id, &cpn_no).await?.ok_or(ApiError::NotFound)?;
    let page_url = state.pages.page_url(&stored.coupon.domain, &stored.coupon.cpn_no);
    Ok(Success(AdminCoupon { coupon: stored.coupon, page_url }))
}

/// `GET /validate?cpnNo=`: the admin view if the coupon can be used now, else 1009 with the reason.
async fn validate(
    State(state): State<AppState>,
    ApiAccount(account): ApiAccount,
    CpnNoParam(cpn_no): CpnNoParam,
) -> ApiResult<Coupon> {
    let c = state.store.coupon(account.id, &cpn_no).await?.ok_or(ApiError::NotFound)?.coupon;
    match Unusable::from_status(c.status_on(account.today())) {
        Some(why) => Err(ApiError::Unusable(why)),
        None => Ok(Success(c)),
    }
}

/// `DELETE /delete?cpnNo=`: deletes the coupon for good; `result` is its code.
async fn delete_coupon(
    State(state): State<AppState>,
    ApiAccount(account): ApiAccount,
    CpnNoParam(cpn_no): CpnNoParam,
) -> ApiResult<String> {
    edit::delete(&state.store, &account, &cpn_no).await?;
    Ok(Success(cpn_no))
}
