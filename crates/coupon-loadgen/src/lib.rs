//! The load generator's parts: the server it starts, a lean HTTP/1 client, the measuring loop and
//! one module per scenario.

pub mod cli;
pub mod client;
pub mod error;
pub mod measure;
pub mod scenarios;
pub mod seed;
pub mod server;

use cli::{Cli, Scenario};
pub use error::LoadError;
use measure::Table;
use server::ServerProcess;

/// Runs the scenarios the command line asks for and prints their figures.
pub async fn run(cli: Cli) -> Result<(), LoadError> {
    let settings = cli.settings();
    let mut table = Table::default();
    for scenario in cli.target.scenarios() {
        // A fresh server and database per scenario: figures do not depend on what ran before.
        let server = ServerProcess::start(&settings.server_bin).await?;
        println!("{}: server {} on {}", scenario.name(), settings.server_bin.display(), server.addr());
        match scenario {
            Scenario::PublicGet => table.extend(scenarios::public_get::run(&server, &settings).await?),
            Scenario::Update => table.extend(scenarios::update::run(&server, &settings).await?),
            Scenario::Use => table.extend(scenarios::use_coupon::run(&server, &settings).await?),
            Scenario::GroupUpdate => {
                scenarios::group_update::run(&server).await?.into_iter().for_each(|t| table.push_timing(t))
            }
        }
        server.stop().await;
    }
    table.print();
    Ok(())
}
