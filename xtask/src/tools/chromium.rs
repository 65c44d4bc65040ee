//! Headless Chromium and its WebDriver, for the browser tests and benchmarks.

use std::path::Path;

use super::{apt, Status, Tool};
use crate::error::XtaskError;
use crate::shell::Shell;

/// Where Debian's `chromium` package puts the browser.
pub const CHROMIUM: &str = "/usr/bin/chromium";
/// Where Debian's `chromium-driver` package puts the WebDriver; the tests get it as CHROMEDRIVER.
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

/// Debian's `chromium` and `chromium-driver`.
pub struct Chromium;

impl Tool for Chromium {
    fn name(&self) -> String {
        "Chromium and chromedriver".to_owned()
    }

    fn status(&self, _shell: &Shell) -> Result<Status, XtaskError> {
        let present = Path::new(CHROMIUM).exists() && Path::new(CHROMEDRIVER).exists();
        Ok(if present { Status::Ready } else { Status::Missing })
    }

    fn install(&self, shell: &Shell) -> Result<(), XtaskError> {
        apt::install(shell, &["chromium", "chromium-driver"])
    }
}
