//! `GET /api/coupon/v1/context`: everything the admin form validates against.

use axum::extract::State;
use axum::routing::get;
use axum::Router;
use coupon_rules::Context;

use super::auth::ApiAccount;
use super::envelope::Success;
use super::error::ApiResult;
use crate::edit;
use crate::state::AppState;

/// The route under `/api/coupon/v1`.
pub fn routes() -> Router<AppState> {
    Router::new().route("/context", get(context))
}

/// The rules' [`Context`] of the account (`stored` is null): plan, time zone, today there, global
/// webhook switch, groups and templates. The form passes it straight to `coupon-rules`.
async fn context(State(state): State<AppState>, ApiAccount(account): ApiAccount) -> ApiResult<Context> {
    Ok(Success(edit::context::load(&state.store, &account, None).await?))
}
