//! `cargo xtask build`: the release bundles of the customer page and the admin form, with Trunk.

use std::process::Command;

use crate::bundle::{self, precompress, std_from_source};
use crate::error::XtaskError;
use crate::shell::Shell;

/// Builds index.html into dist/, then admin/index.html (when it exists) into dist/admin/, and
/// finishes each bundle (see [`bundle::finish`]), then writes the compressed siblings the server sends
/// (see [`precompress`]).
///
/// The order matters: Trunk empties its dist folder first, so the page must not be built after the admin.
/// The cargo profile (`wasm-release`) and wasm-opt level come from the `<link data-trunk rel="rust">` tags;
/// std is compiled from source for them (see [`std_from_source`]).
pub fn run(shell: &Shell) -> Result<(), XtaskError> {
    // Trunk builds with `cargo --offline` so that it never downloads; fetch the crates beforehand,
    // std's own dependencies included.
    shell.run(&mut shell.cargo(&["fetch"]))?;
    shell.run(std_from_source::apply(&mut shell.cargo(&std_from_source::FETCH_ARGS)))?;
    let dist = shell.layout().dist();
    shell.run(&mut trunk_build(shell, "index.html"))?;
    bundle::finish(shell, &dist)?;
    if shell.layout().root().join(ADMIN_PAGE).exists() {
        let admin_dist = dist.join("admin");
        shell.run(trunk_build(shell, ADMIN_PAGE).arg("--dist").arg(&admin_dist).args(["--public-url", "/admin/"]))?;
        bundle::finish(shell, &admin_dist)?;
    }
    let compressed = precompress::run(&dist)?;
    println!("  {}: {compressed} files precompressed (brotli 11, gzip 9)", dist.display());
    Ok(())
}

/// The admin form's page, built to its own bundle.
const ADMIN_PAGE: &str = "admin/index.html";

/// `trunk build <page> --release --offline`, with Trunk's update check off and std from source.
fn trunk_build(shell: &Shell, page: &str) -> Command {
    let mut command = shell.cmd("trunk");
    // The page comes before the flags: Trunk's boolean flags take an optional value and would swallow it.
    command.args(["build", page, "--release", "--offline"]).env("TRUNK_SKIP_VERSION_CHECK", "true");
    std_from_source::apply(&mut command);
    command
}
