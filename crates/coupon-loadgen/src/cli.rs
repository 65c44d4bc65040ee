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
    /// Seconds each scenario is measured (after a one-second warm-up); the soak's default is 300.
    #[arg(long)]
    pub seconds: Option<u64>,
    /// The server binary (build it with `cargo build --release -p coupon-server`).
    #[arg(long, env = "COUPON_SERVER_BIN", default_value = "target/release/coupon-server")]
    pub server_bin: PathBuf,
    /// A PostgreSQL server (`postgres://user@host:port`) to run every scenario on as well, after
    /// SQLite: with one server instance, then with `--instances` (a fresh database each time).
    #[arg(long, env = "COUPON_BENCH_POSTGRES")]
    pub postgres: Option<String>,
    /// Server instances on PostgreSQL for the second run; clients are spread over them.
    #[arg(long, env = "COUPON_BENCH_INSTANCES", default_value_t = 2)]
    pub instances: usize,
}

/// Where a run's servers keep their data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Store {
    /// One server on a fresh SQLite file.
    Sqlite,
    /// `instances` servers on one fresh database of this PostgreSQL server.
    Postgres {
        /// `postgres://user@host:port`.
        server: String,
        /// How many servers share it.
        instances: usize,
    },
}

impl Store {
    /// How the table names it: `sqlite`, `postgres ×2`.
    pub fn label(&self) -> String {
        match self {
            Store::Sqlite => "sqlite".to_owned(),
            Store::Postgres { instances, .. } => format!("postgres ×{instances}"),
        }
    }
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
    /// The admin's name search in an account of 100,000 coupons, a page of 50.
    Search,
    /// Uses with webhooks off and on, and events delivered per second to a loopback receiver.
    Webhooks,
    /// Mixed traffic at a steady rate for `--seconds` (default 300 here), then every answered
    /// write read back (not part of `all`).
    Soak,
}

impl Target {
    /// The scenarios to run, in order.
    pub fn scenarios(self) -> Vec<Scenario> {
        match self {
            Target::All => {
                vec![Scenario::PublicGet, Scenario::Update, Scenario::Use, Scenario::GroupUpdate, Scenario::Search]
            }
            Target::PublicGet => vec![Scenario::PublicGet],
            Target::Update => vec![Scenario::Update],
            Target::Use => vec![Scenario::Use],
            Target::GroupUpdate => vec![Scenario::GroupUpdate],
            Target::Search => vec![Scenario::Search],
            Target::Webhooks => vec![Scenario::Webhooks],
            Target::Soak => vec![Scenario::Soak],
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
    /// A name search in 100,000 coupons, timed several times.
    Search,
    /// Uses with webhooks off and on; deliveries per second.
    Webhooks,
    /// Mixed traffic for minutes.
    Soak,
}

impl Scenario {
    /// The name printed in the table.
    pub fn name(self) -> &'static str {
        match self {
            Scenario::PublicGet => "public-get",
            Scenario::Update => "update",
            Scenario::Use => "use",
            Scenario::GroupUpdate => "group-update",
            Scenario::Search => "search",
            Scenario::Webhooks => "webhooks",
            Scenario::Soak => "soak",
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
        let default = if self.target == Target::Soak { 300 } else { 10 };
        let seconds = self.seconds.unwrap_or(default).max(1);
        Settings { duration: Duration::from_secs(seconds), server_bin: self.server_bin.clone() }
    }

    /// The stores to run every scenario on, in order: SQLite, then PostgreSQL with one instance
    /// and with `--instances` when a server is given.
    pub fn stores(&self) -> Vec<Store> {
        let mut stores = vec![Store::Sqlite];
        if let Some(server) = &self.postgres {
            let server = server.trim_end_matches('/').to_owned();
            stores.push(Store::Postgres { server: server.clone(), instances: 1 });
            if self.instances > 1 {
                stores.push(Store::Postgres { server, instances: self.instances });
            }
        }
        stores
    }
}
