//! The admin's group screen: the coupons of a group, and one change applied to all of them (the
//! second dialect's change fields, with the API key instead of vendor credentials).

use axum::extract::State;
use axum::routing::{get, post};
use axum::Router;
use coupon_rules::paddle::{validate_group_update, PaddleRequest};
use coupon_rules::{params, Coupon, ErrorCode, FieldError, Report};
use serde::Serialize;

use super::auth::{ApiAccount, ApiCaller};
use super::body::JsonBody;
use super::envelope::Success;
use super::error::ApiError;
use super::error::ApiResult;
use super::lang::RequestLang;
use super::query::{GrpIdxParam, PageParams};
use crate::edit::bulk::{self, BulkError, Target};
use crate::state::AppState;

/// The routes under `/api/coupon/v1`.
pub fn routes() -> Router<AppState> {
    Router::new().route("/list", get(list)).route("/group-update", post(group_update))
}

/// `result` of `GET /list`: one page, and where the next one starts (`null` after the last).
#[derive(Debug, Serialize)]
struct CouponList {
    coupons: Vec<Coupon>,
    next: Option<String>,
}

/// `result` of `POST /group-update`.
#[derive(Debug, Serialize)]
struct Updated {
    updated: usize,
}

/// `GET /list?grpIdx=N&limit=&after=`: the admin view of the coupons of group N (0: without a
/// group), by code, a page at a time.
async fn list(
    State(state): State<AppState>,
    ApiAccount(account): ApiAccount,
    RequestLang(lang): RequestLang,
    GrpIdxParam(grp_idx): GrpIdxParam,
    page: PageParams,
) -> ApiResult<CouponList> {
    let catalog = state.store.catalog(account.id).await?;
    if grp_idx != 0 && !catalog.groups.iter().any(|g| g.idx == grp_idx) {
        let error = FieldError::new("grpIdx", ErrorCode::UnknownGroup, params! { "idx" => grp_idx }, lang);
        return Err(ApiError::Invalid(Report { errors: vec![error], warnings: Vec::new() }));
    }
    let found = state.store.coupons_in_group_page(account.id, grp_idx, page.after.as_deref(), page.limit).await?;
    let coupons: Vec<Coupon> = found.coupons.into_iter().map(|s| s.coupon).collect();
    let next = if found.more { coupons.last().map(|c| c.cpn_no.clone()) } else { None };
    Ok(Success(CouponList { coupons, next }))
}

/// `POST /group-update` `{"group": name, change fields…}`: all of the group's coupons or none.
/// Refusals: 1001 (wrong types), 1002 (rules; `cpnNo` names the coupon when it is one coupon's),
/// 1006 (a used coupon, named by `cpnNo`), 1005 (no such group).
async fn group_update(
    State(state): State<AppState>,
    ApiCaller { account, actor }: ApiCaller,
    RequestLang(lang): RequestLang,
    JsonBody(request): JsonBody<PaddleRequest>,
) -> ApiResult<Updated> {
    let report = validate_group_update(&request, account.today(), lang);
    if report.has_error(ErrorCode::InvalidType) {
        let wrong = report.errors.into_iter().filter(|e| e.code == ErrorCode::InvalidType).collect();
        return Err(ApiError::WrongTypes(wrong));
    }
    if !report.is_ok() {
        return Err(ApiError::Invalid(report));
    }
    let group = request.group.as_deref().unwrap_or_default();
    match bulk::apply(&state.store, &account, &actor, Target::Group(group), &request, lang).await {
        Ok(updated) => Ok(Success(Updated { updated })),
        Err(error) => Err(refusal(error)),
    }
}

fn refusal(error: BulkError) -> ApiError {
    match error {
        BulkError::Refused { cpn_no, report } => ApiError::CouponRefused { cpn_no, report },
        BulkError::GroupNotFound => ApiError::GroupNotFound,
        BulkError::CouponNotFound => ApiError::NotFound,
        BulkError::DuplicateCode => ApiError::DuplicateCode,
        BulkError::Busy => ApiError::TooManyRequests { retry_after: 1 },
        BulkError::Store(e) => ApiError::internal(e),
    }
}
