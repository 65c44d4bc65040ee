//! The command line: `serve`, `create-account`, `create-key`, `create-vendor-credentials`.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use chrono_tz::Tz;
use clap::{Args, Parser, Subcommand};
use coupon_rules::Plan;

use crate::config::{self, ServeConfig};
use crate::routes::WebSettings;
use crate::serving::ConnectionLimits;
use crate::store::{DbTarget, PoolSettings};

/// The reference coupon API server.
#[derive(Debug, Parser)]
#[command(name = "coupon-server", version, about)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// A command of the server binary.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Serve the API and the built app.
    Serve(ServeArgs),
    /// Create an account; prints its id.
    CreateAccount(CreateAccountArgs),
    /// Create an API key for an account; prints the key (shown once, stored hashed).
    CreateKey(CreateKeyArgs),
    /// Create credentials of the second vendor's dialect (`POST /2.1/product/update_coupon`) for an
    /// account; prints vendor_id and vendor_auth_code (shown once, stored hashed).
    CreateVendorCredentials(CreateVendorCredentialsArgs),
}

/// The database, for every command.
#[derive(Debug, Args)]
pub struct DbArg {
    /// An SQLite file (created if missing), or a PostgreSQL URL `postgres://user:pass@host:port/db`.
    #[arg(long, env = "COUPON_DB", default_value = "coupons.sqlite", hide_env_values = true)]
    pub db: DbTarget,
}

/// How the store uses its database.
#[derive(Debug, Args)]
pub struct PoolArgs {
    /// Database connections at most [default: 8 readers on SQLite, 16 on PostgreSQL].
    #[arg(long, env = "COUPON_DB_POOL_SIZE")]
    pub db_pool_size: Option<u32>,
    /// Seconds a request waits for a database connection before it fails.
    #[arg(long, env = "COUPON_DB_ACQUIRE_TIMEOUT", default_value_t = 5)]
    pub db_acquire_timeout: u64,
    /// Seconds one PostgreSQL statement may run.
    #[arg(long, env = "COUPON_DB_STATEMENT_TIMEOUT", default_value_t = 30)]
    pub db_statement_timeout: u64,
}

impl PoolArgs {
    /// The settings for `target`, the defaults where no flag is given.
    pub fn settings(&self, target: &DbTarget) -> PoolSettings {
        let defaults = PoolSettings::default_for(target);
        PoolSettings {
            max_connections: self.db_pool_size.unwrap_or(defaults.max_connections).max(1),
            acquire_timeout: Duration::from_secs(self.db_acquire_timeout.max(1)),
            statement_timeout: Duration::from_secs(self.db_statement_timeout.max(1)),
        }
    }
}

/// Options of `serve`.
#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Where to listen; port 0 picks a free port.
    #[arg(long, env = "COUPON_ADDR", default_value = "127.0.0.1:8080")]
    pub addr: SocketAddr,
    #[command(flatten)]
    pub db: DbArg,
    #[command(flatten)]
    pub pool: PoolArgs,
    /// The built app (`trunk build` output).
    #[arg(long, env = "COUPON_DIST", default_value = "dist")]
    pub dist: PathBuf,
    /// Seed a demo account, key, groups, template and coupons into an empty database.
    #[arg(long)]
    pub demo: bool,
    /// Connections open at most; beyond, new ones wait in the listen queue.
    #[arg(long, env = "COUPON_MAX_CONNECTIONS", default_value_t = config::MAX_CONNECTIONS)]
    pub max_connections: usize,
    /// Seconds a client has to send a request's headers; then its connection is closed.
    #[arg(long, env = "COUPON_HEADER_TIMEOUT", default_value_t = config::HEADER_TIMEOUT.as_secs())]
    pub header_timeout: u64,
    /// Seconds a request may take; then it is answered 1013 (HTTP 408).
    #[arg(long, env = "COUPON_REQUEST_TIMEOUT", default_value_t = config::REQUEST_TIMEOUT.as_secs())]
    pub request_timeout: u64,
    /// A TLS-terminating proxy is in front: believe its X-Forwarded-Proto (and send HSTS over HTTPS).
    #[arg(long, env = "COUPON_TRUST_PROXY")]
    pub trust_proxy: bool,
}

impl From<ServeArgs> for ServeConfig {
    fn from(args: ServeArgs) -> ServeConfig {
        let pool = args.pool.settings(&args.db.db);
        let limits = ConnectionLimits {
            max_connections: args.max_connections.max(1),
            header_timeout: Duration::from_secs(args.header_timeout.max(1)),
        };
        let web = WebSettings {
            request_timeout: Duration::from_secs(args.request_timeout.max(1)),
            trust_proxy: args.trust_proxy,
        };
        ServeConfig { addr: args.addr, db: args.db.db, pool, dist: args.dist, demo: args.demo, limits, web }
    }
}

/// Options of `create-account`.
#[derive(Debug, Args)]
pub struct CreateAccountArgs {
    #[command(flatten)]
    pub db: DbArg,
    /// The account's display name.
    #[arg(long)]
    pub name: String,
    /// free, personal, premium, business or enterprise (the API needs personal or higher).
    #[arg(long, default_value = "personal", value_parser = parse_plan)]
    pub plan: Plan,
    /// The IANA time zone its coupons' days are counted in.
    #[arg(long, default_value = "UTC", value_parser = parse_zone)]
    pub timezone: Tz,
    /// Switch the account's global webhook on.
    #[arg(long)]
    pub global_webhook: bool,
}

/// Options of `create-key`.
#[derive(Debug, Args)]
pub struct CreateKeyArgs {
    #[command(flatten)]
    pub db: DbArg,
    /// The account's id.
    #[arg(long)]
    pub account: i64,
    /// What the key is for, shown in the key list and the coupons' history ("Front desk").
    #[arg(long, default_value = "")]
    pub label: String,
}

/// Options of `create-vendor-credentials`.
#[derive(Debug, Args)]
pub struct CreateVendorCredentialsArgs {
    #[command(flatten)]
    pub db: DbArg,
    /// The account's id.
    #[arg(long)]
    pub account: i64,
    /// The vendor_id to use (>= 1, not yet taken); the next free one when absent.
    #[arg(long, value_parser = clap::value_parser!(i64).range(1..))]
    pub vendor_id: Option<i64>,
}

fn parse_plan(name: &str) -> Result<Plan, String> {
    Plan::parse(name).ok_or_else(|| "expected free, personal, premium, business or enterprise".to_owned())
}

fn parse_zone(name: &str) -> Result<Tz, String> {
    name.parse().map_err(|_| format!("not an IANA time zone: {name}"))
}
