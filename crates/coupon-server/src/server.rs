//! Starting and stopping the service: open the store, seed the demo, start the writer, listen.

use std::io;
use std::net::SocketAddr;
use std::sync::Arc;

use tokio::net::TcpListener;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

use crate::app::{self, AppState, Services};
use crate::cache::{AccountCache, PublicCache};
use crate::config::ServeConfig;
use crate::demo::{self, DemoError, Seeding};
use crate::redeem::limiter::PasswordLimiter;
use crate::store::writer::Writer;
use crate::store::{self, StoreError};

/// Why the server could not start.
#[derive(Debug, thiserror::Error)]
pub enum StartError {
    /// The database could not be opened or migrated.
    #[error("cannot open the database: {0}")]
    Store(#[from] StoreError),
    /// The demo data could not be seeded.
    #[error("cannot seed the demo data: {0}")]
    Demo(#[from] DemoError),
    /// The address could not be bound.
    #[error("cannot listen on {addr}: {source}")]
    Listen {
        /// The address asked for.
        addr: SocketAddr,
        /// Why not.
        source: io::Error,
    },
}

/// A server accepting requests.
pub struct RunningServer {
    addr: SocketAddr,
    demo: Option<Seeding>,
    shutdown: oneshot::Sender<()>,
    serving: JoinHandle<io::Result<()>>,
    writing: JoinHandle<()>,
}

/// Opens the store and starts serving.
pub async fn start(config: ServeConfig) -> Result<RunningServer, StartError> {
    let pool = store::open_pool(&config.db).await?;
    let demo = match config.demo {
        true => Some(demo::seed_if_empty(&pool).await?),
        false => None,
    };
    let cache = PublicCache::default();
    let accounts = Arc::new(AccountCache::default());
    let writer_conn = store::open_writer_connection(&config.db).await?;
    let (writer, writing) = Writer::start(writer_conn, cache.clone(), Arc::clone(&accounts));
    let state = AppState::new(Services { pool, writer, cache, accounts, limiter: PasswordLimiter::default() });
    let listen_error = |source| StartError::Listen { addr: config.addr, source };
    let listener = TcpListener::bind(config.addr).await.map_err(listen_error)?;
    let addr = listener.local_addr().map_err(listen_error)?;
    let app = app::router(state, config.dist);
    let (shutdown, stop) = oneshot::channel::<()>();
    let serving = tokio::spawn(async move {
        axum::serve(listener, app)
            .with_graceful_shutdown(async {
                let _ = stop.await;
            })
            .await
    });
    Ok(RunningServer { addr, demo, shutdown, serving, writing })
}

impl RunningServer {
    /// The address it listens on.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// What `--demo` did, when it was given.
    pub fn demo(&self) -> Option<Seeding> {
        self.demo
    }

    /// Stops accepting, finishes the requests in flight and the queued writes.
    pub async fn stop(self) -> io::Result<()> {
        let _ = self.shutdown.send(());
        let served = self.serving.await.map_err(io::Error::other)?;
        // The writer ends once the last handle (held by the router) is gone.
        self.writing.await.map_err(io::Error::other)?;
        served
    }
}
