//! API keys (`Authorization: APIKey {key}`) and the second vendor's auth codes, both stored as
//! SHA-256 digests.
//!
//! Keys are long random secrets, so a fast digest is enough (no password-style stretching) and
//! lets a request find its key by index; a lookup's timing tells nothing useful about other keys.

use std::sync::Arc;

use axum::extract::FromRequestParts;
use axum::http::header::AUTHORIZATION;
use axum::http::request::Parts;
use axum::http::HeaderMap;
use coupon_rules::Plan;
use rand::distr::{Alphanumeric, SampleString};
use sha2::{Digest, Sha256};

use crate::app::AppState;
use crate::http::ApiError;
use crate::store::accounts::Account;

/// Random characters in a new key (about 190 bits).
const KEY_CHARS: usize = 32;

/// Extractor: the account whose API key the request carries, on a plan that includes the API.
/// No key or an unknown key is 1003; a plan below personal is 1004.
#[derive(Debug, Clone)]
pub struct ApiAccount(pub Arc<Account>);

impl FromRequestParts<AppState> for ApiAccount {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        let key = presented_key(&parts.headers).ok_or(ApiError::Unauthorized)?;
        let account = state.accounts.by_key(&state.pool, &digest(key)).await?.ok_or(ApiError::Unauthorized)?;
        if !account.plan.includes(Plan::API) {
            return Err(ApiError::PlanRequired { required: Plan::API, report: None });
        }
        Ok(ApiAccount(account))
    }
}

/// The key of an `Authorization: APIKey {key}` header (the scheme in any case).
fn presented_key(headers: &HeaderMap) -> Option<&str> {
    let value = headers.get(AUTHORIZATION)?.to_str().ok()?;
    let (scheme, key) = value.trim().split_once(' ')?;
    let key = key.trim();
    (scheme.eq_ignore_ascii_case("APIKey") && !key.is_empty()).then_some(key)
}

/// The stored form of a key: its SHA-256 digest in lowercase hex.
pub fn digest(key: &str) -> String {
    Sha256::digest(key.as_bytes()).iter().map(|byte| format!("{byte:02x}")).collect()
}

/// A new random key (`ck_` and 32 letters and digits from the thread's CSPRNG).
pub fn new_key() -> String {
    format!("ck_{}", Alphanumeric.sample_string(&mut rand::rng(), KEY_CHARS))
}

/// A new random vendor auth code for the second dialect: 32 lowercase hex digits (128 bits), which
/// the vendor's pattern `[0-9a-f]+` accepts. Stored as its [`digest`], like an API key.
pub fn new_vendor_auth_code() -> String {
    let bytes: [u8; 16] = rand::random();
    bytes.iter().map(|byte| format!("{byte:02x}")).collect()
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

    #[test]
    fn digests_are_sha256_hex() {
        assert_eq!(digest("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assert!(new_key().starts_with("ck_") && new_key().len() == 35);
        let code = new_vendor_auth_code();
        assert!(code.len() == 32 && code.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b)), "{code}");
        assert_ne!(code, new_vendor_auth_code());
    }
}
