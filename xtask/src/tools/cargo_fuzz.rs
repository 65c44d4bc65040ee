//! cargo-fuzz, which runs the libFuzzer targets of coupon-rules.

use super::{Status, Tool};
use crate::error::XtaskError;
use crate::shell::Shell;

/// `cargo install cargo-fuzz --locked` when missing (any version will do).
pub struct CargoFuzz;

impl Tool for CargoFuzz {
    fn name(&self) -> String {
        "cargo-fuzz".to_owned()
    }

    fn status(&self, shell: &Shell) -> Result<Status, XtaskError> {
        let output = shell.output_of(shell.cmd("cargo-fuzz").arg("--version"))?;
        Ok(if output.is_some() { Status::Ready } else { Status::Missing })
    }

    fn install(&self, shell: &Shell) -> Result<(), XtaskError> {
        shell.run(&mut shell.cargo(&["install", "cargo-fuzz", "--locked"]))
    }
}
