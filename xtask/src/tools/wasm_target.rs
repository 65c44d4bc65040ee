//! The rustup target that compiles Rust to WebAssembly for browsers.

use super::{Status, Tool};
use crate::error::XtaskError;
use crate::shell::Shell;

/// The target triple of the browser bundles and the wasm tests.
pub const WASM_TARGET: &str = "wasm32-unknown-unknown";

/// `rustup target add wasm32-unknown-unknown`.
pub struct WasmTarget;

impl Tool for WasmTarget {
    fn name(&self) -> String {
        format!("rustup target {WASM_TARGET}")
    }

    fn status(&self, shell: &Shell) -> Result<Status, XtaskError> {
        let installed = shell.output_of(shell.cmd("rustup").args(["target", "list", "--installed"]))?;
        let present = installed.is_some_and(|list| list.lines().any(|line| line.trim() == WASM_TARGET));
        Ok(if present { Status::Ready } else { Status::Missing })
    }

    fn install(&self, shell: &Shell) -> Result<(), XtaskError> {
        shell.run(shell.cmd("rustup").args(["target", "add", WASM_TARGET]))
    }
}
