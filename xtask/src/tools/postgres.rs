//! Debian's PostgreSQL server, for the test run's store tests and `serve --postgres`.

use super::{apt, Status, Tool};
use crate::error::XtaskError;
use crate::shell::Shell;

/// Debian's `postgresql` (the server binaries under `/usr/lib/postgresql/<version>/bin`).
pub struct Postgres;

impl Tool for Postgres {
    fn name(&self) -> String {
        "PostgreSQL server".to_owned()
    }

    fn status(&self, _shell: &Shell) -> Result<Status, XtaskError> {
        Ok(if local_postgres::bin_dir().is_some() { Status::Ready } else { Status::Missing })
    }

    fn install(&self, shell: &Shell) -> Result<(), XtaskError> {
        apt::install(shell, &["postgresql"])
    }
}
