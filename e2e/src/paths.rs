//! Where the harness finds the server, the built app, chromedriver and its browser flags.

use std::env;
use std::path::PathBuf;

/// The workspace root (this crate's parent).
pub fn workspace_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).parent().map(PathBuf::from).unwrap_or_default()
}

/// The server binary: `COUPON_SERVER_BIN`, else the debug build in the shared target dir.
pub fn server_bin() -> PathBuf {
    from_env("COUPON_SERVER_BIN").unwrap_or_else(|| target_dir().join("debug/coupon-server"))
}

/// The built app: `COUPON_DIST`, else `dist/` at the workspace root.
pub fn dist() -> PathBuf {
    from_env("COUPON_DIST").unwrap_or_else(|| workspace_root().join("dist"))
}

/// A path from the environment; a relative one is taken from the workspace root, since tests run
/// in their crate's folder.
fn from_env(name: &str) -> Option<PathBuf> {
    env::var_os(name).map(|value| workspace_root().join(value))
}

/// chromedriver: `CHROMEDRIVER`, else Debian's.
pub fn chromedriver() -> PathBuf {
    env::var_os("CHROMEDRIVER").map(PathBuf::from).unwrap_or_else(|| PathBuf::from("/usr/bin/chromedriver"))
}

/// The webdriver.json at the workspace root, whose Chromium flags the tests share.
pub fn webdriver_json() -> PathBuf {
    workspace_root().join("webdriver.json")
}

/// Where screenshots go.
pub fn screenshots() -> PathBuf {
    target_dir().join("e2e-screenshots")
}

fn target_dir() -> PathBuf {
    from_env("CARGO_TARGET_DIR").unwrap_or_else(|| workspace_root().join("target"))
}
