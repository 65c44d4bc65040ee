//! Accepting connections under limits: at most so many connections at once, a deadline for a
//! request's headers, and a graceful stop.
//!
//! `axum::serve` gives no access to hyper's connection builder, so it cannot set a timer and a
//! header read timeout; this is the same accept loop built from hyper and hyper-util's parts, with
//! those settings and a connection cap (a client that opens sockets and trickles bytes holds one
//! permit per socket, and its sockets are closed when the deadline passes).

use std::future::Future;
use std::io;
use std::sync::Arc;
use std::time::Duration;

use axum::body::Body;
use axum::extract::Request;
use axum::Router;
use hyper::body::Incoming;
use hyper::server::conn::http1;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use tokio::net::TcpListener;
use tokio::sync::Semaphore;
use tower::ServiceExt;

/// How long the requests in flight may take to finish once the server is asked to stop.
const DRAIN: Duration = Duration::from_secs(30);
/// The pause after a failed accept (out of file descriptors, say) before the next one.
const ACCEPT_PAUSE: Duration = Duration::from_millis(50);

/// What one server accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ConnectionLimits {
    /// Connections open at most; beyond, new ones wait in the listen queue.
    pub max_connections: usize,
    /// How long a client has to send a request's headers (also after the previous answer on a
    /// kept-alive connection); then the connection is closed.
    pub header_timeout: Duration,
}

/// Serves `app` on `listener` within `limits` until `stop` completes, then lets the requests in
/// flight finish (for at most [`DRAIN`]).
pub async fn serve(
    listener: TcpListener,
    app: Router,
    limits: ConnectionLimits,
    stop: impl Future<Output = ()>,
) -> io::Result<()> {
    let permits = Arc::new(Semaphore::new(limits.max_connections.max(1)));
    let graceful = GracefulShutdown::new();
    let mut builder = http1::Builder::new();
    builder.timer(TokioTimer::new()).header_read_timeout(limits.header_timeout);
    tokio::pin!(stop);
    loop {
        let permit = tokio::select! {
            permit = Arc::clone(&permits).acquire_owned() => permit.expect("the semaphore is never closed"),
            () = &mut stop => break,
        };
        let stream = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => stream,
                Err(e) => {
                    tracing::warn!(error = %e, "accepting a connection failed");
                    tokio::time::sleep(ACCEPT_PAUSE).await;
                    continue;
                }
            },
            () = &mut stop => break,
        };
        // Small answers go out at once (the API's are all small).
        let _ = stream.set_nodelay(true);
        let service = app.clone().map_request(|request: Request<Incoming>| request.map(Body::new));
        let connection = builder.serve_connection(TokioIo::new(stream), TowerToHyperService::new(service));
        let connection = graceful.watch(connection);
        tokio::spawn(async move {
            // A client that hangs up or times out ends its connection: nothing to report.
            let _ = connection.await;
            drop(permit);
        });
    }
    drop(listener);
    if tokio::time::timeout(DRAIN, graceful.shutdown()).await.is_err() {
        tracing::warn!("some connections were still busy {DRAIN:?} after the stop; leaving them");
    }
    Ok(())
}
