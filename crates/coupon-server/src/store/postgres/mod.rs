//! The PostgreSQL store: any number of servers on one database. Every write is its own
//! transaction on a pooled connection (PostgreSQL groups the WAL flushes of concurrent commits
//! itself); row locks and conditional updates keep the rules true across servers.

pub mod listener;

use std::sync::{Arc, Mutex};

use sqlx::postgres::{PgConnectOptions, PgPoolOptions};
use sqlx::{ConnectOptions, Connection, PgConnection, PgPool, Postgres};
use tokio::task::JoinHandle;

use super::cache::{Caches, Stale};
use super::{JobFuture, PoolSettings, StoreError};

/// The driver the shared queries are compiled for here.
pub type Db = Postgres;

/// The store's SQL for PostgreSQL: the same files as the other driver's, on purpose (see
/// `queries/mod.rs`).
#[path = "../queries/mod.rs"]
#[allow(clippy::duplicate_mod)]
pub mod queries;

/// What PostgreSQL's SQL needs that SQLite's does not.
pub mod dialect {
    /// Guesses at one account's passwords are admitted one at a time: its row is locked until
    /// the admitting transaction ends (reads are not blocked).
    pub const LOCK_ACCOUNT: Option<&str> = Some("SELECT id FROM accounts WHERE id = $1 FOR UPDATE");
    /// Rows read to be written in the same transaction are locked against other servers' writes.
    pub const FOR_UPDATE: &str = " FOR UPDATE";
    /// A use is one statement (a data-changing CTE: the count and the log row together), run
    /// without a transaction around it; a retry's key is caught by the log's UNIQUE constraint.
    pub const USE_IN_ONE_STATEMENT: bool = true;
    /// A multi-row change sees one snapshot: a row changed by another server after it was read
    /// fails the transaction (SQLSTATE 40001) instead of being overwritten.
    pub const SNAPSHOT_ISOLATION: Option<&str> = Some("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ");
    /// Webhook events are leased by one server's worker at a time: rows another worker is leasing
    /// are skipped, not waited for.
    pub const SKIP_LOCKED: &str = " FOR UPDATE SKIP LOCKED";
}

/// An open PostgreSQL store.
pub struct PgStore {
    /// Connections for reading and writing.
    pub pool: PgPool,
    caches: Arc<Caches>,
    listening: Mutex<Option<JoinHandle<()>>>,
}

impl PgStore {
    /// Connects and brings the schema up to date (one server at a time: sqlx's migrator holds an
    /// advisory lock, so N servers starting on an empty database migrate it once).
    pub async fn open(
        options: &PgConnectOptions,
        settings: &PoolSettings,
        caches: Arc<Caches>,
    ) -> Result<PgStore, StoreError> {
        let statement_timeout = format!("{}ms", settings.statement_timeout.as_millis());
        let options = options
            .clone()
            .application_name("coupon-server")
            // Notices ("relation … already exists, skipping") are not worth a log line.
            .options([("statement_timeout", statement_timeout.as_str()), ("client_min_messages", "warning")])
            .disable_statement_logging();
        // One connection first, for its own error (refused, unknown database, bad password …):
        // the pool would only say that it timed out.
        let first = tokio::time::timeout(settings.acquire_timeout, options.connect())
            .await
            .map_err(|_| sqlx::Error::PoolTimedOut)??;
        first.close().await?;
        let pool = PgPoolOptions::new()
            .max_connections(settings.max_connections)
            .acquire_timeout(settings.acquire_timeout)
            // sqlx pings a connection before lending it (a round trip, ≈7% of a public read here):
            // kept, so that after a database restart no request is sent down a dead connection.
            .connect_with(options)
            .await?;
        sqlx::migrate!("./migrations/postgres").run(&pool).await?;
        Ok(PgStore { pool, caches, listening: Mutex::new(None) })
    }

    /// Starts listening for the other servers' cache invalidations, on a connection of its own.
    pub fn listen(&self) {
        let mut listening = self.listening.lock().unwrap_or_else(|e| e.into_inner());
        if listening.is_none() {
            let options = self.pool.connect_options().as_ref().clone();
            let own = PgPoolOptions::new().max_connections(1).connect_lazy_with(options);
            *listening = Some(listener::start(own, Arc::clone(&self.caches)));
        }
    }

    /// Runs `job` in a transaction of its own and commits it; the other servers learn what it
    /// made stale when it commits, this one before it answers.
    pub async fn write<T, F>(&self, stale: Stale, job: F) -> Result<T, StoreError>
    where
        F: for<'c> FnOnce(&'c mut PgConnection) -> JobFuture<'c, T>,
    {
        let mut tx = self.pool.begin().await?;
        let value = match job(&mut tx).await {
            Ok(value) => value,
            Err(error) => {
                let _ = tx.rollback().await;
                return Err(error);
            }
        };
        for message in listener::messages(&stale) {
            sqlx::query("SELECT pg_notify($1, $2)").bind(listener::CHANNEL).bind(message).execute(&mut *tx).await?;
        }
        tx.commit().await?;
        self.caches.forget(&stale);
        Ok(value)
    }

    /// Runs `job`, which makes exactly one change in one statement (atomic by itself), on a pooled
    /// connection without `BEGIN`/`COMMIT`: two round trips fewer than [`PgStore::write`]. Only for
    /// changes that tell other servers nothing (no catalog or account is stale).
    pub async fn write_statement<T, F>(&self, stale: Stale, job: F) -> Result<T, StoreError>
    where
        F: for<'c> FnOnce(&'c mut PgConnection) -> JobFuture<'c, T>,
    {
        debug_assert!(listener::messages(&stale).is_empty(), "a change other servers must hear of needs write()");
        let mut conn = self.pool.acquire().await?;
        let value = job(&mut conn).await?;
        self.caches.forget(&stale);
        Ok(value)
    }

    /// Stops listening and closes the pool.
    pub async fn close(&self) {
        let listening = self.listening.lock().unwrap_or_else(|e| e.into_inner()).take();
        if let Some(listening) = listening {
            listening.abort();
        }
        self.pool.close().await;
    }
}
