//! terser from npm, in a versioned folder of the user's cache: it minifies the bundles' JavaScript.

use std::path::PathBuf;

use super::{version_status, word_after, Status, Tool};
use crate::error::XtaskError;
use crate::layout::Layout;
use crate::shell::Shell;

/// terser release from npm.
pub const TERSER_VERSION: &str = "5.51.2";

/// The folder npm installs terser into.
fn install_dir(layout: &Layout) -> PathBuf {
    layout.tool_cache().join(format!("terser-{TERSER_VERSION}"))
}

/// The `terser` program of that folder.
pub fn program(layout: &Layout) -> PathBuf {
    install_dir(layout).join("node_modules").join(".bin").join("terser")
}

/// `npm install terser@5.51.2` into the tool cache.
pub struct Terser;

impl Tool for Terser {
    fn name(&self) -> String {
        format!("terser (npm terser@{TERSER_VERSION})")
    }

    fn status(&self, shell: &Shell) -> Result<Status, XtaskError> {
        let output = shell.output_of(shell.cmd(program(shell.layout())).arg("--version"))?;
        Ok(version_status(output.as_deref().and_then(|text| word_after(text, "terser")), TERSER_VERSION))
    }

    fn install(&self, shell: &Shell) -> Result<(), XtaskError> {
        let dir = install_dir(shell.layout());
        let package = format!("terser@{TERSER_VERSION}");
        shell.run(shell.cmd("npm").arg("install").arg("--prefix").arg(&dir).args(["--no-audit", "--no-fund", &package]))
    }
}
