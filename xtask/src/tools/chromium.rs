//! Headless Chromium and its WebDriver, for the browser tests and benchmarks.

use std::path::Path;

use super::{apt, Status, Tool};
use crate::error::XtaskError;
use crate::shell::Shell;

/// Where Debian's `chromium` package puts the browser.
pub const CHROMIUM: &str = "/usr/bin/chromium";
/// Where Debian's `chromium-driver` package puts the WebDriver; the tests get it as CHROMEDRIVER.
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

/// Where Debian's `fonts-nanum` puts its fonts: without a Korean font, the Korean screenshots of
/// the e2e output show empty boxes instead of text, and nobody can judge them.
const KOREAN_FONTS: &str = "/usr/share/fonts/truetype/nanum";

/// Debian's `chromium`, `chromium-driver` and a Korean font (`fonts-nanum`).
pub struct Chromium;

impl Tool for Chromium {
    fn name(&self) -> String {
        "Chromium, chromedriver and a Korean font".to_owned()
    }

    fn status(&self, _shell: &Shell) -> Result<Status, XtaskError> {
        let present = [CHROMIUM, CHROMEDRIVER, KOREAN_FONTS].iter().all(|path| Path::new(path).exists());
        Ok(if present { Status::Ready } else { Status::Missing })
    }

    fn install(&self, shell: &Shell) -> Result<(), XtaskError> {
        apt::install(shell, &["chromium", "chromium-driver", "fonts-nanum"])
    }
}
