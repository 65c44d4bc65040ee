//! Installs Debian packages with apt-get, through sudo when not root.

use std::process::Command;

use crate::error::XtaskError;
use crate::shell::Shell;

/// `apt-get install -y <packages>`; if that fails (often: stale package lists), `apt-get update` and retry.
pub fn install(shell: &Shell, packages: &[&str]) -> Result<(), XtaskError> {
    let as_root = is_root(shell)?;
    let install = |shell: &Shell| shell.run(apt_get(shell, as_root).args(["install", "-y"]).args(packages));
    if let Err(first) = install(shell) {
        println!("  apt-get install failed ({first}); updating the package lists and trying again");
        shell.run(apt_get(shell, as_root).arg("update"))?;
        install(shell)?;
    }
    Ok(())
}

/// `apt-get` that never asks questions, run directly as root or else through sudo.
fn apt_get(shell: &Shell, as_root: bool) -> Command {
    const QUIET: (&str, &str) = ("DEBIAN_FRONTEND", "noninteractive");
    if as_root {
        let mut command = shell.cmd("apt-get");
        command.env(QUIET.0, QUIET.1);
        command
    } else {
        // sudo drops most of the environment, so the variable goes on its command line.
        let mut command = shell.cmd("sudo");
        command.arg(format!("{}={}", QUIET.0, QUIET.1)).arg("apt-get");
        command
    }
}

fn is_root(shell: &Shell) -> Result<bool, XtaskError> {
    Ok(shell.output_of(shell.cmd("id").arg("-u"))?.as_deref() == Some("0"))
}
