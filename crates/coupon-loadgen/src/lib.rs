//! The load generator's parts: the server it starts, a lean HTTP/1 client, the measuring loop and
//! one module per scenario.

pub mod cli;
pub mod client;
pub mod error;
pub mod measure;
pub mod receiver;
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
    let mut soaks_passed = true;
    for store in cli.stores() {
        for scenario in cli.target.scenarios() {
            // Fresh servers and database per scenario: figures do not depend on what ran before.
            let server = match scenario {
                // The webhooks need the Enterprise plan, and the receiver is on loopback.
                Scenario::Webhooks => {
                    ServerProcess::start_with(&settings.server_bin, &store, "enterprise", &["--allow-private-webhooks"])
                        .await?
                }
                _ => ServerProcess::start(&settings.server_bin, &store).await?,
            };
            println!(
                "{} on {}: {} at {:?}",
                scenario.name(),
                store.label(),
                settings.server_bin.display(),
                server.addrs()
            );
            let label = store.label();
            match scenario {
                Scenario::PublicGet => table.extend(&label, scenarios::public_get::run(&server, &settings).await?),
                Scenario::Update => table.extend(&label, scenarios::update::run(&server, &settings).await?),
                Scenario::Use => table.extend(&label, scenarios::use_coupon::run(&server, &settings).await?),
                Scenario::Webhooks => table.extend(&label, scenarios::webhooks::run(&server, &settings).await?),
                Scenario::GroupUpdate => {
                    scenarios::group_update::run(&server).await?.into_iter().for_each(|t| table.push_timing(&label, t))
                }
                Scenario::Search => {
                    scenarios::search::run(&server).await?.into_iter().for_each(|t| table.push_timing(&label, t))
                }
                Scenario::Soak => {
                    let report = scenarios::soak::run(&server, settings.duration).await?;
                    println!("\n### soak on {label}\n{}", report.text());
                    soaks_passed &= report.passed;
                }
            }
            server.stop().await;
        }
    }
    table.print();
    if soaks_passed {
        Ok(())
    } else {
        Err(LoadError::Seed("the soak missed a goal (see its report)".into()))
    }
}
