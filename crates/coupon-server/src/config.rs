//! How the server is started.

use std::net::SocketAddr;
use std::path::PathBuf;

/// Settings of `coupon-server serve`.
#[derive(Debug, Clone)]
pub struct ServeConfig {
    /// Where to listen; port 0 picks a free one.
    pub addr: SocketAddr,
    /// The SQLite database file (created if missing).
    pub db: PathBuf,
    /// The built app (`trunk build` output).
    pub dist: PathBuf,
    /// Seed the demo account, key, groups, template and coupons into an empty database.
    pub demo: bool,
}
