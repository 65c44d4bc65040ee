//! How the server is started.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use url::Url;

use crate::routes::WebSettings;
use crate::serving::ConnectionLimits;
use crate::store::{DbTarget, PoolSettings};
use crate::webhooks::WebhookSettings;

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
    /// What connections it accepts.
    pub limits: ConnectionLimits,
    /// How requests are answered beyond the routes.
    pub web: WebSettings,
    /// The server's own address, which shows every coupon (a shop's domain shows only its own).
    pub public_url: Option<Url>,
    /// How webhook events are delivered.
    pub webhooks: WebhookSettings,
}

/// The default connection cap.
pub const MAX_CONNECTIONS: usize = 10_000;
/// The default time a client has for a request's headers.
pub const HEADER_TIMEOUT: Duration = Duration::from_secs(10);
/// The default time a request may take.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);

impl ServeConfig {
    /// Serve `db` on `addr` with the default settings, without the demo.
    pub fn new(addr: SocketAddr, db: DbTarget, dist: PathBuf) -> ServeConfig {
        let pool = PoolSettings::default_for(&db);
        let limits = ConnectionLimits { max_connections: MAX_CONNECTIONS, header_timeout: HEADER_TIMEOUT };
        let web = WebSettings { request_timeout: REQUEST_TIMEOUT, trust_proxy: false };
        let webhooks = WebhookSettings::default();
        ServeConfig { addr, db, pool, dist, demo: false, limits, web, public_url: None, webhooks }
    }
}
