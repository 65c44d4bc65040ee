//! The command line: `serve`, `create-account`, `create-key`, `create-vendor-credentials`, `webhook`.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use chrono_tz::Tz;
use clap::{Args, Parser, Subcommand};
use coupon_rules::Plan;
use url::Url;

use crate::config::{self, ServeConfig};
use crate::routes::WebSettings;
use crate::serving::ConnectionLimits;
use crate::store::{DbTarget, PoolSettings};
use crate::webhooks::WebhookSettings;

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
    /// Set an account's webhook (callback URL, on/off), rotate its signing secret, or set a
    /// group's own callback URL; prints the config (a new secret is shown once).
    Webhook(WebhookArgs),
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
    /// The server's own address (`https://coupons.example.com`): it shows every coupon, and coupons
    /// without a domain of their own get their page address under it.
    #[arg(long, env = "COUPON_PUBLIC_URL", value_parser = parse_public_url)]
    pub public_url: Option<Url>,
    /// Deliver webhooks to loopback, private and link-local addresses too (for tests and local
    /// receivers; by default only public addresses are reached).
    #[arg(long, env = "COUPON_ALLOW_PRIVATE_WEBHOOKS")]
    pub allow_private_webhooks: bool,
    /// Milliseconds before a failed webhook is retried the first time (each retry doubles it).
    #[arg(long, env = "COUPON_WEBHOOK_FIRST_RETRY_MS", default_value_t = 10_000)]
    pub webhook_first_retry_ms: u64,
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
        let webhooks = WebhookSettings {
            allow_private: args.allow_private_webhooks,
            first_retry: Duration::from_millis(args.webhook_first_retry_ms.max(1)),
            ..WebhookSettings::default()
        };
        ServeConfig {
            addr: args.addr,
            db: args.db.db,
            pool,
            dist: args.dist,
            demo: args.demo,
            limits,
            web,
            public_url: args.public_url,
            webhooks,
        }
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

/// Options of `webhook`.
#[derive(Debug, Args)]
pub struct WebhookArgs {
    #[command(flatten)]
    pub db: DbArg,
    /// The account's id.
    #[arg(long)]
    pub account: i64,
    /// The callback URL (`""`: none); with `--group`, that group's own URL.
    #[arg(long)]
    pub url: Option<String>,
    /// Switch the account's global webhook on (`Y`) or off (`N`).
    #[arg(long, value_parser = ["Y", "N"])]
    pub enable: Option<String>,
    /// Replace the signing secret (the old one signs too for 24 hours).
    #[arg(long)]
    pub rotate_secret: bool,
    /// Set this group's own callback URL (`--url`) instead of the account's.
    #[arg(long, value_parser = clap::value_parser!(i64).range(1..))]
    pub group: Option<i64>,
}

fn parse_plan(name: &str) -> Result<Plan, String> {
    Plan::parse(name).ok_or_else(|| "expected free, personal, premium, business or enterprise".to_owned())
}

fn parse_public_url(text: &str) -> Result<Url, String> {
    let url = Url::parse(text).map_err(|error| format!("not a URL ({error}): {text}"))?;
    let web = matches!(url.scheme(), "http" | "https") && url.host_str().is_some();
    let bare = url.path() == "/" && url.query().is_none() && url.fragment().is_none();
    match (web, bare) {
        (true, true) => Ok(url),
        _ => Err(format!("expected an http(s) address without a path, like https://coupons.example.com: {text}")),
    }
}

fn parse_zone(name: &str) -> Result<Tz, String> {
    name.parse().map_err(|_| format!("not an IANA time zone: {name}"))
}
