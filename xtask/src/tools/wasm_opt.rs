//! wasm-opt from npm's binaryen, in a versioned folder of the user's cache.

use std::path::PathBuf;

use super::{version_status, word_after, Status, Tool};
use crate::error::XtaskError;
use crate::layout::Layout;
use crate::shell::Shell;

/// binaryen release from npm; Debian's 108 produces bundles that fail to start in Chromium.
pub const BINARYEN_VERSION: &str = "132";

/// The folder npm installs binaryen into.
pub fn install_dir(layout: &Layout) -> PathBuf {
    layout.tool_cache().join(format!("binaryen-{BINARYEN_VERSION}"))
}

/// The folder holding `wasm-opt`; the shell puts it first on PATH.
pub fn bin_dir(layout: &Layout) -> PathBuf {
    install_dir(layout).join("node_modules").join(".bin")
}

/// `npm install binaryen@132` into the tool cache.
pub struct WasmOpt;

impl Tool for WasmOpt {
    fn name(&self) -> String {
        format!("wasm-opt (npm binaryen@{BINARYEN_VERSION})")
    }

    fn status(&self, shell: &Shell) -> Result<Status, XtaskError> {
        // The copy in our folder, not whatever PATH finds: that is the one every child process gets first.
        let program = bin_dir(shell.layout()).join("wasm-opt");
        let output = shell.output_of(shell.cmd(program).arg("--version"))?;
        Ok(version_status(output.as_deref().and_then(|text| word_after(text, "version")), BINARYEN_VERSION))
    }

    fn install(&self, shell: &Shell) -> Result<(), XtaskError> {
        let dir = install_dir(shell.layout());
        let package = format!("binaryen@{BINARYEN_VERSION}");
        shell.run(shell.cmd("npm").arg("install").arg("--prefix").arg(&dir).args(["--no-audit", "--no-fund", &package]))
    }
}
