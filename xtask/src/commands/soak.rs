//! `cargo xtask soak`: the load generator's soak against the release server (see
//! crates/coupon-loadgen/src/scenarios/soak.rs), on SQLite and, with `--postgres`, on a fresh
//! PostgreSQL cluster too. Fails when a goal is missed.

use crate::commands::setup;
use crate::error::XtaskError;
use crate::postgres;
use crate::shell::Shell;

/// Builds the release server and runs the soak for `seconds` (the load generator's default: 300).
pub fn run(shell: &Shell, seconds: Option<u32>, on_postgres: bool) -> Result<(), XtaskError> {
    setup::run(shell)?;
    shell.run(&mut shell.cargo(&["build", "--release", "-p", "coupon-server"]))?;
    let _cluster = match on_postgres {
        true => {
            let cluster = postgres::start(shell, "soak")?;
            std::env::set_var("COUPON_BENCH_POSTGRES", cluster.url());
            std::env::set_var("COUPON_BENCH_INSTANCES", "1");
            Some(cluster)
        }
        false => None,
    };
    let mut soak = shell.cargo(&["run", "-p", "coupon-loadgen", "--release", "--", "soak"]);
    if let Some(seconds) = seconds {
        soak.args(["--seconds", &seconds.to_string()]);
    }
    shell.run(&mut soak)
}
