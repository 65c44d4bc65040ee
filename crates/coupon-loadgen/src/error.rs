//! What can stop a benchmark.

/// A failure of the benchmark itself (not of a measured request, which is counted).
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// The server binary could not be run.
    #[error("cannot run {bin}: {source} (build it with `cargo build --release -p coupon-server`)")]
    Spawn {
        /// The binary.
        bin: String,
        /// Why.
        source: std::io::Error,
    },
    /// A server command failed or printed something unexpected.
    #[error("the server's `{command}` failed: {output}")]
    ServerCommand {
        /// The command.
        command: &'static str,
        /// What it printed.
        output: String,
    },
    /// Talking to the server failed.
    #[error("HTTP: {0}")]
    Http(#[from] hyper::Error),
    /// A socket or file operation failed.
    #[error("I/O: {0}")]
    Io(#[from] std::io::Error),
    /// Seeding through the API got an unexpected answer.
    #[error("seeding failed: {0}")]
    Seed(String),
}
