//! The standard library's source: the browser bundles compile std themselves (see `bundle_std`).

use super::{Status, Tool};
use crate::error::XtaskError;
use crate::shell::Shell;

/// `rustup component add rust-src` for the toolchain in use.
pub struct RustSrc;

impl Tool for RustSrc {
    fn name(&self) -> String {
        "rustup component rust-src".to_owned()
    }

    fn status(&self, shell: &Shell) -> Result<Status, XtaskError> {
        let installed = shell.output_of(shell.cmd("rustup").args(["component", "list", "--installed"]))?;
        let present = installed.is_some_and(|list| list.lines().any(|line| line.trim() == "rust-src"));
        Ok(if present { Status::Ready } else { Status::Missing })
    }

    fn install(&self, shell: &Shell) -> Result<(), XtaskError> {
        shell.run(shell.cmd("rustup").args(["component", "add", "rust-src"]))
    }
}
