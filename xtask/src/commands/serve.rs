//! `cargo xtask serve`: builds the app and runs the reference server with demo data in the foreground.

use std::fs;
use std::io::ErrorKind;

use crate::commands::{build, setup};
use crate::error::XtaskError;
use crate::shell::Shell;
use crate::{interrupt, postgres};

/// The demo database, under target/ so it never lands in git.
const DEMO_DB: &str = "target/demo.sqlite";

/// Setup, build, then `coupon-server serve --demo` on `addr` until the user stops it.
///
/// The demo database is made anew on every start, so every coupon state (active, used, expired, ...)
/// is there to see, with dates relative to today: an SQLite file, or with `on_postgres` a fresh
/// PostgreSQL cluster in target/postgres/demo, stopped when the server stops.
pub fn run(shell: &Shell, addr: &str, on_postgres: bool) -> Result<(), XtaskError> {
    setup::run(shell)?;
    build::run(shell)?;
    let server = ["run", "-p", "coupon-server", "--release", "--", "serve", "--demo", "--dist", "dist", "--addr", addr];
    if on_postgres {
        let cluster = postgres::start(shell, "demo")?;
        interrupt::outlive_ctrl_c();
        let served = shell.run(shell.cargo(&server).args(["--db", &format!("{}/postgres", cluster.url())]));
        drop(cluster);
        println!("==> PostgreSQL stopped");
        return served;
    }
    remove_demo_database(shell)?;
    shell.run(shell.cargo(&server).args(["--db", DEMO_DB]))
}

/// Removes the last demo database with its WAL files.
fn remove_demo_database(shell: &Shell) -> Result<(), XtaskError> {
    for suffix in ["", "-wal", "-shm"] {
        let path = shell.layout().root().join(format!("{DEMO_DB}{suffix}"));
        match fs::remove_file(&path) {
            Err(error) if error.kind() != ErrorKind::NotFound => {
                return Err(XtaskError::Remove { path, source: error });
            }
            _ => {}
        }
    }
    Ok(())
}
