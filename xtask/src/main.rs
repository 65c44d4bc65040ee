//! `cargo xtask`: installs the toolchain the project needs, then builds, serves, tests and benchmarks it.

mod browser_env;
mod bundle;
mod cli;
mod commands;
mod error;
mod first_load;
mod interrupt;
mod layout;
mod lockfile;
mod postgres;
mod shell;
mod steps;
mod tools;
mod work;

use std::process::ExitCode;

use cli::{Command, USAGE};
use commands::{bench, build, fuzz, js_package, serve, setup, size, soak, test};
use error::XtaskError;
use layout::Layout;
use shell::Shell;

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("\nxtask: error: {error}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<(), XtaskError> {
    let command = Command::parse(std::env::args().skip(1))?;
    let shell = Shell::new(Layout::detect()?);
    match command {
        Command::Help => println!("{USAGE}"),
        Command::Setup => setup::run(&shell)?,
        Command::Test => test::run(&shell)?,
        Command::Build => {
            setup::run(&shell)?;
            build::run(&shell)?;
        }
        Command::Size { max_kb } => size::run(shell.layout(), max_kb)?,
        Command::JsPackage => {
            setup::run(&shell)?;
            js_package::run(&shell)?;
        }
        Command::Serve { addr, postgres } => serve::run(&shell, &addr, postgres)?,
        Command::Bench { name, postgres, instances } => bench::run(&shell, name.as_deref(), postgres, instances)?,
        Command::Soak { seconds, postgres } => soak::run(&shell, seconds, postgres)?,
        Command::Fuzz { seconds, target } => fuzz::run(&shell, seconds, target.as_deref())?,
    }
    Ok(())
}
