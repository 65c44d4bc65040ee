//! `cargo xtask bench <name>`: the project's benchmarks by name.

use crate::browser_env::EndToEnd;
use crate::commands::{build, setup, size};
use crate::error::XtaskError;
use crate::shell::Shell;
use crate::work::{Env, Work};

/// One benchmark that `cargo xtask bench <name>` can run.
pub struct Bench {
    /// The name given on the command line.
    pub name: &'static str,
    /// What it measures, for the list.
    pub about: &'static str,
    /// How to run it.
    pub work: Work,
}

impl Bench {
    /// A benchmark made of cargo command lines.
    const fn cargo(name: &'static str, about: &'static str, env: Env, lines: &'static [&'static str]) -> Self {
        Bench { name, about, work: Work::Cargo { env, lines } }
    }

    /// A benchmark that runs a task function.
    const fn task(name: &'static str, about: &'static str, task: fn(&Shell) -> Result<(), XtaskError>) -> Self {
        Bench { name, about, work: Work::Task(task) }
    }
}

/// Every benchmark; add new ones here.
pub const BENCHES: &[Bench] = &[
    Bench::cargo(
        "rules",
        "criterion: validate_update of a full 24-field request, natively",
        Env::Plain,
        &["bench -p coupon-rules --bench validate"],
    ),
    Bench::cargo(
        "rules-js",
        "validateCouponUpdate called from JavaScript in headless Chromium, conversion included",
        Env::Browser,
        // The profile of the JavaScript package (`cargo xtask js-package`).
        &["test -p coupon-rules --features js --target wasm32-unknown-unknown --profile js-release --test js_bench \
           -- --include-ignored --nocapture"],
    ),
    Bench::cargo(
        "server",
        "load generator against the server: every scenario (--postgres: also on PostgreSQL, 1 and N servers)",
        Env::Plain,
        &["build --release -p coupon-server", "run -p coupon-loadgen --release -- all"],
    ),
    Bench::cargo(
        "group-update",
        "load generator: one call updating a group of 10,000 coupons (builds the release server first)",
        Env::Plain,
        &["build --release -p coupon-server", "run -p coupon-loadgen --release -- group-update"],
    ),
    Bench::cargo(
        "search",
        "load generator: the admin's name search in an account of 100,000 coupons (builds the release server first)",
        Env::Plain,
        &["build --release -p coupon-server", "run -p coupon-loadgen --release -- search"],
    ),
    Bench::cargo(
        "webhooks",
        "load generator: uses with webhooks off and on side by side, events delivered per second to a loopback receiver",
        Env::Plain,
        &["build --release -p coupon-server", "run -p coupon-loadgen --release -- webhooks"],
    ),
    Bench::task("page-size", "gzipped size of the customer page's first load", page_size),
    Bench::task("page-load", "coupon page load time in headless Chromium (builds the app first)", page_load),
    Bench::task("keystroke", "admin form: time from a keystroke to its check (builds the app first)", keystroke),
];

/// Runs the named benchmark, or lists them all when no name is given.
/// Runs the benchmark `name` (lists them without one). With `postgres`, a fresh PostgreSQL cluster
/// in target/postgres/bench serves the load generator's second and third runs (1 and `instances`
/// servers), beside SQLite in the same run; it is stopped afterwards.
pub fn run(shell: &Shell, name: Option<&str>, postgres: bool, instances: Option<u32>) -> Result<(), XtaskError> {
    let Some(name) = name else {
        print_list();
        return Ok(());
    };
    let Some(bench) = BENCHES.iter().find(|bench| bench.name == name) else {
        print_list();
        return Err(XtaskError::UnknownBench(name.to_owned()));
    };
    setup::run(shell)?;
    let _cluster = match postgres {
        true => {
            let cluster = crate::postgres::start(shell, "bench")?;
            // The load generator reads both (see crates/coupon-loadgen/src/cli.rs).
            std::env::set_var("COUPON_BENCH_POSTGRES", cluster.url());
            std::env::set_var("COUPON_BENCH_INSTANCES", instances.unwrap_or(2).to_string());
            Some(cluster)
        }
        false => None,
    };
    println!("==> bench {}", bench.name);
    bench.work.run(shell)
}

fn print_list() {
    println!("benchmarks (cargo xtask bench <name>):");
    for bench in BENCHES {
        println!("  {:<14} {}", bench.name, bench.about);
    }
}

fn page_size(shell: &Shell) -> Result<(), XtaskError> {
    size::run(shell.layout(), None)
}

fn page_load(shell: &Shell) -> Result<(), XtaskError> {
    browser_bench(shell, "page-load-bench")
}

fn keystroke(shell: &Shell) -> Result<(), XtaskError> {
    browser_bench(shell, "keystroke-bench")
}

/// Builds the app and the server, then runs one benchmark binary of the e2e crate.
fn browser_bench(shell: &Shell, bin: &str) -> Result<(), XtaskError> {
    build::run(shell)?;
    let env = EndToEnd::prepare(shell)?;
    shell.run(env.apply(&mut shell.cargo(&["run", "-p", "e2e", "--release", "--bin", bin])))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn bench_names_are_distinct_single_words() {
        let names: HashSet<&str> = BENCHES.iter().map(|bench| bench.name).collect();
        assert_eq!(names.len(), BENCHES.len());
        assert!(BENCHES.iter().all(|bench| !bench.name.contains(char::is_whitespace)));
    }
}
