//! `Authorization: APIKey {key}`: the account of a request, on a plan that includes the API.

use std::sync::Arc;

use axum::extract::FromRequestParts;
use axum::http::header::AUTHORIZATION;
use axum::http::request::Parts;
use axum::http::HeaderMap;
use coupon_rules::Plan;

use super::ApiError;
use crate::console;
use crate::keys;
use crate::state::AppState;
use crate::store::accounts::{Account, KeyHolder};
use crate::store::audits::Actor;

/// Extractor: the account whose API key the request carries, on a plan that includes the API.
/// No key, an unknown or a revoked key is 1003; a plan below personal is 1004.
#[derive(Debug, Clone)]
pub struct ApiAccount(pub Arc<Account>);

impl FromRequestParts<AppState> for ApiAccount {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        Ok(ApiAccount(authorize(parts, state).await?.account.clone()))
    }
}

/// Extractor: like [`ApiAccount`], with the key as the actor of what the request changes.
#[derive(Debug, Clone)]
pub struct ApiCaller {
    /// The key's account.
    pub account: Arc<Account>,
    /// The key, by id and label.
    pub actor: Actor,
}

impl FromRequestParts<AppState> for ApiCaller {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        let holder = authorize(parts, state).await?;
        Ok(ApiCaller {
            account: holder.account.clone(),
            actor: Actor::ApiKey { id: holder.key_id, label: holder.label.clone() },
        })
    }
}

/// The holder of the request's key, on a plan that includes the API; its use is noted.
async fn authorize(parts: &Parts, state: &AppState) -> Result<Arc<KeyHolder>, ApiError> {
    let key = presented_key(&parts.headers).ok_or(ApiError::Unauthorized)?;
    let holder = state.store.account_by_key(&keys::digest(key)).await?.ok_or(ApiError::Unauthorized)?;
    if !holder.account.plan.includes(Plan::API) {
        return Err(ApiError::PlanRequired { required: Plan::API, report: None });
    }
    console::keys::note_use(&state.store, holder.key_id);
    Ok(holder)
}

/// The key of an `Authorization: APIKey {key}` header (the scheme in any case).
fn presented_key(headers: &HeaderMap) -> Option<&str> {
    let value = headers.get(AUTHORIZATION)?.to_str().ok()?;
    let (scheme, key) = value.trim().split_once(' ')?;
    let key = key.trim();
    (scheme.eq_ignore_ascii_case("APIKey") && !key.is_empty()).then_some(key)
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    #[test]
    fn reads_the_apikey_scheme_only() {
        let mut headers = HeaderMap::new();
        assert_eq!(presented_key(&headers), None);
        headers.insert(AUTHORIZATION, HeaderValue::from_static("APIKey abc"));
        assert_eq!(presented_key(&headers), Some("abc"));
        headers.insert(AUTHORIZATION, HeaderValue::from_static("apikey  abc "));
        assert_eq!(presented_key(&headers), Some("abc"));
        headers.insert(AUTHORIZATION, HeaderValue::from_static("Bearer abc"));
        assert_eq!(presented_key(&headers), None);
        headers.insert(AUTHORIZATION, HeaderValue::from_static("APIKey "));
        assert_eq!(presented_key(&headers), None);
    }
}
