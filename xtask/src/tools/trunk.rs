//! Trunk, the bundler that turns index.html and the Rust app into dist/.

use super::{version_status, word_after, Status, Tool};
use crate::error::XtaskError;
use crate::shell::Shell;

/// The Trunk release the build is written for (0.22 needs a newer rustc than the project's minimum).
pub const TRUNK_VERSION: &str = "0.21.14";

/// `cargo install trunk` at the pinned version.
pub struct Trunk;

impl Tool for Trunk {
    fn name(&self) -> String {
        format!("Trunk {TRUNK_VERSION}")
    }

    fn status(&self, shell: &Shell) -> Result<Status, XtaskError> {
        let output = shell.output_of(shell.cmd("trunk").arg("--version"))?;
        Ok(version_status(output.as_deref().and_then(|text| word_after(text, "trunk")), TRUNK_VERSION))
    }

    fn install(&self, shell: &Shell) -> Result<(), XtaskError> {
        println!("  (compiling Trunk takes about 11 minutes on 2 cores)");
        shell.run(&mut shell.cargo(&["install", "trunk", "--version", TRUNK_VERSION, "--locked"]))
    }
}
