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
        let bytes = self.exchange(method, path, body).await?;
        parse(&bytes)
    }

    /// Sends a request and reads only the envelope's code.
    pub async fn code(
        &mut self,
        method: Method,
        path: &str,
        body: Option<&serde_json::Value>,
    ) -> Result<i64, LoadError> {
        let bytes = self.exchange(method, path, body).await?;
        parse::<Code>(&bytes).map(|envelope| envelope.code)
    }

    async fn exchange(
        &mut self,
        method: Method,
        path: &str,
        body: Option<&serde_json::Value>,
    ) -> Result<Bytes, LoadError> {
        let mut request = Request::builder().method(method).uri(path).header(HOST, "127.0.0.1");
        if let Some(key) = &self.key {
            request = request.header(AUTHORIZATION, format!("APIKey {key}"));
        }
        let body = match body {
            Some(json) => {
                request = request.header(CONTENT_TYPE, "application/json");
                Full::new(Bytes::from(json.to_string()))
            }
            None => Full::new(Bytes::new()),
        };
        let request = request.body(body).map_err(|e| LoadError::Seed(e.to_string()))?;
        self.sender.ready().await?;
        let response = self.sender.send_request(request).await?;
        Ok(response.into_body().collect().await?.to_bytes())
    }
}

fn parse<'a, T: Deserialize<'a>>(bytes: &'a [u8]) -> Result<T, LoadError> {
    serde_json::from_slice(bytes)
        .map_err(|_| LoadError::Seed(format!("not an envelope: {}", String::from_utf8_lossy(bytes))))
}
