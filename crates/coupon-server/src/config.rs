//! How the server is started.

use std::net::SocketAddr;
use std::path::PathBuf;

use crate::store::{DbTarget, PoolSettings};

/// Settings of `coupon-server serve`.
#[derive(Debug, Clone)]
pub struct ServeConfig {
    /// Where to listen; port 0 picks a free one.
    pub addr: SocketAddr,
    /// The database: an SQLite file (created if missing) or a PostgreSQL URL.
    pub db: DbTarget,
    /// How the store uses its database.
    pub pool: PoolSettings,
    /// The built app (`trunk build` output).
    pub dist: PathBuf,
    /// Seed the demo account, key, groups, template and coupons into an empty database.
    pub demo: bool,
}

impl ServeConfig {
    /// Serve `db` on `addr` with the default pool settings, without the demo.
    pub fn new(addr: SocketAddr, db: DbTarget, dist: PathBuf) -> ServeConfig {
        let pool = PoolSettings::default_for(&db);
        ServeConfig { addr, db, pool, dist, demo: false }
    }
}
