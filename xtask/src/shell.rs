//! Runs child processes from the repository root, with the project's tool folders first on PATH.

use std::env;
use std::ffi::{OsStr, OsString};
use std::io::ErrorKind;
use std::path::PathBuf;
use std::process::{Command, Stdio};

use crate::error::XtaskError;
use crate::layout::Layout;
use crate::tools::wasm_opt;

/// Starts every child process of xtask, so that all of them see the same tools.
#[derive(Debug)]
pub struct Shell {
    layout: Layout,
    path: OsString,
}

impl Shell {
    /// A shell whose PATH starts with wasm-opt's folder, then cargo's binaries, then the caller's PATH.
    pub fn new(layout: Layout) -> Self {
        // wasm-opt first: Debian's older binaryen breaks the bundle; cargo's bin so fresh installs are found.
        let first = [wasm_opt::WASM_OPT.bin_dir(&layout), layout.cargo_bin().to_path_buf()];
        let inherited = env::var_os("PATH").unwrap_or_default();
        let dirs: Vec<PathBuf> = first.into_iter().chain(env::split_paths(&inherited)).collect();
        let path = env::join_paths(dirs).expect("PATH entries never contain the separator");
        Shell { layout, path }
    }

    /// The project's folders.
    pub fn layout(&self) -> &Layout {
        &self.layout
    }

    /// A command for `program`, run in the repository root with the shell's PATH.
    pub fn cmd(&self, program: impl AsRef<OsStr>) -> Command {
        let mut command = Command::new(program);
        command.current_dir(self.layout.root()).env("PATH", &self.path);
        command
    }

    /// `cargo` with the given arguments.
    pub fn cargo(&self, args: &[&str]) -> Command {
        let mut command = self.cmd("cargo");
        command.args(args);
        command
    }

    /// Prints the command, runs it with the terminal attached, and fails if it fails.
    pub fn run(&self, command: &mut Command) -> Result<(), XtaskError> {
        let shown = describe(command);
        println!("$ {shown}");
        let status = command.status().map_err(|source| spawn_error(command, source))?;
        if status.success() {
            Ok(())
        } else {
            Err(XtaskError::CommandFailed { command: shown, status })
        }
    }

    /// The trimmed stdout of a quiet command, or None when the program is missing or fails.
    pub fn output_of(&self, command: &mut Command) -> Result<Option<String>, XtaskError> {
        let output = match command.stdin(Stdio::null()).stderr(Stdio::null()).output() {
            Ok(output) => output,
            Err(error) if error.kind() == ErrorKind::NotFound => return Ok(None),
            Err(source) => return Err(spawn_error(command, source)),
        };
        Ok(output.status.success().then(|| String::from_utf8_lossy(&output.stdout).trim().to_owned()))
    }
}

/// The command as a line a person could paste into a terminal, with the variables xtask set (PATH aside).
pub fn describe(command: &Command) -> String {
    let vars = command
        .get_envs()
        .filter(|(name, _)| *name != "PATH")
        .filter_map(|(name, value)| Some(format!("{}={}", name.to_string_lossy(), quote(value?))));
    let words = std::iter::once(quote(command.get_program())).chain(command.get_args().map(quote));
    vars.chain(words).collect::<Vec<_>>().join(" ")
}

/// Quotes a word for a POSIX shell when it needs it.
fn quote(word: &OsStr) -> String {
    let word = word.to_string_lossy();
    let plain = !word.is_empty() && word.chars().all(|c| c.is_ascii_alphanumeric() || "-_./=:+,@%".contains(c));
    if plain {
        word.into_owned()
    } else {
        format!("'{}'", word.replace('\'', r"'\''"))
    }
}

fn spawn_error(command: &Command, source: std::io::Error) -> XtaskError {
    XtaskError::Spawn { program: command.get_program().to_string_lossy().into_owned(), source }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn describe_shows_set_variables_and_quotes_odd_words() {
        let mut command = Command::new("cargo");
        command.env("PATH", "/x").env("CHROMEDRIVER", "/usr/bin/chromedriver").args(["test", "a b", "it's"]);
        assert_eq!(describe(&command), r"CHROMEDRIVER=/usr/bin/chromedriver cargo test 'a b' 'it'\''s'");
    }
}
