//! The nightly Rust toolchain: cargo-fuzz needs its sanitizer flags.

use super::{Status, Tool};
use crate::error::XtaskError;
use crate::shell::Shell;

/// `rustup toolchain install nightly --profile minimal` when no nightly toolchain is installed.
pub struct Nightly;

impl Tool for Nightly {
    fn name(&self) -> String {
        "Rust nightly toolchain".to_owned()
    }

    fn status(&self, shell: &Shell) -> Result<Status, XtaskError> {
        let list = shell.output_of(shell.cmd("rustup").args(["toolchain", "list"]))?;
        let present = list.is_some_and(|list| list.lines().any(|line| line.starts_with("nightly")));
        Ok(if present { Status::Ready } else { Status::Missing })
    }

    fn install(&self, shell: &Shell) -> Result<(), XtaskError> {
        shell.run(shell.cmd("rustup").args(["toolchain", "install", "nightly", "--profile", "minimal"]))
    }
}
