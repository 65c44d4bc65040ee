//! A lean HTTP/1.1 keep-alive client: one connection, one request at a time, so that the load
//! generator spends as little of the shared CPU as possible.

use std::net::SocketAddr;

use bytes::Bytes;
use http_body_util::{BodyExt, Full};
use hyper::client::conn::http1::{self, SendRequest};
use hyper::header::{AUTHORIZATION, CONTENT_TYPE, HOST};
use hyper::{Method, Request};
use hyper_util::rt::TokioIo;
use serde::Deserialize;
use tokio::net::TcpStream;

use crate::LoadError;

/// One keep-alive connection to the server.
pub struct Connection {
    sender: SendRequest<Full<Bytes>>,
    key: Option<String>,
}

/// The envelope's code and result.
#[derive(Debug, Deserialize)]
pub struct Answer {
    /// 0 for success.
    pub code: i64,
    /// What was asked for.
    #[serde(default)]
    pub result: serde_json::Value,
}

/// Only the envelope's code: what the measured loops read (cheaper than building the result).
#[derive(Debug, Deserialize)]
struct Code {
    code: i64,
}

impl Connection {
    /// Opens a connection; `key` is sent as `Authorization: APIKey {key}` on every request.
    pub async fn open(addr: SocketAddr, key: Option<&str>) -> Result<Connection, LoadError> {
        let stream = TcpStream::connect(addr).await?;
        stream.set_nodelay(true)?;
        let (sender, connection) = http1::handshake(TokioIo::new(stream)).await?;
        tokio::spawn(connection);
        Ok(Connection { sender, key: key.map(str::to_owned) })
    }

    /// Sends a request and reads the whole envelope.
    pub async fn send(
        &mut self,
        method: Method,
        path: &str,
        body: Option<&serde_json::Value>,
    ) -> Result<Answer, LoadError> {
        let bytes = self.exchange(method, path, json_body(body)).await?;
        parse(&bytes)
    }

    /// POSTs a form-encoded body (the second vendor's style) and reads the JSON answer, whatever
    /// its shape.
    pub async fn post_form(&mut self, path: &str, form: String) -> Result<serde_json::Value, LoadError> {
        let body = Some(("application/x-www-form-urlencoded", Bytes::from(form)));
        let bytes = self.exchange(Method::POST, path, body).await?;
        parse(&bytes)
    }

    /// Sends a request with a raw body and content type; answers the HTTP status and the envelope's
    /// code (`None` when the answer is no envelope).
    pub async fn raw(
        &mut self,
        method: Method,
        path: &str,
        content_type: &'static str,
        body: Bytes,
    ) -> Result<(u16, Option<i64>), LoadError> {
        let (status, bytes) = self.exchange_with_status(method, path, Some((content_type, body))).await?;
        Ok((status, parse::<Code>(&bytes).ok().map(|envelope| envelope.code)))
    }

    /// Sends a request; answers the HTTP status and the envelope's code.
    pub async fn status_and_code(
        &mut self,
        method: Method,
        path: &str,
        body: Option<&serde_json::Value>,
    ) -> Result<(u16, Option<i64>), LoadError> {
        let (status, bytes) = self.exchange_with_status(method, path, json_body(body)).await?;
        Ok((status, parse::<Code>(&bytes).ok().map(|envelope| envelope.code)))
    }

    /// Sends a request and reads only the envelope's code.
    pub async fn code(
        &mut self,
        method: Method,
        path: &str,
        body: Option<&serde_json::Value>,
    ) -> Result<i64, LoadError> {
        let bytes = self.exchange(method, path, json_body(body)).await?;
        parse::<Code>(&bytes).map(|envelope| envelope.code)
    }

    async fn exchange(
        &mut self,
        method: Method,
        path: &str,
        body: Option<(&'static str, Bytes)>,
    ) -> Result<Bytes, LoadError> {
        Ok(self.exchange_with_status(method, path, body).await?.1)
    }

    async fn exchange_with_status(
        &mut self,
        method: Method,
        path: &str,
        body: Option<(&'static str, Bytes)>,
    ) -> Result<(u16, Bytes), LoadError> {
        let mut request = Request::builder().method(method).uri(path).header(HOST, "127.0.0.1");
        if let Some(key) = &self.key {
            request = request.header(AUTHORIZATION, format!("APIKey {key}"));
        }
        let body = match body {
            Some((content_type, bytes)) => {
                request = request.header(CONTENT_TYPE, content_type);
                Full::new(bytes)
            }
            None => Full::new(Bytes::new()),
        };
        let request = request.body(body).map_err(|e| LoadError::Seed(e.to_string()))?;
        self.sender.ready().await?;
        let response = self.sender.send_request(request).await?;
        let status = response.status().as_u16();
        Ok((status, response.into_body().collect().await?.to_bytes()))
    }
}

/// A JSON body with its content type.
fn json_body(body: Option<&serde_json::Value>) -> Option<(&'static str, Bytes)> {
    body.map(|json| ("application/json", Bytes::from(json.to_string())))
}

fn parse<'a, T: Deserialize<'a>>(bytes: &'a [u8]) -> Result<T, LoadError> {
    serde_json::from_slice(bytes)
        .map_err(|_| LoadError::Seed(format!("not an envelope: {}", String::from_utf8_lossy(bytes))))
}
