//! Where things are: the repository, its build outputs, and the user's tool folders.

use std::env;
use std::path::{Path, PathBuf};

use crate::error::XtaskError;

/// The folders xtask reads and writes.
#[derive(Debug, Clone)]
pub struct Layout {
    root: PathBuf,
    cache: PathBuf,
    cargo_bin: PathBuf,
}

impl Layout {
    /// Finds the repository (the parent of this crate) and the user's cache and cargo folders.
    pub fn detect() -> Result<Self, XtaskError> {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("xtask/ lives inside the repository");
        let home = non_empty_var("HOME").map(PathBuf::from);
        let cache = non_empty_var("XDG_CACHE_HOME")
            .map(PathBuf::from)
            .filter(|path| path.is_absolute())
            .or_else(|| home.as_ref().map(|home| home.join(".cache")))
            .ok_or(XtaskError::NoHome)?;
        let cargo_home =
            non_empty_var("CARGO_HOME").map(PathBuf::from).or_else(|| home.map(|home| home.join(".cargo")));
        Ok(Layout {
            root: root.to_path_buf(),
            cache: cache.join("coupon-tools"),
            cargo_bin: cargo_home.ok_or(XtaskError::NoHome)?.join("bin"),
        })
    }

    /// The repository root (the workspace).
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The built customer page (and dist/admin, the admin form).
    pub fn dist(&self) -> PathBuf {
        self.root.join("dist")
    }

    /// Cargo's target folder, shared by every package.
    pub fn target(&self) -> PathBuf {
        match non_empty_var("CARGO_TARGET_DIR") {
            Some(dir) => self.root.join(dir),
            None => self.root.join("target"),
        }
    }

    /// Tools that are not Rust crates (wasm-opt) live in versioned folders here.
    pub fn tool_cache(&self) -> &Path {
        &self.cache
    }

    /// Where `cargo install` puts binaries.
    pub fn cargo_bin(&self) -> &Path {
        &self.cargo_bin
    }
}

/// An environment variable's value, treating "set but empty" as unset.
fn non_empty_var(name: &str) -> Option<String> {
    env::var(name).ok().filter(|value| !value.is_empty())
}
