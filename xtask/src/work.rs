//! A unit of work shared by the test steps and the benchmarks: cargo calls, or a task function.

use crate::browser_env;
use crate::error::XtaskError;
use crate::shell::Shell;

/// Extra environment for cargo calls.
#[derive(Debug, Clone, Copy)]
pub enum Env {
    /// Nothing beyond the shell's PATH.
    Plain,
    /// What wasm-bindgen-test-runner needs to drive headless Chromium.
    Browser,
    /// The server tests on the run's PostgreSQL instead of SQLite.
    PostgresStore,
}

/// What a test step or a benchmark does.
pub enum Work {
    /// Cargo command lines (the words after `cargo`, split at spaces), run one after another.
    Cargo { env: Env, lines: &'static [&'static str] },
    /// Anything more than plain cargo calls.
    Task(fn(&Shell) -> Result<(), XtaskError>),
}

impl Work {
    /// Does the work, stopping at the first failure.
    pub fn run(&self, shell: &Shell) -> Result<(), XtaskError> {
        match self {
            Work::Cargo { env, lines } => lines.iter().try_for_each(|line| {
                let mut command = shell.cmd("cargo");
                command.args(line.split_whitespace());
                match env {
                    Env::Plain => {}
                    Env::Browser => {
                        browser_env::apply(&mut command);
                    }
                    Env::PostgresStore => {
                        command.env("COUPON_TEST_STORE", "postgres");
                    }
                }
                shell.run(&mut command)
            }),
            Work::Task(task) => task(shell),
        }
    }
}
