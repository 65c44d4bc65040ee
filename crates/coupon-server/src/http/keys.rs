//! The account's API keys: `GET /keys`, `POST /keys {label}`, `POST /keys/revoke {id}`.

use axum::extract::State;
use axum::routing::{get, post};
use axum::Router;
use coupon_rules::api_key::KEY_LABEL_FIELD;
use coupon_rules::{check_key_label, params, ErrorCode, FieldError, Report};
use serde::Serialize;
use serde_json::{Map, Value};

use super::auth::ApiAccount;
use super::body::JsonBody;
use super::envelope::Success;
use super::error::{ApiError, ApiResult};
use super::fields::TextFields;
use super::lang::RequestLang;
use crate::console::keys::{self, NewKey};
use crate::state::AppState;
use crate::store::accounts::ApiKeyInfo;

/// The routes under `/api/coupon/v1`.
pub fn routes() -> Router<AppState> {
    Router::new().route("/keys", get(list).post(create)).route("/keys/revoke", post(revoke))
}

/// `result` of `GET /keys`.
#[derive(Debug, Serialize)]
struct KeyList {
    keys: Vec<ApiKeyInfo>,
}

/// `result` of `POST /keys/revoke`.
#[derive(Debug, Serialize)]
struct Revoked {
    id: i64,
}

fn invalid(error: FieldError) -> ApiError {
    ApiError::Invalid(Report { errors: vec![error], warnings: Vec::new() })
}

/// `GET /keys`: every key of the account, oldest first: id, label, created, last used (to the
/// minute), revoked; never a key itself.
async fn list(State(state): State<AppState>, ApiAccount(account): ApiAccount) -> ApiResult<KeyList> {
    Ok(Success(KeyList { keys: keys::list(&state.store, account.id).await? }))
}

/// `POST /keys {label}`: a new key; the answer is the only time it is shown.
async fn create(
    State(state): State<AppState>,
    ApiAccount(account): ApiAccount,
    RequestLang(lang): RequestLang,
    JsonBody(body): JsonBody<Map<String, Value>>,
) -> ApiResult<NewKey> {
    let mut fields = TextFields::parse(body, &[KEY_LABEL_FIELD], lang)?;
    let label = fields.take(KEY_LABEL_FIELD);
    // The rule the admin screen checks as the label is typed.
    if let Some(error) = check_key_label(label.as_deref(), lang) {
        return Err(invalid(error));
    }
    let label = label.unwrap_or_default().trim().to_owned();
    Ok(Success(keys::create(&state.store, account.id, label).await?))
}

/// `POST /keys/revoke {id}`: revokes one of the account's keys at once (also the key of this
/// request); its next request is refused (1003) on every server. Another account's key is 1005.
async fn revoke(
    State(state): State<AppState>,
    ApiAccount(account): ApiAccount,
    RequestLang(lang): RequestLang,
    JsonBody(mut body): JsonBody<Map<String, Value>>,
) -> ApiResult<Revoked> {
    let id = match body.remove("id") {
        None | Some(Value::Null) => return Err(invalid(FieldError::new("id", ErrorCode::Required, params! {}, lang))),
        Some(value) => value.as_i64().ok_or_else(|| {
            ApiError::WrongTypes(vec![FieldError::new(
                "id",
                ErrorCode::InvalidType,
                params! { "expected" => "integer" },
                lang,
            )])
        })?,
    };
    // Nothing else may be in the body.
    TextFields::parse(body, &[], lang)?;
    if keys::revoke(&state.store, account.id, id).await? {
        Ok(Success(Revoked { id }))
    } else {
        Err(ApiError::NotFound)
    }
}
