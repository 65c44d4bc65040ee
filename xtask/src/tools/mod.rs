//! The tools the project needs: how to tell whether each is there, and how to install it.

pub mod apt;
pub mod cargo_fuzz;
pub mod chromium;
pub mod nightly;
pub mod node;
pub mod npm_package;
pub mod postgres;
pub mod rust_src;
pub mod terser;
pub mod trunk;
pub mod typescript;
pub mod wasm_bindgen;
pub mod wasm_opt;
pub mod wasm_target;

use std::fmt;

use crate::error::XtaskError;
use crate::shell::Shell;

/// Whether a tool is usable as the project needs it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Status {
    /// Installed at the right version.
    Ready,
    /// Not installed.
    Missing,
    /// Installed, but another version than the one needed.
    Wrong { found: String },
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Status::Ready => f.write_str("ready"),
            Status::Missing => f.write_str("missing"),
            Status::Wrong { found } => write!(f, "found {found}"),
        }
    }
}

/// A tool that `cargo xtask setup` checks and installs.
pub trait Tool {
    /// The tool and the version the project needs, for people.
    fn name(&self) -> String;
    /// Checks the machine; quick and without side effects.
    fn status(&self, shell: &Shell) -> Result<Status, XtaskError>;
    /// Installs the needed version.
    fn install(&self, shell: &Shell) -> Result<(), XtaskError>;
}

/// Installs `tool` unless it is ready, then checks that the install worked.
pub fn ensure(shell: &Shell, tool: &dyn Tool) -> Result<(), XtaskError> {
    let name = tool.name();
    match tool.status(shell)? {
        Status::Ready => {
            println!("  {name}: already there");
            return Ok(());
        }
        status => println!("  {name}: {status}, installing"),
    }
    tool.install(shell)?;
    match tool.status(shell)? {
        Status::Ready => {
            println!("  {name}: installed");
            Ok(())
        }
        status => Err(XtaskError::StillNotReady { tool: name, status }),
    }
}

/// The word after `marker` in a tool's version output: `trunk 0.21.14` -> `0.21.14` for marker `trunk`.
pub fn word_after<'a>(text: &'a str, marker: &str) -> Option<&'a str> {
    let mut words = text.split_whitespace();
    words.by_ref().find(|word| *word == marker)?;
    words.next()
}

/// Compares a program's reported version with the one needed.
pub fn version_status(found: Option<&str>, wanted: &str) -> Status {
    match found {
        None => Status::Missing,
        Some(version) if version == wanted => Status::Ready,
        Some(version) => Status::Wrong { found: version.to_owned() },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_after_reads_version_lines() {
        assert_eq!(word_after("trunk 0.21.14", "trunk"), Some("0.21.14"));
        assert_eq!(word_after("wasm-opt version 132 (version_132)", "version"), Some("132"));
        assert_eq!(word_after("something else", "trunk"), None);
        assert_eq!(word_after("trunk", "trunk"), None);
    }

    #[test]
    fn version_status_tells_missing_from_wrong() {
        assert_eq!(version_status(None, "1.0"), Status::Missing);
        assert_eq!(version_status(Some("1.0"), "1.0"), Status::Ready);
        assert_eq!(version_status(Some("0.9"), "1.0"), Status::Wrong { found: "0.9".into() });
    }
}
