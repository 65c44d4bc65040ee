//! In-memory caches that spare the database a read per request.
//!
//! Reads through `sqlx` hop to a connection's worker thread and back; on two cores those context
//! switches, not SQLite, are what a request costs. So what is read on every request and changes
//! rarely is kept here: public views (invalidated by the writer), and accounts with their groups
//! and templates (kept briefly: they change only through the CLI or at start-up).

mod accounts;
mod expiring;
mod public;

pub use accounts::{AccountCache, Catalog};
pub use public::PublicCache;
