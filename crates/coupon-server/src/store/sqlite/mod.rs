//! The SQLite store: one file, one server. Reads go through a pool; writes through the
//! [`writer::Writer`] task (group commit). Durability: WAL with `synchronous=FULL` (the WAL is
//! fsynced on every commit), so a write that has been answered survives a crash or power loss.

pub mod writer;

use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::{ConnectOptions, Sqlite, SqlitePool};

use super::cache::Caches;
use super::{PoolSettings, StoreError};
use writer::{Writer, WriterStop};

/// The driver the shared queries are compiled for here.
pub type Db = Sqlite;

/// The store's SQL for SQLite: the same files as the other driver's, on purpose (see
/// `queries/mod.rs`).
#[path = "../queries/mod.rs"]
#[allow(clippy::duplicate_mod)]
pub mod queries;

/// What SQLite's SQL needs that PostgreSQL's does not, and the other way round.
pub mod dialect {
    /// Guesses are admitted one at a time by the single writer: no lock to take.
    pub const LOCK_ACCOUNT: Option<&str> = None;
    /// The single writer already excludes every other write: no row locks.
    pub const FOR_UPDATE: &str = "";
    /// A use is two statements in the writer's transaction (SQLite has no data-changing CTEs).
    pub const USE_IN_ONE_STATEMENT: bool = false;
    /// Transactions are serializable already.
    pub const SNAPSHOT_ISOLATION: Option<&str> = None;
    /// One worker sends webhooks, through the single writer: nothing to skip.
    pub const SKIP_LOCKED: &str = "";
}

/// An open SQLite store.
pub struct SqliteStore {
    /// Connections for reading.
    pub pool: SqlitePool,
    /// The single writer.
    pub writer: Writer,
    stop: Mutex<Option<WriterStop>>,
}

fn options(path: &Path, settings: &PoolSettings) -> SqliteConnectOptions {
    SqliteConnectOptions::new()
        .filename(path)
        .create_if_missing(true)
        .journal_mode(SqliteJournalMode::Wal)
        .synchronous(SqliteSynchronous::Full)
        .foreign_keys(true)
        // Another process (the CLI) may hold the write lock for a moment.
        .busy_timeout(settings.acquire_timeout.min(Duration::from_secs(5)))
        // Statement logging costs more than a cached read; failures are logged where they surface.
        .disable_statement_logging()
}

impl SqliteStore {
    /// Opens (creating if needed) the database file, brings its schema up to date and starts the
    /// writer, which invalidates `caches` after every commit.
    pub async fn open(path: &Path, settings: &PoolSettings, caches: Arc<Caches>) -> Result<SqliteStore, StoreError> {
        let pool = SqlitePoolOptions::new()
            .max_connections(settings.max_connections)
            .acquire_timeout(settings.acquire_timeout)
            // sqlx would ping every connection before lending it (a hop to its worker thread per
            // query); a local file's connection does not go away under it.
            .test_before_acquire(false)
            .connect_with(options(path, settings))
            .await?;
        sqlx::migrate!("./migrations/sqlite").run(&pool).await?;
        let writer_options = options(path, settings);
        let conn = writer_options.connect().await?;
        let (writer, stop) = Writer::start(conn, writer_options, caches);
        Ok(SqliteStore { pool, writer, stop: Mutex::new(Some(stop)) })
    }

    /// Finishes the queued writes and closes the file.
    pub async fn close(&self) {
        let stop = self.stop.lock().unwrap_or_else(|e| e.into_inner()).take();
        if let Some(stop) = stop {
            stop.stop().await;
        }
        self.pool.close().await;
    }
}
