//! What can go wrong around a browser test (its own assertions panic as usual).

use std::path::PathBuf;
use std::time::Duration;

use thiserror::Error;

/// A failure of the harness or of a browser command.
#[derive(Debug, Error)]
pub enum HarnessError {
    /// A program could not be started.
    #[error("cannot start {program}: {source}")]
    Spawn {
        /// The program's path.
        program: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// A command of the server's CLI failed.
    #[error("coupon-server {args} failed: {stderr}")]
    Cli {
        /// Its arguments.
        args: String,
        /// What it said.
        stderr: String,
    },
    /// The server ended or went quiet before saying where it listens.
    #[error("the server did not announce its address within {0:?} (is `coupon-server` built?)")]
    ServerSilent(Duration),
    /// chromedriver did not accept a session in time.
    #[error("chromedriver gave no session within {timeout:?}: {last}")]
    NoSession {
        /// How long it was given.
        timeout: Duration,
        /// The last error seen.
        last: String,
    },
    /// A WebDriver command failed.
    #[error("browser command failed: {0}")]
    Command(#[from] fantoccini::error::CmdError),
    /// Something awaited never happened.
    #[error("waited {timeout:?} for {what}")]
    Timeout {
        /// What was awaited.
        what: String,
        /// How long.
        timeout: Duration,
    },
    /// A script returned something else than expected.
    #[error("unexpected script result for {what}: {value}")]
    Script {
        /// What was asked.
        what: String,
        /// What came back.
        value: serde_json::Value,
    },
    /// A file could not be read or written.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
}
