//! wasm-bindgen-cli: Trunk's wasm-bindgen step and `wasm-bindgen-test-runner` for the browser tests.

use super::{version_status, word_after, Status, Tool};
use crate::error::XtaskError;
use crate::layout::Layout;
use crate::lockfile;
use crate::shell::Shell;

/// The CLI must be the exact version of the `wasm-bindgen` crate in Cargo.lock, or the bindings mismatch.
pub struct WasmBindgenCli {
    version: String,
}

impl WasmBindgenCli {
    /// The CLI matching the `wasm-bindgen` package of the workspace's Cargo.lock.
    pub fn from_lock(layout: &Layout) -> Result<Self, XtaskError> {
        Ok(WasmBindgenCli { version: lockfile::version_of(&layout.root().join("Cargo.lock"), "wasm-bindgen")? })
    }
}

/// The two programs the crate installs; both must match.
const PROGRAMS: [&str; 2] = ["wasm-bindgen", "wasm-bindgen-test-runner"];

impl Tool for WasmBindgenCli {
    fn name(&self) -> String {
        format!("wasm-bindgen-cli {}", self.version)
    }

    fn status(&self, shell: &Shell) -> Result<Status, XtaskError> {
        for program in PROGRAMS {
            let output = shell.output_of(shell.cmd(program).arg("--version"))?;
            let status = version_status(output.as_deref().and_then(|text| word_after(text, program)), &self.version);
            if status != Status::Ready {
                return Ok(status);
            }
        }
        Ok(Status::Ready)
    }

    fn install(&self, shell: &Shell) -> Result<(), XtaskError> {
        // Not --locked: one of the CLI's locked dependencies is missing from the registry mirror.
        shell.run(&mut shell.cargo(&["install", "wasm-bindgen-cli", "--version", &self.version]))
    }
}
