//! Every way an xtask command can fail.

use std::io;
use std::path::PathBuf;
use std::process::ExitStatus;

use crate::tools::Status;

/// A failure of an xtask command; `main` prints it and exits non-zero.
#[derive(Debug, thiserror::Error)]
pub enum XtaskError {
    /// The command line could not be understood.
    #[error(transparent)]
    Cli(#[from] CliError),

    /// A program could not be started at all (usually: it is not installed).
    #[error("could not start `{program}`: {source}")]
    Spawn { program: String, source: io::Error },

    /// A program ran and exited with a failure.
    #[error("`{command}` failed ({status})")]
    CommandFailed { command: String, status: ExitStatus },

    /// A file could not be read.
    #[error("could not read {}: {source}", path.display())]
    Read { path: PathBuf, source: io::Error },

    /// A file could not be written.
    #[error("could not write {}: {source}", path.display())]
    Write { path: PathBuf, source: io::Error },

    /// A file could not be removed.
    #[error("could not remove {}: {source}", path.display())]
    Remove { path: PathBuf, source: io::Error },

    /// Neither HOME nor the more specific variables say where the user's folders are.
    #[error("HOME is not set, so there is no place for the tool cache and cargo's binaries")]
    NoHome,

    /// Cargo.lock does not list a package the toolchain must match.
    #[error("Cargo.lock has no `{package}` package")]
    NotInLock { package: &'static str },

    /// Cargo.lock lists several versions of a package that must have exactly one.
    #[error("Cargo.lock has several versions of `{package}`: {versions:?}")]
    SeveralInLock { package: &'static str, versions: Vec<String> },

    /// A tool was installed but the check still does not find the expected version.
    #[error("{tool} is still not usable after installing it ({status}); check which copy PATH finds first")]
    StillNotReady { tool: String, status: Status },

    /// One step of `cargo xtask test` failed.
    #[error("step [{index}/{total}] `{name}` failed: {source}")]
    StepFailed { index: usize, total: usize, name: &'static str, source: Box<XtaskError> },

    /// The built page references a file that is not in the dist folder.
    #[error("{} references `{reference}`, which is not in the dist folder", from.display())]
    MissingAsset { from: PathBuf, reference: String },

    /// A dist folder has no single wasm-bindgen module with its glue.
    #[error("{} has no single `*_bg.wasm` with its `.js` glue", dist.display())]
    NoBundle { dist: PathBuf },

    /// A built module could not be read.
    #[error("{}: {source}", path.display())]
    Wasm { path: PathBuf, source: crate::bundle::wasm_names::WasmError },

    /// The wasm-bindgen glue does not have the shape the last build step knows.
    #[error("{}: {source}", path.display())]
    Glue { path: PathBuf, source: crate::bundle::js_names::GlueError },

    /// The customer page's first load is heavier than the budget.
    #[error("the page's first load is {total_kb:.1} KB as sent (brotli), over the budget of {max_kb} KB")]
    OverBudget { total_kb: f64, max_kb: u32 },

    /// `cargo xtask bench` was given a name that is not in the table.
    #[error("unknown benchmark `{0}`")]
    UnknownBench(String),

    /// The PostgreSQL server of the run could not be made or started.
    #[error("PostgreSQL: {0}")]
    Postgres(local_postgres::PgError),

    /// The fuzz project lists no targets to run.
    #[error("`cargo fuzz list` found no targets in {}", dir.display())]
    NoFuzzTargets { dir: PathBuf },
}

/// A command line that xtask does not understand.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    /// The first word is not a known command.
    #[error("unknown command `{0}` (try `cargo xtask help`)")]
    UnknownCommand(String),

    /// A flag that needs a value was the last word.
    #[error("`{flag}` needs a value")]
    MissingValue { flag: &'static str },

    /// A flag's value is not a number.
    #[error("`{flag}` needs a whole number, not `{value}`")]
    NotANumber { flag: &'static str, value: String },

    /// A word that the command does not take.
    #[error("unexpected argument `{0}` (try `cargo xtask help`)")]
    Unexpected(String),
}
