//! Reads package versions from Cargo.lock, so tools can match the crates they work with.

use std::fs;
use std::path::Path;

use crate::error::XtaskError;

/// The single version of `package` locked in the file at `path`.
pub fn version_of(path: &Path, package: &'static str) -> Result<String, XtaskError> {
    let text = fs::read_to_string(path).map_err(|source| XtaskError::Read { path: path.to_path_buf(), source })?;
    let mut versions = locked_versions(&text, package);
    versions.dedup();
    match versions.len() {
        0 => Err(XtaskError::NotInLock { package }),
        1 => Ok(versions.remove(0)),
        _ => Err(XtaskError::SeveralInLock { package, versions }),
    }
}

/// Every version of `package` in the lock file text, in file order.
///
/// Cargo.lock is a fixed, machine-written layout: `[[package]]` blocks whose first two lines are
/// `name = "…"` and `version = "…"`, so a line scan is enough and spares a TOML dependency.
fn locked_versions(text: &str, package: &str) -> Vec<String> {
    let mut versions = Vec::new();
    let mut current_name: Option<&str> = None;
    for line in text.lines().map(str::trim) {
        if line == "[[package]]" {
            current_name = None;
        } else if let Some(name) = quoted_value(line, "name") {
            current_name = Some(name);
        } else if let Some(version) = quoted_value(line, "version") {
            if current_name == Some(package) {
                versions.push(version.to_owned());
            }
        }
    }
    versions
}

/// `value` from a line `key = "value"`.
fn quoted_value<'a>(line: &'a str, key: &str) -> Option<&'a str> {
    let rest = line.strip_prefix(key)?.trim_start().strip_prefix('=')?.trim();
    rest.strip_prefix('"')?.strip_suffix('"')
}

#[cfg(test)]
mod tests {
    use super::*;

    const LOCK: &str = r#"
version = 4

[[package]]
name = "wasm-bindgen"
version = "0.2.130"
source = "registry+https://github.com/rust-lang/crates.io-index"
dependencies = [
 "wasm-bindgen-macro",
]

[[package]]
name = "wasm-bindgen-macro"
version = "0.2.131"
"#;

    #[test]
    fn finds_the_exact_package_not_its_prefix_relatives() {
        assert_eq!(locked_versions(LOCK, "wasm-bindgen"), ["0.2.130"]);
        assert_eq!(locked_versions(LOCK, "wasm-bindgen-macro"), ["0.2.131"]);
    }

    #[test]
    fn ignores_the_lock_format_version_and_absent_packages() {
        assert!(locked_versions(LOCK, "trunk").is_empty());
    }

    #[test]
    fn reads_the_workspace_lock() {
        let lock = Path::new(env!("CARGO_MANIFEST_DIR")).join("../Cargo.lock");
        let version = version_of(&lock, "wasm-bindgen").unwrap();
        assert!(version.split('.').all(|part| part.parse::<u32>().is_ok()), "{version}");
    }
}
