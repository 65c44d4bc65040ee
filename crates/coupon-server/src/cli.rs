//! The command line: `serve`, `create-account`, `create-key`, `create-vendor-credentials`.

use std::net::SocketAddr;
use std::path::PathBuf;

use chrono_tz::Tz;
use clap::{Args, Parser, Subcommand};
use coupon_rules::Plan;

use crate::config::ServeConfig;

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

/// The database file, for every command.
#[derive(Debug, Args)]
pub struct DbArg {
    /// The SQLite database file (created if missing).
    #[arg(long, env = "COUPON_DB", default_value = "coupons.sqlite")]
    pub db: PathBuf,
}

/// Options of `serve`.
#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Where to listen; port 0 picks a free port.
    #[arg(long, env = "COUPON_ADDR", default_value = "127.0.0.1:8080")]
    pub addr: SocketAddr,
    #[command(flatten)]
    pub db: DbArg,
    /// The built app (`trunk build` output).
    #[arg(long, env = "COUPON_DIST", default_value = "dist")]
    pub dist: PathBuf,
    /// Seed a demo account, key, groups, template and coupons into an empty database.
    #[arg(long)]
    pub demo: bool,
}

impl From<ServeArgs> for ServeConfig {
    fn from(args: ServeArgs) -> ServeConfig {
        ServeConfig { addr: args.addr, db: args.db.db, dist: args.dist, demo: args.demo }
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
