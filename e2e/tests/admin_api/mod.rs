//! The server's admin API as the admin tests call it beside the browser: to read what was saved,
//! to change things behind the form's back, and to send the form's requests directly.

// Each test file that includes this module uses a part of it.
#![allow(dead_code)]

use coupon_rules::{Context, Coupon, UpdateRequest};
use e2e::admin::DEMO_KEY;
use serde::de::DeserializeOwned;
use serde_json::{json, Value};

/// A reply envelope `{code, message, result}`.
#[derive(Debug, Clone, serde::Deserialize)]
pub struct Reply {
    /// 0 on success, else the API's failure code.
    pub code: i64,
    /// The result, or the failure's details.
    #[serde(default)]
    pub result: Value,
}

/// The demo account's view of the API at `base_url`, in English.
pub struct AdminApi {
    http: reqwest::Client,
    base_url: String,
}

impl AdminApi {
    /// The API of the server at `base_url`, with the demo key.
    pub fn demo(base_url: &str) -> AdminApi {
        AdminApi { http: reqwest::Client::new(), base_url: base_url.to_owned() }
    }

    async fn send(&self, request: reqwest::RequestBuilder) -> Reply {
        let reply = request
            .header("Authorization", format!("APIKey {DEMO_KEY}"))
            .header("Accept-Language", "en")
            .send()
            .await
            .expect("the server answers");
        reply.json().await.expect("every reply is an envelope")
    }

    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base_url)
    }

    /// `GET context`: what the form validates against.
    pub async fn context(&self) -> Context {
        result(self.send(self.http.get(self.url("/api/coupon/v1/context"))).await)
    }

    /// `GET get`: the admin view of a coupon.
    pub async fn coupon(&self, cpn_no: &str) -> Coupon {
        result(self.send(self.http.get(self.url(&format!("/api/coupon/v1/get?cpnNo={cpn_no}")))).await)
    }

    /// `PUT update` with the request as the form serialises it.
    pub async fn update(&self, request: &UpdateRequest) -> Reply {
        self.send(self.http.put(self.url("/api/coupon/v1/update")).json(request)).await
    }

    /// Store staff use the coupon on its page (the public endpoint, no key needed).
    pub async fn use_on_site(&self, cpn_no: &str, password: &str) -> Reply {
        let body = json!({ "onsitePwd": password, "idempotencyKey": format!("admin-e2e-{cpn_no}") });
        let url = self.url(&format!("/api/public/v1/coupons/{cpn_no}/use"));
        self.http.post(url).json(&body).send().await.expect("the server answers").json().await.expect("an envelope")
    }
}

/// The result of a successful reply, in the shape `T`.
fn result<T: DeserializeOwned>(reply: Reply) -> T {
    assert_eq!(reply.code, 0, "the call succeeds: {:?}", reply.result);
    serde_json::from_value(reply.result).expect("the result has the documented shape")
}
