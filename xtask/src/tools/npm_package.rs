//! A command-line tool from an npm package, at a pinned version, in a versioned folder of the
//! user's cache (so that it never clashes with another copy on PATH).

use std::path::PathBuf;

use super::{version_status, word_after, Status, Tool};
use crate::error::XtaskError;
use crate::layout::Layout;
use crate::shell::Shell;

/// `npm install <package>@<version>` into `~/.cache/coupon-tools/<package>-<version>`.
pub struct NpmPackage {
    /// The npm package.
    pub package: &'static str,
    /// The exact version needed.
    pub version: &'static str,
    /// The program the package installs.
    pub program: &'static str,
    /// The word before the version in `<program> --version` (`version` in `wasm-opt version 132`).
    pub version_marker: &'static str,
}

impl NpmPackage {
    /// The folder npm installs the package into.
    fn install_dir(&self, layout: &Layout) -> PathBuf {
        layout.tool_cache().join(format!("{}-{}", self.package, self.version))
    }

    /// The folder holding the package's programs.
    pub fn bin_dir(&self, layout: &Layout) -> PathBuf {
        self.install_dir(layout).join("node_modules").join(".bin")
    }

    /// The package's program in that folder.
    pub fn program(&self, layout: &Layout) -> PathBuf {
        self.bin_dir(layout).join(self.program)
    }
}

impl Tool for NpmPackage {
    fn name(&self) -> String {
        format!("{} (npm {}@{})", self.program, self.package, self.version)
    }

    fn status(&self, shell: &Shell) -> Result<Status, XtaskError> {
        // The copy in our folder, not whatever PATH finds.
        let output = shell.output_of(shell.cmd(self.program(shell.layout())).arg("--version"))?;
        Ok(version_status(output.as_deref().and_then(|text| word_after(text, self.version_marker)), self.version))
    }

    fn install(&self, shell: &Shell) -> Result<(), XtaskError> {
        let dir = self.install_dir(shell.layout());
        let package = format!("{}@{}", self.package, self.version);
        shell.run(shell.cmd("npm").arg("install").arg("--prefix").arg(&dir).args(["--no-audit", "--no-fund", &package]))
    }
}
