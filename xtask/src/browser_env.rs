//! The environment of the browser tests and benchmarks.

use std::path::PathBuf;
use std::process::Command;

use crate::error::XtaskError;
use crate::shell::Shell;
use crate::tools::chromium::CHROMEDRIVER;

/// Points wasm-bindgen-test-runner (and the e2e crate) at Debian's chromedriver.
///
/// The runner finds the headless flags through WASM_BINDGEN_TEST_WEBDRIVER_JSON, which
/// .cargo/config.toml sets for every cargo command, so plain `cargo test` works as well.
pub fn apply(command: &mut Command) -> &mut Command {
    command.env("CHROMEDRIVER", CHROMEDRIVER)
}

/// What the end-to-end tests and browser benchmarks need: a built server and the built app.
#[derive(Debug)]
pub struct EndToEnd {
    server_bin: PathBuf,
    dist: PathBuf,
}

impl EndToEnd {
    /// Builds the server (debug, like the tests) and locates it and dist/; the app must be built already.
    pub fn prepare(shell: &Shell) -> Result<Self, XtaskError> {
        shell.run(&mut shell.cargo(&["build", "-p", "coupon-server"]))?;
        let layout = shell.layout();
        Ok(EndToEnd { server_bin: layout.target().join("debug").join("coupon-server"), dist: layout.dist() })
    }

    /// Sets COUPON_SERVER_BIN, COUPON_DIST and CHROMEDRIVER (absolute paths).
    pub fn apply<'a>(&self, command: &'a mut Command) -> &'a mut Command {
        apply(command).env("COUPON_SERVER_BIN", &self.server_bin).env("COUPON_DIST", &self.dist)
    }
}
