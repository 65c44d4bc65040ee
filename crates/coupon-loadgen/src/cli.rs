//! The command line.

use std::path::PathBuf;
use std::time::Duration;

use clap::{Parser, ValueEnum};

/// Load benchmark of coupon-server on loopback.
#[derive(Debug, Parser)]
#[command(name = "coupon-loadgen", version, about)]
pub struct Cli {
    /// Which scenario to run.
    #[arg(value_enum, default_value = "all")]
    pub target: Target,
    /// Seconds each scenario is measured (after a one-second warm-up).
    #[arg(long, default_value_t = 10)]
    pub seconds: u64,
    /// The server binary (build it with `cargo build --release -p coupon-server`).
    #[arg(long, env = "COUPON_SERVER_BIN", default_value = "target/release/coupon-server")]
    pub server_bin: PathBuf,
}

/// What to run: one scenario or all.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Target {
    /// Every scenario in turn.
    All,
    /// `GET /api/public/v1/coupons/{cpnNo}`: the coupon page's read.
    PublicGet,
    /// `PUT /api/coupon/v1/update` by 32 clients: durable writes.
    Update,
    /// `POST /api/public/v1/coupons/{cpnNo}/use` by 32 clients, racing on limited coupons.
    Use,
    /// One call updating a group of 10,000 coupons (`update_coupon` and the admin group update).
    GroupUpdate,
}

impl Target {
    /// The scenarios to run, in order.
    pub fn scenarios(self) -> Vec<Scenario> {
        match self {
            Target::All => vec![Scenario::PublicGet, Scenario::Update, Scenario::Use, Scenario::GroupUpdate],
            Target::PublicGet => vec![Scenario::PublicGet],
            Target::Update => vec![Scenario::Update],
            Target::Use => vec![Scenario::Use],
            Target::GroupUpdate => vec![Scenario::GroupUpdate],
        }
    }
}

/// A load scenario.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scenario {
    /// `GET /api/public/v1/coupons/{cpnNo}`: the coupon page's read.
    PublicGet,
    /// `PUT /api/coupon/v1/update` by 32 clients: durable writes.
    Update,
    /// `POST /api/public/v1/coupons/{cpnNo}/use` by 32 clients, racing on limited coupons.
    Use,
    /// One call updating a group of 10,000 coupons, timed several times.
    GroupUpdate,
}

impl Scenario {
    /// The name printed in the table.
    pub fn name(self) -> &'static str {
        match self {
            Scenario::PublicGet => "public-get",
            Scenario::Update => "update",
            Scenario::Use => "use",
            Scenario::GroupUpdate => "group-update",
        }
    }
}

/// What every scenario needs to know.
#[derive(Debug, Clone)]
pub struct Settings {
    /// How long to measure.
    pub duration: Duration,
    /// The server binary.
    pub server_bin: PathBuf,
}

impl Cli {
    /// The settings for the scenarios.
    pub fn settings(&self) -> Settings {
        Settings { duration: Duration::from_secs(self.seconds.max(1)), server_bin: self.server_bin.clone() }
    }
}
