//! Starting and stopping the service: open the store, seed the demo, listen.

use std::io;
use std::net::SocketAddr;

use tokio::net::TcpListener;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

use crate::config::ServeConfig;
use crate::demo::{self, DemoError, Seeding};
use crate::page_hosts::PageHosts;
use crate::redeem::password::Passwords;
use crate::state::{AppState, Services};
use crate::store::{Store, StoreError};
use crate::webhooks::Worker;
use crate::{routes, serving};

/// Why the server could not start.
#[derive(Debug, thiserror::Error)]
pub enum StartError {
    /// The database could not be opened or migrated.
    #[error(transparent)]
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
    state: AppState,
    shutdown: oneshot::Sender<()>,
    serving: JoinHandle<io::Result<()>>,
    webhooks: Worker,
}

/// Opens the store and starts serving.
pub async fn start(config: ServeConfig) -> Result<RunningServer, StartError> {
    let store = Store::open(&config.db, &config.pool).await?;
    store.follow_other_servers();
    tracing::info!(store = %config.db, pool = config.pool.max_connections, "the store is open");
    let passwords = Passwords::for_this_machine();
    let demo = match config.demo {
        true => Some(demo::seed_if_empty(&store, &passwords).await?),
        false => None,
    };
    let pages = PageHosts::new(config.public_url.as_ref());
    let state = AppState::new(Services { store, passwords, pages });
    let listen_error = |source| StartError::Listen { addr: config.addr, source };
    let listener = TcpListener::bind(config.addr).await.map_err(listen_error)?;
    let addr = listener.local_addr().map_err(listen_error)?;
    let webhooks = Worker::start(state.store.clone(), config.webhooks);
    let app = routes::router(state.clone(), config.dist, config.web);
    let (shutdown, stop) = oneshot::channel::<()>();
    let serving = tokio::spawn(serving::serve(listener, app, config.limits, async {
        let _ = stop.await;
    }));
    Ok(RunningServer { addr, demo, state, shutdown, serving, webhooks })
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

    /// The kind of store it runs on (`sqlite`, `postgres`).
    pub fn store_kind(&self) -> &'static str {
        self.state.store.kind()
    }

    /// The store it serves.
    pub fn store(&self) -> &Store {
        &self.state.store
    }

    /// Stops accepting, finishes the requests in flight and the queued writes.
    pub async fn stop(self) -> io::Result<()> {
        let _ = self.shutdown.send(());
        let served = self.serving.await.map_err(io::Error::other);
        self.webhooks.stop().await;
        let served = served?;
        self.state.store.close().await;
        served
    }
}
