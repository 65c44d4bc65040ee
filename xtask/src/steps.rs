//! The steps of `cargo xtask test`, in order. Later issues add their steps here.

use crate::commands::{build, js_package, size};
use crate::error::XtaskError;
use crate::shell::Shell;
use crate::work::{Env, Work};

/// The page's first load must stay under this many KB as the server sends it (brotli).
pub const PAGE_BUDGET_KB: u32 = 80;

/// One named step of the test run.
pub struct Step {
    /// Printed as `==> [n/N] <name>` and in the failure message.
    pub name: &'static str,
    /// What the step does.
    pub work: Work,
}

impl Step {
    /// A step made of cargo command lines.
    const fn cargo(name: &'static str, env: Env, lines: &'static [&'static str]) -> Self {
        Step { name, work: Work::Cargo { env, lines } }
    }

    /// A step that runs a task function.
    const fn task(name: &'static str, task: fn(&Shell) -> Result<(), XtaskError>) -> Self {
        Step { name, work: Work::Task(task) }
    }
}

/// Every check of the project, cheapest first so that mistakes fail fast.
pub const TEST_STEPS: &[Step] = &[
    Step::cargo("fmt", Env::Plain, &["fmt --all -- --check"]),
    Step::cargo("clippy native", Env::Plain, &["clippy --workspace --exclude coupon-app --all-targets -- -D warnings"]),
    Step::cargo(
        "clippy wasm",
        Env::Plain,
        &[
            "clippy -p coupon-app --target wasm32-unknown-unknown --all-targets -- -D warnings",
            "clippy -p coupon-rules --features js --target wasm32-unknown-unknown --all-targets -- -D warnings",
        ],
    ),
    Step::cargo("native tests", Env::Plain, &["test --workspace --exclude coupon-app --exclude e2e"]),
    // The same server suite again, every server of it on PostgreSQL.
    Step::cargo("server tests on PostgreSQL", Env::PostgresStore, &["test -p coupon-server --test server"]),
    Step::cargo(
        "wasm tests in headless Chromium",
        Env::Browser,
        &[
            "test -p coupon-rules --features js --target wasm32-unknown-unknown",
            "test -p coupon-app --target wasm32-unknown-unknown",
        ],
    ),
    Step::task("JavaScript package from Node", js_package::build_and_check),
    Step::task("JavaScript package types with tsc", js_package::check_types),
    Step::task("build the app", build::run),
    Step::task("size budget", size_budget),
    Step::task("end-to-end", end_to_end),
];

fn size_budget(shell: &Shell) -> Result<(), XtaskError> {
    size::run(shell.layout(), Some(PAGE_BUDGET_KB))
}

fn end_to_end(shell: &Shell) -> Result<(), XtaskError> {
    let env = crate::browser_env::EndToEnd::prepare(shell)?;
    shell.run(env.apply(&mut shell.cargo(&["test", "-p", "e2e"])))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn step_names_are_distinct_so_failures_name_one_step() {
        let names: HashSet<&str> = TEST_STEPS.iter().map(|step| step.name).collect();
        assert_eq!(names.len(), TEST_STEPS.len());
    }
}
