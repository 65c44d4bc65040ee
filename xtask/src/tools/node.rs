//! Node.js and npm, which install and run wasm-opt (binaryen's npm package runs on Node).

use super::{apt, Status, Tool};
use crate::error::XtaskError;
use crate::shell::Shell;

/// Debian's `nodejs` and `npm`, when `npm` is missing.
pub struct Node;

impl Tool for Node {
    fn name(&self) -> String {
        "Node.js and npm".to_owned()
    }

    fn status(&self, shell: &Shell) -> Result<Status, XtaskError> {
        let node = shell.output_of(shell.cmd("node").arg("--version"))?;
        let npm = shell.output_of(shell.cmd("npm").arg("--version"))?;
        Ok(if node.is_some() && npm.is_some() { Status::Ready } else { Status::Missing })
    }

    fn install(&self, shell: &Shell) -> Result<(), XtaskError> {
        apt::install(shell, &["nodejs", "npm"])
    }
}
