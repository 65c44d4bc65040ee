//! The SQLite store: connection settings, migrations, and one module per table group.
//!
//! Reads go through a pool; the running server's writes go through the [`writer::Writer`] task.
//! Durability: WAL with `synchronous=FULL` (the WAL is fsynced on every commit), so a write that
//! has been answered survives a crash or power loss; group commit keeps that affordable.

pub mod accounts;
pub mod bulk;
pub mod catalog;
pub mod coupons;
mod error;
pub mod uses;
pub mod vendors;
pub mod writer;

use std::path::Path;
use std::time::Duration;

use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::{ConnectOptions, SqliteConnection, SqlitePool};

pub use error::StoreError;

/// Readers in the pool: enough to keep both cores busy while some wait on the disk.
const READERS: u32 = 8;

fn options(path: &Path) -> SqliteConnectOptions {
    SqliteConnectOptions::new()
        .filename(path)
        .create_if_missing(true)
        .journal_mode(SqliteJournalMode::Wal)
        .synchronous(SqliteSynchronous::Full)
        .foreign_keys(true)
        // Another process (the CLI) may hold the write lock for a moment.
        .busy_timeout(Duration::from_secs(5))
        // Statement logging costs more than a cached read; failures are logged where they surface.
        .disable_statement_logging()
}

/// Opens (creating if needed) the database file and brings its schema up to date.
pub async fn open_pool(path: &Path) -> Result<SqlitePool, StoreError> {
    let pool = SqlitePoolOptions::new().max_connections(READERS).connect_with(options(path)).await?;
    sqlx::migrate!("./migrations").run(&pool).await?;
    Ok(pool)
}

/// A connection of its own for the writer task.
pub async fn open_writer_connection(path: &Path) -> Result<SqliteConnection, StoreError> {
    Ok(options(path).connect().await?)
}
