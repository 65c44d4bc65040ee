//! A webhook receiver on loopback for the webhook benchmark: answers 200 at once to every POST and
//! records each event id (`X-Coupon-Event-Id`) with when it first arrived.

use std::cell::RefCell;
use std::collections::HashMap;
use std::convert::Infallible;
use std::net::SocketAddr;
use std::rc::Rc;
use std::time::Instant;

use bytes::Bytes;
use http_body_util::{BodyExt, Full};
use hyper::body::Incoming;
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper::{Request, Response};
use hyper_util::rt::TokioIo;
use tokio::net::TcpListener;

use crate::LoadError;

/// What the receiver has got so far.
#[derive(Debug, Default)]
pub struct Received {
    /// Each event id and when it first arrived.
    pub first_seen: HashMap<String, Instant>,
    /// Requests in all (retries and duplicates included).
    pub requests: usize,
}

/// The running receiver: its URL and what it got.
pub struct Receiver {
    /// `http://127.0.0.1:PORT/hook`.
    pub url: String,
    /// Shared with the connection tasks (all on the load generator's one thread).
    pub received: Rc<RefCell<Received>>,
}

impl Receiver {
    /// Listens on a free loopback port; every connection is served on this thread's local set.
    pub async fn start() -> Result<Receiver, LoadError> {
        let listener = TcpListener::bind("127.0.0.1:0").await?;
        let addr: SocketAddr = listener.local_addr()?;
        let received = Rc::new(RefCell::new(Received::default()));
        let shared = Rc::clone(&received);
        tokio::task::spawn_local(async move {
            while let Ok((stream, _)) = listener.accept().await {
                let shared = Rc::clone(&shared);
                let service = service_fn(move |request| record(Rc::clone(&shared), request));
                tokio::task::spawn_local(http1::Builder::new().serve_connection(TokioIo::new(stream), service));
            }
        });
        Ok(Receiver { url: format!("http://{addr}/hook"), received })
    }

    /// Distinct events received.
    pub fn events(&self) -> usize {
        self.received.borrow().first_seen.len()
    }
}

async fn record(
    received: Rc<RefCell<Received>>,
    request: Request<Incoming>,
) -> Result<Response<Full<Bytes>>, Infallible> {
    let id = request.headers().get("x-coupon-event-id").and_then(|v| v.to_str().ok()).map(str::to_owned);
    // Read the body as a real receiver would before answering.
    let _ = request.into_body().collect().await;
    let mut received = received.borrow_mut();
    received.requests += 1;
    if let Some(id) = id {
        received.first_seen.entry(id).or_insert_with(Instant::now);
    }
    Ok(Response::new(Full::new(Bytes::from_static(b"ok"))))
}
