//! `coupon-loadgen`: starts the release coupon-server on a temporary database, seeds it through the
//! API and prints requests/s and p50/p99 latency per scenario.

use std::process::ExitCode;

use clap::Parser;
use coupon_loadgen::cli::Cli;

// One thread: the server gets the rest of the machine (the goals are for a 2-core box).
#[tokio::main(flavor = "current_thread")]
async fn main() -> ExitCode {
    let cli = Cli::parse();
    // Workers are local tasks: they never leave this thread.
    let local = tokio::task::LocalSet::new();
    match local.run_until(coupon_loadgen::run(cli)).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::FAILURE
        }
    }
}
