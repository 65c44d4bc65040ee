//! The PostgreSQL server of a test run or of `serve --postgres`: a fresh cluster under
//! `target/postgres`, on a free loopback port, stopped when dropped (also when a step failed).

use local_postgres::LocalPostgres;

use crate::error::XtaskError;
use crate::shell::Shell;

/// The variable that gives the test suites the server's URL (`postgres://postgres@127.0.0.1:PORT`).
pub const URL_VAR: &str = "COUPON_TEST_POSTGRES";

/// Starts a fresh cluster in `target/postgres/<name>`.
pub fn start(shell: &Shell, name: &str) -> Result<LocalPostgres, XtaskError> {
    let dir = shell.layout().target().join("postgres").join(name);
    println!("==> PostgreSQL: a fresh cluster in {}", dir.display());
    let server = LocalPostgres::start_fresh(&dir).map_err(XtaskError::Postgres)?;
    println!("    listening on 127.0.0.1:{}", server.port());
    Ok(server)
}

/// Starts the test run's server and tells every later child process where it is.
pub fn start_for_tests(shell: &Shell) -> Result<LocalPostgres, XtaskError> {
    let server = start(shell, "test")?;
    // Set before any test step runs; every cargo call of the run inherits it.
    std::env::set_var(URL_VAR, server.url());
    Ok(server)
}
