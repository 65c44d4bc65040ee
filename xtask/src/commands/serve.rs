//! `cargo xtask serve`: builds the app and runs the reference server with demo data in the foreground.

use crate::commands::{build, setup};
use crate::error::XtaskError;
use crate::shell::Shell;

/// The demo database, kept under target/ so it never lands in git and survives restarts.
const DEMO_DB: &str = "target/demo.sqlite";

/// Setup, build, then `coupon-server serve --demo` on `addr` until the user stops it.
pub fn run(shell: &Shell, addr: &str) -> Result<(), XtaskError> {
    setup::run(shell)?;
    build::run(shell)?;
    let server = ["run", "-p", "coupon-server", "--release", "--", "serve", "--demo", "--db", DEMO_DB];
    shell.run(shell.cargo(&server).args(["--dist", "dist", "--addr", addr]))
}
